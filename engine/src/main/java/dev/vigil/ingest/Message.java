package dev.vigil.ingest;

import dev.vigil.model.Speaker;
import dev.vigil.model.Word;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation as a reader found it, before language detection and time offsets: a chat message,
 * a part of an email thread, or a stretch of transcribed speech.
 *
 * @param speaker who wrote or said it
 * @param at      when it was written or started (absolute time)
 * @param end     when it ended: {@code at} for written messages, the end of the last word for speech
 * @param text    its text, trimmed, never blank
 * @param words   recognised words for speech, with times from the start of the conversation; empty otherwise
 */
public record Message(Speaker speaker, Instant at, Instant end, String text, List<Word> words) {
    public Message {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(text, "text");
        if (end.isBefore(at)) {
            throw new IllegalArgumentException("message ends at " + end + ", before it starts at " + at);
        }
        words = List.copyOf(words);
    }

    /** A written message: it takes no time and has no recognised words. */
    public Message(Speaker speaker, Instant at, String text) {
        this(speaker, at, at, text, List.of());
    }
}
