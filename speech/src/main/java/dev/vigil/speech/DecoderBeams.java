package dev.vigil.speech;

/**
 * Sphinx4 search beams: how many hypotheses the decoder keeps per frame. Smaller beams decode faster and make more
 * errors.
 *
 * @param absoluteBeam hypotheses kept per frame (Sphinx4's {@code absoluteBeamWidth})
 * @param wordBeam     word-final hypotheses kept per frame (Sphinx4's {@code absoluteWordBeamWidth})
 */
public record DecoderBeams(int absoluteBeam, int wordBeam) {
    /** Sphinx4's defaults. */
    public static final DecoderBeams DEFAULT = new DecoderBeams(20000, 200);

    public DecoderBeams {
        if (absoluteBeam <= 0 || wordBeam <= 0) {
            throw new IllegalArgumentException("beams must be positive");
        }
    }
}
