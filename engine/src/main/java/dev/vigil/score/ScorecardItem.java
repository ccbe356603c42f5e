package dev.vigil.score;

import dev.vigil.model.Channel;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One line of a scorecard: a check, its weight within the section, and when it applies.
 *
 * @param id       unique within the scorecard, for example {@code greeting}
 * @param title    what reports show
 * @param weight   share of the section's points, relative to the other applicable items (positive)
 * @param check    what is checked
 * @param autoFail whether failing this item fails the whole interaction whatever its score and flags it
 *                 {@code auto_fail} (for conduct such as agent profanity)
 * @param critical whether failing this item fails the interaction whatever its score, without the auto-fail flag
 *                 (for scripted must-haves such as the greeting)
 * @param when     the item applies only when findings of this selector exist; empty means always
 * @param channels the item applies only in these channels; empty means every channel
 */
public record ScorecardItem(String id, String title, double weight, ItemCheck check, boolean autoFail,
                            boolean critical, Optional<FindingSelector> when, Set<Channel> channels) {
    public ScorecardItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(when, "when");
        channels = Set.copyOf(channels);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("item " + id + ": weight must be positive, was " + weight);
        }
    }
}
