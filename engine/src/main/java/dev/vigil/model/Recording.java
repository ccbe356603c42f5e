package dev.vigil.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What was measured on a call's audio signal, independent of the transcript. Times are from the start of the call.
 *
 * @param layout          how the two sides were carried
 * @param duration        the length of the audio
 * @param sourceFormat    a short description of the file's encoding, for example {@code WAV mu-law 8000 Hz stereo}
 * @param speech          speech found on each side (voice-activity detection per channel, or speaker separation
 *                        for mono), in time order
 * @param music           stretches of music or tones (hold music), in time order
 * @param raisedVoice     stretches where a side spoke well above its own loudness baseline, in time order
 * @param attribution     for mono calls, how the agent's voice was chosen (for example {@code greeting}); empty
 *                        for stereo calls
 * @param missingMetadata what the call's metadata lacked and was guessed (for example {@code sidecar},
 *                        {@code started_at}); reported in the evaluation's flags
 */
public record Recording(ChannelLayout layout, Duration duration, String sourceFormat, List<SpeakerSpan> speech,
                        List<TimeSpan> music, List<SpeakerSpan> raisedVoice, String attribution,
                        List<String> missingMetadata) {
    public Recording {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        Objects.requireNonNull(attribution, "attribution");
        speech = List.copyOf(speech);
        music = List.copyOf(music);
        raisedVoice = List.copyOf(raisedVoice);
        missingMetadata = List.copyOf(missingMetadata);
    }

    /** A recording whose metadata was complete. */
    public Recording(ChannelLayout layout, Duration duration, String sourceFormat, List<SpeakerSpan> speech,
                     List<TimeSpan> music, List<SpeakerSpan> raisedVoice, String attribution) {
        this(layout, duration, sourceFormat, speech, music, raisedVoice, attribution, List.of());
    }

    /** This recording with what its metadata lacked. */
    public Recording withMissingMetadata(List<String> missing) {
        return new Recording(layout, duration, sourceFormat, speech, music, raisedVoice, attribution, missing);
    }
}
