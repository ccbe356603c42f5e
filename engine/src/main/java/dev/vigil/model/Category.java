package dev.vigil.model;

import java.util.Locale;

/**
 * The contract's fixed vocabulary of finding categories, plus Vigil's one extension {@link #KNOWLEDGE_GAP}. Every
 * finding carries exactly one.
 */
public enum Category {
    GREETING_OK, CLOSING_OK, COMPLAINT, APOLOGY, EMPATHY, RUDENESS, PROFANITY, ESCALATION,
    HOLD, TRANSFER, CROSS_SELL, RESOLUTION, PII,
    /**
     * Vigil's extension of the contract's vocabulary: the agent showed a gap in product knowledge ("I don't know",
     * «не знаю, наверное»). None of the contract's categories means this, and reusing one would score it wrongly.
     */
    KNOWLEDGE_GAP;

    /** The contract's lower-case name, for example {@code greeting_ok}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's name; throws {@link IllegalArgumentException} listing the vocabulary when unknown. */
    public static Category fromCode(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        for (Category v : values()) {
            if (v.name().equals(c)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown category '" + code + "' (one of: "
                + String.join(", ", java.util.Arrays.stream(values()).map(Category::code).toList()) + ")");
    }
}
