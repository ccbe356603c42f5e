package dev.vigil.score;

import java.util.List;

/** Thrown when scorecards fail validation; carries every problem found, each naming the file, item and problem. */
public final class InvalidScorecardException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidScorecardException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code <file>: <where>: <what>}. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in scorecards:\n  - "
                + String.join("\n  - ", problems);
    }
}
