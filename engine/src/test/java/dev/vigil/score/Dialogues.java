package dev.vigil.score;

import dev.vigil.analyze.Analysis;
import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.CharSpan;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Hand-built synthetic analyses for scorecard tests: a short chat plus chosen findings and metrics. */
final class Dialogues {
    private Dialogues() {
    }

    static Interaction chat() {
        return interaction(Channel.CHAT);
    }

    static Interaction interaction(Channel channel) {
        var turns = new ArrayList<Turn>();
        String[][] lines = {
                {"agent", "Good morning, Northwind Telecom, Sam speaking, how can I help?"},
                {"customer", "My internet has been down for three days, this is unacceptable."},
                {"agent", "Let me check the line for you."},
                {"agent", "Well, that's your problem, not ours."},
                {"customer", "I want to speak to a supervisor."},
                {"agent", "Is there anything else? Goodbye."}};
        for (int i = 0; i < lines.length; i++) {
            turns.add(new Turn(i, Speaker.fromCode(lines[i][0]), TimeSpan.ofMillis(i * 10_000L, i * 10_000L),
                    lines[i][1], Language.EN, List.of()));
        }
        return new Interaction("test-001", channel, Language.EN, Person.of("s.fox", "Sam Fox"),
                Optional.of(Person.of("c-1", null)), Instant.parse("2026-11-21T09:00:00Z"), Duration.ofSeconds(50),
                turns, List.of(), OptionalInt.empty(), Path.of("chats/test-001.json"));
    }

    /** A finding covering the whole text of a turn of {@link #chat()}. */
    static Finding finding(String ruleId, Category category, Speaker speaker, int turn, String text) {
        return new Finding(ruleId, category, speaker, turn, TimeSpan.ofMillis(turn * 10_000L, turn * 10_000L),
                new CharSpan(0, text.length()), text, 1.0);
    }

    static Finding finding(Category category, Speaker speaker, int turn) {
        String text = chat().turns().get(turn).text();
        return finding(category.code() + ".test", category, speaker, turn, text);
    }

    static Analysis analysis(List<Finding> findings) {
        return Analysis.of(chat()).withFindings(findings);
    }

    static Analysis analysis(List<Finding> findings, Map<String, Double> metrics) {
        return Analysis.of(chat()).withFindings(findings).withMetrics(metrics);
    }

    /** Loads a scorecard from YAML text, skipping the rule id check. */
    static Scorecard scorecard(String yaml) {
        return new ScorecardLoader().load("test.yaml", yaml, java.util.Set.of());
    }
}
