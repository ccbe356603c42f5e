package dev.vigil.audio;

/**
 * A recording that cannot be used: truncated, a header that does not match the data, no samples, too long, or an
 * encoding no installed decoder reads. The message is the reason shown in {@code quarantine.csv}.
 */
public class InvalidAudioException extends Exception {
    public InvalidAudioException(String reason) {
        super(reason);
    }

    public InvalidAudioException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
