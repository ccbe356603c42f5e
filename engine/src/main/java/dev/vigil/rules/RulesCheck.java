package dev.vigil.rules;

import dev.vigil.model.Channel;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs every rule's examples, as {@code ./vigil rules check} does. Each example is one turn said by the rule's
 * speaker (the agent for {@code any}) in the pack's language, matched with the pack's {@code example_context}
 * against the pack's rules only. Stateless and thread-safe.
 */
public final class RulesCheck {
    private RulesCheck() {
    }

    /**
     * One example that did not come out as expected.
     *
     * @param text          the example turn
     * @param expectedMatch whether it was listed under {@code match}
     * @param actualMatch   whether the rule matched it
     * @param evidence      the matched text, when it matched
     */
    public record ExampleFailure(String text, boolean expectedMatch, boolean actualMatch, Optional<String> evidence) {
        public ExampleFailure {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(evidence, "evidence");
        }

        @Override
        public String toString() {
            return (expectedMatch ? "expected match, got none: " : "expected no match, matched "
                    + evidence.map(e -> "'" + e + "'").orElse("") + ": ") + "\"" + text + "\"";
        }
    }

    /**
     * The examples of one rule.
     *
     * @param file     the pack's file
     * @param packId   the pack's id
     * @param ruleId   the rule's id
     * @param examples how many examples ran
     * @param failures the examples that failed; empty when the rule passed
     */
    public record RuleResult(String file, String packId, String ruleId, int examples, List<ExampleFailure> failures) {
        public RuleResult {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(packId, "packId");
            Objects.requireNonNull(ruleId, "ruleId");
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** The results of every rule, in pack and file order. */
    public record Report(List<RuleResult> rules) {
        public Report {
            rules = List.copyOf(rules);
        }

        public boolean passed() {
            return rules.stream().allMatch(RuleResult::passed);
        }

        public List<RuleResult> failed() {
            return rules.stream().filter(r -> !r.passed()).toList();
        }

        public int exampleCount() {
            return rules.stream().mapToInt(RuleResult::examples).sum();
        }

        /** A readable summary: one line per failing example and a total line. */
        public String summary() {
            var sb = new StringBuilder();
            for (RuleResult r : failed()) {
                for (ExampleFailure f : r.failures()) {
                    sb.append(r.file()).append(": rule '").append(r.ruleId()).append("': ").append(f).append('\n');
                }
            }
            int failedExamples = failed().stream().mapToInt(r -> r.failures().size()).sum();
            sb.append(rules.size()).append(" rules, ").append(exampleCount()).append(" examples, ")
                    .append(failedExamples).append(" failed");
            return sb.toString();
        }
    }

    /** Runs every example of every rule of {@code rules}. */
    public static Report run(RuleSet rules) {
        var results = new ArrayList<RuleResult>();
        for (RulePack pack : rules.packs()) {
            ExampleContext context = pack.exampleContext();
            try (var step = new RuleMatchingStep(new RuleSet(List.of(pack)), context.company())) {
                for (Rule rule : pack.rules()) {
                    var failures = new ArrayList<ExampleFailure>();
                    for (String text : rule.examples().match()) {
                        check(step, pack, rule, text, true).ifPresent(failures::add);
                    }
                    for (String text : rule.examples().noMatch()) {
                        check(step, pack, rule, text, false).ifPresent(failures::add);
                    }
                    results.add(new RuleResult(pack.file(), pack.id(), rule.id(),
                            rule.examples().match().size() + rule.examples().noMatch().size(), failures));
                }
            }
        }
        return new Report(results);
    }

    private static Optional<ExampleFailure> check(RuleMatchingStep step, RulePack pack, Rule rule, String text,
                                                  boolean expected) {
        Speaker speaker = rule.speaker() == RuleSpeaker.CUSTOMER ? Speaker.CUSTOMER : Speaker.AGENT;
        Turn turn = new Turn(0, speaker, TimeSpan.ofMillis(0, 5_000), text, pack.language(), List.of());
        Interaction interaction = new Interaction("example", Channel.CHAT, pack.language(),
                new Person("example-agent", pack.exampleContext().agentFirstName()),
                Optional.of(Person.of("example-customer", null)), Instant.EPOCH, Duration.ofSeconds(5),
                List.of(turn), List.of(), OptionalInt.empty(), Path.of(pack.file()));
        Optional<String> evidence = step.findings(interaction).stream()
                .filter(f -> f.ruleId().equals(rule.id())).map(Finding::text).findFirst();
        boolean actual = evidence.isPresent();
        return actual == expected ? Optional.empty()
                : Optional.of(new ExampleFailure(text, expected, actual, evidence));
    }
}
