package dev.vigil.uptake;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One technique's use by one agent before and after the training day.
 *
 * @param id     the technique's id
 * @param title  the technique's title
 * @param before interactions that started before the training day
 * @param after  interactions that started on the training day or later
 */
public record TechniqueUptake(String id, String title, UptakeShare before, UptakeShare after) {
    public TechniqueUptake {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The change of the share of interactions using it, after minus before (-1..1); empty unless both sides have interactions. */
    public OptionalDouble change() {
        return before.rate().isPresent() && after.rate().isPresent()
                ? OptionalDouble.of(after.rate().getAsDouble() - before.rate().getAsDouble())
                : OptionalDouble.empty();
    }
}
