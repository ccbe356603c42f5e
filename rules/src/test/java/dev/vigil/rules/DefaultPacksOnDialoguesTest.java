package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default packs on whole synthetic conversations: the right categories, on the right turns. */
class DefaultPacksOnDialoguesTest {
    private static RuleMatchingStep step;

    @BeforeAll
    static void load() {
        step = new RuleMatchingStep(RuleSet.load(RuleSource.classpath()),
                new CompanyProfile("Northwind Telecom", List.of("Northwind", "Связь-Плюс")));
    }

    @AfterAll
    static void close() {
        step.close();
    }

    private static Interaction chat(Language language, String agentName, String... lines) {
        var turns = new ArrayList<Turn>();
        for (int i = 0; i < lines.length; i++) {
            Speaker speaker = lines[i].startsWith("A: ") ? Speaker.AGENT : Speaker.CUSTOMER;
            turns.add(new Turn(i, speaker, TimeSpan.ofMillis(i * 20_000L, i * 20_000L + 10_000L),
                    lines[i].substring(3), language, List.of()));
        }
        return new Interaction("dialogue", Channel.CHAT, language, Person.of("agent", agentName),
                Optional.empty(), Instant.parse("2026-11-21T09:00:00Z"), Duration.ofSeconds(lines.length * 20L),
                turns, List.of(), OptionalInt.empty(), Path.of("chats/dialogue.json"));
    }

    private static List<String> categoriesByTurn(Interaction interaction) {
        return step.findings(interaction).stream().map(f -> f.turn() + ":" + f.category().code()).distinct().toList();
    }

    @Test
    void findsScriptEmpathyComplaintAndEscalationInAnEnglishChat() {
        Interaction chat = chat(Language.EN, "John Carter",
                "A: Good morning, thank you for contacting Northwind Telecom, my name is John. How can I help?",
                "C: Hi. My broadband is still not working and this is the third time I'm writing.",
                "A: I'm really sorry about that, I can imagine how frustrating it is. Let me check the line.",
                "C: If it's not fixed today I want to speak to your manager.",
                "A: I've booked an engineer for tomorrow morning. Is there anything else I can help with?",
                "C: No, thanks.",
                "A: Thank you for your patience, have a good day. Goodbye!");

        assertThat(categoriesByTurn(chat)).containsExactly(
                "0:greeting_ok", "1:complaint", "2:apology", "2:empathy", "3:escalation",
                "4:closing_ok", "6:closing_ok", "6:empathy");
    }

    @Test
    void findsRudenessProfanityAndTheCustomersComplaintsButNoScriptInABadEnglishChat() {
        Interaction chat = chat(Language.EN, "John Carter",
                "A: Yes?",
                "C: My f***ing bill is wrong again!",
                "A: Calm down. It's your own fault for not reading the contract.",
                "C: Unbelievable.");

        List<Finding> findings = step.findings(chat);

        // several rules may find the same category in one turn ("wrong again" is a fault and a grievance)
        assertThat(findings.stream().map(f -> f.turn() + ":" + f.category().code()).distinct().toList())
                .containsExactly("1:profanity", "1:complaint", "2:rudeness", "3:complaint");
        assertThat(findings.get(0).text()).isEqualTo("f***ing");
        assertThat(findings).noneMatch(f -> f.category() == Category.GREETING_OK);
    }

    @Test
    void findsScriptComplaintApologyAndEscalationInARussianChat() {
        Interaction chat = chat(Language.RU, "Анна Иванова",
                "A: Здравствуйте! Меня зовут Анна, компания «Связь-Плюс». Чем могу помочь?",
                "C: У меня опять не работает интернет, это уже третий раз за месяц.",
                "A: Приносим извинения за неудобства. Понимаю, как это неприятно.",
                "C: Если завтра не починят, напишу жалобу в Роспотребнадзор.",
                "A: Мастер приедет завтра до обеда. Могу ли я ещё чем-то помочь?",
                "C: Нет, спасибо.",
                "A: Спасибо за обращение, всего доброго!");

        assertThat(categoriesByTurn(chat)).containsExactly(
                "0:greeting_ok", "1:complaint", "2:apology", "2:empathy", "3:complaint", "3:escalation",
                "4:closing_ok", "6:closing_ok");
    }

    @Test
    void findsNothingInAPoliteRussianChatWithoutScript() {
        Interaction chat = chat(Language.RU, "Анна Иванова",
                "A: Добрый день, слушаю вас.",
                "C: Не то чтобы жалоба, просто хотел уточнить дату списания.",
                "A: Списание происходит первого числа.",
                "C: Понятно, ничего страшного.");

        assertThat(step.findings(chat)).isEmpty();
    }

    @Test
    void keepsNegationGuardsWhenAnotherNegationWordCameInAnEarlierTurn() {
        // Lucene 9.11 fn:atLeast inside fn:extend loses a later hit of one word after an earlier hit of another,
        // so the default packs nest one fn:notContainedBy per negation word.
        Interaction english = chat(Language.EN, "John Carter",
                "A: Hello, how can I help?",
                "C: I don't know if this is the right team.",
                "A: Sure, go ahead.",
                "C: I'm not disappointed with the speed, I only want to move my plan to a new address.",
                "A: Of course.",
                "C: I'm not going to cancel the contract, don't worry.");
        Interaction russian = chat(Language.RU, "Анна Иванова",
                "A: Добрый день, слушаю вас.",
                "C: Не знаю, к вам ли я обращаюсь.",
                "A: Да, слушаю.",
                "C: Никаких претензий, просто хочу уточнить тариф. Расторгать договор не собираюсь.");

        assertThat(categoriesByTurn(english)).doesNotContain("3:complaint", "5:escalation");
        assertThat(categoriesByTurn(russian)).doesNotContain("3:complaint", "3:escalation");
    }
}
