package dev.vigil.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param review      why the interaction goes to a human reviewer instead of being auto-scored (for example a call
 *                    transcript whose confidence is too low); empty when the score stands. A reviewed interaction
 *                    still carries the score the engine computed, for the reviewer, but it never passes and is left
 *                    out of agents' scores and pass rates.
 */
public record Evaluation(Interaction interaction, double score, boolean passed, boolean autoFail, String scorecard,
                         List<Finding> findings, List<String> missing, List<SectionScore> sections,
                         List<ItemResult> items, SortedMap<String, Double> metrics, List<String> flags,
                         Optional<String> review) {
    public Evaluation {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(scorecard, "scorecard");
        findings = List.copyOf(findings);
        missing = List.copyOf(missing);
        sections = List.copyOf(sections);
        items = List.copyOf(items);
        metrics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        flags = List.copyOf(flags);
        Objects.requireNonNull(review, "review");
        if (review.isPresent() && passed) {
            throw new IllegalArgumentException("an interaction sent to human review cannot pass");
        }
    }

    /** An auto-scored evaluation. */
    public Evaluation(Interaction interaction, double score, boolean passed, boolean autoFail, String scorecard,
                      List<Finding> findings, List<String> missing, List<SectionScore> sections,
                      List<ItemResult> items, SortedMap<String, Double> metrics, List<String> flags) {
        this(interaction, score, passed, autoFail, scorecard, findings, missing, sections, items, metrics, flags,
                Optional.empty());
    }

    /** This evaluation sent to human review for {@code reason}: it keeps its score for the reviewer but does not pass. */
    public Evaluation withReview(String reason) {
        return new Evaluation(interaction, score, false, autoFail, scorecard, findings, missing, sections, items,
                metrics, flags, Optional.of(reason));
    }

    /** Whether the score stands (no human review is needed). */
    public boolean autoScored() {
        return review.isEmpty();
    }

    public static SortedMap<String, Double> metricsOf(Map<String, Double> m) {
        return new TreeMap<>(m);
    }
}
