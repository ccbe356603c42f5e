package dev.vigil.uptake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Channel;
import dev.vigil.model.CompanyProfile;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UptakeMatcherTest {
    static UptakeMatcher matcher;

    @BeforeAll
    static void load() {
        matcher = new UptakeMatcher(TrainingLoaderTest.load(TrainingLoaderTest.EMPATHY),
                new CompanyProfile("Northwind Telecom", List.of()));
    }

    @AfterAll
    static void close() {
        matcher.close();
    }

    static String metric(String training, String technique) {
        return matcher.trainings().metricOf(training, technique);
    }

    /** A chat in {@code language}; lines starting with "c:" are the customer's, the others the agent's. */
    static Interaction chat(Language language, String... lines) {
        var turns = new ArrayList<Turn>();
        for (String line : lines) {
            int i = turns.size();
            boolean customer = line.startsWith("c:");
            turns.add(new Turn(i, customer ? Speaker.CUSTOMER : Speaker.AGENT,
                    TimeSpan.ofMillis(i * 10_000L, i * 10_000L + 5_000L), customer ? line.substring(2) : line,
                    language, List.of()));
        }
        return new Interaction("chat-" + turns.size(), Channel.CHAT, language, Person.of("j.carter", "John Carter"),
                Optional.of(Person.of("c.1", null)), Instant.parse("2026-11-21T09:00:00Z"),
                Duration.ofSeconds(turns.size() * 10L), turns, List.of(), OptionalInt.empty(), Path.of("chat.json"));
    }

    @Test
    void countsTheAgentsTurnsThatUseEachTechniqueOfTheInteractionsLanguage() {
        Map<String, Double> metrics = matcher.metrics(chat(Language.EN,
                "Hello, how can I help?",
                "c:I understand how frustrating it is, says my wife.",
                "I understand how frustrating that must be.",
                "Again, I understand how frustrating this is. May I put you on hold for a minute?"));

        assertThat(metrics).containsExactly(
                Map.entry(metric("empathy-nov", "acknowledge"), 2.0),
                Map.entry(metric("hold-etiquette", "ask"), 1.0));
    }

    @Test
    void recordsZeroUsesSoThatTheInteractionCountsAndLeavesOutTechniquesWithoutAQueryInItsLanguage() {
        Map<String, Double> russian = matcher.metrics(chat(Language.RU, "Здравствуйте! Чем могу помочь?"));
        Map<String, Double> used = matcher.metrics(chat(Language.RU, "Понимаю, как это неприятно, сейчас проверю."));

        assertThat(russian).containsExactly(Map.entry(metric("empathy-nov", "acknowledge"), 0.0));
        assertThat(used).containsExactly(Map.entry(metric("empathy-nov", "acknowledge"), 1.0));
        assertThat(matcher.trainings().metrics(Language.RU)).containsExactly(metric("empathy-nov", "acknowledge"));
    }

    @Test
    void anEmptyTrainingSetGivesNoMetrics() {
        try (var none = new UptakeMatcher(TrainingSet.empty(), new CompanyProfile("", List.of()))) {
            assertThat(none.metrics(chat(Language.EN, "I understand how frustrating that must be."))).isEmpty();
        }
    }
}
