package dev.vigil.report;

import static dev.vigil.report.ReportFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.Channel;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CsatCorrelationTest {
    private static EvaluationSummary scored(double score, OptionalInt csat) {
        return summary("i", "a", Channel.CHAT, score, true, false, List.of(), List.of(), Map.of(), csat);
    }

    @Test
    void computesPearsonsRFromScoreAndCsatPairs() {
        // given scores that rise with CSAT, not perfectly
        var c = new CsatCorrelation();
        double[][] pairs = {{40, 1}, {55, 2}, {70, 2}, {80, 4}, {95, 5}, {90, 4}};
        for (double[] p : pairs) {
            c.add(scored(p[0], OptionalInt.of((int) p[1])));
        }

        // then r matches the textbook formula computed independently: 0.9468...
        assertThat(c.pairs()).isEqualTo(6);
        assertThat(c.pearson()).hasValueCloseTo(0.9468, within(0.0001));
    }

    @Test
    void skipsInteractionsWithoutASurveyAndNeedsFivePairs() {
        var c = new CsatCorrelation();
        for (int i = 0; i < 4; i++) {
            c.add(scored(50 + i * 10, OptionalInt.of(i + 1)));
        }
        c.add(scored(99, OptionalInt.empty()));

        assertThat(c.pairs()).isEqualTo(4);
        assertThat(c.pearson()).isEmpty();
    }

    @Test
    void givesNoCorrelationWhenCsatDoesNotVary() {
        var c = new CsatCorrelation();
        for (int i = 0; i < 6; i++) {
            c.add(scored(50 + i, OptionalInt.of(4)));
        }

        assertThat(c.pearson()).isEmpty();
    }

    @Test
    void theTeamPageShowsTheCorrelationAndTheNumberOfSurveys() {
        var c = new CsatCorrelation();
        double[][] pairs = {{40, 1}, {55, 2}, {70, 2}, {80, 4}, {95, 5}, {90, 4}};
        for (double[] p : pairs) {
            c.add(scored(p[0], OptionalInt.of((int) p[1])));
        }

        String html = new HtmlReports(dev.vigil.model.Language.EN).indexPage(new TeamPage("2026-11-21", List.of(), 6,
                0, c));

        assertThat(html).contains("0.95").contains("QA score vs CSAT").contains("Surveys: 6");
    }
}
