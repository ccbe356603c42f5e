package dev.vigil.speech;

import edu.cmu.sphinx.linguist.WordSequence;
import edu.cmu.sphinx.linguist.language.ngram.LanguageModel;
import edu.cmu.sphinx.util.LogMath;
import edu.cmu.sphinx.util.props.PropertyException;
import edu.cmu.sphinx.util.props.PropertySheet;
import edu.cmu.sphinx.util.props.S4ComponentList;
import edu.cmu.sphinx.util.props.S4StringList;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Linear interpolation of language models, {@code p = w1 p1 + w2 p2 + ...}: the domain model mixed with the general
 * one, so that out-of-domain speech is not forced onto domain words. It stands in for Sphinx4 1.0.0's
 * {@code InterpolatedLanguageModel}, which fails when configured from XML ({@code newProperties} converts the
 * weights with a {@code LogMath} it has not set yet). Created by Sphinx4's configuration manager; one instance per
 * recogniser, used by its thread only.
 */
public class MixedLanguageModel implements LanguageModel {
    /** The models to mix, as components of the configuration. */
    @S4ComponentList(type = LanguageModel.class)
    public static final String PROP_LANGUAGE_MODELS = "languageModels";

    /** Their weights, as decimal strings summing to 1. */
    @S4StringList
    public static final String PROP_LANGUAGE_MODEL_WEIGHTS = "languageModelWeights";

    private final LogMath logMath = LogMath.getLogMath();
    private List<LanguageModel> models;
    private float[] logWeights;
    private Set<String> vocabulary = Set.of();
    private List<Set<String>> vocabularies = List.of();
    private boolean allocated;

    @Override
    public void newProperties(PropertySheet ps) throws PropertyException {
        models = ps.getComponentList(PROP_LANGUAGE_MODELS, LanguageModel.class);
        List<String> weights = ps.getStringList(PROP_LANGUAGE_MODEL_WEIGHTS);
        if (weights.size() != models.size()) {
            throw new PropertyException(getClass().getName(), PROP_LANGUAGE_MODEL_WEIGHTS,
                    weights.size() + " weights for " + models.size() + " language models");
        }
        logWeights = new float[weights.size()];
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            double w;
            try {
                w = Double.parseDouble(weights.get(i));
            } catch (NumberFormatException e) {
                throw new PropertyException(getClass().getName(), PROP_LANGUAGE_MODEL_WEIGHTS,
                        "not a number: " + weights.get(i));
            }
            if (!(w > 0)) {
                throw new PropertyException(getClass().getName(), PROP_LANGUAGE_MODEL_WEIGHTS,
                        "weight " + w + " is not positive");
            }
            sum += w;
            logWeights[i] = logMath.linearToLog(w);
        }
        if (Math.abs(sum - 1) > 1e-3) {
            throw new PropertyException(getClass().getName(), PROP_LANGUAGE_MODEL_WEIGHTS,
                    "weights sum to " + sum + ", not 1");
        }
    }

    @Override
    public void allocate() throws IOException {
        if (allocated) {
            return;
        }
        var all = new HashSet<String>();
        var each = new java.util.ArrayList<Set<String>>();
        for (LanguageModel m : models) {
            m.allocate();
            all.addAll(m.getVocabulary());
            each.add(m.getVocabulary());
        }
        vocabulary = Set.copyOf(all);
        vocabularies = List.copyOf(each);
        allocated = true;
    }

    @Override
    public void deallocate() throws IOException {
        allocated = false;
        for (LanguageModel m : models) {
            m.deallocate();
        }
    }

    @Override
    public float getProbability(WordSequence words) {
        float p = logWeights[0] + probability(0, words);
        for (int i = 1; i < models.size(); i++) {
            p = logMath.addAsLinear(p, logWeights[i] + probability(i, words));
        }
        return p;
    }

    /**
     * Model {@code i}'s probability of the newest word given the others. A word the model does not know has
     * probability zero in it (the other model carries it); history words it does not know are dropped, oldest first,
     * as a back-off. Sphinx4's trie models fail on words outside their vocabulary, so they are never asked.
     */
    private float probability(int i, WordSequence words) {
        Set<String> known = vocabularies.get(i);
        if (!known.contains(words.getWord(words.size() - 1).getSpelling())) {
            return LogMath.LOG_ZERO;
        }
        WordSequence s = words;
        while (s.size() > 1 && !allKnown(known, s)) {
            s = s.getNewest();
        }
        return models.get(i).getProbability(s);
    }

    private static boolean allKnown(Set<String> known, WordSequence s) {
        for (int k = 0; k < s.size(); k++) {
            if (!known.contains(s.getWord(k).getSpelling())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public float getSmear(WordSequence words) {
        return 1.0f; // smearing is off in this configuration, as in Sphinx4's own interpolated model
    }

    @Override
    public Set<String> getVocabulary() {
        return vocabulary;
    }

    @Override
    public int getMaxDepth() {
        return models.stream().mapToInt(LanguageModel::getMaxDepth).max().orElse(0);
    }

    @Override
    public void onUtteranceEnd() {
        models.forEach(LanguageModel::onUtteranceEnd);
    }
}
