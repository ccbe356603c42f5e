package dev.vigil.rules;

import java.util.List;

/**
 * Rule packs failed validation. The message lists every problem found, one per line, each as
 * {@code <file>: rule '<id>': <problem>} (or {@code <file>: <problem>} for the pack itself).
 */
public class InvalidRulesException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidRulesException(List<String> problems) {
        super("invalid rule packs (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
