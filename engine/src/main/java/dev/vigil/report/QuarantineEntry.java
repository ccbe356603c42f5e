package dev.vigil.report;

import java.util.Objects;

/**
 * One rejected input: a row of {@code quarantine.csv}.
 *
 * @param file   the input's path, relative to the inbox
 * @param stage  the stage that rejected it, for example {@code ingest}
 * @param reason why, in a sentence an analyst can act on
 */
public record QuarantineEntry(String file, String stage, String reason) {
    public QuarantineEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }
}
