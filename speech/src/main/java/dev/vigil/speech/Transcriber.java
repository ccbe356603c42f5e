package dev.vigil.speech;

import dev.vigil.model.Language;
import dev.vigil.model.Word;
import java.util.List;

/**
 * Speech to text for one channel of a call. Implementations load their models once; {@link #transcribe} is
 * thread-safe (an implementation keeps one recogniser per thread).
 */
public interface Transcriber extends AutoCloseable {
    /**
     * Recognises the words of one channel.
     *
     * @param samples  16-bit PCM at {@link dev.vigil.audio.DecodedAudio#SAMPLE_RATE}, one channel
     * @param language the language spoken
     * @return the words in time order, with times from the start of {@code samples} and posterior confidences
     * @throws TranscriptionException when the language has no model (the reason says how to configure one) or the
     *                                recogniser fails
     */
    List<Word> transcribe(short[] samples, Language language) throws TranscriptionException;

    /** Whether a model for this language is available, without loading it. */
    boolean supports(Language language);

    /** Releases the recognisers. */
    @Override
    void close();
}
