package dev.vigil.cli;

import dev.vigil.batch.NightlyParameters;
import dev.vigil.batch.NightlyRunner;
import dev.vigil.batch.ProgressReporter;
import dev.vigil.batch.VigilBatchApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil nightly}: runs the nightly-qa job on an inbox and publishes the outputs. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Analyse and score every interaction in an inbox; write evaluations, scorecards and reports.")
public class NightlyCommand implements Callable<Integer> {
    @Option(names = "--inbox", required = true, description = "The inbox folder (chats/, emails/, agents.csv, vigil.yaml).")
    Path inbox;

    @Option(names = "--out", required = true, description = "Where outputs are written.")
    Path out;

    @Option(names = "--date", description = "The night the files belong to (default: today). With the inbox, "
            + "it identifies the run: the same night is never processed twice.")
    LocalDate date;

    @Option(names = "--db", defaultValue = "vigil-data",
            description = "Folder of the embedded H2 database that keeps results and trends (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--rules", description = "A folder of rule packs and scorecards to use instead of the defaults.")
    Path rules;

    @Option(names = "--threads", defaultValue = "0", description = "Analysis threads (default: one per core).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var stdout = spec.commandLine().getOut();
        if (!Files.isDirectory(inbox)) {
            err.println("vigil: inbox " + inbox + " does not exist or is not a folder");
            return 2;
        }
        if (rules != null && !Files.isDirectory(rules)) {
            err.println("vigil: rules folder " + rules + " does not exist");
            return 2;
        }
        Files.createDirectories(out);
        Files.createDirectories(db);
        var params = new NightlyParameters(inbox, date == null ? LocalDate.now() : date, out,
                rules == null ? "" : rules.toAbsolutePath().toString());
        var progress = new ProgressReporter(System.out, System.console() != null);
        stdout.printf("Vigil nightly-qa: inbox %s, night %s%n", params.inbox(), params.night());
        try (ConfigurableApplicationContext ctx = batchApplication(db, params.out().resolve("vigil.log"), threads)
                .initializers(c -> c.getBeanFactory().registerSingleton("progressReporter", progress)).run()) {
            NightlyRunner.Result r = ctx.getBean(NightlyRunner.class).run(params);
            progress.finishBar();
            printSummary(stdout, params, r);
            return r.status() == BatchStatus.COMPLETED ? 0 : 1;
        }
    }

    /**
     * The batch application with its database in {@code db}, its log in {@code log} (the terminal shows only the
     * progress and the summary), and {@code threads} analysis threads (0: one per core).
     */
    static SpringApplicationBuilder batchApplication(Path db, Path log, int threads) {
        return new SpringApplicationBuilder(VigilBatchApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "vigil.data-dir=" + db.toAbsolutePath(),
                        "vigil.threads=" + threads,
                        "logging.file.name=" + log,
                        "logging.threshold.console=OFF");
    }

    static void printSummary(java.io.PrintWriter out, NightlyParameters params, NightlyRunner.Result r) {
        var c = r.counts();
        out.println();
        if (r.alreadyCompleted()) {
            out.printf("Night %s was already completed for this inbox: nothing analysed again, outputs republished.%n",
                    params.night());
        } else if (r.status() != BatchStatus.COMPLETED) {
            out.printf("Night %s %s after %.1f s: %s%n", params.night(), r.status().name().toLowerCase(Locale.ROOT),
                    r.took().toMillis() / 1000.0, r.failure());
            out.printf("%d of %d files done so far; run the same command again to resume.%n",
                    c.evaluated() + c.quarantined(), c.files());
            return;
        }
        out.printf("Night %s %s in %.1f s%s%n", params.night(), r.alreadyCompleted() ? "checked" : "completed",
                r.took().toMillis() / 1000.0, r.restarted() ? " (restarted after an interrupted run)" : "");
        out.printf("  files       %6d%n  evaluated   %6d%n  quarantined %6d%s%n", c.files(), c.evaluated(),
                c.quarantined(), c.quarantined() > 0 ? "  (see quarantine.csv)" : "");
        r.published().ifPresent(t -> out.printf(Locale.ROOT,
                "  agents      %6d%n  mean score  %6.1f%n  pass rate   %5.0f %%%n  auto-fails  %6d%n", t.agents(),
                t.meanScore().orElse(0), t.passRate().orElse(0) * 100, t.autoFails()));
        Path o = params.out();
        out.printf("Outputs: %s, %s, %s%n         %s%n", o.resolve("evaluations.jsonl"), o.resolve("scorecards.csv"),
                o.resolve("quarantine.csv"), o.resolve("reports/index.html"));
    }
}
