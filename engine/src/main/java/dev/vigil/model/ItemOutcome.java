package dev.vigil.model;

import java.util.Locale;

/** How one scorecard item came out for one interaction. */
public enum ItemOutcome {
    PASSED, FAILED, NOT_APPLICABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
