package dev.vigil.report;

import static dev.vigil.report.ReportFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.config.Agent;
import dev.vigil.config.Roster;
import dev.vigil.model.Channel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AgentRollupTest {

    @Test
    void meanAndConfidenceIntervalFollowStudentsT() {
        // given scores 60, 70, 80, 90: mean 75, sample sd 12.9099, t(0.975, 3) = 3.182
        AgentRollup rollup = new AgentRollup("a", "A", "T1", "2026-11-21");
        for (double score : new double[] {60, 70, 80, 90}) {
            rollup.add(summary("i" + score, "a", Channel.CHAT, score, true, false, List.of(), List.of(), Map.of(),
                    OptionalInt.empty()));
        }

        // when
        AgentScorecard card = rollup.scorecard();

        // then
        double half = 3.182 * Math.sqrt(500.0 / 3) / 2;
        assertThat(card.meanScore()).isCloseTo(75, within(1e-9));
        assertThat(card.ciLow()).isCloseTo(75 - half, within(1e-9));
        assertThat(card.ciHigh()).isCloseTo(75 + half, within(1e-9));
        assertThat(card.ciLow()).isCloseTo(54.46, within(0.01));
    }

    @Test
    void oneInteractionHasAnIntervalEqualToItsScore() {
        AgentScorecard card = new AgentRollup("a", "A", "", "p")
                .add(summary("i", "a", Channel.CALL, 42.5, false, false, List.of(), List.of(), Map.of(),
                        OptionalInt.empty()))
                .scorecard();

        assertThat(card.meanScore()).isEqualTo(42.5);
        assertThat(card.ciLow()).isEqualTo(42.5);
        assertThat(card.ciHigh()).isEqualTo(42.5);
    }

    @Test
    void intervalIsClampedToTheScoreRange() {
        AgentRollup rollup = new AgentRollup("a", "A", "", "p");
        rollup.add(summary("1", "a", Channel.CHAT, 100, true, false, List.of(), List.of(), Map.of(), OptionalInt.empty()));
        rollup.add(summary("2", "a", Channel.CHAT, 10, false, false, List.of(), List.of(), Map.of(), OptionalInt.empty()));

        AgentScorecard card = rollup.scorecard();

        assertThat(card.ciLow()).isEqualTo(0);
        assertThat(card.ciHigh()).isEqualTo(100);
    }

    @Test
    void countsChannelsPassRateAutoFailsComplaintsEscalationsAndCsat() {
        // given
        AgentRollup rollup = new AgentRollup("a", "A", "T1", "2026-11-21");
        rollup.add(summary("1", "a", Channel.CHAT, 90, true, false, List.of("complaint"), List.of(), Map.of(),
                OptionalInt.of(5)));
        rollup.add(summary("2", "a", Channel.CHAT, 20, false, true, List.of("complaint", "escalation"), List.of(),
                Map.of(), OptionalInt.of(2)));
        rollup.add(summary("3", "a", Channel.EMAIL, 80, true, false, List.of(), List.of(), Map.of(),
                OptionalInt.empty()));
        rollup.add(summary("4", "a", Channel.CALL, 70, false, false, List.of("rudeness"), List.of(), Map.of(),
                OptionalInt.empty()));

        // when
        AgentScorecard card = rollup.scorecard();

        // then
        assertThat(card.interactions()).isEqualTo(4);
        assertThat(card.chats()).isEqualTo(2);
        assertThat(card.emails()).isEqualTo(1);
        assertThat(card.calls()).isEqualTo(1);
        assertThat(card.passRate()).isEqualTo(0.5);
        assertThat(card.autoFails()).isEqualTo(1);
        assertThat(card.complaints()).isEqualTo(2);
        assertThat(card.escalations()).isEqualTo(1);
        assertThat(card.meanCsat()).hasValue(3.5);
        assertThat(card.meanScore()).isCloseTo(65, within(1e-9));
    }

    @Test
    void meanCsatIsEmptyWithoutSurveyAnswers() {
        AgentScorecard card = new AgentRollup("a", "A", "", "p")
                .add(summary("1", "a", Channel.CHAT, 90, true, false, List.of(), List.of(), Map.of(), OptionalInt.empty()))
                .scorecard();

        assertThat(card.meanCsat()).isEmpty();
    }

    @Test
    void weakestItemsAreTheThreeFailedMostOftenWithTiesById() {
        // given: closing failed 3 times, empathy and apology twice each, greeting and hold once
        AgentRollup rollup = new AgentRollup("a", "A", "", "p");
        rollup.add(fail("1", "closing", "empathy", "hold"));
        rollup.add(fail("2", "closing", "empathy", "apology"));
        rollup.add(fail("3", "closing", "apology", "greeting"));

        // when
        AgentScorecard card = rollup.scorecard();

        // then
        assertThat(card.weakestItems()).containsExactly("closing", "apology", "empathy");
    }

    @Test
    void sectionPercentIsTheMeanWhereTheSectionApplied() {
        AgentRollup rollup = new AgentRollup("a", "A", "", "p");
        rollup.add(summary("1", "a", Channel.CHAT, 90, true, false, List.of(), List.of(),
                Map.of("greeting", 100.0, "closing", 50.0), OptionalInt.empty()));
        rollup.add(summary("2", "a", Channel.CHAT, 90, true, false, List.of(), List.of(),
                Map.of("greeting", 50.0), OptionalInt.empty()));

        AgentScorecard card = rollup.scorecard();

        assertThat(card.sectionPercent()).containsOnly(Map.entry("closing", 50.0), Map.entry("greeting", 75.0));
        assertThat(card.sectionPercent().keySet()).containsExactly("closing", "greeting");
    }

    @Test
    void rejectsASummaryOfAnotherAgent() {
        AgentRollup rollup = new AgentRollup("a", "A", "", "p");

        assertThatThrownBy(() -> rollup.add(summary("1", "b", Channel.CHAT, 90, true, false, List.of(), List.of(),
                Map.of(), OptionalInt.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent b");
    }

    @Test
    void criticalValuesMatchTheTablesAndApproachTheNormalQuantile() {
        assertThat(StudentT.critical95(1)).isEqualTo(12.706);
        assertThat(StudentT.critical95(30)).isEqualTo(2.042);
        assertThat(StudentT.critical95(31)).isCloseTo(2.040, within(0.001));
        assertThat(StudentT.critical95(40)).isCloseTo(2.021, within(0.001));
        assertThat(StudentT.critical95(120)).isCloseTo(1.980, within(0.001));
        assertThat(StudentT.critical95(100_000)).isCloseTo(1.960, within(0.001));
    }

    @Test
    void teamRollupGroupsByAgentAndTakesNamesFromTheRoster() {
        // given
        Roster roster = Roster.of(List.of(new Agent("a", "Анна Иванова", Optional.empty(), Optional.of("Поддержка"),
                Optional.empty())));
        TeamRollup team = new TeamRollup("2026-11-21", roster);

        // when
        ReportFixtures.many(3).forEach(team::add);
        team.add(summary("z", "unknown.agent", Channel.CALL, 10, false, false, List.of(), List.of(), Map.of(),
                OptionalInt.empty()));
        List<AgentScorecard> cards = team.scorecards();

        // then
        assertThat(team.interactions()).isEqualTo(4);
        assertThat(cards).extracting(AgentScorecard::agentId).containsExactly("a", "unknown.agent");
        assertThat(cards.get(0).agentName()).isEqualTo("Анна Иванова");
        assertThat(cards.get(0).team()).isEqualTo("Поддержка");
        assertThat(cards.get(0).interactions()).isEqualTo(3);
        assertThat(cards.get(0).meanScore()).isEqualTo(51.0);
        assertThat(cards.get(1).agentName()).isEqualTo("unknown.agent");
        assertThat(cards.get(1).team()).isEmpty();
        assertThat(cards.get(1).period()).isEqualTo("2026-11-21");
    }

    private static EvaluationSummary fail(String id, String... items) {
        return summary(id, "a", Channel.CHAT, 50, false, false, List.of(), List.of(items), Map.of(),
                OptionalInt.empty());
    }
}
