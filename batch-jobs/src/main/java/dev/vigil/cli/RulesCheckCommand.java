package dev.vigil.cli;

import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RuleSource;
import dev.vigil.rules.RulesCheck;
import dev.vigil.score.Scorecards;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import dev.vigil.uptake.TrainingLoader;
import dev.vigil.uptake.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil rules check [DIR] [--inbox INBOX]}: validates rule packs, scorecards and training-uptake packs and runs
 * every rule's and technique's examples.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate rule packs, scorecards and training-uptake packs, and run every rule's and technique's "
                + "must-match and must-not-match examples.")
public class RulesCheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "A folder with packs/ and scorecards/ (default: the packs shipped with Vigil).")
    Path dir;

    @Option(names = "--inbox", paramLabel = "INBOX",
            description = "Also check the inbox's trainings.yaml (training-uptake pack).")
    Path inbox;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSource source;
        RuleSet rules;
        Scorecards scorecards;
        TrainingSet trainings;
        try {
            source = RuleSource.directoryOrDefault(Optional.ofNullable(dir));
            rules = RuleSet.load(source);
            scorecards = Scorecards.load(source, rules.ruleIds());
            trainings = inbox == null ? new TrainingLoader().load(source.trainings())
                    : TrainingLoader.load(inbox, source);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("rules check: FAILED (invalid packs, scorecards or trainings)");
            return 1;
        }
        out.printf("%s: %d packs, %d rules, %d scorecards%n", source, rules.packs().size(), rules.rules().size(),
                scorecards.all().size());
        RulesCheck.Report report = RulesCheck.run(rules);
        out.println(report.summary());
        boolean passed = report.passed();
        if (!trainings.isEmpty()) {
            RulesCheck.Report techniques = RulesCheck.run(trainings.rules());
            out.printf("trainings: %d trainings, %d techniques%n", trainings.trainings().size(),
                    trainings.trainings().stream().mapToInt(t -> t.techniques().size()).sum());
            out.println(techniques.summary());
            passed &= techniques.passed();
        }
        out.println(passed ? "rules check: OK" : "rules check: FAILED");
        return passed ? 0 : 1;
    }
}
