package dev.vigil.rules;

import dev.vigil.model.Speaker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One example of a rule: a single turn said by the rule's speaker (a plain string in the pack), or a dialogue (a list
 * of {@code "agent: ..."} / {@code "customer: ..."} lines).
 *
 * @param lines the example's turns in order
 */
public record RuleExample(List<Line> lines) {
    /**
     * One turn of an example.
     *
     * @param speaker who says it; empty for a plain-string example, which the rule's speaker says
     * @param text    what is said
     */
    public record Line(Optional<Speaker> speaker, String text) {
        public Line {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(text, "text");
        }
    }

    public RuleExample {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an example needs at least one line");
        }
    }

    /** A single turn said by the rule's speaker. */
    public static RuleExample turn(String text) {
        return new RuleExample(List.of(new Line(Optional.empty(), text)));
    }

    /** Whether the example is a dialogue written as speaker-prefixed lines. */
    public boolean dialogue() {
        return lines.get(0).speaker().isPresent();
    }

    /** The words of the example without speaker prefixes, one line per turn. */
    public String text() {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    /** The example as written: the text, or the dialogue's lines with their speakers joined by " | ". */
    @Override
    public String toString() {
        return dialogue() ? lines.stream().map(l -> l.speaker().map(Speaker::code).orElse("?") + ": " + l.text())
                .collect(Collectors.joining(" | ")) : text();
    }
}
