package dev.vigil.audio;

import dev.vigil.model.TimeSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where one speaker talks well above their own usual loudness (raised voice, shouting). Stateless and
 * thread-safe; samples are 16-bit PCM at {@link DecodedAudio#SAMPLE_RATE}.
 *
 * <p>Only the speaker's speech is measured: the RMS level of the speech samples in each 0.5 s window (0.25 s hop)
 * that is at least half speech. The speaker's baseline is the median of these levels. Windows at least
 * {@value #RAISED_DB} dB above it are raised; overlapping raised windows are joined, and a stretch counts when it
 * lasts at least 1 s. With less than 4 s of measured speech there is no baseline and nothing is reported. Levels are
 * relative to the speaker's own, so a quiet line or a loud handset does not matter.
 */
public final class RaisedVoiceDetector {
    static final double RAISED_DB = 6;
    private static final int WINDOW = DecodedAudio.SAMPLE_RATE / 2;
    private static final int HOP = DecodedAudio.SAMPLE_RATE / 4;
    private static final int MIN_WINDOWS = 16; // 4 s of speech in 0.25 s steps
    private static final long MIN_MS = 1000;
    /** Raised stretches closer than this are one episode (a breath or a soft word inside a shouted sentence). */
    static final long BRIDGE_MS = 1000;

    /**
     * @param samples one channel (or the mix, for a mono call)
     * @param speech  the speaker's speech segments in that channel, in time order
     * @return stretches of raised voice in time order
     */
    public List<TimeSpan> detect(short[] samples, List<TimeSpan> speech) {
        boolean[] isSpeech = new boolean[samples.length];
        for (TimeSpan t : speech) {
            int from = toSample(t.start().toMillis(), samples.length);
            int to = toSample(t.end().toMillis(), samples.length);
            java.util.Arrays.fill(isSpeech, from, to, true);
        }
        var starts = new ArrayList<Integer>();
        var levels = new ArrayList<Double>();
        for (int w = 0; w + WINDOW <= samples.length; w += HOP) {
            double sum = 0;
            int n = 0;
            for (int i = w; i < w + WINDOW; i++) {
                if (isSpeech[i]) {
                    sum += (double) samples[i] * samples[i];
                    n++;
                }
            }
            if (n >= WINDOW / 2) {
                starts.add(w);
                levels.add(FrameLevels.toDb(sum / n));
            }
        }
        if (levels.size() < MIN_WINDOWS) {
            return List.of();
        }
        double baseline = FrameLevels.percentile(levels.stream().mapToDouble(Double::doubleValue).toArray(), 50);
        var found = new Stretches(BRIDGE_MS, MIN_MS);
        for (int k = 0; k < levels.size(); k++) {
            if (levels.get(k) >= baseline + RAISED_DB) {
                found.add(starts.get(k) * 1000L / DecodedAudio.SAMPLE_RATE,
                        (starts.get(k) + WINDOW) * 1000L / DecodedAudio.SAMPLE_RATE);
            }
        }
        return found.spans();
    }

    private static int toSample(long ms, int length) {
        return (int) Math.max(0, Math.min(length, ms * DecodedAudio.SAMPLE_RATE / 1000));
    }
}
