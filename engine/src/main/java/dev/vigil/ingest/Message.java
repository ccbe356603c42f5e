package dev.vigil.ingest;

import dev.vigil.model.Speaker;
import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation as a reader found it, before language detection and time offsets.
 *
 * @param speaker who wrote it
 * @param at      when it was written (absolute time)
 * @param text    its text, trimmed, never blank
 */
public record Message(Speaker speaker, Instant at, String text) {
    public Message {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
