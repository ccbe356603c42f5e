package dev.vigil.engine;

import dev.vigil.analyze.AcousticMetricsStep;
import dev.vigil.analyze.AnalysisPipeline;
import dev.vigil.analyze.TimingMetricsStep;
import dev.vigil.config.CallSettings;
import dev.vigil.config.InboxConfig;
import dev.vigil.model.Channel;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.pii.PiiStep;
import dev.vigil.rules.RuleMatchingStep;
import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RuleSource;
import dev.vigil.score.ScorecardEvaluator;
import dev.vigil.score.Scorecards;
import dev.vigil.uptake.TrainingLoader;
import dev.vigil.uptake.TrainingSet;
import dev.vigil.uptake.UptakeMatcher;
import dev.vigil.tone.ToneClassifierStep;
import dev.vigil.tone.ToneModels;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine's façade: analyses an interaction with the rule packs and the tone classifier and scores it against the
 * scorecard. Rules, scorecards and models are loaded and validated once in {@link #load}; {@link #evaluate} is pure and
 * thread-safe.
 * Close it when done: the rule matcher owns a Lucene {@code Monitor} with a background thread.
 *
 * <p>When training-uptake packs are loaded, every evaluation also carries the uptake metrics
 * {@code uptake.<training>.<technique>.<version>_count} ({@link UptakeMatcher}), added after scoring so that they never change
 * the score.
 *
 * <pre>{@code
 * QaEngine engine = QaEngine.load(RuleSource.classpath(), inbox.config());
 * Evaluation e = engine.evaluate(new Ingestor(inbox).read(file));
 * }</pre>
 */
public final class QaEngine implements AutoCloseable {
    private final RuleSet rules;
    private final RuleMatchingStep matching;
    private final AnalysisPipeline pipeline;
    private final Map<Language, ScorecardEvaluator> evaluators;
    private final String missingScorecards;
    private final double minConfidence;
    private final UptakeMatcher uptake;

    private QaEngine(RuleSet rules, RuleMatchingStep matching, Map<Language, ScorecardEvaluator> evaluators,
                     String missingScorecards, CallSettings calls, UptakeMatcher uptake, ToneModels tone) {
        this.minConfidence = calls.minConfidence();
        this.uptake = uptake;
        this.rules = rules;
        this.matching = matching;
        // PiiStep reports the personal data the Ingestor already replaced with placeholders; the tone classifier adds
        // its findings where the rules found none (union)
        this.pipeline = AnalysisPipeline.of(List.of(new TimingMetricsStep(), new PiiStep(), matching,
                new ToneClassifierStep(tone),
                new AcousticMetricsStep(calls)));
        this.evaluators = Map.copyOf(evaluators);
        this.missingScorecards = missingScorecards;
    }

    /**
     * Loads and validates the rule packs and scorecards of {@code source} for an inbox's configuration.
     *
     * @throws IllegalArgumentException listing every invalid pack, rule or scorecard with its file and problem, or
     *                                  naming a configured scorecard that does not exist
     */
    public static QaEngine load(RuleSource source, InboxConfig config) {
        return load(source, config, new TrainingLoader().load(source.trainings()), ToneModels.classpath());
    }

    /**
     * Like {@link #load(RuleSource, InboxConfig)} for an inbox, with its training-uptake packs: the inbox's
     * {@code trainings.yaml} and the source's {@code trainings/*.yaml}.
     *
     * @throws IllegalArgumentException also listing every problem of the training-uptake packs
     */
    public static QaEngine load(RuleSource source, dev.vigil.config.Inbox inbox) {
        return load(source, inbox.config(), TrainingLoader.load(inbox.root(), source), ToneModels.classpath());
    }

    /**
     * Like {@link #load(RuleSource, InboxConfig)}, with the given trainings and tone models instead of the source's
     * and the enabled default ones ({@link ToneModels#none()} for the rules alone).
     */
    public static QaEngine load(RuleSource source, InboxConfig config, TrainingSet trainings, ToneModels tone) {
        RuleSet rules = RuleSet.load(source);
        Scorecards scorecards = Scorecards.load(source, rules.ruleIds());
        config.scorecard().ifPresent(scorecards::byId);
        var evaluators = new EnumMap<Language, ScorecardEvaluator>(Language.class);
        var missing = new StringBuilder();
        for (Language language : Language.values()) {
            try {
                evaluators.put(language, new ScorecardEvaluator(scorecards.choose(config.scorecard(), language)));
            } catch (IllegalArgumentException e) {
                missing.append(language.code()).append(": ").append(e.getMessage()).append("; ");
            }
        }
        if (evaluators.isEmpty()) {
            throw new IllegalArgumentException("no scorecard in " + source + " (" + missing + ")");
        }
        RuleMatchingStep matching = new RuleMatchingStep(rules, config.company());
        UptakeMatcher uptake;
        try {
            uptake = new UptakeMatcher(trainings, config.company());
        } catch (RuntimeException e) {
            matching.close();
            throw e;
        }
        return new QaEngine(rules, matching, evaluators, missing.toString(), config.calls(), uptake, tone);
    }

    /**
     * Analyses and scores one interaction with the scorecard of its language.
     *
     * @throws IllegalStateException when no scorecard exists for the interaction's language
     */
    public Evaluation evaluate(Interaction interaction) {
        ScorecardEvaluator evaluator = evaluators.get(interaction.language());
        if (evaluator == null) {
            throw new IllegalStateException("no scorecard for language " + interaction.language().code() + ": "
                    + missingScorecards);
        }
        Evaluation evaluation = withUptake(evaluator.evaluate(pipeline.run(interaction)));
        return reviewReason(evaluation).map(evaluation::withReview).orElse(evaluation);
    }

    /** The evaluation with the uptake metrics added: after scoring, so that they cannot change the score. */
    private Evaluation withUptake(Evaluation e) {
        SortedMap<String, Double> uses = uptake.metrics(e.interaction());
        if (uses.isEmpty()) {
            return e;
        }
        SortedMap<String, Double> metrics = new TreeMap<>(e.metrics());
        metrics.putAll(uses);
        return new Evaluation(e.interaction(), e.score(), e.passed(), e.autoFail(), e.scorecard(), e.findings(),
                e.missing(), e.sections(), e.items(), metrics, e.flags(), e.review());
    }

    /**
     * Why a call cannot be auto-scored: its transcript's mean word confidence is below {@code calls.min_confidence},
     * so its findings (and missing findings) are not trustworthy enough to score an agent on.
     */
    private Optional<String> reviewReason(Evaluation e) {
        if (e.interaction().channel() != Channel.CALL) {
            return Optional.empty();
        }
        Double confidence = e.metrics().get(AcousticMetricsStep.TRANSCRIPT_CONFIDENCE);
        if (confidence == null) {
            return Optional.of("no transcript confidence was measured");
        }
        if (confidence < minConfidence) {
            return Optional.of(String.format(Locale.ROOT,
                    "transcript confidence %.2f is below %.2f (calls.min_confidence)", confidence, minConfidence));
        }
        return Optional.empty();
    }

    /**
     * The section and item titles of the scorecard used for {@code ui}'s language (or any loaded one), for reports
     * in that language.
     */
    public Map<String, String> reportTitles(Language ui) {
        ScorecardEvaluator e = evaluators.containsKey(ui) ? evaluators.get(ui) : evaluators.values().iterator().next();
        return e.scorecard().titles();
    }

    /** Stops the rule matcher's background thread. */
    @Override
    public void close() {
        try {
            matching.close();
        } finally {
            uptake.close();
        }
    }

    /** The loaded training-uptake packs; empty when there are none. */
    public TrainingSet trainings() {
        return uptake.trainings();
    }

    /**
     * The matcher of the training-uptake techniques, for measuring stored interactions again (techniques added or
     * edited since they were analysed); closed with the engine.
     */
    public UptakeMatcher uptake() {
        return uptake;
    }

    /** The loaded rules. */
    public RuleSet rules() {
        return rules;
    }
}
