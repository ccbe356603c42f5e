package dev.vigil.speech;

import dev.vigil.model.TimeSpan;
import dev.vigil.model.Word;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of one channel's speech between silences: one turn of a call.
 *
 * @param time  from the first word's start to the last word's end
 * @param text  the words joined by single spaces
 * @param words the words in time order, never empty
 */
public record Utterance(TimeSpan time, String text, List<Word> words) {
    public Utterance {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an utterance has at least one word");
        }
    }

    /** The mean word confidence in [0, 1]. */
    public double meanConfidence() {
        return words.stream().mapToDouble(Word::confidence).average().orElse(0);
    }
}
