package dev.vigil.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.TimeSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {
    private final VoiceActivityDetector vad = new VoiceActivityDetector();

    private static void assertSpan(TimeSpan actual, long startMs, long endMs) {
        assertThat(actual.start().toMillis()).as("start of " + actual).isCloseTo(startMs, within(100L));
        assertThat(actual.end().toMillis()).as("end of " + actual).isCloseTo(endMs, within(100L));
    }

    @Test
    void findsToneBurstsInLowNoiseWithin100Milliseconds() {
        // given three bursts at -20 dBFS over -60 dBFS noise
        short[] s = new Signals(6).noise(-60)
                .tone(0.5, 1.2, 300, -20).tone(2.0, 3.5, 500, -25).tone(4.5, 4.8, 800, -30).samples();

        List<TimeSpan> speech = vad.detect(s);

        assertThat(speech).hasSize(3);
        assertSpan(speech.get(0), 500, 1200);
        assertSpan(speech.get(1), 2000, 3500);
        assertSpan(speech.get(2), 4500, 4800);
    }

    @Test
    void bridgesShortPausesAndDropsClicks() {
        // given two syllables 200 ms apart and a 40 ms click
        short[] s = new Signals(4).noise(-65)
                .tone(0.5, 0.9, 300, -20).tone(1.1, 1.6, 300, -20).tone(3.0, 3.04, 2000, -10).samples();

        List<TimeSpan> speech = vad.detect(s);

        assertThat(speech).hasSize(1);
        assertSpan(speech.get(0), 500, 1600);
    }

    @Test
    void findsSpeechLikeSignalInLouderLineNoise() {
        short[] s = new Signals(8).noise(-45).speechLike(2, 5, -20).samples();

        List<TimeSpan> speech = vad.detect(s);

        assertThat(speech).isNotEmpty();
        assertThat(speech.get(0).start().toMillis()).isCloseTo(2000, within(150L));
        assertThat(speech.get(speech.size() - 1).end().toMillis()).isCloseTo(5000, within(150L));
    }

    @Test
    void findsNothingInSilenceWithLowNoise() {
        assertThat(vad.detect(new Signals(5).noise(-62).samples())).isEmpty();
        assertThat(vad.detect(new short[16000 * 3])).isEmpty();
    }

    @Test
    void findsNothingInSteadyLouderNoise() {
        assertThat(vad.detect(new Signals(5).noise(-40).samples())).isEmpty();
    }

    @Test
    void findsTheSentenceInUpsampledTelephoneMuLaw() throws Exception {
        // given festival speech, 8 kHz mu-law, 4.56 s in all; by sox stat on 50 ms slices the voice is heard from
        // 0.65-0.70 s to 3.70-3.75 s (festival's own lead-in plus 0.4 s of padding on each side)
        DecodedAudio audio = new AudioDecoder().decode(Path.of("speech.wav"),
                AudioDecoderTest.fixture("speech_8000_mulaw.wav"), Duration.ofMinutes(1));

        List<TimeSpan> speech = vad.detect(audio.channels().get(0));

        assertThat(speech).isNotEmpty();
        assertThat(speech.get(0).start().toMillis()).isBetween(600L, 760L);
        assertThat(speech.get(speech.size() - 1).end().toMillis()).isBetween(3650L, 3850L);
        long total = speech.stream().mapToLong(t -> t.length().toMillis()).sum();
        assertThat(total).isGreaterThan(2500);
    }
}
