package dev.vigil.cli;

import dev.vigil.eval.EvaluationReport;
import dev.vigil.eval.LabelEvaluation;
import dev.vigil.eval.Split;
import java.nio.file.Files;
import java.nio.file.Path;
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
            description = "all, tune or holdout: the half of the labels to score, fixed by a hash of the id.")
    String split;

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
        Split s = Split.valueOf(split.toUpperCase(java.util.Locale.ROOT));
        EvaluationReport report = LabelEvaluation.evaluate(evaluations, labels, s);
        spec.commandLine().getOut().print(format == Format.markdown ? report.toMarkdown() : report.toText());
        return 0;
    }
}
