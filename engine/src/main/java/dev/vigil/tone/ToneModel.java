package dev.vigil.tone;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * One trained tone model: an OpenNLP document categorizer over {@link ToneFeatures} with two outcomes, the category
 * ({@link #POSITIVE}) and anything else ({@link #NEGATIVE}). Scores a text as the probability of the category and names
 * the words that weighed most toward it. Immutable and thread-safe.
 */
public final class ToneModel {
    /** The outcome of texts that show the category. */
    public static final String POSITIVE = "1";
    /** The outcome of texts that do not. */
    public static final String NEGATIVE = "0";
    /** How many cues a score names at most. */
    public static final int MAX_CUES = 5;
    /** OpenNLP's bag-of-words generator prefixes each of our feature names with this. */
    private static final String BOW = "bow=";

    private final ToneModelSpec spec;
    private final DoccatModel model;
    /** Per feature name (as the model knows it): weight of the category minus weight of the rest. */
    private final Map<String, Double> weights;

    /**
     * A score of one text.
     *
     * @param probability the probability of the category, in [0, 1]
     * @param cues        the words of the text that pushed most toward the category, heaviest first; at most
     *                    {@link #MAX_CUES}, only words that pushed toward it
     */
    public record Score(double probability, List<String> cues) {
        public Score {
            cues = List.copyOf(cues);
        }
    }

    public ToneModel(ToneModelSpec spec, DoccatModel model) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.model = Objects.requireNonNull(model, "model");
        this.weights = weights(model);
    }

    /** Reads a model written by {@link ToneTrainer}; the stream is read but not closed. */
    public static ToneModel read(ToneModelSpec spec, InputStream in) throws IOException {
        return new ToneModel(spec, new DoccatModel(in));
    }

    private static Map<String, Double> weights(DoccatModel model) {
        if (!(model.getMaxentModel() instanceof AbstractModel m)) {
            throw new IllegalArgumentException("not a maxent model: " + model.getMaxentModel().getClass());
        }
        int pos = m.getIndex(POSITIVE);
        int neg = m.getIndex(NEGATIVE);
        if (pos < 0 || neg < 0) {
            throw new IllegalArgumentException("the model's outcomes are not " + POSITIVE + "/" + NEGATIVE);
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) m.getDataStructures()[1];
        var out = new HashMap<String, Double>(pmap.size() * 2);
        pmap.forEach((feature, context) -> {
            double w = 0;
            int[] outcomes = context.getOutcomes();
            double[] params = context.getParameters();
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == pos) {
                    w += params[i];
                } else if (outcomes[i] == neg) {
                    w -= params[i];
                }
            }
            out.put(feature, w);
        });
        return Map.copyOf(out);
    }

    /** What this model detects and how it is used. */
    public ToneModelSpec spec() {
        return spec;
    }

    /** The underlying OpenNLP model, for writing it out. */
    public DoccatModel doccat() {
        return model;
    }

    /** The probability that {@code text} shows the category, with its cues. */
    public Score score(String text) {
        List<ToneFeatures.Feature> features = ToneFeatures.of(text, spec.language());
        if (features.isEmpty()) {
            return new Score(0, List.of());
        }
        String[] names = features.stream().map(ToneFeatures.Feature::name).toArray(String[]::new);
        var categorizer = new DocumentCategorizerME(model); // cheap; one per call keeps scoring thread-safe
        double p = categorizer.categorize(names)[categorizer.getIndex(POSITIVE)];
        return new Score(p, cues(features));
    }

    /** The written words of the heaviest distinct features that weigh toward the category. */
    private List<String> cues(List<ToneFeatures.Feature> features) {
        var seen = new LinkedHashSet<String>();
        var weighted = new ArrayList<Map.Entry<ToneFeatures.Feature, Double>>();
        for (ToneFeatures.Feature f : features) {
            Double w = weights.get(BOW + f.name());
            if (w != null && w > 0 && seen.add(f.name())) {
                weighted.add(Map.entry(f, w));
            }
        }
        weighted.sort(Map.Entry.<ToneFeatures.Feature, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(e -> e.getKey().name()));
        var words = new LinkedHashSet<String>();
        for (var e : weighted) {
            if (words.size() == MAX_CUES) {
                break;
            }
            words.add(e.getKey().words());
        }
        return List.copyOf(words);
    }

    @Override
    public String toString() {
        return "ToneModel[" + spec.name() + "]";
    }
}
