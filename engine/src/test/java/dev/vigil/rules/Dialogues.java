package dev.vigil.rules;

import dev.vigil.model.Channel;
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

/** Builds synthetic chat interactions for tests: one turn per line, ten seconds apart. */
final class Dialogues {
    private final Language language;
    private final String agentName;
    private final List<Turn> turns = new ArrayList<>();

    private Dialogues(Language language, String agentName) {
        this.language = language;
        this.agentName = agentName;
    }

    static Dialogues chat(Language language, String agentName) {
        return new Dialogues(language, agentName);
    }

    Dialogues agent(String text) {
        return turn(Speaker.AGENT, text, language);
    }

    Dialogues customer(String text) {
        return turn(Speaker.CUSTOMER, text, language);
    }

    Dialogues turn(Speaker speaker, String text, Language lang) {
        int i = turns.size();
        turns.add(new Turn(i, speaker, TimeSpan.ofMillis(i * 10_000L, i * 10_000L + 5_000L), text, lang, List.of()));
        return this;
    }

    Dialogues turn(Turn turn) {
        turns.add(turn);
        return this;
    }

    Interaction build() {
        return new Interaction("test-" + turns.size(), Channel.CHAT, language, Person.of("a.test", agentName),
                Optional.of(Person.of("c.test", null)), Instant.parse("2026-11-21T09:00:00Z"),
                Duration.ofMillis(Math.max(0, turns.size() * 10_000L - 5_000L)), turns, List.of(), OptionalInt.empty(),
                Path.of("chats/test.json"));
    }
}
