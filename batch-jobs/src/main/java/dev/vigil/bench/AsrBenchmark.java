package dev.vigil.bench;

import dev.vigil.audio.AudioDecoder;
import dev.vigil.audio.DecodedAudio;
import dev.vigil.audio.InvalidAudioException;
import dev.vigil.audio.MusicDetector;
import dev.vigil.model.Language;
import dev.vigil.model.Word;
import dev.vigil.speech.CallReader;
import dev.vigil.speech.DomainModelFiles;
import dev.vigil.speech.SphinxTranscriber;
import dev.vigil.speech.Transcriber;
import dev.vigil.speech.TranscriptionException;
import dev.vigil.speech.WordErrorRate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The ASR benchmark behind {@code vigil benchmark asr DIR}: word error rate, keyword recall, real-time factor on one
 * thread, throughput on all cores and peak heap of the Sphinx4 transcriber on a folder with {@code transcripts.tsv}
 * (columns file, language, sample_rate, duration_s, reference, optional keywords), side by side with Debian's
 * {@code pocketsphinx_continuous} when it is installed. Not thread-safe; run once.
 */
public final class AsrBenchmark {
    /** English function words that never count as keywords. */
    static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on",
            "at", "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "am", "i", "you", "he",
            "she", "it", "we", "they", "me", "my", "your", "his", "her", "its", "our", "their", "this", "that",
            "these", "those", "do", "does", "did", "have", "has", "had", "not", "no", "so", "up", "out", "can",
            "will", "would", "there", "what", "which", "who", "all", "any", "some", "just", "very", "about", "into");
    static final String POCKETSPHINX = "pocketsphinx_continuous";
    static final Path PS_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

    /** One row of {@code transcripts.tsv}. */
    record Item(String file, Language language, double durationS, String reference, Optional<String> keywords) {
    }

    /** One engine's result on one file. */
    record Outcome(String hypothesis, WordErrorRate.Errors errors, int keywords, int keywordHits, double decodeS) {
    }

    private static final AudioDecoder DECODER = new AudioDecoder();
    private static final MusicDetector MUSIC = new MusicDetector();

    private final Path dir;
    private final Optional<DomainModelFiles> domain;
    private final int threads;
    private final boolean pocketsphinx;

    /**
     * @param dir          the folder with {@code transcripts.tsv} and the audio files
     * @param domain       the domain language model used for English, if any; its vocabulary defines keywords
     * @param threads      threads for the throughput run
     * @param pocketsphinx whether to also run {@code pocketsphinx_continuous} when installed
     */
    public AsrBenchmark(Path dir, Optional<DomainModelFiles> domain, int threads, boolean pocketsphinx) {
        this.dir = dir;
        this.domain = domain;
        this.threads = threads;
        this.pocketsphinx = pocketsphinx;
    }

    /** Runs the benchmark with {@code transcriber} and prints the tables; returns the overall Sphinx4 WER. */
    public double run(Transcriber transcriber, PrintWriter out) throws IOException, InterruptedException {
        List<Item> items = items(dir.resolve("transcripts.tsv"));
        var runnable = new ArrayList<Item>();
        var audio = new ArrayList<DecodedAudio>();
        for (Item it : items) {
            if (!transcriber.supports(it.language())) {
                out.printf("skipped  %-36s %s: no %s model configured%n", it.file(), it.language().code(),
                        it.language().code());
                continue;
            }
            try {
                audio.add(decode(dir.resolve(it.file())));
                runnable.add(it);
            } catch (IOException | InvalidAudioException e) {
                out.printf("skipped  %-36s cannot decode: %s%n", it.file(), e.getMessage());
            }
        }
        if (runnable.isEmpty()) {
            out.println("nothing to transcribe");
            return Double.NaN;
        }
        boolean ps = pocketsphinx && pocketsphinxInstalled();
        double audioS = runnable.stream().mapToDouble(Item::durationS).sum();
        out.printf(Locale.ROOT, "%d files, %.1f s of audio; Sphinx4%s; domain LM: %s%n", runnable.size(), audioS,
                ps ? " and pocketsphinx 0.8" : "", domain.map(d -> d.languageModel() + " (" + d.vocabulary().size()
                        + " words)").orElse("none"));
        try (var heap = new HeapSampler()) {
            // Warm-up: load this thread's recogniser and JIT the decoder on the first file.
            transcribe(transcriber, runnable.get(0), audio.get(0));
            var sphinx = new ArrayList<Outcome>();
            var pocket = new ArrayList<Outcome>();
            for (int i = 0; i < runnable.size(); i++) {
                sphinx.add(transcribe(transcriber, runnable.get(i), audio.get(i)));
                pocket.add(ps ? pocketsphinx(runnable.get(i)) : null);
            }
            out.println();
            out.printf("%-34s %7s %7s %9s %7s   %s%n", "file", "WER", "kw", "RTF", ps ? "ps WER" : "", "hypothesis");
            for (int i = 0; i < runnable.size(); i++) {
                Item it = runnable.get(i);
                Outcome o = sphinx.get(i);
                out.printf(Locale.ROOT, "%-34s %6.1f%% %3d/%-3d %9.2f %7s   %s%n", it.file(), 100 * o.errors().rate(),
                        o.keywordHits(), o.keywords(), o.decodeS() / it.durationS(),
                        ps ? String.format(Locale.ROOT, "%5.1f%%", 100 * pocket.get(i).errors().rate()) : "",
                        o.hypothesis());
            }
            double sphinxDecode = sphinx.stream().mapToDouble(Outcome::decodeS).sum();
            out.println();
            summary(out, "Sphinx4", sphinx, sphinxDecode / audioS);
            if (ps) {
                summary(out, "pocketsphinx", pocket, pocket.stream().mapToDouble(Outcome::decodeS).sum() / audioS);
            }
            double wall = throughput(transcriber, runnable, audio);
            out.printf(Locale.ROOT, "Sphinx4 throughput with %d threads: %.2f audio s per wall s (%.1f s for %.1f s)%n",
                    threads, audioS / wall, wall, audioS);
            out.printf(Locale.ROOT, "peak heap used: %d MB (max heap %d MB)%n", heap.peakBytes() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            return total(sphinx).rate();
        }
    }

    private static void summary(PrintWriter out, String name, List<Outcome> outcomes, double rtf) {
        WordErrorRate.Errors e = total(outcomes);
        int kw = outcomes.stream().mapToInt(Outcome::keywords).sum();
        int hits = outcomes.stream().mapToInt(Outcome::keywordHits).sum();
        out.printf(Locale.ROOT, "%-13s WER %.1f%% (%d/%d), keyword recall %d/%d (%.0f%%), real-time factor %.2f "
                        + "on one thread%n", name, 100 * e.rate(), e.errors(), e.referenceWords(), hits, kw,
                kw == 0 ? 0.0 : 100.0 * hits / kw, rtf);
    }

    private static WordErrorRate.Errors total(List<Outcome> outcomes) {
        return new WordErrorRate.Errors(outcomes.stream().mapToInt(o -> o.errors().errors()).sum(),
                outcomes.stream().mapToInt(o -> o.errors().referenceWords()).sum());
    }

    private double throughput(Transcriber transcriber, List<Item> items, List<DecodedAudio> audio)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // Load every thread's recogniser first: throughput measures recognition, not model loading.
            var warm = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                warm.add(pool.submit(() -> transcriber.transcribe(new short[16000], items.get(0).language())));
            }
            waitAll(warm);
            long t0 = System.nanoTime();
            var jobs = new ArrayList<Future<?>>();
            for (int i = 0; i < items.size(); i++) {
                int k = i;
                jobs.add(pool.submit(() -> words(transcriber, audio.get(k), items.get(k).language())));
            }
            waitAll(jobs);
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static void waitAll(List<Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("transcription failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private Outcome transcribe(Transcriber transcriber, Item it, DecodedAudio samples) {
        long t0 = System.nanoTime();
        List<Word> words;
        try {
            words = words(transcriber, samples, it.language());
        } catch (TranscriptionException e) {
            throw new IllegalStateException(it.file() + ": " + e.getMessage(), e);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return outcome(it, words.stream().map(Word::text).collect(Collectors.joining(" ")), s);
    }

    private Outcome outcome(Item it, String hypothesis, double decodeS) {
        List<String> ref = WordErrorRate.normalise(it.reference());
        List<String> hyp = WordErrorRate.normalise(hypothesis);
        List<String> keywords = keywords(it, ref);
        return new Outcome(String.join(" ", hyp), WordErrorRate.of(ref, hyp), keywords.size(),
                WordErrorRate.keywordHits(keywords, hyp), decodeS);
    }

    /**
     * The keywords of a file: the {@code keywords} column when present; otherwise the reference words that are not
     * stopwords and, when a domain model is used, are in its vocabulary.
     */
    List<String> keywords(Item it, List<String> ref) {
        if (it.keywords().isPresent()) {
            return WordErrorRate.normalise(it.keywords().get());
        }
        return ref.stream().filter(w -> !STOPWORDS.contains(w))
                .filter(w -> domain.map(d -> d.vocabulary().contains(w)).orElse(true)).toList();
    }

    private Outcome pocketsphinx(Item it) {
        var cmd = new ArrayList<>(List.of(POCKETSPHINX, "-infile", dir.resolve(it.file()).toString(),
                "-hmm", PS_MODEL.resolve("en-us").toString(), "-logfn", "/dev/null"));
        if (domain.isPresent()) {
            cmd.addAll(List.of("-lm", domain.get().languageModel().toString(), "-dict", psDictionary().toString()));
        } else {
            cmd.addAll(List.of("-lm", PS_MODEL.resolve("en-us.lm.bin").toString(),
                    "-dict", PS_MODEL.resolve("cmudict-en-us.dict").toString()));
        }
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getErrorStream().transferTo(OutputStream.nullOutputStream());
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            String hyp = text.lines().filter(l -> !l.isBlank()).collect(Collectors.joining(" "));
            return outcome(it, hyp, (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            return outcome(it, "", (System.nanoTime() - t0) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(it, "", 0);
        }
    }

    private Path psDict;

    /** pocketsphinx takes one dictionary: the CMU dictionary plus the domain model's compounds. */
    private Path psDictionary() {
        if (psDict == null) {
            try {
                psDict = Files.createTempFile("vigil-ps-", ".dict");
                psDict.toFile().deleteOnExit();
                Files.write(psDict, Files.readAllBytes(PS_MODEL.resolve("cmudict-en-us.dict")));
                Files.write(psDict, Files.readAllBytes(domain.orElseThrow().dictionary()),
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return psDict;
    }

    static boolean pocketsphinxInstalled() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, POCKETSPHINX))) {
                return Files.isDirectory(PS_MODEL);
            }
        }
        return false;
    }

    static List<Item> items(Path tsv) throws IOException {
        var out = new ArrayList<Item>();
        try (Reader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            var format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).build();
            for (CSVRecord rec : format.parse(r)) {
                Optional<String> kw = rec.isMapped("keywords") && rec.isSet("keywords")
                        && !rec.get("keywords").isBlank() ? Optional.of(rec.get("keywords")) : Optional.empty();
                out.add(new Item(rec.get("file"), Language.fromCode(rec.get("language")),
                        Double.parseDouble(rec.get("duration_s")), rec.get("reference"), kw));
            }
        }
        return out;
    }

    /** Decodes a recording with the engine's decoder (any format and rate the nightly job reads). */
    static DecodedAudio decode(Path file) throws IOException, InvalidAudioException {
        return DECODER.decode(file, Files.readAllBytes(file), Duration.ofHours(3));
    }

    /**
     * The words of a recording as the nightly job gets them: music silenced (hold music would otherwise become
     * words), each channel of a stereo call transcribed on its own, merged in time order.
     */
    static List<Word> words(Transcriber transcriber, DecodedAudio audio, Language language)
            throws TranscriptionException {
        var music = MUSIC.detect(audio.mix());
        var all = new ArrayList<Word>();
        for (short[] channel : audio.channels()) {
            all.addAll(transcriber.transcribe(CallReader.silenced(channel, music), language));
        }
        all.sort(java.util.Comparator.comparing(w -> w.time().start()));
        return all;
    }
}
