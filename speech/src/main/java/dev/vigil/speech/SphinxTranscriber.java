package dev.vigil.speech;

import dev.vigil.config.CallSettings;
import dev.vigil.config.SpeechModelPaths;
import dev.vigil.model.Language;
import dev.vigil.model.Word;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CMU Sphinx4 speech to text. Keeps one allocated recogniser per worker thread and language, created on the thread's
 * first call and reused for every later call (models are never reloaded per call); {@link #close} releases all of
 * them. Thread-safe. Each recogniser needs about 150 MB of live heap (plan 1 GB of heap per worker thread) and runs
 * best with {@code -XX:+UseParallelGC}.
 */
public final class SphinxTranscriber implements Transcriber {

    private final SpeechModels models;
    private final Map<Language, DomainModelFiles> domainModels;
    private final double domainWeight;
    private final DecoderBeams beams;
    private final Map<PoolKey, SphinxRecognizer> pool = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record PoolKey(Thread thread, Language language) {
    }

    /**
     * A transcriber.
     *
     * @param models       the configured models ({@code CallSettings.models()}); English falls back to the bundled
     *                     en-us model
     * @param domainModels domain language models per language, interpolated with the general model
     * @param domainWeight the domain models' weight in (0, 1]; 1 uses the domain model alone (fastest, but forces
     *                     out-of-domain speech onto domain words)
     * @param beams        decoder beams
     */
    public SphinxTranscriber(SpeechModels models, Map<Language, DomainModelFiles> domainModels, double domainWeight,
                             DecoderBeams beams) {
        this.models = Objects.requireNonNull(models, "models");
        this.domainModels = Map.copyOf(domainModels);
        if (!(domainWeight > 0 && domainWeight <= 1)) {
            throw new IllegalArgumentException("domain weight " + domainWeight + " outside (0, 1]");
        }
        this.domainWeight = domainWeight;
        this.beams = Objects.requireNonNull(beams, "beams");
    }

    /** The configured models, no domain model, default beams. */
    public SphinxTranscriber(Map<Language, SpeechModelPaths> configured) {
        this(new SpeechModels(configured), Map.of(), CallSettings.DEFAULT_DOMAIN_WEIGHT, DecoderBeams.DEFAULT);
    }

    @Override
    public List<Word> transcribe(short[] samples, Language language) throws TranscriptionException {
        Objects.requireNonNull(samples, "samples");
        return recognizer(language).recognize(samples);
    }

    @Override
    public boolean supports(Language language) {
        return models.supports(language);
    }

    /** Loads this thread's recogniser for {@code language} now, so that the first call is not slower than others. */
    public void warmUp(Language language) throws TranscriptionException {
        recognizer(language);
    }

    private SphinxRecognizer recognizer(Language language) throws TranscriptionException {
        if (closed) {
            throw new IllegalStateException("transcriber is closed");
        }
        var key = new PoolKey(Thread.currentThread(), language);
        SphinxRecognizer r = pool.get(key);
        if (r != null) {
            return r;
        }
        SpeechModel model = models.resolve(language);
        try {
            r = SphinxRecognizer.load(model, Optional.ofNullable(domainModels.get(language)), domainWeight, beams);
        } catch (IOException | RuntimeException e) {
            throw new TranscriptionException("cannot load the " + model.description() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        pool.put(key, r);
        return r;
    }

    /** How many recognisers are allocated (one per thread and language used so far). */
    public int recognizers() {
        return pool.size();
    }

    @Override
    public void close() {
        closed = true;
        for (SphinxRecognizer r : pool.values()) {
            r.close();
        }
        pool.clear();
    }
}
