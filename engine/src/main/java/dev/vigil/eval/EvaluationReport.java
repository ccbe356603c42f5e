package dev.vigil.eval;

import java.util.List;
import java.util.Locale;

/**
 * The result of scoring evaluations against labels.
 *
 * @param scores           one row per Vigil category that has labels, sorted by category
 * @param unknownCategories label categories that are not in Vigil's vocabulary, with their label counts
 * @param missing          labelled interactions with no evaluation (quarantined or absent), counted as not found
 * @param split            which half was scored
 */
public record EvaluationReport(List<CategoryScore> scores, List<String> unknownCategories, List<String> missing,
                               Split split) {
    public EvaluationReport {
        scores = List.copyOf(scores);
        unknownCategories = List.copyOf(unknownCategories);
        missing = List.copyOf(missing);
    }

    /** A Markdown table: category, positives, negatives, TP, FP, FN, precision, recall, F1. */
    public String toMarkdown() {
        var sb = new StringBuilder();
        sb.append("| category | positives | negatives | TP | FP | FN | precision | recall | F1 |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CategoryScore s : scores) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n",
                    s.category(), s.positives(), s.negatives(), s.truePositives(), s.falsePositives(),
                    s.falseNegatives(), s.precision(), s.recall(), s.f1()));
        }
        appendNotes(sb);
        return sb.toString();
    }

    /**
     * A Markdown table of this whole-set report beside the F1 of its two halves: category, positives / negatives,
     * precision, recall, F1 (all), F1 tune half, F1 holdout half. A large gap between the halves means over-fitting.
     */
    public String toHalvesMarkdown(EvaluationReport tune, EvaluationReport holdout) {
        var sb = new StringBuilder();
        sb.append("| category | positives / negatives | precision | recall | F1 (all) | F1 tune half | F1 holdout half |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (CategoryScore s : scores) {
            sb.append(String.format(Locale.ROOT, "| %s | %d / %d | %.3f | %.3f | %.3f | %s | %s |%n", s.category(),
                    s.positives(), s.negatives(), s.precision(), s.recall(), s.f1(), f1Of(tune, s.category()),
                    f1Of(holdout, s.category())));
        }
        appendNotes(sb);
        return sb.toString();
    }

    private static String f1Of(EvaluationReport half, String category) {
        return half.scores().stream().filter(s -> s.category().equals(category)).findFirst()
                .map(s -> String.format(Locale.ROOT, "%.3f", s.f1())).orElse("–");
    }

    /** An aligned plain-text table for the terminal. */
    public String toText() {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-14s %5s %5s %5s %5s %5s %9s %7s %6s%n", "category", "pos", "neg",
                "TP", "FP", "FN", "precision", "recall", "F1"));
        for (CategoryScore s : scores) {
            sb.append(String.format(Locale.ROOT, "%-14s %5d %5d %5d %5d %5d %9.3f %7.3f %6.3f%n", s.category(),
                    s.positives(), s.negatives(), s.truePositives(), s.falsePositives(), s.falseNegatives(),
                    s.precision(), s.recall(), s.f1()));
        }
        appendNotes(sb);
        return sb.toString();
    }

    private void appendNotes(StringBuilder sb) {
        if (split != Split.ALL) {
            sb.append("\nsplit: ").append(split.name().toLowerCase(Locale.ROOT)).append(" half\n");
        }
        if (!missing.isEmpty()) {
            sb.append("\n").append(missing.size()).append(" labelled interactions have no evaluation "
                    + "(quarantined or not run), counted as not found: ")
                    .append(String.join(", ", missing.subList(0, Math.min(10, missing.size()))))
                    .append(missing.size() > 10 ? ", ..." : "").append('\n');
        }
        if (!unknownCategories.isEmpty()) {
            sb.append("\nlabels not in Vigil's category vocabulary (not scored): ")
                    .append(String.join(", ", unknownCategories)).append('\n');
        }
    }
}
