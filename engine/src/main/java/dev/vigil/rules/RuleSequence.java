package dev.vigil.rules;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A rule across turns: it fires on the anchor's turn when the other step occurs (or, when {@code missing}, does not
 * occur) after the anchor ({@code followed_by}) or before it ({@code preceded_by}) within the limits. The anchor's own
 * turn counts as within. When both limits are given either suffices; with none, the whole interaction counts.
 *
 * @param anchor      the step a finding points at
 * @param direction   where the other step is looked for
 * @param other       the step that must (or must not) occur
 * @param withinTurns how many turns of the other step's speaker (of anyone for {@code any}) may lie between the
 *                    anchor and the other step, counting the other step's turn: 2 = in one of that speaker's next
 *                    (or previous) two turns; 0 = the anchor's own turn
 * @param withinTime  how far apart in time the two turns may be (gap between them)
 * @param missing     fire when the other step does not occur
 */
public record RuleSequence(RuleStep anchor, Direction direction, RuleStep other, OptionalInt withinTurns,
                           Optional<Duration> withinTime, boolean missing) {
    /** Where the other step is looked for, named as the key in rule packs. */
    public enum Direction {
        FOLLOWED_BY, PRECEDED_BY;

        /** The key used in rule packs. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RuleSequence {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(withinTurns, "withinTurns");
        Objects.requireNonNull(withinTime, "withinTime");
    }
}
