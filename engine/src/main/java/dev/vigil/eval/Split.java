package dev.vigil.eval;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which half of a labelled set to score. The halves are fixed by a hash of the interaction id, so rules can be tuned
 * on one half and honestly reported on the other.
 */
public enum Split {
    /** Every labelled interaction. */
    ALL,
    /** The half rules may be tuned on (CRC-32 of the id is even). */
    TUNE,
    /** The held-out half (CRC-32 of the id is odd). */
    HOLDOUT;

    public boolean contains(String interactionId) {
        if (this == ALL) {
            return true;
        }
        var crc = new CRC32();
        crc.update(interactionId.getBytes(StandardCharsets.UTF_8));
        boolean even = crc.getValue() % 2 == 0;
        return this == TUNE ? even : !even;
    }
}
