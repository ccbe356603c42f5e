package dev.vigil.rules;

import java.util.List;

/**
 * Single turns that a rule must and must not match, run by {@link RulesCheck}.
 *
 * @param match   turns the rule must match
 * @param noMatch turns the rule must not match
 */
public record RuleExamples(List<String> match, List<String> noMatch) {
    public RuleExamples {
        match = List.copyOf(match);
        noMatch = List.copyOf(noMatch);
    }
}
