package dev.vigil.tone;

import dev.vigil.analyze.Analysis;
import dev.vigil.analyze.AnalysisStep;
import dev.vigil.analyze.Product;
import dev.vigil.model.CharSpan;
import dev.vigil.model.Finding;
import dev.vigil.model.Signal;
import dev.vigil.model.Turn;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The analysis step that adds the tone classifier's findings to the rules': each turn of a model's speaker and
 * language that has no finding of the model's category yet is scored, and gets a {@link Signal#CLASSIFIER} finding
 * when the probability reaches the model's threshold (the union of the two signals). The finding spans the whole turn,
 * its confidence is the probability and its cues are the words that weighed most. Runs after the rules step.
 * Thread-safe.
 */
public final class ToneClassifierStep implements AnalysisStep {
    private final ToneModels models;

    public ToneClassifierStep(ToneModels models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public String name() {
        return "tone";
    }

    @Override
    public Set<Product> requires() {
        return EnumSet.of(Product.FINDINGS);
    }

    @Override
    public Set<Product> produces() {
        return EnumSet.of(Product.FINDINGS);
    }

    @Override
    public Analysis apply(Analysis analysis) {
        if (models.models().isEmpty()) {
            return analysis;
        }
        var found = new ArrayList<Finding>();
        for (Turn turn : analysis.interaction().turns()) {
            for (ToneModel model : models.models()) {
                ToneModelSpec spec = model.spec();
                if (turn.speaker() != spec.speaker() || turn.language() != spec.language()
                        || turn.text().isBlank() || hasFinding(analysis.findings(), turn.index(), spec)) {
                    continue;
                }
                ToneModel.Score score = model.score(turn.text());
                if (score.probability() >= spec.threshold()) {
                    found.add(new Finding(spec.ruleId(), spec.category(), turn.speaker(), turn.index(), turn.time(),
                            new CharSpan(0, turn.text().length()), turn.text(), score.probability(),
                            Signal.CLASSIFIER, score.cues()));
                }
            }
        }
        return found.isEmpty() ? analysis : analysis.withFindings(found);
    }

    private static boolean hasFinding(List<Finding> findings, int turn, ToneModelSpec spec) {
        return findings.stream().anyMatch(f -> f.turn() == turn && f.category() == spec.category());
    }

    /** The models this step runs. */
    public ToneModels models() {
        return models;
    }

    @Override
    public String toString() {
        return "ToneClassifierStep" + models;
    }
}
