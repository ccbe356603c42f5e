package dev.vigil.analyze;

import dev.vigil.model.Interaction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** An ordered list of analysis steps, checked when built. Thread-safe when its steps are. */
public final class AnalysisPipeline {
    private final List<AnalysisStep> steps;

    private AnalysisPipeline(List<AnalysisStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Builds a pipeline, checking that every step's requirements are produced by a step before it.
     *
     * @throws IllegalArgumentException naming the step and what it lacks
     */
    public static AnalysisPipeline of(List<AnalysisStep> steps) {
        Set<Product> available = EnumSet.noneOf(Product.class);
        for (AnalysisStep step : steps) {
            Set<Product> missing = EnumSet.noneOf(Product.class);
            missing.addAll(step.requires());
            missing.removeAll(available);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("analysis step '" + step.name() + "' requires " + missing
                        + " but no earlier step produces it");
            }
            available.addAll(step.produces());
        }
        return new AnalysisPipeline(steps);
    }

    public Analysis run(Interaction interaction) {
        Analysis a = Analysis.of(interaction);
        for (AnalysisStep step : steps) {
            a = step.apply(a);
        }
        return a;
    }

    public List<AnalysisStep> steps() {
        return steps;
    }
}
