package dev.vigil.rules;

import java.util.Locale;

/** How much a rule's finding matters to a reviewer; scorecards may weigh it. */
public enum Severity {
    INFO, MINOR, MAJOR, CRITICAL;

    /** The lower-case name used in rule packs. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name used in rule packs; throws {@link IllegalArgumentException} when unknown. */
    public static Severity fromCode(String code) {
        for (Severity s : values()) {
            if (s.code().equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + code + "' (one of: info, minor, major, critical)");
    }
}
