package dev.vigil.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/** An inbox configuration file ({@code vigil.yaml}, {@code agents.csv}, {@code surveys.csv}) that cannot be used. */
public final class InvalidInboxException extends IllegalArgumentException {
    private final transient Path file;
    private final OptionalInt line;
    private final String problem;

    public InvalidInboxException(Path file, OptionalInt line, String problem) {
        super(file + (line.isPresent() ? ", line " + line.getAsInt() : "") + ": " + problem);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, when known. */
    public OptionalInt line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
