package dev.vigil.model;

import java.util.Locale;

/** Who said a turn. Serialised in lower case ({@code agent}, {@code customer}, {@code unknown}). */
public enum Speaker {
    AGENT, CUSTOMER, UNKNOWN;

    /** The contract's lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's lower-case name. */
    public static Speaker fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
