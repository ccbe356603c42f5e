package dev.vigil.model;

import java.util.List;
import java.util.Objects;

/**
 * Evidence that a rule matched: who said what, when, and which rule saw it.
 *
 * @param ruleId     the rule's id, for example {@code greeting.scripted}
 * @param category   the contract category
 * @param speaker    who said the matched text
 * @param turn       the index of the turn
 * @param time       when the turn (or, for calls, the matched words) was said
 * @param chars      character offsets of the match within the turn's text
 * @param text       the matched text
 * @param confidence how sure the evidence is, in [0, 1]: 1 for written text, word posteriors for calls
 * @param signal     which kind of evidence fired: a rule, the tone classifier or a detector
 * @param cues       for a classifier finding, the words of the turn that weighed most, heaviest first; else empty
 */
public record Finding(String ruleId, Category category, Speaker speaker, int turn, TimeSpan time, CharSpan chars,
                      String text, double confidence, Signal signal, List<String> cues) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(chars, "chars");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(signal, "signal");
        cues = List.copyOf(cues);
    }

    /** A finding of a rule's query, without cues. */
    public Finding(String ruleId, Category category, Speaker speaker, int turn, TimeSpan time, CharSpan chars,
                   String text, double confidence) {
        this(ruleId, category, speaker, turn, time, chars, text, confidence, Signal.RULE, List.of());
    }
}
