package dev.vigil.rules;

import java.util.Objects;

/**
 * One query of a rule: the rule's whole {@code query}, or one named part of a scripted rule.
 *
 * @param name  the part's name ({@code query} for a rule with a single query)
 * @param query the query in Lucene's standard syntax, possibly with {@code ${...}} variables
 */
public record RulePart(String name, String query) {
    public RulePart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
    }

    /** Whether the query mentions a variable and so is resolved per interaction. */
    public boolean hasVariables() {
        return query.contains("${");
    }
}
