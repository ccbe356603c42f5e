package dev.vigil.engine;

import dev.vigil.config.InboxConfig;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.rules.RuleSource;

/**
 * The engine's façade: analyses an interaction with the rule packs and scores it against the scorecard. Models and
 * rules are loaded once in {@link #load}; {@link #evaluate} is thread-safe.
 */
public final class QaEngine {
    private QaEngine() {
    }

    /**
     * Loads and validates packs and scorecards.
     *
     * @throws IllegalArgumentException listing every invalid pack, rule or scorecard with file and problem
     */
    public static QaEngine load(RuleSource rules, InboxConfig config) {
        throw new UnsupportedOperationException("TODO: load " + rules + " for " + config);
    }

    /** Analyses and scores one interaction. */
    public Evaluation evaluate(Interaction interaction) {
        throw new UnsupportedOperationException("TODO: evaluate " + interaction.id());
    }
}
