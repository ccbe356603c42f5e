package dev.vigil.audio;

import dev.vigil.model.TimeSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the stretches of one channel where someone speaks, from the energy of 20 ms frames against an adaptive noise
 * floor. Stateless and thread-safe; samples are 16-bit PCM at {@link DecodedAudio#SAMPLE_RATE}.
 *
 * <p>The noise floor starts at the 10th percentile of all frame levels and then follows the signal: it falls at once
 * to a quieter frame, rises quickly during non-speech frames and slowly (2.5 dB/s) during speech, so that a
 * change of line noise is learnt within seconds without speech raising it. A frame starts speech when it is
 * {@value #START_DB} dB above the floor, and speech extends on both sides over frames still {@value #CONTINUE_DB} dB
 * above it (hysteresis, so quiet word onsets and endings are kept). Frames quieter than {@value #ABSOLUTE_MIN_DB}
 * dBFS are never speech, which keeps low line noise and digital silence out. Gaps shorter than the hangover are
 * bridged (one segment per utterance rather than per syllable), and segments shorter than the minimum speech length
 * (clicks) are dropped. Segment times are accurate to one frame.
 */
public final class VoiceActivityDetector {
    static final double START_DB = 10;
    static final double CONTINUE_DB = 6;
    static final double ABSOLUTE_MIN_DB = -55;
    private static final double FLOOR_RISE_PER_SPEECH_FRAME_DB = 0.05;

    private final Duration frame;
    private final Duration hangover;
    private final Duration minSpeech;

    /** With 20 ms frames, a 300 ms hangover and 100 ms minimum speech. */
    public VoiceActivityDetector() {
        this(Duration.ofMillis(20), Duration.ofMillis(300), Duration.ofMillis(100));
    }

    /**
     * @param frame     the analysis frame, 10 to 30 ms
     * @param hangover  silences shorter than this inside speech are bridged
     * @param minSpeech shorter bursts are not speech
     */
    public VoiceActivityDetector(Duration frame, Duration hangover, Duration minSpeech) {
        if (frame.toMillis() < 10 || frame.toMillis() > 30) {
            throw new IllegalArgumentException("frame must be 10 to 30 ms, got " + frame);
        }
        this.frame = frame;
        this.hangover = hangover;
        this.minSpeech = minSpeech;
    }

    /** The speech segments of one channel in time order, without overlaps. */
    public List<TimeSpan> detect(short[] samples) {
        int frameSamples = FrameLevels.samples(frame);
        double[] db = FrameLevels.of(samples, frameSamples);
        boolean[] speech = classify(db);
        long frameMs = frame.toMillis();
        int bridge = (int) (hangover.toMillis() / frameMs);
        int shortest = (int) Math.ceil(minSpeech.toMillis() / (double) frameMs);

        var spans = new ArrayList<int[]>();
        int i = 0;
        while (i < speech.length) {
            if (!speech[i]) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1; // exclusive
            int j = end;
            while (j < speech.length && (speech[j] || j - end < bridge)) {
                if (speech[j]) {
                    end = j + 1;
                }
                j++;
            }
            spans.add(new int[] {start, end});
            i = Math.max(j, end);
        }
        var result = new ArrayList<TimeSpan>();
        for (int[] s : spans) {
            if (s[1] - s[0] >= shortest) {
                result.add(TimeSpan.ofMillis(s[0] * frameMs, s[1] * frameMs));
            }
        }
        return result;
    }

    /** Which frames are speech, by hysteresis against the adaptive floor. */
    static boolean[] classify(double[] db) {
        double floor = FrameLevels.percentile(db, 10);
        double[] floorAt = new double[db.length];
        boolean inSpeech = false;
        for (int f = 0; f < db.length; f++) {
            double e = db[f];
            if (e < floor) {
                floor = e;
            }
            floorAt[f] = floor;
            inSpeech = e > floor + (inSpeech ? CONTINUE_DB : START_DB) && e > ABSOLUTE_MIN_DB;
            if (inSpeech) {
                floor += FLOOR_RISE_PER_SPEECH_FRAME_DB;
            } else {
                floor += 0.05 * (e - floor);
            }
        }
        boolean[] speech = new boolean[db.length];
        for (int f = 0; f < db.length; f++) {
            if (db[f] > floorAt[f] + START_DB && db[f] > ABSOLUTE_MIN_DB && !speech[f]) {
                speech[f] = true;
                for (int g = f - 1; g >= 0 && !speech[g] && aboveContinuation(db[g], floorAt[g]); g--) {
                    speech[g] = true;
                }
                for (int g = f + 1; g < db.length && aboveContinuation(db[g], floorAt[g]); g++) {
                    speech[g] = true;
                }
            }
        }
        return speech;
    }

    private static boolean aboveContinuation(double e, double floor) {
        return e > floor + CONTINUE_DB && e > ABSOLUTE_MIN_DB;
    }
}
