package dev.vigil.speech;

import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which of two voices of a mono call is the agent's: the one whose words sound like a contact-centre opening
 * (a greeting, the company's name, the agent's own name, an offer of help), and, when neither does, the one who
 * spoke first, because the agent answers an inbound call. Stateless and thread-safe.
 */
public final class AgentVoice {
    /** How the agent's voice was chosen, recorded in {@link dev.vigil.model.Recording#attribution()}. */
    public enum Basis {
        /** One voice used the opening's words clearly more than the other. */
        GREETING,
        /** Neither voice did; the first voice to speak is taken as the agent. */
        FIRST_SPEAKER,
        /** Only one voice was heard. */
        SINGLE_VOICE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** The choice: the index of the agent's voice among those given, and why. */
    public record Choice(int agent, Basis basis) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> OPENING_EN = Set.of("hello", "good", "morning", "afternoon", "evening",
            "thank", "thanks", "calling", "speaking", "name", "help", "assist", "welcome", "how", "may");
    private static final Set<String> OPENING_RU = Set.of("здравствуйте", "добрый", "день", "утро", "вечер",
            "компания", "меня", "зовут", "помочь", "могу", "слушаю", "спасибо", "звонок", "обращение");

    /**
     * Chooses the agent's voice.
     *
     * @param voices   the text each voice said, in the order the voices first spoke (index 0 spoke first); the
     *                 opening matters most, so pass each voice's first utterances
     * @param language the call's language
     * @param company  the company, whose names count as opening words
     * @param agent    the agent, whose first name counts as an opening word
     */
    public Choice choose(List<String> voices, Language language, CompanyProfile company, Person agent) {
        if (voices.size() < 2) {
            return new Choice(0, Basis.SINGLE_VOICE);
        }
        Set<String> opening = language == Language.RU ? OPENING_RU : OPENING_EN;
        var names = new java.util.HashSet<String>();
        company.allNames().forEach(n -> words(n).forEach(names::add));
        agent.firstName().ifPresent(n -> words(n).forEach(names::add));
        int best = -1;
        double bestScore = 0;
        double second = 0;
        for (int i = 0; i < voices.size(); i++) {
            double score = 0;
            for (String w : words(voices.get(i))) {
                if (names.contains(w)) {
                    score += 2; // a name is strong evidence: customers rarely say the agent's or company's name
                } else if (opening.contains(w)) {
                    score += 1;
                }
            }
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = i;
            } else if (score > second) {
                second = score;
            }
        }
        // a clear margin, or the first voice spoke first anyway
        if (best >= 0 && bestScore >= second + 2) {
            return new Choice(best, Basis.GREETING);
        }
        return new Choice(0, Basis.FIRST_SPEAKER);
    }

    private static List<String> words(String text) {
        var out = new java.util.ArrayList<String>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
