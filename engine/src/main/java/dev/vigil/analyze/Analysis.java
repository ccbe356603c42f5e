package dev.vigil.analyze;

import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the pipeline knows about one interaction so far. Immutable: each step returns a new instance.
 *
 * @param interaction the interaction being analysed
 * @param findings    findings so far, ordered by turn then offset
 * @param metrics     named metrics so far (seconds, ratios, counts)
 */
public record Analysis(Interaction interaction, List<Finding> findings, SortedMap<String, Double> metrics) {
    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::turn)
            .thenComparingInt(f -> f.chars().start()).thenComparing(Finding::ruleId);

    public Analysis {
        Objects.requireNonNull(interaction, "interaction");
        findings = findings.stream().sorted(ORDER).toList();
        metrics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }

    public static Analysis of(Interaction interaction) {
        return new Analysis(interaction, List.of(), new TreeMap<>());
    }

    public Analysis withFindings(List<Finding> more) {
        var all = new ArrayList<>(findings);
        all.addAll(more);
        return new Analysis(interaction, all, metrics);
    }

    public Analysis withMetrics(Map<String, Double> more) {
        var all = new TreeMap<>(metrics);
        all.putAll(more);
        return new Analysis(interaction, findings, all);
    }
}
