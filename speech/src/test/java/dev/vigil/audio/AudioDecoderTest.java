package dev.vigil.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioDecoderTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private final AudioDecoder decoder = new AudioDecoder();

    static byte[] fixture(String name) {
        try (InputStream in = AudioDecoderTest.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frequency of a pure tone from its zero crossings, skipping the first and last 50 ms. */
    static double frequency(short[] s) {
        int from = DecodedAudio.SAMPLE_RATE / 20;
        int to = s.length - from;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / ((to - from - 1) / (double) DecodedAudio.SAMPLE_RATE);
    }

    static double rmsDb(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return 10 * Math.log10(sum / s.length / (32768.0 * 32768.0) + 1e-12);
    }

    @ParameterizedTest
    @CsvSource({
            "pcm8_8000_mono.wav,      WAV 8-bit PCM 8000 Hz mono,     1, 1000",
            "pcm16_16000_mono.wav,    WAV 16-bit PCM 16000 Hz mono,   1, 1000",
            "pcm16_16000_stereo.wav,  WAV 16-bit PCM 16000 Hz stereo, 2, 500",
            "pcm16_44100_stereo.wav,  WAV 16-bit PCM 44100 Hz stereo, 2, 250",
            "pcm16_48000_stereo.wav,  WAV 16-bit PCM 48000 Hz stereo, 2, 200",
            "pcm24_48000_mono.wav,    WAV 24-bit PCM 48000 Hz mono,   1, 300",
            "mulaw_8000_stereo.wav,   WAV mu-law 8000 Hz stereo,      2, 1000",
            "alaw_8000_mono.wav,      WAV a-law 8000 Hz mono,         1, 1000",
            "stereo.mp3,              MP3 24000 Hz stereo,            2, 1000",
            "stereo.flac,             FLAC 44100 Hz stereo,           2, 1000",
    })
    void decodesEachFormatToSixteenKilohertzWithTheRightLengthAndTone(String file, String format, int channels,
                                                                     long millis) throws Exception {
        DecodedAudio audio = decoder.decode(Path.of(file), fixture(file), HOUR);

        assertThat(audio.sourceFormat()).isEqualTo(format);
        assertThat(audio.channels()).hasSize(channels);
        // MP3 adds encoder delay and padding (up to ~50 ms); the others are exact to a few samples.
        long tolerance = file.endsWith(".mp3") ? 80 : 3;
        assertThat((long) audio.channels().get(0).length)
                .isCloseTo(millis * DecodedAudio.SAMPLE_RATE / 1000, within(tolerance * DecodedAudio.SAMPLE_RATE / 1000 + 2));
        assertThat(frequency(audio.channels().get(0))).isCloseTo(440, within(440 * 0.03));
        // sox's "gain -6" on a full-scale sine: RMS is about -9 dBFS
        assertThat(rmsDb(audio.channels().get(0))).isCloseTo(-9, within(1.5));
    }

    @Test
    void decodesOggVorbisLosingAtMostTheDocumentedTail() throws Exception {
        DecodedAudio audio = decoder.decode(Path.of("call.ogg"), fixture("stereo.ogg"), HOUR);

        assertThat(audio.sourceFormat()).isEqualTo("OGG 44100 Hz stereo");
        assertThat(audio.duration()).isBetween(Duration.ofMillis(600), Duration.ofMillis(1050));
        assertThat(frequency(audio.channels().get(0))).isCloseTo(440, within(440 * 0.03));
        assertThat(frequency(audio.channels().get(1))).isCloseTo(1000, within(1000 * 0.03));
    }

    @ParameterizedTest
    @CsvSource({"pcm16_16000_stereo.wav", "pcm16_44100_stereo.wav", "mulaw_8000_stereo.wav", "stereo.mp3",
            "stereo.flac"})
    void keepsStereoChannelsApart(String file) throws Exception {
        DecodedAudio audio = decoder.decode(Path.of(file), fixture(file), HOUR);

        assertThat(frequency(audio.channels().get(0))).isCloseTo(440, within(440 * 0.03));
        assertThat(frequency(audio.channels().get(1))).isCloseTo(1000, within(1000 * 0.03));
    }

    @Test
    void resamplingFiltersToneAboveTheNewNyquistFrequency() throws Exception {
        // given a 12 kHz tone at 48 kHz: naive decimation would alias it to 4 kHz at full level
        int rate = 48_000;
        short[] tone = new short[rate / 2];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (16000 * Math.sin(2 * Math.PI * 12_000 * i / rate));
        }
        byte[] wav = wav(1, rate, 16, 1, pcm16(tone), -1);

        DecodedAudio audio = decoder.decode(Path.of("high.wav"), wav, HOUR);

        assertThat(audio.channels().get(0).length).isCloseTo(8000, within(3));
        assertThat(rmsDb(audio.channels().get(0))).isLessThan(-40);
    }

    @Test
    void resamplingKeepsTheTimingOfEvents() throws Exception {
        // given 0.5 s of silence then a 1 kHz tone, at 44.1 kHz
        int rate = 44_100;
        short[] s = new short[rate];
        for (int i = rate / 2; i < s.length; i++) {
            s[i] = (short) (10000 * Math.sin(2 * Math.PI * 1000 * i / rate));
        }

        short[] out = decoder.decode(Path.of("t.wav"), wav(1, rate, 16, 1, pcm16(s), -1), HOUR).channels().get(0);

        int onset = 0;
        while (Math.abs(out[onset]) < 3000) {
            onset++;
        }
        assertThat(onset).isCloseTo(8000, within(16)); // within 1 ms
        assertThat(out.length).isEqualTo(16000);
    }

    // ---- damaged audio --------------------------------------------------------------------------------------------

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> decoder.decode(Path.of("a.wav"), new byte[0], HOUR))
                .isInstanceOf(InvalidAudioException.class).hasMessage("empty file (0 bytes)");
    }

    @Test
    void rejectsAWavFileWithoutSamples() {
        byte[] wav = wav(1, 8000, 16, 1, new byte[0], -1);

        assertThatThrownBy(() -> decoder.decode(Path.of("a.wav"), wav, HOUR))
                .isInstanceOf(InvalidAudioException.class).hasMessage("WAV file contains no samples");
    }

    @Test
    void rejectsATruncatedWavFileThatJavaSoundWouldReadShort() {
        byte[] whole = fixture("pcm16_16000_mono.wav");
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> decoder.decode(Path.of("a.wav"), cut, HOUR))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessage("truncated WAV file: the data chunk declares 32000 bytes but only 15978 are present");
    }

    @Test
    void rejectsAWavHeaderCutBeforeTheDataChunk() {
        byte[] cut = Arrays.copyOf(fixture("pcm16_16000_mono.wav"), 30);

        assertThatThrownBy(() -> decoder.decode(Path.of("a.wav"), cut, HOUR))
                .isInstanceOf(InvalidAudioException.class).hasMessageStartingWith("truncated WAV file");
    }

    @Test
    void rejectsAWavNameWhoseBytesAreMp3() {
        assertThatThrownBy(() -> decoder.decode(Path.of("call.wav"), fixture("stereo.mp3"), HOUR))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessage("header does not match the data: the file is named .wav but contains MP3 data");
    }

    @Test
    void rejectsAWavNameWhoseBytesAreGarbage() {
        byte[] garbage = new byte[4000];
        new Random(7).nextBytes(garbage);
        garbage[0] = 'x';

        assertThatThrownBy(() -> decoder.decode(Path.of("call.wav"), garbage, HOUR))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessage("header does not match the data: the file is named .wav but its bytes are not WAV audio");
    }

    @Test
    void rejectsUnknownDataWithoutAnExtension() {
        byte[] text = "hello, this is not audio at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> decoder.decode(Path.of("call"), text, HOUR))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessage("unrecognised audio data (not WAV, MP3, FLAC or OGG Vorbis)");
    }

    @Test
    void rejectsAFlacFileCutShort() {
        byte[] whole = fixture("stereo.flac");
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> decoder.decode(Path.of("call.flac"), cut, HOUR))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessageStartingWith("truncated FLAC file: the header declares 44100 samples per channel");
    }

    @Test
    void rejectsARecordingOverTheDurationLimitFromItsHeader() {
        assertThatThrownBy(() -> decoder.decode(Path.of("a.wav"), fixture("pcm16_16000_mono.wav"),
                Duration.ofMillis(500)))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessage("recording is 1.0 s long, over the limit of 0.5 s");
    }

    @Test
    void rejectsACompressedRecordingOverTheDurationLimitWhileDecoding() {
        assertThatThrownBy(() -> decoder.decode(Path.of("a.mp3"), fixture("stereo.mp3"), Duration.ofMillis(500)))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessage("recording is longer than the limit of 0.5 s");
    }

    @Test
    void rejectsMoreThanTwoChannels() {
        assertThatThrownBy(() -> decoder.decode(Path.of("a.wav"), fixture("three_channels.wav"), HOUR))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessage("WAV file has 3 channels; only mono and stereo calls are supported");
    }

    @Test
    void rejectsAnUnsupportedWavEncoding() {
        assertThatThrownBy(() -> decoder.decode(Path.of("a.wav"), fixture("adpcm.wav"), HOUR))
                .isInstanceOf(InvalidAudioException.class)
                .hasMessage("unsupported WAV encoding: IMA ADPCM (format tag 0x0011) (supported: PCM, float, mu-law, "
                        + "a-law)");
    }

    @Test
    void rejectsAnMp3WhoseFramesAreGarbage() {
        byte[] mp3 = fixture("stereo.mp3");
        byte[] damaged = mp3.clone();
        new Random(3).nextBytes(damaged);
        System.arraycopy(mp3, 0, damaged, 0, 4); // a valid first frame header, then noise

        assertThatThrownBy(() -> decoder.decode(Path.of("a.mp3"), damaged, HOUR))
                .isInstanceOf(InvalidAudioException.class);
    }

    @Test
    void neverThrowsAnythingButInvalidAudioOnRandomBytesBehindValidMagic() {
        Random random = new Random(11);
        for (String magic : new String[] {"RIFF\0\0\0\0WAVE", "fLaC", "OggS", "ID3\3\0\0\0\0\0\0"}) {
            for (int i = 0; i < 20; i++) {
                byte[] b = new byte[random.nextInt(2000) + 20];
                random.nextBytes(b);
                byte[] m = magic.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                System.arraycopy(m, 0, b, 0, m.length);
                try {
                    decoder.decode(Path.of("x"), b, HOUR);
                } catch (InvalidAudioException expected) {
                    // fine: a reason
                }
            }
        }
    }

    // ---- building WAV files ---------------------------------------------------------------------------------------

    static byte[] pcm16(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** A canonical 44-byte-header WAV; {@code declaredData} overrides the data chunk size when not negative. */
    static byte[] wav(int tag, int rate, int bits, int channels, byte[] data, long declaredData) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put("data".getBytes()).putInt((int) (declaredData >= 0 ? declaredData : data.length)).put(data);
        return b.array();
    }
}
