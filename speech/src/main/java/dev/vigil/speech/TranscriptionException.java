package dev.vigil.speech;

/** A channel could not be transcribed; the message is the reason a user reads in {@code quarantine.csv}. */
public class TranscriptionException extends Exception {
    public TranscriptionException(String reason) {
        super(reason);
    }

    public TranscriptionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
