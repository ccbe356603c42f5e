package dev.vigil.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.TimeSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaisedVoiceDetectorTest {
    private final RaisedVoiceDetector detector = new RaisedVoiceDetector();

    @Test
    void findsASegmentSpokenTenDecibelsAboveTheSpeakersBaseline() {
        // given speech at -30 dBFS, raised to -20 dBFS from 10 s to 13 s, with a pause at 6-7 s
        short[] s = new Signals(18).noise(-65).speechLike(0, 6, -30).speechLike(7, 10, -30)
                .speechLike(10, 13, -20).speechLike(13, 18, -30).samples();
        List<TimeSpan> speech = new VoiceActivityDetector().detect(s);

        List<TimeSpan> raised = detector.detect(s, speech);

        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).start().toMillis()).isCloseTo(10_000, within(500L));
        assertThat(raised.get(0).end().toMillis()).isCloseTo(13_000, within(500L));
    }

    @Test
    void ignoresAFourDecibelRise() {
        short[] s = new Signals(18).noise(-65).speechLike(0, 10, -30).speechLike(10, 13, -26)
                .speechLike(13, 18, -30).samples();

        assertThat(detector.detect(s, new VoiceActivityDetector().detect(s))).isEmpty();
    }

    @Test
    void ignoresLoudnessOutsideTheSpeakersSpeech() {
        // given a loud burst that is not in the speaker's segments (the other side's echo, a door)
        short[] s = new Signals(18).noise(-65).speechLike(0, 8, -30).tone(9, 11, 500, -10)
                .speechLike(12, 18, -30).samples();
        List<TimeSpan> speech = List.of(TimeSpan.ofMillis(0, 8000), TimeSpan.ofMillis(12_000, 18_000));

        assertThat(detector.detect(s, speech)).isEmpty();
    }

    @Test
    void needsABaselineBeforeCallingAnythingRaised() {
        short[] s = new Signals(3).noise(-65).speechLike(0, 1.5, -30).speechLike(1.5, 3, -15).samples();

        assertThat(detector.detect(s, List.of(TimeSpan.ofMillis(0, 3000)))).isEmpty();
    }
}
