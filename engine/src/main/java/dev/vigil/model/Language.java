package dev.vigil.model;

import java.util.Locale;

/** A language Vigil analyses. English and Russian are both first-class. Serialised as ISO 639-1 ({@code en}, {@code ru}). */
public enum Language {
    EN, RU;

    /** The ISO 639-1 code. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The locale for sentence splitting and report formatting. */
    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** Parses an ISO 639-1 code; throws {@link IllegalArgumentException} naming the value when it is not supported. */
    public static Language fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code().equals(c)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unsupported language '" + code + "' (supported: en, ru)");
    }
}
