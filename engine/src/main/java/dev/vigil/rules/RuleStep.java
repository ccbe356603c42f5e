package dev.vigil.rules;

import java.util.Objects;

/**
 * One step of a {@link RuleSequence}: an inline query, or the findings of another rule or of a category.
 *
 * @param kind    what {@code value} is
 * @param value   the query text, the category code or the rule id
 * @param speaker whose turns the step looks at
 */
public record RuleStep(Kind kind, String value, RuleSpeaker speaker) {
    /** What a step refers to, named as the key in rule packs. */
    public enum Kind {
        QUERY, CATEGORY, RULE;

        /** The key used in rule packs. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RuleStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(speaker, "speaker");
    }
}
