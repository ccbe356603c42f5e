package dev.vigil.audio;

import dev.vigil.model.TimeSpan;
import java.util.List;

/**
 * Finds stretches of music or tones (hold music, ring-back, beeps) in one channel or a mix. Stateless and
 * thread-safe; samples are 16-bit PCM at {@link DecodedAudio#SAMPLE_RATE}.
 *
 * <p>The signal is cut into 32 ms frames (512-point FFT, 16 ms hop) and judged per 1 s window (0.5 s hop). A window
 * is music when all of these hold:
 * <ul>
 *   <li>it is sounding throughout: at least 90 % of its frames are louder than {@value #MIN_LEVEL_DB} dBFS (speech
 *       pauses between words and phrases);</li>
 *   <li>its loudness is steady: the standard deviation of frame levels is at most {@value #MAX_LEVEL_SD_DB} dB
 *       (speech rises and falls with its syllables, about four times a second, by 10 dB or more);</li>
 *   <li>it is tonal: the median spectral flatness (geometric over arithmetic mean of the power, 100 Hz to 4 kHz)
 *       is at most {@value #MAX_FLATNESS} (noise and fricatives are flat, notes and chords are peaky);</li>
 *   <li>its pitch is sustained: the strongest spectral peak stays within two bins from one frame to the next in at
 *       least {@value #MIN_PEAK_STABILITY} of the frames (notes are held; a voice's harmonics glide).</li>
 * </ul>
 * Music windows closer than 1 s are joined, and stretches shorter than 2 s are dropped.
 */
public final class MusicDetector {
    static final double MIN_LEVEL_DB = -50;
    static final double MAX_LEVEL_SD_DB = 4;
    static final double MAX_FLATNESS = 0.25;
    static final double MIN_PEAK_STABILITY = 0.6;
    private static final int FFT = 512;
    private static final int HOP = 256;
    private static final int WINDOW_FRAMES = DecodedAudio.SAMPLE_RATE / HOP; // 1 s
    private static final int WINDOW_HOP = WINDOW_FRAMES / 2;
    private static final long MERGE_MS = 1000;
    private static final long MIN_MS = 2000;

    /** The music stretches in time order, without overlaps. */
    public List<TimeSpan> detect(short[] samples) {
        int frames = samples.length < FFT ? 0 : (samples.length - FFT) / HOP + 1;
        double[] level = new double[frames];
        double[] flatness = new double[frames];
        int[] peak = new int[frames];
        int lo = Math.round(100f * FFT / DecodedAudio.SAMPLE_RATE);
        int hi = Math.round(4000f * FFT / DecodedAudio.SAMPLE_RATE);
        for (int f = 0; f < frames; f++) {
            level[f] = FrameLevels.rmsDb(samples, f * HOP, f * HOP + FFT);
            double[] p = Spectrum.power(samples, f * HOP, FFT);
            double logSum = 0;
            double sum = 0;
            int best = lo;
            for (int k = lo; k <= hi; k++) {
                logSum += Math.log(p[k] + 1e-9);
                sum += p[k];
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            int n = hi - lo + 1;
            flatness[f] = sum <= 0 ? 1 : Math.exp(logSum / n) / (sum / n + 1e-9);
            peak[f] = best;
        }

        var found = new Stretches(MERGE_MS, MIN_MS);
        for (int w = 0; w + WINDOW_FRAMES <= frames; w += WINDOW_HOP) {
            if (isMusic(level, flatness, peak, w, w + WINDOW_FRAMES)) {
                found.add(w * 1000L * HOP / DecodedAudio.SAMPLE_RATE,
                        ((w + WINDOW_FRAMES - 1) * (long) HOP + FFT) * 1000L / DecodedAudio.SAMPLE_RATE);
            }
        }
        return found.spans();
    }

    private static boolean isMusic(double[] level, double[] flatness, int[] peak, int from, int to) {
        int n = to - from;
        int sounding = 0;
        double mean = 0;
        for (int f = from; f < to; f++) {
            if (level[f] > MIN_LEVEL_DB) {
                sounding++;
            }
            mean += level[f];
        }
        if (sounding < 0.9 * n) {
            return false;
        }
        mean /= n;
        double var = 0;
        for (int f = from; f < to; f++) {
            var += (level[f] - mean) * (level[f] - mean);
        }
        if (Math.sqrt(var / n) > MAX_LEVEL_SD_DB) {
            return false;
        }
        double[] flat = java.util.Arrays.copyOfRange(flatness, from, to);
        if (FrameLevels.percentile(flat, 50) > MAX_FLATNESS) {
            return false;
        }
        int stable = 0;
        for (int f = from + 1; f < to; f++) {
            if (Math.abs(peak[f] - peak[f - 1]) <= 2) {
                stable++;
            }
        }
        return stable >= MIN_PEAK_STABILITY * (n - 1);
    }
}
