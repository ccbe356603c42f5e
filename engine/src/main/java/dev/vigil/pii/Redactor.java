package dev.vigil.pii;

import dev.vigil.model.TimeSpan;
import dev.vigil.model.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replaces personal data with typed placeholders ({@code [card]}, {@code [phone]}, {@code [email]},
 * {@code [passport]}, {@code [snils]}, {@code [inn]}) in written text, in a call's recognised words and in
 * exception messages. Stateless and thread-safe.
 *
 * <pre>{@code
 * Redactor redactor = new Redactor();
 * redactor.redact("card 4111 1111 1111 1111").text();   // "card [card]"
 * }</pre>
 */
public final class Redactor {
    private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("\\d(?:[ \\-]?\\d){11,}");
    private final PiiDetector detector;

    /** A redactor with the standard detector. */
    public Redactor() {
        this(new PiiDetector());
    }

    public Redactor(PiiDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** The text with every detected value replaced by its placeholder. */
    public Redaction redact(String text) {
        List<PiiSpan> spans = detector.find(text);
        if (spans.isEmpty()) {
            return new Redaction(text, List.of());
        }
        var out = new StringBuilder(text.length());
        var kinds = new ArrayList<PiiKind>();
        int at = 0;
        for (PiiSpan s : spans) {
            out.append(text, at, s.start()).append(s.kind().placeholder());
            kinds.add(s.kind());
            at = s.end();
        }
        out.append(text, at, text.length());
        return new Redaction(out.toString(), kinds);
    }

    /**
     * A call's recognised words with each spoken value (a run of number words, for example a card number read out
     * digit by digit) replaced by one word: its placeholder, timed from the run's first word's start to its last
     * word's end, with the run's mean confidence. Other words are kept as they are; a word whose own text holds a
     * value (a recogniser that writes digits) is redacted in place and keeps its time.
     */
    public List<Word> redactWords(List<Word> words) {
        List<PiiSpan> spans = detector.findSpoken(words.stream().map(Word::text).toList());
        var out = new ArrayList<Word>(words.size());
        int i = 0;
        for (PiiSpan s : spans) {
            for (; i < s.start(); i++) {
                out.add(redactWord(words.get(i)));
            }
            List<Word> run = words.subList(s.start(), s.end());
            double confidence = run.stream().mapToDouble(Word::confidence).average().orElse(1.0);
            out.add(new Word(s.kind().placeholder(), new TimeSpan(run.get(0).time().start(),
                    run.get(run.size() - 1).time().end()), confidence));
            i = s.end();
        }
        for (; i < words.size(); i++) {
            out.add(redactWord(words.get(i)));
        }
        return out;
    }

    private Word redactWord(Word w) {
        Redaction r = redact(w.text());
        return r.changed() ? new Word(r.text(), w.time(), w.confidence()) : w;
    }

    /**
     * A message for a person or a log (a rejection's reason, an exception's message) with personal data taken out.
     * Messages quote input out of context (a parser shows the token it choked on, glued to its neighbours), so
     * besides the placeholders of {@link #redact}, every remaining run of 12 or more digits (single spaces or dashes
     * between them) becomes {@code [number]}; dates and times are shorter and stay readable.
     */
    public String redactMessage(String message) {
        return LONG_NUMBER.matcher(redact(message).text()).replaceAll("[number]");
    }

    /**
     * A copy of {@code error} safe to log or store: the same exception classes and stack frames, with every message
     * in the cause chain redacted as by {@link #redactMessage}. Library messages may quote the input (a JSON parser shows the token it choked on).
     */
    public Throwable scrub(Throwable error) {
        return scrub(error, 0);
    }

    private Throwable scrub(Throwable error, int depth) {
        String message = error.getMessage() == null ? null : redactMessage(error.getMessage());
        Throwable cause = error.getCause() != null && error.getCause() != error && depth < 16
                ? scrub(error.getCause(), depth + 1) : null;
        var copy = new RedactedException(error.getClass().getName(), message, cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** An exception standing in for another whose message was redacted; it prints as the original class. */
    static final class RedactedException extends RuntimeException {
        private final String originalClass;

        RedactedException(String originalClass, String message, Throwable cause) {
            super(message, cause, false, true);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            String m = getLocalizedMessage();
            return m == null ? originalClass : originalClass + ": " + m;
        }
    }
}
