package dev.vigil.rules;

import java.util.Locale;

/** Whose turns a rule looks at: the agent's, the customer's, or anyone's (agent, customer and unknown speakers). */
public enum RuleSpeaker {
    AGENT, CUSTOMER, ANY;

    /** The lower-case name used in rule packs. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name used in rule packs; throws {@link IllegalArgumentException} when unknown. */
    public static RuleSpeaker fromCode(String code) {
        for (RuleSpeaker s : values()) {
            if (s.code().equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown speaker '" + code + "' (one of: agent, customer, any)");
    }
}
