package dev.vigil.pii;

import java.util.List;
import java.util.Objects;

/**
 * A text with its personal data replaced by placeholders, and the kinds that were replaced, in text order.
 *
 * @param text  the redacted text
 * @param kinds what was replaced, one entry per placeholder
 */
public record Redaction(String text, List<PiiKind> kinds) {
    public Redaction {
        Objects.requireNonNull(text, "text");
        kinds = List.copyOf(kinds);
    }

    /** Whether anything was replaced. */
    public boolean changed() {
        return !kinds.isEmpty();
    }
}
