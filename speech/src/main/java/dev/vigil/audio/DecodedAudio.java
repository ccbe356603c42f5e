package dev.vigil.audio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A recording decoded to 16-bit signed PCM at {@link #SAMPLE_RATE} per channel: what the recogniser and the signal
 * measurements read. The sample arrays are shared, not copied: never modify them.
 *
 * @param sourceFormat a short description of the file's encoding, for example {@code WAV mu-law 8000 Hz stereo}
 * @param channels     one array of samples per channel of the file (1 or 2), all of the same length
 */
public record DecodedAudio(String sourceFormat, List<short[]> channels) {
    /** Every channel is resampled to this rate (Hz): the rate of the en-us acoustic model. */
    public static final int SAMPLE_RATE = 16_000;

    public DecodedAudio {
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        channels = List.copyOf(channels);
        if (channels.isEmpty() || channels.size() > 2) {
            throw new IllegalArgumentException("expected 1 or 2 channels, got " + channels.size());
        }
        if (channels.size() == 2 && channels.get(0).length != channels.get(1).length) {
            throw new IllegalArgumentException("channels differ in length");
        }
    }

    /** The length of the recording. */
    public Duration duration() {
        return Duration.ofMillis(channels.get(0).length * 1000L / SAMPLE_RATE);
    }

    /** Both channels averaged into one (the only channel of a mono file). */
    public short[] mix() {
        if (channels.size() == 1) {
            return channels.get(0);
        }
        short[] l = channels.get(0);
        short[] r = channels.get(1);
        short[] m = new short[l.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (short) ((l[i] + r[i]) / 2);
        }
        return m;
    }
}
