package dev.vigil.model;

/** Character offsets {@code [start, end)} into one turn's text, as OpenNLP's {@code Span} and Lucene's offsets use them. */
public record CharSpan(int start, int end) {
    public CharSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    /** The covered text of {@code text}. */
    public String of(String text) {
        return text.substring(start, Math.min(end, text.length()));
    }
}
