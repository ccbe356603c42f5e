package dev.vigil.speech;

import dev.vigil.model.TimeSpan;
import dev.vigil.model.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Splits one channel's recognised words into utterances (turns) at silences. Immutable and thread-safe. */
public final class Utterances {
    /** The default silence that ends an utterance. */
    public static final Duration DEFAULT_GAP = Duration.ofMillis(700);

    private final Duration gap;

    /** @param gap a silence at least this long between two words starts a new utterance */
    public Utterances(Duration gap) {
        Objects.requireNonNull(gap, "gap");
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("gap must be positive");
        }
        this.gap = gap;
    }

    /** With {@link #DEFAULT_GAP}. */
    public Utterances() {
        this(DEFAULT_GAP);
    }

    /** The utterances of {@code words} in time order (words are sorted by start first); empty for no words. */
    public List<Utterance> split(List<Word> words) {
        List<Word> sorted = words.stream().sorted(Comparator.comparing((Word w) -> w.time().start())).toList();
        var out = new ArrayList<Utterance>();
        var current = new ArrayList<Word>();
        for (Word w : sorted) {
            if (!current.isEmpty()
                    && w.time().start().minus(current.get(current.size() - 1).time().end()).compareTo(gap) >= 0) {
                out.add(utterance(current));
                current.clear();
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(utterance(current));
        }
        return out;
    }

    private static Utterance utterance(List<Word> words) {
        Duration end = words.stream().map(w -> w.time().end()).max(Comparator.naturalOrder()).orElseThrow();
        return new Utterance(new TimeSpan(words.get(0).time().start(), end),
                words.stream().map(Word::text).collect(Collectors.joining(" ")), words);
    }
}
