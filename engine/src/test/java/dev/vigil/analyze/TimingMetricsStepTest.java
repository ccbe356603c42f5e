package dev.vigil.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TimingMetricsStepTest {

    private final TimingMetricsStep step = new TimingMetricsStep();

    /** A turn of a written channel: said at one instant, given in seconds from the start. */
    private record Line(String speaker, double atS, String text) {
    }

    private static Interaction interaction(Channel channel, Duration duration, List<Turn> turns) {
        return new Interaction("t-1", channel, Language.EN, Person.of("a.lee", "Alex Lee"), Optional.empty(),
                Instant.parse("2026-11-21T09:00:00Z"), duration, turns, List.of(), OptionalInt.empty(),
                Path.of("chats/t-1.json"));
    }

    private static Interaction chat(Line... lines) {
        var turns = new ArrayList<Turn>();
        for (Line l : lines) {
            long ms = Math.round(l.atS() * 1000);
            turns.add(new Turn(turns.size(), Speaker.fromCode(l.speaker()), TimeSpan.ofMillis(ms, ms), l.text(),
                    Language.EN, List.of()));
        }
        return interaction(Channel.CHAT, Duration.ZERO, turns);
    }

    private Map<String, Double> metrics(Interaction interaction) {
        return step.apply(Analysis.of(interaction)).metrics();
    }

    @Test
    void measuresTheAgentsFirstReplyAfterTheCustomerOpens() {
        // given the customer writes first and the agent answers 45 s later
        var chat = chat(new Line("customer", 0, "Hi, my bill is wrong."),
                new Line("agent", 45, "Hello! Let me check."),
                new Line("customer", 60, "Thanks"),
                new Line("agent", 75, "Fixed."));

        // when
        Map<String, Double> m = metrics(chat);

        // then
        assertThat(m).containsEntry("first_response_s", 45.0)
                .containsEntry("mean_response_s", 30.0)
                .containsEntry("agent_turns", 2.0)
                .containsEntry("customer_turns", 2.0)
                .containsEntry("duration_s", 75.0);
    }

    @Test
    void firstResponseIsZeroWhenTheAgentSpeaksFirst() {
        var chat = chat(new Line("agent", 5, "Good morning, how can I help?"),
                new Line("customer", 20, "Where is my parcel?"),
                new Line("agent", 140, "It arrives tomorrow."));

        Map<String, Double> m = metrics(chat);

        assertThat(m).containsEntry("first_response_s", 0.0).containsEntry("mean_response_s", 120.0);
    }

    @Test
    void measuresRepliesFromTheCustomersFirstUnansweredMessage() {
        // given the customer sends three messages before the agent replies
        var chat = chat(new Line("customer", 0, "Hello?"),
                new Line("customer", 30, "Anyone there?"),
                new Line("unknown", 40, "[system] You are in the queue."),
                new Line("customer", 50, "Hello??"),
                new Line("agent", 90, "Sorry for the wait."));

        Map<String, Double> m = metrics(chat);

        assertThat(m).containsEntry("first_response_s", 90.0)
                .containsEntry("mean_response_s", 90.0)
                .containsEntry("customer_turns", 3.0)
                .containsEntry("agent_turns", 1.0);
    }

    @Test
    void leavesResponseTimesOutWhenTheAgentNeverReplied() {
        var chat = chat(new Line("customer", 0, "Is anyone there?"), new Line("customer", 600, "Bye."));

        Map<String, Double> m = metrics(chat);

        assertThat(m).doesNotContainKeys("first_response_s", "mean_response_s")
                .containsEntry("agent_talk_ratio", 0.0)
                .containsEntry("agent_turns", 0.0)
                .containsEntry("duration_s", 600.0);
    }

    @Test
    void talkRatioOfWrittenChannelsCountsCharactersOfKnownSpeakers() {
        // given 30 agent characters, 10 customer characters and a system line that is left out
        var chat = chat(new Line("agent", 0, "a".repeat(30)),
                new Line("unknown", 1, "b".repeat(100)),
                new Line("customer", 2, "  " + "c".repeat(10) + "\n"));

        Map<String, Double> m = metrics(chat);

        assertThat(m.get("agent_talk_ratio")).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void talkRatioOfCallsCountsSpeakingTime() {
        // given the agent speaks 6 s (short words), the customer 2 s (many words)
        var turns = List.of(
                new Turn(0, Speaker.AGENT, TimeSpan.ofMillis(0, 6_000), "Hello", Language.EN, List.of()),
                new Turn(1, Speaker.CUSTOMER, TimeSpan.ofMillis(8_500, 10_500), "I have a rather long question",
                        Language.EN, List.of()),
                new Turn(2, Speaker.AGENT, TimeSpan.ofMillis(12_000, 12_000), "", Language.EN, List.of()));
        var call = interaction(Channel.CALL, Duration.ofSeconds(20), turns);

        Map<String, Double> m = metrics(call);

        assertThat(m.get("agent_talk_ratio")).isCloseTo(0.75, within(1e-9));
        assertThat(m).containsEntry("duration_s", 20.0)
                .containsEntry("first_response_s", 0.0)
                .containsEntry("mean_response_s", 1.5);
    }

    @Test
    void durationIsTheLaterOfTheRecordedDurationAndTheLastTurn() {
        var turns = List.of(new Turn(0, Speaker.AGENT, TimeSpan.ofMillis(0, 3_250), "Hi", Language.EN, List.of()));

        assertThat(metrics(interaction(Channel.CALL, Duration.ofSeconds(2), turns))).containsEntry("duration_s", 3.25);
        assertThat(metrics(interaction(Channel.CALL, Duration.ofSeconds(9), turns))).containsEntry("duration_s", 9.0);
    }

    @Test
    void countsANegativeDelayFromClockSkewAsZero() {
        var turns = List.of(
                new Turn(0, Speaker.CUSTOMER, TimeSpan.ofMillis(0, 5_000), "Hello", Language.EN, List.of()),
                new Turn(1, Speaker.AGENT, TimeSpan.ofMillis(4_000, 6_000), "Hi", Language.EN, List.of()));

        assertThat(metrics(interaction(Channel.CALL, Duration.ZERO, turns))).containsEntry("first_response_s", 0.0);
    }

    @Test
    void producesOnlyTimingMetricsAndKeepsEarlierOnes() {
        // given
        var analysis = Analysis.of(chat(new Line("agent", 0, "Hi"))).withMetrics(Map.of("silence_ratio", 0.1));

        // when
        Analysis out = step.apply(analysis);

        // then
        assertThat(out.metrics()).containsOnlyKeys("silence_ratio", "duration_s", "agent_turns", "customer_turns",
                "first_response_s", "agent_talk_ratio");
        assertThat(out.findings()).isEmpty();
        assertThat(step.produces()).containsExactly(Product.TIMING_METRICS);
        assertThat(AnalysisPipeline.of(List.of(step)).run(analysis.interaction()).metrics())
                .containsEntry("agent_talk_ratio", 1.0);
    }
}
