package dev.vigil.ingest;

/**
 * Reads one file format (chat JSON, a plain-text export, an email, ...) into a {@link Conversation}. Implementations
 * are stateless and thread-safe; the {@link Ingestor} picks the first reader that accepts a file's detected type.
 */
public interface InteractionReader {
    /** A short name of the format for messages, for example {@code chat JSON}. */
    String format();

    /**
     * Whether this reader handles a file.
     *
     * @param mediaType the Tika-detected type without parameters, for example {@code text/plain}
     * @param extension the lower-case file extension without the dot; may be empty
     */
    boolean accepts(String mediaType, String extension);

    /**
     * Parses the file.
     *
     * @throws RejectedInputException with a precise reason when the content is invalid; never any other exception
     *                                for bad input
     */
    Conversation read(InputFile file, ReadContext context) throws RejectedInputException;
}
