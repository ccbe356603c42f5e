package dev.vigil.model;

import java.util.Objects;

/** A recognised word of a call with its time and posterior confidence in [0, 1]. */
public record Word(String text, TimeSpan time, double confidence) {
    public Word {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence " + confidence + " outside [0, 1]");
        }
    }
}
