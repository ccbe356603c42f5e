package dev.vigil.model;

import java.util.Locale;

/** The medium an interaction took place in. Serialised in lower case ({@code chat}, {@code email}, {@code call}). */
public enum Channel {
    CHAT, EMAIL, CALL;

    /** The contract's lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's lower-case name. */
    public static Channel fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
