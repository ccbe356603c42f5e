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
 * Runs every rule's examples, as {@code ./vigil rules check} does. A plain example is one turn said by the rule's
 * speaker (the agent for {@code any}); a dialogue example is one turn per line, said by the line's speaker, 10 seconds
 * apart (each turn lasting 5 seconds). Examples are in the pack's language and matched with the pack's
 * {@code example_context} against the pack's rules, plus, when the pack has sequence rules that refer to other rules or
 * categories, the rules of every pack in its language. Stateless and thread-safe.
 */
public final class RulesCheck {
    private RulesCheck() {
    }

    /**
     * One example that did not come out as expected.
     *
     * @param text          the example turn, or the dialogue's lines joined by " | "
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
            List<RulePack> packs = List.of(pack);
            if (refersToOtherRules(pack)) {
                var same = new ArrayList<RulePack>(List.of(pack));
                rules.packs().stream().filter(p -> p != pack && p.language() == pack.language()).forEach(same::add);
                packs = same;
            }
            try (var step = new RuleMatchingStep(new RuleSet(packs, rules.morphology()), context.company())) {
                for (Rule rule : pack.rules()) {
                    var failures = new ArrayList<ExampleFailure>();
                    for (RuleExample example : rule.examples().matching()) {
                        check(step, pack, rule, example, true).ifPresent(failures::add);
                    }
                    for (RuleExample example : rule.examples().notMatching()) {
                        check(step, pack, rule, example, false).ifPresent(failures::add);
                    }
                    results.add(new RuleResult(pack.file(), pack.id(), rule.id(),
                            rule.examples().matching().size() + rule.examples().notMatching().size(), failures));
                }
            }
        }
        return new Report(results);
    }

    private static boolean refersToOtherRules(RulePack pack) {
        return pack.rules().stream().flatMap(r -> r.sequence().stream())
                .anyMatch(s -> s.anchor().kind() != RuleStep.Kind.QUERY || s.other().kind() != RuleStep.Kind.QUERY);
    }

    /** The example as an interaction: its turns 10 s apart, each 5 s long. */
    static Interaction interaction(RulePack pack, Rule rule, RuleExample example) {
        Speaker ruleSpeaker = rule.speaker() == RuleSpeaker.CUSTOMER ? Speaker.CUSTOMER : Speaker.AGENT;
        var turns = new ArrayList<Turn>();
        for (RuleExample.Line line : example.lines()) {
            int i = turns.size();
            turns.add(new Turn(i, line.speaker().orElse(ruleSpeaker), TimeSpan.ofMillis(i * 10_000L,
                    i * 10_000L + 5_000L), line.text(), pack.language(), List.of()));
        }
        return new Interaction("example", Channel.CHAT, pack.language(),
                new Person("example-agent", pack.exampleContext().agentFirstName()),
                Optional.of(Person.of("example-customer", null)), Instant.EPOCH,
                Duration.ofMillis(turns.size() * 10_000L - 5_000L), turns, List.of(), OptionalInt.empty(),
                Path.of(pack.file()));
    }

    private static Optional<ExampleFailure> check(RuleMatchingStep step, RulePack pack, Rule rule,
                                                  RuleExample example, boolean expected) {
        String text = example.toString();
        Interaction interaction = interaction(pack, rule, example);
        Optional<String> evidence = step.findings(interaction).stream()
                .filter(f -> f.ruleId().equals(rule.id())).map(Finding::text).findFirst();
        boolean actual = evidence.isPresent();
        return actual == expected ? Optional.empty()
                : Optional.of(new ExampleFailure(text, expected, actual, evidence));
    }
}
