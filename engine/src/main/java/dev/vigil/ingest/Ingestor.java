package dev.vigil.ingest;

import dev.vigil.config.Inbox;
import dev.vigil.model.Interaction;
import java.nio.file.Path;

/**
 * Turns one inbox file into an {@link Interaction}: checks size and type (Tika detection), parses the format, resolves
 * the agent against the roster and detects the language per turn and per interaction. Thread-safe.
 */
public final class Ingestor {
    private final Inbox inbox;

    public Ingestor(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Reads one file.
     *
     * @throws RejectedInputException naming the file, stage and reason when the file cannot be used
     */
    public Interaction read(Path file) throws RejectedInputException {
        throw new UnsupportedOperationException("TODO: ingest " + file + " from " + inbox.root());
    }
}
