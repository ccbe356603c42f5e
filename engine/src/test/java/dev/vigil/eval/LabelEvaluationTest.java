package dev.vigil.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelEvaluationTest {
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
        EvaluationReport report = LabelEvaluation.evaluate(evals, labels, Split.ALL);

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

        EvaluationReport report = LabelEvaluation.evaluate(evals, labels, Split.ALL);

        assertThat(report.missing()).containsExactly("q");
        assertThat(report.scores().get(0).falseNegatives()).isEqualTo(1);
        assertThat(report.toText()).contains("1 labelled interactions have no evaluation");
    }

    @Test
    void reportsLabelCategoriesOutsideTheVocabularyInsteadOfScoringThem() throws Exception {
        Path evals = write("e.jsonl", eval("a"));
        Path labels = write("l.csv", "interaction_id,category,expected\na,anger,1\na,complaint,0\n");

        EvaluationReport report = LabelEvaluation.evaluate(evals, labels, Split.ALL);

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

        assertThatThrownBy(() -> LabelEvaluation.evaluate(evals, labels, Split.ALL))
                .hasMessageContaining("l.csv").hasMessageContaining("line 2").hasMessageContaining("0 or 1");
    }
}
