package dev.vigil.cli;

import dev.vigil.batch.NightlyParameters;
import dev.vigil.batch.NightlyRunner;
import dev.vigil.bench.AsrBenchmark;
import dev.vigil.bench.HeapSampler;
import dev.vigil.bench.SyntheticInbox;
import dev.vigil.config.Inbox;
import dev.vigil.config.InboxLoader;
import dev.vigil.engine.QaEngine;
import dev.vigil.ingest.Ingestor;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.speech.DecoderBeams;
import dev.vigil.speech.DomainLanguageModel;
import dev.vigil.speech.InboxSpeech;
import dev.vigil.speech.DomainModelFiles;
import dev.vigil.speech.SpeechModels;
import dev.vigil.speech.SphinxTranscriber;
import dev.vigil.rules.RuleSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil benchmark}: throughput and peak heap of the analysis stage and of the whole nightly job. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Generate N synthetic chats and print the throughput and peak heap of the analysis stage "
                + "(one thread) and of the whole nightly job (all cores, database included). "
                + "'benchmark asr DIR' measures speech recognition instead.",
        subcommands = {BenchmarkCommand.Asr.class})
public class BenchmarkCommand implements Callable<Integer> {
    @Option(names = {"-n", "--interactions"}, defaultValue = "20000", description = "How many chats (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--stage", defaultValue = "all", description = "analysis, job or all (default ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--work", description = "Folder for the synthetic inbox and database (default: a temporary folder, deleted after).")
    Path work;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean keep = work != null;
        Path dir = keep ? work : Files.createTempDirectory("vigil-bench");
        try {
            Path inbox = dir.resolve("inbox");
            long t0 = System.nanoTime();
            SyntheticInbox.write(inbox, "bench", count, 42);
            out.printf(Locale.ROOT, "Generated %d synthetic chats in %.1f s (%s)%n", count, secs(t0), inbox);
            out.printf(Locale.ROOT, "JVM: %d cores, max heap %d MB, %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name") + " "
                            + System.getProperty("java.version"));
            if (stage.equals("all") || stage.equals("analysis")) {
                analysisStage(out, inbox);
            }
            if (stage.equals("all") || stage.equals("job")) {
                if (!jobStage(out, inbox, dir)) {
                    return 1;
                }
            }
            return 0;
        } finally {
            if (!keep) {
                deleteTree(dir);
            }
        }
    }

    private void analysisStage(PrintWriter out, Path inboxDir) throws Exception {
        Inbox inbox = InboxLoader.load(inboxDir);
        try (QaEngine engine = QaEngine.load(RuleSource.classpath(), inbox.config())) {
            analyse(out, inboxDir, inbox, engine);
        }
    }

    private void analyse(PrintWriter out, Path inboxDir, Inbox inbox, QaEngine engine) throws Exception {
        var ingestor = new Ingestor(inbox);
        List<Path> files = chatFiles(inboxDir);
        // Warm up the JIT on a slice, as a long night would be.
        int warm = Math.min(2000, files.size());
        for (int i = 0; i < warm; i++) {
            engine.evaluate(ingestor.read(files.get(i)));
        }
        long analysisNanos = 0;
        long t0 = System.nanoTime();
        try (var heap = new HeapSampler()) {
            for (Path f : files) {
                Interaction interaction = ingestor.read(f);
                long a = System.nanoTime();
                engine.evaluate(interaction);
                analysisNanos += System.nanoTime() - a;
            }
            double total = secs(t0);
            out.println();
            out.println("Analysis stage (one thread, default packs, after a warm-up of " + warm + "):");
            out.printf(Locale.ROOT, "  analyse + score      %8.0f interactions/s%n", files.size() / (analysisNanos / 1e9));
            out.printf(Locale.ROOT, "  ingest + analyse     %8.0f interactions/s  (%.1f s for %d)%n",
                    files.size() / total, total, files.size());
            out.printf(Locale.ROOT, "  peak heap used       %8d MB%n", heap.peakBytes() >> 20);
        }
    }

    private boolean jobStage(PrintWriter out, Path inbox, Path dir) throws Exception {
        Path out2 = dir.resolve("out");
        Path db = dir.resolve("db");
        var params = new NightlyParameters(inbox, LocalDate.of(2026, 11, 21), out2, "");
        try (var ctx = NightlyCommand.batchApplication(db, dir.resolve("vigil.log"), 0).run()) {
            long t0 = System.nanoTime();
            NightlyRunner.Result r;
            try (var heap = new HeapSampler()) {
                r = ctx.getBean(NightlyRunner.class).run(params);
                double s = secs(t0);
                out.println();
                out.println("Whole nightly job (scan, analyse on all cores, aggregate, publish; H2 file database):");
                out.printf(Locale.ROOT, "  throughput           %8.0f interactions/s  (%.1f s for %d)%n",
                        count / s, s, count);
                out.printf(Locale.ROOT, "  peak heap used       %8d MB%n", heap.peakBytes() >> 20);
                out.printf("  status               %s, %d evaluated, %d quarantined%n", r.status(),
                        r.counts().evaluated(), r.counts().quarantined());
            }
            return r.status() == BatchStatus.COMPLETED;
        }
    }

    private static List<Path> chatFiles(Path inbox) throws IOException {
        try (Stream<Path> s = Files.walk(inbox.resolve("chats"))) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
    }

    /** {@code vigil benchmark asr DIR}: speech recognition accuracy and speed; see {@link AsrBenchmark}. */
    @Command(name = "asr", mixinStandardHelpOptions = true,
            description = "Word error rate, keyword recall, real-time factor, throughput on all cores and peak heap of "
                    + "Sphinx4 (and of pocketsphinx_continuous when installed) on DIR/transcripts.tsv (columns file, "
                    + "language, sample_rate, duration_s, reference, optional keywords).")
    static class Asr implements Callable<Integer> {
        @Parameters(index = "0", description = "Folder with transcripts.tsv and the audio files.")
        Path dir;

        @Option(names = "--domain-lm", description = "Use a domain language model built from the rule packs' "
                + "examples (plus --lm-inbox and --lm-text).")
        boolean domainLm;

        @Option(names = "--lm-inbox", description = "Inbox whose chats, emails and scripts go into the domain model.")
        Path lmInbox;

        @Option(names = "--lm-text", description = "Extra text files for the domain model.")
        List<Path> lmTexts = new ArrayList<>();

        @Option(names = "--domain-weight", defaultValue = "1.0",
                description = "Weight of the domain model against the general en-us model, (0, 1]; 1 = domain model "
                        + "alone (default ${DEFAULT-VALUE}).")
        double domainWeight;

        @Option(names = "--threads", description = "Threads for the throughput run (default: all cores).")
        Integer threads;

        @Option(names = "--no-pocketsphinx", description = "Do not run pocketsphinx_continuous.")
        boolean noPocketsphinx;

        @Option(names = "--cache", description = "Cache folder for the domain model (default: vigil-data, as the nightly job).")
        Path cache;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Optional<DomainModelFiles> domain = Optional.empty();
            if (domainLm || lmInbox != null || !lmTexts.isEmpty()) {
                domain = Optional.of(DomainLanguageModel.build(InboxSpeech.domainSentences(RuleSource.classpath(),
                        Optional.ofNullable(lmInbox), lmTexts), cache == null ? LmCommand.defaultCache() : cache));
            }
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            out.printf(Locale.ROOT, "JVM: %d cores, max heap %d MB, %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name") + " "
                            + System.getProperty("java.version"));
            Map<Language, DomainModelFiles> domains = domain.map(d -> Map.of(Language.EN, d)).orElse(Map.of());
            try (var transcriber = new SphinxTranscriber(new SpeechModels(Map.of()), domains, domainWeight,
                    DecoderBeams.DEFAULT)) {
                new AsrBenchmark(dir, domain, n, !noPocketsphinx).run(transcriber, out);
            }
            out.flush();
            return 0;
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
