package dev.vigil.audio;

import java.time.Duration;
import java.util.Arrays;

/** Loudness of consecutive frames of a signal in dB relative to full scale; package-private arithmetic. */
final class FrameLevels {
    /** The level given to digital silence, in dBFS. */
    static final double SILENCE_DB = -100;

    private FrameLevels() {
    }

    /** Samples per frame of the given length at {@link DecodedAudio#SAMPLE_RATE}. */
    static int samples(Duration frame) {
        return (int) (frame.toNanos() * DecodedAudio.SAMPLE_RATE / 1_000_000_000L);
    }

    /** The RMS level of each whole frame of {@code frameSamples} samples, in dBFS. */
    static double[] of(short[] s, int frameSamples) {
        int n = s.length / frameSamples;
        double[] db = new double[n];
        for (int f = 0; f < n; f++) {
            db[f] = rmsDb(s, f * frameSamples, (f + 1) * frameSamples);
        }
        return db;
    }

    /** The RMS level of {@code s[from, to)} in dBFS; {@link #SILENCE_DB} for digital silence. */
    static double rmsDb(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return toDb(to > from ? sum / (to - from) : 0);
    }

    /** A mean square of 16-bit samples in dBFS. */
    static double toDb(double meanSquare) {
        double ms = meanSquare / (32768.0 * 32768.0);
        return ms <= 1e-10 ? SILENCE_DB : Math.max(SILENCE_DB, 10 * Math.log10(ms));
    }

    /** The {@code p}-th percentile (0-100) of the values, by nearest rank; the array is not modified. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return SILENCE_DB;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.round(p / 100 * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
