package dev.vigil.report;

import static dev.vigil.report.ReportFixtures.reviewSummary;
import static dev.vigil.report.ReportFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.config.Roster;
import dev.vigil.model.Channel;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Language;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Interactions sent to human review: written, parsed back, counted, and kept out of every score statistic. */
class HumanReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "transcript confidence 0.31 below 0.50";

    @Test
    void reviewedLineCarriesNeedsReviewAndReasonAndKeepsTheComputedScore() throws Exception {
        // given
        Evaluation reviewed = ReportFixtures.sentToReview(ReportFixtures.englishCall(), REASON);

        // when
        JsonNode line = JSON.readTree(EvaluationJson.line(reviewed));

        // then
        assertThat(line.get("needs_review").asBoolean()).isTrue();
        assertThat(line.get("review_reason").asText()).isEqualTo(REASON);
        assertThat(line.get("score").asDouble()).isEqualTo(62.5);
        assertThat(line.get("passed").asBoolean()).isFalse();
        List<String> keys = names(line.fieldNames());
        assertThat(keys).containsSubsequence("interaction_id", "score", "passed", "auto_fail", "scorecard",
                "needs_review", "review_reason", "findings", "metrics", "items");
    }

    @Test
    void autoScoredLineHasNeitherReviewField() throws Exception {
        JsonNode line = JSON.readTree(EvaluationJson.line(ReportFixtures.englishCall()));

        assertThat(line.has("needs_review")).isFalse();
        assertThat(line.has("review_reason")).isFalse();
    }

    @Test
    void summaryParsesTheReviewReasonAndIsNotFlaggedForTheTrainer() {
        // given a failed, flagged call sent to review
        String line = EvaluationJson.line(ReportFixtures.sentToReview(ReportFixtures.englishCall(), REASON));

        // when
        EvaluationSummary s = EvaluationJson.summary(line);

        // then
        assertThat(s.review()).contains(REASON);
        assertThat(s.autoScored()).isFalse();
        assertThat(s.flagged()).as("listed for review, not among failed interactions").isFalse();
        assertThat(EvaluationJson.summary(EvaluationJson.line(ReportFixtures.englishCall())).review()).isEmpty();
    }

    @Test
    void rollupLeavesReviewedInteractionsOutOfEveryScoreStatisticAndCountsThem() {
        // given two auto-scored calls (80 and 90, passed) and one reviewed call that failed badly (score 10,
        // auto-fail, complaint, a failed item and an empty section): averaged in, it would give mean 60 and pass 2/3
        AgentRollup rollup = new AgentRollup("a", "A", "", "2026-11-21");
        rollup.add(summary("c1", "a", Channel.CALL, 80, true, false, List.of(), List.of("closing.scripted"),
                Map.of("greeting", 100.0), OptionalInt.of(4)));
        rollup.add(summary("c2", "a", Channel.CALL, 90, true, false, List.of(), List.of(), Map.of("greeting", 100.0),
                OptionalInt.empty()));
        rollup.add(reviewSummary("c3", "a", Channel.CALL, 10, List.of("complaint", "escalation"),
                List.of("greeting.scripted", "hold.etiquette"), Map.of("greeting", 0.0, "effort", 0.0), REASON));

        // when
        AgentScorecard card = rollup.scorecard();

        // then
        assertThat(card.interactions()).isEqualTo(3);
        assertThat(card.calls()).isEqualTo(3);
        assertThat(card.needsReview()).isEqualTo(1);
        assertThat(card.scored()).isEqualTo(2);
        assertThat(card.meanScore()).isCloseTo(85, within(1e-9));
        double half = 12.706 * Math.sqrt(50) / Math.sqrt(2); // t(0.975, 1) with the two auto-scored scores
        assertThat(card.ciLow()).isCloseTo(Math.max(0, 85 - half), within(1e-6));
        assertThat(card.ciHigh()).isCloseTo(Math.min(100, 85 + half), within(1e-6));
        assertThat(card.passRate()).isEqualTo(1.0);
        assertThat(card.autoFails()).isZero();
        assertThat(card.complaints()).isZero();
        assertThat(card.escalations()).isZero();
        assertThat(card.weakestItems()).containsExactly("closing.scripted");
        assertThat(card.sectionPercent()).containsOnlyKeys("greeting").containsEntry("greeting", 100.0);
    }

    @Test
    void agentWithOnlyReviewedInteractionsHasNoScoreButCountsThem() {
        AgentScorecard card = new AgentRollup("a", "A", "", "p")
                .add(reviewSummary("c1", "a", Channel.CALL, 55, List.of(), List.of(), Map.of(), REASON))
                .scorecard();

        assertThat(card.interactions()).isEqualTo(1);
        assertThat(card.needsReview()).isEqualTo(1);
        assertThat(card.meanScore()).isZero();
        assertThat(card.passRate()).isZero();
    }

    @Test
    void teamTotalsWeightByAutoScoredInteractionsAndSumReviews() {
        // given agent a: 2 scored (mean 85) + 1 reviewed; agent b: 1 scored (mean 40) + 3 reviewed
        TeamRollup team = new TeamRollup("2026-11-21", Roster.of(List.of()));
        team.add(summary("a1", "a", Channel.CALL, 80, true, false, List.of(), List.of(), Map.of(), OptionalInt.empty()));
        team.add(summary("a2", "a", Channel.CALL, 90, true, false, List.of(), List.of(), Map.of(), OptionalInt.empty()));
        team.add(reviewSummary("a3", "a", Channel.CALL, 0, List.of(), List.of(), Map.of(), REASON));
        team.add(summary("b1", "b", Channel.CHAT, 40, false, false, List.of(), List.of(), Map.of(), OptionalInt.empty()));
        for (int k = 0; k < 3; k++) {
            team.add(reviewSummary("b-r" + k, "b", Channel.CALL, 100, List.of(), List.of(), Map.of(), REASON));
        }

        // when
        TeamTotals totals = TeamTotals.of(team.scorecards());

        // then (weighted by all interactions, b's mean of 40 would count four times)
        assertThat(totals.interactions()).isEqualTo(7);
        assertThat(totals.needsReview()).isEqualTo(4);
        assertThat(totals.meanScore().getAsDouble()).isCloseTo((80 + 90 + 40) / 3.0, within(1e-9));
        assertThat(totals.passRate().getAsDouble()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void csatCorrelationSkipsReviewedInteractions() {
        CsatCorrelation csat = new CsatCorrelation();
        csat.add(new EvaluationSummary("r", "a", Channel.CALL, Language.EN, Instant.EPOCH, 10, false, false,
                List.of(), List.of(), Map.of(), OptionalInt.of(5), Optional.of(REASON)));

        assertThat(csat.pairs()).isZero();
    }

    @Test
    void agentPageCountsAndListsReviewedInteractionsWithTheirReasonsAndLinks() {
        // given
        AgentScorecard card = new AgentRollup("j.carter", "John Carter", "", "2026-11-21")
                .add(summary("c1", "j.carter", Channel.CALL, 80, true, false, List.of(), List.of(), Map.of(),
                        OptionalInt.empty()))
                .add(reviewSummary("call/odd?1", "j.carter", Channel.CALL, 20, List.of("complaint"), List.of(),
                        Map.of(), REASON))
                .scorecard();
        FlaggedInteraction reviewed = FlaggedInteraction.of(reviewSummary("call/odd?1", "j.carter", Channel.CALL, 20,
                List.of("complaint"), List.of(), Map.of(), REASON));

        // when
        Document page = Jsoup.parse(new HtmlReports(Language.EN).agentPage(
                new AgentPage(card, "2026-11-21", List.of(), List.of(), List.of(reviewed))));

        // then
        Element section = page.getElementById("needs-review");
        assertThat(section).isNotNull();
        assertThat(section.select("a[href]").attr("href")).isEqualTo("../interactions/call_odd_1.html");
        assertThat(section.text()).contains(REASON).contains("call/odd?1");
        assertThat(page.select(".tile:has(a[href=#needs-review]) .tile-value").text()).isEqualTo("1");
        assertThat(page.select(".tile a[href=#needs-review]").text()).isEqualTo("Needs human review");
        assertThat(page.select(".score-badge .score-value").text()).isEqualTo("80.0");
    }

    @Test
    void teamPageShowsTheReviewCountPerAgentAndTheNightsReviewListInRussian() {
        // given
        AgentScorecard card = new AgentRollup("a.ivanova", "Анна Иванова", "", "2026-11-21")
                .add(reviewSummary("call-ru-1", "a.ivanova", Channel.CALL, 20, List.of(), List.of(), Map.of(),
                        "низкая уверенность распознавания"))
                .scorecard();
        FlaggedInteraction reviewed = FlaggedInteraction.of(reviewSummary("call-ru-1", "a.ivanova", Channel.CALL, 20,
                List.of(), List.of(), Map.of(), "низкая уверенность распознавания"));

        // when
        Document page = Jsoup.parse(new HtmlReports(Language.RU).indexPage(new TeamPage("2026-11-21", List.of(card),
                1, 0, new CsatCorrelation(), List.of(reviewed))));

        // then
        assertThat(page.select("#agents thead").text()).contains("На проверку");
        assertThat(page.select("#agents tbody a[href='agents/a.ivanova.html#needs-review']").text()).isEqualTo("1");
        Element list = page.getElementById("needs-review");
        assertThat(list.select("h2").text()).isEqualTo("Переданы на проверку человеку");
        assertThat(list.select("a[href='interactions/call-ru-1.html']")).hasSize(1);
        assertThat(list.select("a[href='agents/a.ivanova.html']").text()).isEqualTo("Анна Иванова");
        assertThat(list.text()).contains("низкая уверенность распознавания");
        assertThat(page.select(".hero-score .score-value").text()).as("no auto-scored interaction").isEqualTo("—");
    }

    @Test
    void scorecardsCsvEndsWithTheNeedsReviewCount() throws Exception {
        AgentScorecard card = new AgentRollup("a", "A", "", "p")
                .add(summary("1", "a", Channel.CALL, 70, true, false, List.of(), List.of(), Map.of(),
                        OptionalInt.empty()))
                .add(reviewSummary("2", "a", Channel.CALL, 0, List.of(), List.of(), Map.of(), REASON))
                .scorecard();
        StringWriter out = new StringWriter();

        ScorecardsCsv.write(out, List.of(card));

        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).endsWith(",weakest_items,needs_review");
        assertThat(lines[1]).isEqualTo("a,A,,p,2,0,0,2,70.00,70.00,70.00,1.000,0,0,0,,,1");
    }

    private static <T> List<T> names(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
