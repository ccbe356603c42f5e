package dev.vigil.uptake;

import dev.vigil.model.Language;
import dev.vigil.rules.RuleSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every validated training of the loaded training-uptake packs, with the rules that recognise their techniques (one
 * generated rule pack per training and language, matched like any rule pack). Immutable and thread-safe.
 *
 * <p>Each evaluation records a technique's use as the metric {@code uptake.<training>.<technique>.<version>_count}
 * ({@link #metric}): the number of the agent's turns that use it, 0 included, present only when the technique has a
 * query for the interaction's language. The version ({@link Technique#version()}) changes when the technique's query
 * is edited, so a metric measured with an earlier query is known as such and measured again. These metrics never
 * change the score.
 */
public final class TrainingSet {
    /** The prefix of every uptake metric. */
    public static final String METRIC_PREFIX = "uptake.";
    private static final String METRIC_SUFFIX = "_count";
    private static final Pattern METRIC = Pattern.compile(
            "uptake\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.([0-9a-f]{8})_count");
    private static final TrainingSet EMPTY = new TrainingSet(List.of(), new RuleSet(List.of()));

    private final List<Training> trainings;
    private final RuleSet rules;

    /**
     * @param trainings validated trainings with unique ids
     * @param rules     the generated rule packs their techniques' rule ids refer to
     */
    public TrainingSet(List<Training> trainings, RuleSet rules) {
        this.trainings = List.copyOf(Objects.requireNonNull(trainings, "trainings"));
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** No trainings: nothing is matched and no uptake metric is written. */
    public static TrainingSet empty() {
        return EMPTY;
    }

    public List<Training> trainings() {
        return trainings;
    }

    /** The generated rule packs, for matching ({@link UptakeMatcher}) and for running examples (RulesCheck). */
    public RuleSet rules() {
        return rules;
    }

    public boolean isEmpty() {
        return trainings.isEmpty();
    }

    /** The training with this id. */
    public Optional<Training> training(String id) {
        return trainings.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * The metric that counts a technique's uses in one evaluation:
     * {@code uptake.<training>.<technique>.<version>_count}.
     */
    public static String metric(String trainingId, Technique technique) {
        return METRIC_PREFIX + trainingId + "." + technique.id() + "." + technique.version() + METRIC_SUFFIX;
    }

    /**
     * The metric of a loaded training's technique.
     *
     * @throws IllegalArgumentException when no loaded training has such a technique
     */
    public String metricOf(String trainingId, String techniqueId) {
        Technique technique = training(trainingId).flatMap(t -> t.technique(techniqueId)).orElseThrow(
                () -> new IllegalArgumentException("no technique '" + techniqueId + "' in training '" + trainingId
                        + "'"));
        return metric(trainingId, technique);
    }

    /**
     * The uptake metrics an evaluation of an interaction in {@code language} carries: one per technique with a query
     * in that language, of every training (attended or not), in name order.
     */
    public SortedSet<String> metrics(Language language) {
        SortedSet<String> out = new TreeSet<>();
        for (Training training : trainings) {
            for (Technique technique : training.techniques()) {
                if (technique.languages().contains(language)) {
                    out.add(metric(training.id(), technique));
                }
            }
        }
        return out;
    }

    /** A training id, technique id and technique version named by an uptake metric. */
    public record MetricKey(String trainingId, String techniqueId, String version) {
    }

    /**
     * The training, technique and version of an uptake metric's name; empty for any other metric (and for the names
     * of Vigil versions that wrote no version, which are measured again).
     */
    public static Optional<MetricKey> parseMetric(String name) {
        Matcher m = METRIC.matcher(name);
        return m.matches() ? Optional.of(new MetricKey(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "TrainingSet" + trainings.stream().map(Training::id).toList();
    }
}
