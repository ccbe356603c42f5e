package dev.vigil.score;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An item that passes when a metric of the analysis lies within bounds (inclusive). The bounds are in the metric's
 * own unit, which its name states ({@code first_response_s} is in seconds). At least one bound is set.
 *
 * @param metric the metric's name, for example {@code first_response_s}
 * @param min    the smallest value that passes
 * @param max    the largest value that passes
 */
public record MetricCheck(String metric, OptionalDouble min, OptionalDouble max) implements ItemCheck {
    public MetricCheck {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException("metric item on " + metric + " needs min or max");
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException("min " + min.getAsDouble() + " is above max " + max.getAsDouble());
        }
    }
}
