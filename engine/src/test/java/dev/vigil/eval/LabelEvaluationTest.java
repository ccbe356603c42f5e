package dev.vigil.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelEvaluationTest {
    private static final Set<Signal> ALL_SIGNALS = EnumSet.allOf(Signal.class);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String eval(String id, String... categories) {
        var sb = new StringBuilder("{\"interaction_id\":\"" + id + "\",\"findings\":[");
        for (int i = 0; i < categories.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"category\":\"").append(categories[i]).append("\"}");
        }
        return sb.append("]}\n").toString();
    }

    @Test
    void computesPrecisionRecallAndF1PerCategory() throws Exception {
        // given 3 complaints labelled, 2 found, plus 1 false alarm among 2 negatives
        Path evals = write("e.jsonl", eval("a", "complaint") + eval("b", "complaint", "apology") + eval("c")
                + eval("d", "complaint") + eval("e"));
        Path labels = write("l.csv", "interaction_id,category,expected\na,complaint,1\nb,complaint,1\nc,complaint,1\n"
                + "d,complaint,0\ne,complaint,0\n");

        // when
        EvaluationReport report = LabelEvaluation.evaluate(evals, labels, Split.ALL, ALL_SIGNALS);

        // then
        CategoryScore s = report.scores().get(0);
        assertThat(s.category()).isEqualTo("complaint");
        assertThat(s.truePositives()).isEqualTo(2);
        assertThat(s.falseNegatives()).isEqualTo(1);
        assertThat(s.falsePositives()).isEqualTo(1);
        assertThat(s.trueNegatives()).isEqualTo(1);
        assertThat(s.precision()).isEqualTo(2.0 / 3);
        assertThat(s.recall()).isEqualTo(2.0 / 3);
        assertThat(s.f1()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.toMarkdown()).contains("| complaint | 3 | 2 | 2 | 1 | 1 | 0.667 | 0.667 | 0.667 |");
    }

    @Test
    void countsInteractionsWithoutEvaluationAsNotFoundAndListsThem() throws Exception {
        Path evals = write("e.jsonl", eval("a", "rudeness"));
        Path labels = write("l.csv", "interaction_id,category,expected\na,rudeness,1\nq,rudeness,1\n");

        EvaluationReport report = LabelEvaluation.evaluate(evals, labels, Split.ALL, ALL_SIGNALS);

        assertThat(report.missing()).containsExactly("q");
        assertThat(report.scores().get(0).falseNegatives()).isEqualTo(1);
        assertThat(report.toText()).contains("1 labelled interactions have no evaluation");
    }

    @Test
    void reportsLabelCategoriesOutsideTheVocabularyInsteadOfScoringThem() throws Exception {
        Path evals = write("e.jsonl", eval("a"));
        Path labels = write("l.csv", "interaction_id,category,expected\na,anger,1\na,complaint,0\n");

        EvaluationReport report = LabelEvaluation.evaluate(evals, labels, Split.ALL, ALL_SIGNALS);

        assertThat(report.unknownCategories()).containsExactly("anger (1 labels)");
        assertThat(report.scores()).extracting(CategoryScore::category).containsExactly("complaint");
    }

    @Test
    void splitsAreDisjointAndCoverEveryId() {
        int tune = 0;
        for (int i = 0; i < 1000; i++) {
            String id = "x-" + i;
            assertThat(Split.TUNE.contains(id)).isNotEqualTo(Split.HOLDOUT.contains(id));
            tune += Split.TUNE.contains(id) ? 1 : 0;
        }
        assertThat(tune).isBetween(400, 600);
    }

    @Test
    void rejectsAMalformedLabelNamingFileAndLine() throws Exception {
        Path evals = write("e.jsonl", "");
        Path labels = write("l.csv", "interaction_id,category,expected\na,complaint,yes\n");

        assertThatThrownBy(() -> LabelEvaluation.evaluate(evals, labels, Split.ALL, ALL_SIGNALS))
                .hasMessageContaining("l.csv").hasMessageContaining("line 2").hasMessageContaining("0 or 1");
    }

    @Test
    void countsOnlyTheChosenSignalsSoRulesAloneAndTheCombinationComeFromOneNight() throws Exception {
        // given a complaint found by the classifier only, and one found by a rule (no signal field: a rule's)
        Path evals = write("e.jsonl",
                "{\"interaction_id\":\"a\",\"findings\":[{\"category\":\"complaint\",\"signal\":\"classifier\"}]}\n"
                + eval("b", "complaint"));
        Path labels = write("l.csv", "interaction_id,category,expected\na,complaint,1\nb,complaint,1\n");

        // when
        CategoryScore rulesAlone = LabelEvaluation.evaluate(evals, labels, Split.ALL, EnumSet.of(Signal.RULE))
                .scores().get(0);
        CategoryScore combined = LabelEvaluation.evaluate(evals, labels, Split.ALL, ALL_SIGNALS).scores().get(0);

        // then
        assertThat(rulesAlone.truePositives()).isEqualTo(1);
        assertThat(combined.truePositives()).isEqualTo(2);
    }

    @Test
    void printsTheWholeSetBesideTheF1OfEachHalf() throws Exception {
        // given a found complaint whose id is in the tune half and a missed one whose id is in the holdout half
        String tuneId = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "t" + i).filter(Split.TUNE::contains)
                .findFirst().orElseThrow();
        String holdoutId = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "h" + i)
                .filter(Split.HOLDOUT::contains).findFirst().orElseThrow();
        Path evals = write("e.jsonl", eval(tuneId, "complaint") + eval(holdoutId));
        Path labels = write("l.csv", "interaction_id,category,expected\n" + tuneId + ",complaint,1\n" + holdoutId
                + ",complaint,1\n");

        // when
        String table = LabelEvaluation.evaluate(evals, labels, Split.ALL, ALL_SIGNALS).toHalvesMarkdown(
                LabelEvaluation.evaluate(evals, labels, Split.TUNE, ALL_SIGNALS),
                LabelEvaluation.evaluate(evals, labels, Split.HOLDOUT, ALL_SIGNALS));

        // then
        assertThat(table).contains("| complaint | 2 / 0 | 1.000 | 0.500 | 0.667 | 1.000 | 0.000 |");
    }
}
