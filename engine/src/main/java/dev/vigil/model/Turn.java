package dev.vigil.model;

import java.util.List;
import java.util.Objects;

/**
 * One speaker's contribution: a chat message, one part of an email thread, or a stretch of speech in a call.
 *
 * @param index    position in the interaction, from 0
 * @param speaker  who said it
 * @param time     when, from the start of the interaction
 * @param text     the text as written or transcribed
 * @param language the language detected for this turn (it may differ from the interaction's)
 * @param words    recognised words with timing, for calls; empty otherwise
 */
public record Turn(int index, Speaker speaker, TimeSpan time, String text, Language language, List<Word> words) {
    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        words = List.copyOf(words);
    }

    public Turn withLanguage(Language l) {
        return new Turn(index, speaker, time, text, l, words);
    }

    public Turn withText(String t) {
        return new Turn(index, speaker, time, t, language, words);
    }
}
