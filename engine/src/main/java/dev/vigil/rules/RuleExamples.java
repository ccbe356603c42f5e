package dev.vigil.rules;

import java.util.List;

/**
 * Examples that a rule must and must not match, run by {@link RulesCheck}: single turns or dialogues.
 *
 * @param matching    examples the rule must match
 * @param notMatching examples the rule must not match
 */
public record RuleExamples(List<RuleExample> matching, List<RuleExample> notMatching) {
    public RuleExamples {
        matching = List.copyOf(matching);
        notMatching = List.copyOf(notMatching);
    }

    /** Single-turn examples only, as the pack lists them. */
    public static RuleExamples ofTurns(List<String> match, List<String> noMatch) {
        return new RuleExamples(match.stream().map(RuleExample::turn).toList(),
                noMatch.stream().map(RuleExample::turn).toList());
    }

    /** The text of every example the rule must match (dialogue lines joined by new lines). */
    public List<String> match() {
        return matching.stream().map(RuleExample::text).toList();
    }

    /** The text of every example the rule must not match (dialogue lines joined by new lines). */
    public List<String> noMatch() {
        return notMatching.stream().map(RuleExample::text).toList();
    }
}
