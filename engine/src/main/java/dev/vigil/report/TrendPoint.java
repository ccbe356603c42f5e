package dev.vigil.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One night of an agent's score trend.
 *
 * @param night        the night
 * @param meanScore    that night's mean score, 0-100
 * @param interactions interactions evaluated that night
 */
public record TrendPoint(LocalDate night, double meanScore, int interactions) {
    public TrendPoint {
        Objects.requireNonNull(night, "night");
    }
}
