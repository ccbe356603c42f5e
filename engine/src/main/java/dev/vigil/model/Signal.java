package dev.vigil.model;

import java.util.Locale;

/** Which kind of evidence produced a finding: a rule's query, the statistical tone classifier, or a detector. */
public enum Signal {
    /** A rule pack's query matched the words. */
    RULE,
    /** The statistical tone classifier scored the turn above its threshold; the finding lists the weightiest words. */
    CLASSIFIER,
    /** A pattern detector with a checksum or format check (personal data). */
    DETECTOR;

    /** The lower-case name written to outputs, for example {@code classifier}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
