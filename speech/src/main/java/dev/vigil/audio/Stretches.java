package dev.vigil.audio;

import dev.vigil.model.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the windows in which a detector fired, in time order, into stretches: a window starting at most
 * {@code bridgeMs} after the current stretch ends extends it; stretches shorter than {@code minMs} are dropped. Used by
 * one detection call at a time.
 */
final class Stretches {
    private final long bridgeMs;
    private final long minMs;
    private final List<long[]> found = new ArrayList<>();

    Stretches(long bridgeMs, long minMs) {
        this.bridgeMs = bridgeMs;
        this.minMs = minMs;
    }

    /** Adds a window that fired, from {@code startMs} to {@code endMs}; windows come in order of their start. */
    void add(long startMs, long endMs) {
        if (!found.isEmpty() && startMs - found.get(found.size() - 1)[1] <= bridgeMs) {
            found.get(found.size() - 1)[1] = endMs;
        } else {
            found.add(new long[] {startMs, endMs});
        }
    }

    /** The stretches at least {@code minMs} long, in time order. */
    List<TimeSpan> spans() {
        var result = new ArrayList<TimeSpan>();
        for (long[] s : found) {
            if (s[1] - s[0] >= minMs) {
                result.add(TimeSpan.ofMillis(s[0], s[1]));
            }
        }
        return result;
    }
}
