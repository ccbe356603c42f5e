package dev.vigil.cli;

import dev.vigil.eval.EvaluationReport;
import dev.vigil.eval.LabelEvaluation;
import dev.vigil.eval.Split;
import dev.vigil.model.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil eval}: precision, recall and F1 per category against human labels. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Compare evaluations.jsonl with a labels.csv (interaction_id,category,expected) and print "
                + "precision, recall and F1 per category.")
public class EvalCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, markdown }

    @Option(names = "--evaluations", required = true, description = "An evaluations.jsonl written by vigil nightly.")
    Path evaluations;

    @Option(names = "--labels", required = true, description = "labels.csv: interaction_id,category,expected (1/0).")
    Path labels;

    @Option(names = "--split", defaultValue = "all",
            description = "all, tune or holdout: the half of the labels to score, fixed by a hash of the id; or "
                    + "halves: the whole set beside the F1 of each half (Markdown).")
    String split;

    @Option(names = "--signals", split = ",", defaultValue = "rule,classifier,detector",
            description = "Which findings count, comma-separated: rule, classifier, detector (default all). "
                    + "'--signals rule' measures the rules alone.")
    List<String> signals;

    @Option(names = "--format", defaultValue = "text", description = "text or markdown.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path p : new Path[] {evaluations, labels}) {
            if (!Files.isRegularFile(p)) {
                spec.commandLine().getErr().println("vigil: " + p + " does not exist");
                return 2;
            }
        }
        var counted = EnumSet.noneOf(Signal.class);
        for (String name : signals) {
            try {
                counted.add(Signal.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("vigil: unknown signal '" + name
                        + "' (one of: rule, classifier, detector)");
                return 2;
            }
        }
        if (split.equalsIgnoreCase("halves")) {
            EvaluationReport all = LabelEvaluation.evaluate(evaluations, labels, Split.ALL, counted);
            spec.commandLine().getOut().print(all.toHalvesMarkdown(
                    LabelEvaluation.evaluate(evaluations, labels, Split.TUNE, counted),
                    LabelEvaluation.evaluate(evaluations, labels, Split.HOLDOUT, counted)));
            return 0;
        }
        Split s;
        try {
            s = Split.valueOf(split.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("vigil: unknown split '" + split + "' (all, tune, holdout or halves)");
            return 2;
        }
        EvaluationReport report = LabelEvaluation.evaluate(evaluations, labels, s, counted);
        spec.commandLine().getOut().print(format == Format.markdown ? report.toMarkdown() : report.toText());
        return 0;
    }
}
