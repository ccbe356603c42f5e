package dev.vigil.uptake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UptakeTallyTest {
    static final TrainingSet TRAININGS = TrainingLoaderTest.load(TrainingLoaderTest.EMPATHY);
    static final String ACK = TRAININGS.metricOf("empathy-nov", "acknowledge");
    static final String HOLD = TRAININGS.metricOf("hold-etiquette", "ask");

    static String line(String agent, String startedAt, Map<String, Double> metrics, boolean review) {
        var sb = new StringBuilder("{\"interaction_id\":\"i-" + startedAt + "\",\"agent_id\":\"" + agent
                + "\",\"started_at\":\"" + startedAt + "\",\"score\":80" + (review ? ",\"needs_review\":true" : "")
                + ",\"metrics\":{\"agent_turns\":4");
        metrics.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v));
        return sb.append("}}").toString();
    }

    @Test
    void comparesTheShareOfInteractionsUsingEachTechniqueBeforeAndAfterTheTrainingDay() {
        UptakeTally tally = new UptakeTally("j.carter", TRAININGS, ZoneOffset.UTC);
        // before 2026-11-20: 1 of 4 interactions used it
        tally.addLine(line("j.carter", "2026-11-18T10:00:00Z", Map.of(ACK, 0.0), false));
        tally.addLine(line("j.carter", "2026-11-19T10:00:00Z", Map.of(ACK, 2.0), false));
        tally.addLine(line("j.carter", "2026-11-19T12:00:00Z", Map.of(ACK, 0.0), false));
        tally.addLine(line("j.carter", "2026-11-19T23:59:59Z", Map.of(ACK, 0.0), false));
        // on and after the day: 2 of 2 (the day itself counts as after)
        tally.addLine(line("j.carter", "2026-11-20T00:00:00Z", Map.of(ACK, 1.0), false));
        tally.addLine(line("j.carter", "2026-11-21T09:00:00Z", Map.of(ACK, 3.0), false));
        // not counted: sent to human review, another agent's line, a line without the metric (another language)
        tally.addLine(line("j.carter", "2026-11-21T10:00:00Z", Map.of(ACK, 0.0), true));
        tally.addLine(line("d.mills", "2026-11-21T10:00:00Z", Map.of(ACK, 0.0), false));
        tally.addLine(line("j.carter", "2026-11-21T11:00:00Z", Map.of(), false));

        List<TrainingUptake> result = tally.result();

        assertThat(result).extracting(TrainingUptake::trainingId).containsExactly("empathy-nov", "hold-etiquette");
        TechniqueUptake ack = result.get(0).techniques().get(0);
        assertThat(ack.title()).isEqualTo("Acknowledge the frustration");
        assertThat(ack.before()).isEqualTo(new UptakeShare(4, 1, 2));
        assertThat(ack.after()).isEqualTo(new UptakeShare(2, 2, 4));
        assertThat(ack.before().rate().getAsDouble()).isEqualTo(0.25);
        assertThat(ack.change().getAsDouble()).isCloseTo(0.75, within(1e-9));
        TechniqueUptake hold = result.get(1).techniques().get(0);
        assertThat(hold.before()).isEqualTo(UptakeShare.NONE);
        assertThat(hold.change()).isEmpty();
        assertThat(result.get(0).hasInteractions()).isTrue();
        assertThat(result.get(1).hasInteractions()).isFalse();
    }

    @Test
    void leavesOutTrainingsTheAgentDidNotAttend() {
        UptakeTally tally = new UptakeTally("d.mills", TRAININGS, ZoneOffset.UTC);
        tally.add(Instant.parse("2026-11-21T09:00:00Z"), Map.of(ACK, 1.0, HOLD, 1.0));

        assertThat(tally.result()).singleElement().satisfies(t -> {
            assertThat(t.trainingId()).isEqualTo("hold-etiquette");
            // the hold training is on 2026-11-25, after this interaction
            assertThat(t.techniques().get(0).before()).isEqualTo(new UptakeShare(1, 1, 1));
            assertThat(t.techniques().get(0).after()).isEqualTo(UptakeShare.NONE);
        });
        assertThat(new UptakeTally("d.mills", TrainingSet.empty(), ZoneOffset.UTC).hasTrainings()).isFalse();
    }

    @Test
    void theTrainingDayBeginsInTheInboxesTimeZone() {
        UptakeTally moscow = new UptakeTally("a.ivanova", TRAININGS, ZoneId.of("Europe/Moscow"));
        // 22:30 UTC on the 19th is 01:30 on the 20th in Moscow: after the training
        moscow.add(Instant.parse("2026-11-19T22:30:00Z"), Map.of(ACK, 0.0));
        UptakeTally utc = new UptakeTally("a.ivanova", TRAININGS, ZoneOffset.UTC);
        utc.add(Instant.parse("2026-11-19T22:30:00Z"), Map.of(ACK, 0.0));

        assertThat(moscow.result().get(0).techniques().get(0).after().interactions()).isEqualTo(1);
        assertThat(utc.result().get(0).techniques().get(0).before().interactions()).isEqualTo(1);
    }
}
