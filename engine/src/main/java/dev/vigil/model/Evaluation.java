package dev.vigil.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The scored result of one interaction: the contract's {@code evaluations.jsonl} line.
 *
 * @param interaction the interaction (after redaction), whose metadata the line repeats
 * @param score       0-100
 * @param passed      score reached the scorecard's threshold and no auto-fail item failed
 * @param autoFail    an auto-fail item failed
 * @param scorecard   {@code id@version} of the scorecard used
 * @param findings    every finding, in turn order
 * @param missing     rule ids that a required item expected and did not find
 * @param sections    per-section points
 * @param items       every item's verdict and reason
 * @param metrics     named numeric metrics (seconds, ratios, counts), sorted by name
 * @param flags       categories worth a trainer's attention (complaint, escalation, rudeness, ...)
 */
public record Evaluation(Interaction interaction, double score, boolean passed, boolean autoFail, String scorecard,
                         List<Finding> findings, List<String> missing, List<SectionScore> sections,
                         List<ItemResult> items, SortedMap<String, Double> metrics, List<String> flags) {
    public Evaluation {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(scorecard, "scorecard");
        findings = List.copyOf(findings);
        missing = List.copyOf(missing);
        sections = List.copyOf(sections);
        items = List.copyOf(items);
        metrics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        flags = List.copyOf(flags);
    }

    public static SortedMap<String, Double> metricsOf(Map<String, Double> m) {
        return new TreeMap<>(m);
    }
}
