package dev.vigil.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that cannot be turned into an interaction. It names the file, the stage and a precise reason, and the file
 * goes to quarantine; the run goes on.
 */
public final class RejectedInputException extends Exception {
    private final transient Path file;
    private final String stage;
    private final String reason;

    public RejectedInputException(Path file, String stage, String reason) {
        this(file, stage, reason, null);
    }

    public RejectedInputException(Path file, String stage, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Path file() {
        return file;
    }

    /** Where it failed: {@code scan}, {@code ingest} or {@code analyze}. */
    public String stage() {
        return stage;
    }

    /** What is wrong, for a person to act on, without the file name. */
    public String reason() {
        return reason;
    }
}
