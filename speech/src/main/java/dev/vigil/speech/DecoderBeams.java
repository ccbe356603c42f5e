package dev.vigil.speech;

/**
 * Sphinx4 search beams: how many hypotheses the decoder keeps per frame. Smaller beams decode faster and make more
 * errors.
 *
 * @param absoluteBeam hypotheses kept per frame (Sphinx4's {@code absoluteBeamWidth})
 * @param wordBeam     word-final hypotheses kept per frame (Sphinx4's {@code absoluteWordBeamWidth})
 */
public record DecoderBeams(int absoluteBeam, int wordBeam) {
    /**
     * The beams calls are decoded with. Measured on the test corpus's call en-call04 (47 s, stereo 8 kHz, domain
     * model): 20000/200 took 31.8 s, 20000/22 (Sphinx4's default word beam) 21.2 s and 10000/22 about 17 s, with
     * the same words; see docs/performance.md.
     */
    public static final DecoderBeams DEFAULT = new DecoderBeams(10000, 22);

    public DecoderBeams {
        if (absoluteBeam <= 0 || wordBeam <= 0) {
            throw new IllegalArgumentException("beams must be positive");
        }
    }
}
