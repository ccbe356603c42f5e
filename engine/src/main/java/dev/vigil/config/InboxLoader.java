package dev.vigil.config;

import java.nio.file.Path;

/** Loads an inbox's {@code vigil.yaml} and {@code agents.csv}. */
public final class InboxLoader {
    private InboxLoader() {
    }

    /**
     * Loads the configuration of the inbox at {@code root}. Missing files mean defaults.
     *
     * @throws IllegalArgumentException naming the file, line and problem when a file is invalid
     */
    public static Inbox load(Path root) {
        throw new UnsupportedOperationException("TODO: load " + root);
    }
}
