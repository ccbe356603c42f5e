package dev.vigil.uptake;

import java.util.OptionalDouble;

/**
 * How many of an agent's interactions on one side of a training day used a technique.
 *
 * @param interactions the interactions the technique applied to (in a language it has a query for)
 * @param using        of which the agent used the technique at least once
 * @param uses         the agent's turns that used it, in all of them
 */
public record UptakeShare(int interactions, int using, int uses) {
    public UptakeShare {
        if (interactions < 0 || using < 0 || using > interactions || uses < using) {
            throw new IllegalArgumentException("inconsistent share " + using + "/" + interactions + ", " + uses
                    + " uses");
        }
    }

    /** No interactions. */
    public static final UptakeShare NONE = new UptakeShare(0, 0, 0);

    /** {@code using / interactions}, 0-1; empty without interactions. */
    public OptionalDouble rate() {
        return interactions == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) using / interactions);
    }

    /** This share with one more interaction in which the technique was used {@code turns} times. */
    UptakeShare plus(int turns) {
        return new UptakeShare(interactions + 1, using + (turns > 0 ? 1 : 0), uses + Math.max(0, turns));
    }
}
