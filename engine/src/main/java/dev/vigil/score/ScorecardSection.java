package dev.vigil.score;

import java.util.List;
import java.util.Objects;

/**
 * A group of items worth {@code weight} points when all its applicable items pass.
 *
 * @param id     unique within the scorecard, for example {@code professionalism}
 * @param title  what reports show
 * @param weight the section's points (positive); sections need not add up to 100, the score is normalised
 * @param items  at least one item
 */
public record ScorecardSection(String id, String title, double weight, List<ScorecardItem> items) {
    public ScorecardSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        items = List.copyOf(items);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("section " + id + ": weight must be positive, was " + weight);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("section " + id + " has no items");
        }
    }
}
