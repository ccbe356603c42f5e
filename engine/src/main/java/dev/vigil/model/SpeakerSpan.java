package dev.vigil.model;

import java.util.Objects;

/** A stretch of a recording attributed to one speaker: speech found by voice-activity detection, or raised voice. */
public record SpeakerSpan(Speaker speaker, TimeSpan time) {
    public SpeakerSpan {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(time, "time");
    }
}
