package dev.vigil.speech;

import dev.vigil.model.TimeSpan;
import dev.vigil.model.Word;
import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.frontend.FrontEnd;
import edu.cmu.sphinx.frontend.util.StreamDataSource;
import edu.cmu.sphinx.result.Lattice;
import edu.cmu.sphinx.result.LatticeOptimizer;
import edu.cmu.sphinx.result.Result;
import edu.cmu.sphinx.result.Node;
import edu.cmu.sphinx.result.WordResult;
import edu.cmu.sphinx.util.TimeFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One allocated Sphinx4 recogniser: models are loaded once in the constructor and every {@link #recognize} call feeds
 * new audio to the same decoder. Not thread-safe: use one per thread.
 */
final class SphinxRecognizer extends AbstractSpeechRecognizer implements AutoCloseable {
    /** Score scale for lattice posteriors: the inverse of the configuration's language weight. */
    static final float POSTERIOR_SCALE = 1f / 8f;
    private static final Set<String> FILLERS = Set.of("<s>", "</s>", "<sil>");
    private static final String TEMPLATE = "/dev/vigil/speech/sphinx4.config.xml";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SphinxRecognizer.class);

    private final FrontEnd frontEnd;
    private final StreamDataSource source;
    private final Path configFile;
    private final Path dictionaryFile;

    private SphinxRecognizer(Context context, Path configFile, Path dictionaryFile) throws IOException {
        super(context);
        this.configFile = configFile;
        this.dictionaryFile = dictionaryFile;
        this.frontEnd = context.getInstance(FrontEnd.class);
        this.source = context.getInstance(StreamDataSource.class);
        recognizer.allocate();
    }

    /**
     * Loads the models.
     *
     * @param model        the acoustic model, dictionary and general language model
     * @param domain       a domain model to interpolate with the general one, if any
     * @param domainWeight the domain model's interpolation weight in (0, 1]; 1 uses the domain model alone
     * @param tuning       decoder beams
     */
    static SphinxRecognizer load(SpeechModel model, Optional<DomainModelFiles> domain, double domainWeight,
                                 DecoderBeams tuning) throws IOException {
        Path config = Files.createTempFile("vigil-sphinx4-", ".config.xml");
        Path dictionary = Files.createTempFile("vigil-sphinx4-", ".dict");
        try {
            Files.writeString(config, configuration(model, domain, domainWeight, tuning), StandardCharsets.UTF_8);
            // The model's dictionary with the domain's extra pronunciations appended: Sphinx4 1.0.0's TextDictionary
            // ignores the "addenda" property when the Context API sets the dictionary, so the words it adds (such
            // as the company's name) would never be recognised.
            try (var out = Files.newOutputStream(dictionary)) {
                try (InputStream in = PronouncingDictionary.open(model.dictionary())) {
                    in.transferTo(out);
                }
                if (domain.isPresent()) {
                    out.write('\n');
                    out.write(Files.readAllBytes(domain.get().dictionary()));
                }
            }
            var c = new Configuration();
            c.setAcousticModelPath(model.acousticModel());
            c.setDictionaryPath(dictionary.toUri().toString());
            c.setSampleRate(16000);
            return new SphinxRecognizer(new Context(config.toUri().toString(), c), config, dictionary);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(config);
            Files.deleteIfExists(dictionary);
            throw e;
        }
    }

    static String configuration(SpeechModel model, Optional<DomainModelFiles> domain, double domainWeight,
                                DecoderBeams tuning) {
        String xml;
        try (InputStream in = SphinxRecognizer.class.getResourceAsStream(TEMPLATE)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
        String general = model.languageModel();
        String lower = general.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".lm") ? "edu.cmu.sphinx.linguist.language.ngram.SimpleNGramModel"
                : lower.endsWith(".dmp") ? "edu.cmu.sphinx.linguist.language.ngram.large.LargeTrigramModel"
                : "edu.cmu.sphinx.linguist.language.ngram.trie.NgramTrieModel";
        String lm = domain.isEmpty() ? "generalModel" : domainWeight >= 1.0 ? "domainModel" : "interpolatedModel";
        return xml.replace("@ABSOLUTE_BEAM@", Integer.toString(tuning.absoluteBeam()))
                .replace("@WORD_BEAM@", Integer.toString(tuning.wordBeam()))
                .replace("@LANGUAGE_MODEL@", lm)
                .replace("@GENERAL_MODEL_TYPE@", type)
                .replace("@GENERAL_MODEL@", escape(general))
                .replace("@DOMAIN_MODEL@", domain.map(d -> escape(d.languageModel().toUri().toString())).orElse(""))
                .replace("@DOMAIN_WEIGHT@", String.format(Locale.ROOT, "%.4f", Math.min(1, domainWeight)))
                .replace("@GENERAL_WEIGHT@", String.format(Locale.ROOT, "%.4f", 1 - Math.min(1, domainWeight)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /**
     * Recognises one channel.
     *
     * @param samples 16 kHz 16-bit mono PCM
     * @return the words of the best path without fillers, times from the start of {@code samples}
     */
    List<Word> recognize(short[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        // Reset the endpointer and feature state so that the output depends only on this audio.
        frontEnd.initialize();
        source.setInputStream(new ByteArrayInputStream(bytes));
        var words = new ArrayList<Word>();
        Result result;
        while ((result = recognizer.recognize()) != null) {
            words.addAll(words(result));
        }
        return words;
    }

    /**
     * The best path's words with their lattice posteriors. Sphinx4 cannot build a lattice for some utterances that
     * end without a final token (its {@code Lattice} constructor fails); their words are kept with confidence 0,
     * because no posterior was measured, so that they show as doubtful rather than as certain.
     */
    static List<Word> words(Result result) {
        List<WordResult> best = result.getTimedBestResult(false);
        Map<Node, Double> posteriors;
        try {
            Lattice lattice = new Lattice(result);
            new LatticeOptimizer(lattice).optimize();
            posteriors = LatticePosteriors.compute(lattice, POSTERIOR_SCALE);
        } catch (RuntimeException e) {
            LOG.debug("no lattice for an utterance ({}); its words get confidence 0", e.toString());
            posteriors = Map.of();
        }
        var out = new ArrayList<Word>();
        for (WordResult w : best) {
            String text = w.getWord().getSpelling();
            if (w.isFiller() || FILLERS.contains(text) || text.startsWith("[") || text.startsWith("++")) {
                continue;
            }
            TimeFrame t = w.getTimeFrame();
            long start = Math.max(0, t.getStart());
            long end = Math.max(start, t.getEnd());
            double confidence = posterior(posteriors, text, start, end);
            out.add(new Word(spelling(text), TimeSpan.ofMillis(start, end), confidence));
        }
        return out;
    }

    /**
     * The word's posterior: the summed posteriors of the lattice nodes with the same word that span the middle of the
     * best-path word (alternative segmentations of one word), clamped to [0, 1].
     */
    static double posterior(Map<Node, Double> posteriors, String word, long start, long end) {
        long mid = (start + end) / 2;
        double sum = 0;
        for (Map.Entry<Node, Double> e : posteriors.entrySet()) {
            Node n = e.getKey();
            if (n.getWord() != null && n.getWord().getSpelling().equals(word)
                    && n.getBeginTime() <= mid && n.getEndTime() >= mid) {
                sum += e.getValue();
            }
        }
        return Math.max(0, Math.min(1, sum));
    }

    /** Alternative pronunciations are spelled {@code word(2)} in CMU dictionaries. */
    static String spelling(String s) {
        int p = s.indexOf('(');
        return p > 0 ? s.substring(0, p) : s;
    }

    @Override
    public void close() {
        try {
            recognizer.deallocate();
        } finally {
            try {
                Files.deleteIfExists(configFile);
                Files.deleteIfExists(dictionaryFile);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans it up
            }
        }
    }
}
