package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.config.Inbox;
import dev.vigil.config.InboxLoader;
import dev.vigil.engine.QaEngine;
import dev.vigil.ingest.RejectedInputException;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Finding;
import dev.vigil.model.ItemResult;
import dev.vigil.model.SectionScore;
import dev.vigil.model.Turn;
import dev.vigil.report.EvaluationJson;
import dev.vigil.rules.RuleSource;
import dev.vigil.speech.InboxSpeech;
import dev.vigil.speech.SphinxTranscriber;
import dev.vigil.speech.TranscriptionException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil analyze FILE}: analyses one interaction and explains its score. */
@Command(name = "analyze", aliases = "analyse", mixinStandardHelpOptions = true,
        description = "Analyse one chat, email or call and explain its score: findings, metrics, and the reason for "
                + "each item.")
public class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A chat (JSON, text, HTML, CSV), email (.eml) or call recording "
            + "(.wav, .mp3, .flac, .ogg, with its sidecar .json beside it).")
    Path file;

    @Option(names = "--json", description = "Print the evaluation as the contract's JSON instead of text.")
    boolean json;

    @Option(names = "--inbox", description = "The inbox whose vigil.yaml and agents.csv apply "
            + "(default: the nearest folder above FILE that has one).")
    Path inbox;

    @Option(names = "--rules", description = "A folder of rule packs and scorecards to use instead of the defaults.")
    Path rules;

    @Option(names = "--db", defaultValue = "vigil-data",
            description = "The data folder whose lm/ caches domain language models (default: ${DEFAULT-VALUE}).")
    Path db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("vigil: " + file + " does not exist or is not a file");
            return 2;
        }
        Path root = inbox != null ? inbox : findInbox(file).orElse(file.toAbsolutePath().getParent());
        Inbox loaded = InboxLoader.load(root);
        Evaluation e;
        RuleSource source = RuleSource.directoryOrDefault(Optional.ofNullable(rules));
        try (QaEngine engine = QaEngine.load(source, loaded);
             SphinxTranscriber transcriber = InboxSpeech.transcriber(loaded, source, db)) {
            e = engine.evaluate(InboxSpeech.ingestor(loaded, transcriber).read(file));
        } catch (TranscriptionException t) {
            err.println("vigil: " + t.getMessage());
            return 2;
        } catch (RejectedInputException r) {
            err.printf("vigil: %s rejected at %s: %s%n", file, r.stage(), r.reason());
            return 1;
        }
        if (json) {
            var mapper = new ObjectMapper();
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(
                    mapper.readTree(EvaluationJson.line(e))));
        } else {
            explain(out, e);
        }
        return 0;
    }

    /** The nearest folder at or above the file's folder with a {@code vigil.yaml} or {@code agents.csv}. */
    static Optional<Path> findInbox(Path file) {
        for (Path d = file.toAbsolutePath().getParent(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("vigil.yaml")) || Files.exists(d.resolve("agents.csv"))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    static void explain(PrintWriter out, Evaluation e) {
        var i = e.interaction();
        out.printf(Locale.ROOT, "%s  %s  %s  agent %s  %s%n", i.id(), i.channel().code(), i.language().code(),
                i.agent().id(), i.startedAt());
        out.printf(Locale.ROOT, "Score %.1f  %s%s  (%s)%n%n", e.score(), e.review().isPresent()
                ? "NEEDS HUMAN REVIEW: " + e.review().get() : e.passed() ? "PASSED" : "FAILED",
                e.autoFail() ? "  AUTO-FAIL" : "", e.scorecard());
        out.println("Findings:");
        if (e.findings().isEmpty()) {
            out.println("  (none)");
        }
        for (Finding f : e.findings()) {
            Turn t = i.turns().get(f.turn());
            out.printf(Locale.ROOT, "  [%s] turn %d %-8s %-12s %-28s \"%s\"%n", clock(t.time().start().toMillis()),
                    f.turn(), f.speaker().code(), f.category().code(), f.ruleId(), f.text());
        }
        out.println();
        out.println("Sections:");
        for (SectionScore s : e.sections()) {
            out.printf(Locale.ROOT, "  %-20s %5.1f / %5.1f%n", s.id(), s.score(), s.max());
        }
        out.println();
        out.println("Items:");
        for (ItemResult r : e.items()) {
            out.printf(Locale.ROOT, "  %-15s %-32s %s%s%n", r.outcome().code(), r.itemId(), r.reason(),
                    r.autoFail() && r.outcome() == dev.vigil.model.ItemOutcome.FAILED ? "  [auto-fail]" : "");
        }
        if (!e.metrics().isEmpty()) {
            out.println();
            out.println("Metrics:");
            e.metrics().forEach((k, v) -> out.printf(Locale.ROOT, "  %-20s %s%n", k, trim(v)));
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
