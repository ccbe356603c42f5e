package dev.vigil.score;

import java.util.Locale;

/** Whether a finding item requires its findings ({@code present}) or forbids them ({@code absent}). */
public enum Expectation {
    PRESENT, ABSENT;

    /** The scorecard's lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
