package dev.vigil.pii;

import java.util.Objects;

/**
 * Where a detector found personal data in a text: character offsets {@code [start, end)}. It holds no copy of the
 * value.
 */
public record PiiSpan(PiiKind kind, int start, int end) {
    public PiiSpan {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    boolean overlaps(PiiSpan other) {
        return start < other.end && other.start < end;
    }

    int length() {
        return end - start;
    }
}
