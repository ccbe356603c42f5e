package dev.vigil.pii;

import java.util.Locale;
import java.util.Optional;

/** A kind of personal data Vigil detects; each has the placeholder that replaces it and the rule id of its findings. */
public enum PiiKind {
    /** A payment card number (13–19 digits, Luhn-checked), typed or spoken digit by digit. */
    CARD,
    /** A telephone number: international ({@code +…}), Russian ({@code +7}/{@code 8 (xxx) xxx-xx-xx}) or US formats. */
    PHONE,
    /** An e-mail address. */
    EMAIL,
    /** A Russian internal passport: series of 4 digits and number of 6, near «паспорт» / «серия» or as {@code 45 07 123456}. */
    PASSPORT,
    /** A Russian СНИЛС ({@code XXX-XXX-XXX YY}) whose check number is right. */
    SNILS,
    /** A Russian ИНН (10 or 12 digits) whose check digits are right. */
    INN;

    /** The text that replaces the value, for example {@code [card]}. */
    public String placeholder() {
        return "[" + name().toLowerCase(Locale.ROOT) + "]";
    }

    /** The rule id of this kind's findings, for example {@code pii.card}. */
    public String ruleId() {
        return "pii." + name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose placeholder is {@code text}, if it is one. */
    public static Optional<PiiKind> ofPlaceholder(String text) {
        for (PiiKind k : values()) {
            if (k.placeholder().equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
