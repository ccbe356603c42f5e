package dev.vigil.rules;

import java.util.Objects;

/**
 * A rule's {@code unless} condition: a hit of the rule is dropped when a hit of this query lies in the same turn and
 * field, overlapping it or at most {@code before} word positions before it or {@code after} positions after it (1 means
 * the next word). This is how a rule ignores negated or hedged mentions ("I'm not complaining").
 *
 * @param query  the cancelling query in Lucene's standard syntax, {@code ${...}} variables allowed
 * @param before how many word positions before a hit the query cancels it; 0 means only overlapping hits
 * @param after  how many word positions after a hit the query cancels it
 */
public record RuleUnless(String query, int before, int after) {
    public RuleUnless {
        Objects.requireNonNull(query, "query");
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("unless before/after must not be negative");
        }
    }
}
