package dev.vigil.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One query of a rule: the rule's whole {@code query}, one named part of a scripted rule, or the inline query of a
 * sequence step (named {@code anchor}, {@code followed_by} or {@code preceded_by}).
 *
 * @param name    the part's name ({@code query} for a rule with a single query)
 * @param query   the query in Lucene's standard syntax, possibly with {@code ${...}} variables
 * @param speaker whose turns it searches when not the rule's speaker (sequence steps)
 */
public record RulePart(String name, String query, Optional<RuleSpeaker> speaker) {
    public RulePart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(speaker, "speaker");
    }

    /** A part searching the rule's speaker's turns. */
    public RulePart(String name, String query) {
        this(name, query, Optional.empty());
    }

    /** Whether the query mentions a variable and so is resolved per interaction. */
    public boolean hasVariables() {
        return query.contains("${");
    }
}
