package dev.vigil.model;

import java.time.Duration;
import java.util.Objects;

/** A span of time measured from the start of an interaction. {@code end} is never before {@code start}. */
public record TimeSpan(Duration start, Duration end) {
    public static final TimeSpan ZERO = new TimeSpan(Duration.ZERO, Duration.ZERO);

    public TimeSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    public static TimeSpan ofMillis(long startMs, long endMs) {
        return new TimeSpan(Duration.ofMillis(startMs), Duration.ofMillis(endMs));
    }

    public Duration length() {
        return end.minus(start);
    }
}
