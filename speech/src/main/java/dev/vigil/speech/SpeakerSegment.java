package dev.vigil.speech;

import dev.vigil.model.TimeSpan;
import java.util.Objects;

/**
 * A stretch of a mono recording attributed to one speaker cluster.
 *
 * @param cluster the speaker cluster, 0 or 1 (numbered in order of first appearance)
 * @param time    the stretch, from the start of the recording
 */
public record SpeakerSegment(int cluster, TimeSpan time) {
    public SpeakerSegment {
        Objects.requireNonNull(time, "time");
        if (cluster < 0) {
            throw new IllegalArgumentException("cluster " + cluster + " is negative");
        }
    }
}
