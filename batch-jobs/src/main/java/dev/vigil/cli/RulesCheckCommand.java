package dev.vigil.cli;

import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RuleSource;
import dev.vigil.rules.RulesCheck;
import dev.vigil.score.Scorecards;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil rules check [DIR]}: validates rule packs and scorecards and runs every rule's examples. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate rule packs and scorecards, and run every rule's must-match and must-not-match examples.")
public class RulesCheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "A folder with packs/ and scorecards/ (default: the packs shipped with Vigil).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSource source;
        RuleSet rules;
        Scorecards scorecards;
        try {
            source = RuleSource.directoryOrDefault(Optional.ofNullable(dir));
            rules = RuleSet.load(source);
            scorecards = Scorecards.load(source, rules.ruleIds());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("rules check: FAILED (invalid packs or scorecards)");
            return 1;
        }
        out.printf("%s: %d packs, %d rules, %d scorecards%n", source, rules.packs().size(), rules.rules().size(),
                scorecards.all().size());
        RulesCheck.Report report = RulesCheck.run(rules);
        out.println(report.summary());
        out.println(report.passed() ? "rules check: OK" : "rules check: FAILED");
        return report.passed() ? 0 : 1;
    }
}
