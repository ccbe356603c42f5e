package dev.vigil.audio;

import java.util.Random;

/** Builds synthetic 16 kHz test signals piece by piece; levels are RMS in dBFS. */
final class Signals {
    static final int RATE = DecodedAudio.SAMPLE_RATE;
    private final Random random = new Random(42);
    private final double[] buffer;
    private int length;

    Signals(double seconds) {
        buffer = new double[(int) (seconds * RATE)];
    }

    private static double amplitude(double rmsDb) {
        return 32768 * Math.pow(10, rmsDb / 20);
    }

    private int at(double s) {
        return Math.min(buffer.length, (int) Math.round(s * RATE));
    }

    /** Adds white Gaussian noise over the whole signal. */
    Signals noise(double rmsDb) {
        double a = amplitude(rmsDb);
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] += a * random.nextGaussian();
        }
        return this;
    }

    /** Adds a sine between two times. */
    Signals tone(double from, double to, double hz, double rmsDb) {
        double a = amplitude(rmsDb) * Math.sqrt(2);
        for (int i = at(from); i < at(to); i++) {
            buffer[i] += a * Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return this;
    }

    /** Adds a major chord (three sines, C4 E4 G4) between two times. */
    Signals chord(double from, double to, double rmsDb) {
        double each = rmsDb - 10 * Math.log10(3);
        return tone(from, to, 261.6, each).tone(from, to, 329.6, each).tone(from, to, 392.0, each);
    }

    /**
     * Adds a speech-like signal: noise shaped by a 4 Hz syllable envelope that falls to silence between syllables,
     * with a gliding voiced buzz (harmonics of 100-180 Hz).
     */
    Signals speechLike(double from, double to, double rmsDb) {
        double a = amplitude(rmsDb) * 1.6;
        double phase = 0;
        for (int i = at(from); i < at(to); i++) {
            double t = (double) i / RATE;
            double env = Math.pow(Math.max(0, Math.sin(2 * Math.PI * 4 * t)), 2);
            double f0 = 140 + 40 * Math.sin(2 * Math.PI * 1.3 * t);
            phase += 2 * Math.PI * f0 / RATE;
            double buzz = 0;
            for (int h = 1; h <= 8; h++) {
                buzz += Math.sin(h * phase) / h;
            }
            buffer[i] += a * env * (0.5 * random.nextGaussian() + 0.6 * buzz);
        }
        return this;
    }

    short[] samples() {
        short[] s = new short[buffer.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(buffer[i])));
        }
        return s;
    }
}
