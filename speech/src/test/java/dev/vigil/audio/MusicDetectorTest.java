package dev.vigil.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.TimeSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MusicDetectorTest {
    private final MusicDetector detector = new MusicDetector();

    @Test
    void findsASustainedChord() {
        List<TimeSpan> music = detector.detect(new Signals(5).noise(-65).chord(0, 5, -25).samples());

        assertThat(music).hasSize(1);
        assertThat(music.get(0).start().toMillis()).isLessThanOrEqualTo(500);
        assertThat(music.get(0).end().toMillis()).isGreaterThanOrEqualTo(4500);
    }

    @Test
    void findsHoldMusicBetweenSpeech() {
        short[] s = new Signals(12).noise(-60).speechLike(0, 3, -20).chord(3, 9, -28).speechLike(9, 12, -20)
                .samples();

        List<TimeSpan> music = detector.detect(s);

        assertThat(music).hasSize(1);
        assertThat(music.get(0).start().toMillis()).isCloseTo(3000, within(600L));
        assertThat(music.get(0).end().toMillis()).isCloseTo(9000, within(600L));
    }

    @Test
    void findsAMelodyOfHeldNotes() {
        Signals s = new Signals(6).noise(-65);
        double[] notes = {261.6, 293.7, 329.6, 349.2, 392.0, 440.0, 493.9, 523.3};
        for (int i = 0; i < 12; i++) {
            s.tone(i * 0.5, i * 0.5 + 0.5, notes[i % notes.length], -25);
        }

        assertThat(detector.detect(s.samples())).hasSize(1);
    }

    @Test
    void ignoresSilenceWithLowNoise() {
        assertThat(detector.detect(new Signals(5).noise(-62).samples())).isEmpty();
    }

    @Test
    void ignoresSteadyNoise() {
        assertThat(detector.detect(new Signals(5).noise(-30).samples())).isEmpty();
    }

    @Test
    void ignoresSpeechLikeModulatedSignal() {
        assertThat(detector.detect(new Signals(8).noise(-60).speechLike(0, 8, -20).samples())).isEmpty();
    }

    @Test
    void ignoresSynthesisedSpeech() throws Exception {
        DecodedAudio audio = new AudioDecoder().decode(Path.of("speech.wav"),
                AudioDecoderTest.fixture("speech_8000_mulaw.wav"), Duration.ofMinutes(1));

        assertThat(detector.detect(audio.channels().get(0))).isEmpty();
    }
}
