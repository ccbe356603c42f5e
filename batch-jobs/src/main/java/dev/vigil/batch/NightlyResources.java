package dev.vigil.batch;

import dev.vigil.config.Inbox;
import dev.vigil.config.InboxLoader;
import dev.vigil.engine.QaEngine;
import dev.vigil.ingest.Ingestor;
import dev.vigil.rules.RuleSource;
import dev.vigil.speech.InboxSpeech;
import dev.vigil.speech.SphinxTranscriber;
import dev.vigil.speech.TranscriptionException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one run of the job needs, loaded once when the job starts: the inbox's configuration and roster, the
 * transcriber for its calls (speech models checked, domain language model built or reused from the cache), the
 * ingestor, and the engine with its rule packs and scorecards. Invalid configuration, rules or speech models fail
 * here, before any file is touched. Thread-safe; {@link #close} releases the recognisers and the rule matcher.
 *
 * @param transcriber one Sphinx4 recogniser per worker thread, created on the thread's first call
 */
public record NightlyResources(Inbox inbox, Ingestor ingestor, QaEngine engine, SphinxTranscriber transcriber)
        implements AutoCloseable {
    /**
     * Loads the resources of a run.
     *
     * @param lmCache where domain language models are cached ({@code <data-dir>/lm})
     */
    public static NightlyResources load(NightlyParameters params, Path lmCache) {
        Inbox inbox = InboxLoader.load(params.inbox());
        RuleSource rules = RuleSource.directoryOrDefault(params.rules().isBlank() ? Optional.empty()
                : Optional.of(Path.of(params.rules())));
        QaEngine engine = QaEngine.load(rules, inbox); // with the inbox's trainings.yaml
        SphinxTranscriber transcriber;
        try {
            transcriber = InboxSpeech.transcriber(inbox, rules, lmCache);
        } catch (TranscriptionException e) {
            engine.close();
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new NightlyResources(inbox, InboxSpeech.ingestor(inbox, transcriber), engine, transcriber);
    }

    @Override
    public void close() {
        transcriber.close();
        engine.close();
    }
}
