package dev.vigil.uptake;

import java.util.List;

/**
 * Training-uptake packs failed validation. The message lists every problem found, one per line, each as
 * {@code <file>: training '<id>': <problem>} (or {@code <file>: <problem>} for the file itself).
 */
public class InvalidTrainingsException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidTrainingsException(List<String> problems) {
        super("invalid training-uptake packs (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
