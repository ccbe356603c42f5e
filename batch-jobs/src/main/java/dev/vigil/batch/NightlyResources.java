package dev.vigil.batch;

import dev.vigil.config.Inbox;
import dev.vigil.config.InboxLoader;
import dev.vigil.engine.QaEngine;
import dev.vigil.ingest.Ingestor;
import dev.vigil.rules.RuleSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one run of the job needs, loaded once when the job starts: the inbox's configuration and roster, the
 * ingestor, and the engine with its rule packs and scorecards. Invalid configuration or rules fail here, before any
 * file is touched. Thread-safe.
 */
public record NightlyResources(Inbox inbox, Ingestor ingestor, QaEngine engine) {
    public static NightlyResources load(NightlyParameters params) {
        Inbox inbox = InboxLoader.load(params.inbox());
        RuleSource rules = RuleSource.directoryOrDefault(params.rules().isBlank() ? Optional.empty()
                : Optional.of(Path.of(params.rules())));
        return new NightlyResources(inbox, new Ingestor(inbox), QaEngine.load(rules, inbox.config()));
    }
}
