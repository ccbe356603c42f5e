package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.TimeSpan;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallAudioTest {
    @TempDir
    Path dir;

    /** A synthetic tone of {@code seconds} as a WAV file in {@code encoding} at 8 kHz. */
    private Path tone(String name, AudioFormat.Encoding encoding, int channels, double seconds) throws Exception {
        int rate = 8000;
        int frames = (int) (rate * seconds);
        byte[] pcm = new byte[frames * channels * 2];
        for (int f = 0; f < frames; f++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * f / rate));
            for (int c = 0; c < channels; c++) {
                int at = (f * channels + c) * 2;
                pcm[at] = (byte) v;
                pcm[at + 1] = (byte) (v >> 8);
            }
        }
        AudioFormat linear = new AudioFormat(rate, 16, channels, true, false);
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), linear, frames);
        if (encoding != AudioFormat.Encoding.PCM_SIGNED) {
            in = AudioSystem.getAudioInputStream(encoding, in);
        }
        Path file = Files.createDirectories(dir.resolve("inbox/calls")).resolve(name);
        AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    @Test
    void muLawWavIsPublishedAsAHardLinkNamedAfterTheInteraction() throws Exception {
        // given
        Path recording = tone("Call 01.WAV", AudioFormat.Encoding.ULAW, 2, 0.5);
        Path reports = dir.resolve("out/reports");

        // when
        Optional<String> name = CallAudio.publish(recording, reports, "call/01");

        // then
        assertThat(name).contains("call_01.wav");
        Path published = reports.resolve("audio/call_01.wav");
        assertThat(Files.isSameFile(published, recording)).as("a hard link, not a copy").isTrue();
        assertThat(AudioSystem.getAudioFileFormat(published.toFile()).getFormat().getEncoding())
                .isEqualTo(AudioFormat.Encoding.ULAW);
    }

    @Test
    void redactedWordsAreSilencedInAPublishedCopyThatIsNotLinkedToTheRecording() throws Exception {
        // given a call whose transcript redacted a card number read out from 0.25 s to 0.5 s
        Path recording = tone("pii.wav", AudioFormat.Encoding.ULAW, 2, 1.0);
        Path reports = dir.resolve("out/reports");
        CallAudio.publish(recording, reports, "pii"); // an earlier, unmuted publication: a hard link
        String transcript = "{\"turns\": [{\"words\": [{\"w\": \"it's\", \"start_ms\": 100, \"end_ms\": 240}, "
                + "{\"w\": \"[card]\", \"start_ms\": 250, \"end_ms\": 500}]}]}";
        byte[] original = Files.readAllBytes(recording);

        // when
        Optional<String> name = CallAudio.publish(recording, reports, "pii", CallAudio.redactedSpeech(transcript));

        // then
        assertThat(CallAudio.redactedSpeech(transcript)).containsExactly(TimeSpan.ofMillis(250, 500));
        assertThat(name).contains("pii.wav");
        Path published = reports.resolve("audio/pii.wav");
        assertThat(Files.isSameFile(published, recording)).isFalse();
        assertThat(Files.readAllBytes(recording)).as("the inbox file is untouched").isEqualTo(original);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(published.toFile())) {
            assertThat(in.getFormat().getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            byte[] pcm = in.readAllBytes();
            int frame = in.getFormat().getFrameSize();
            assertThat(peak(pcm, 2100 * frame, 3900 * frame)).as("muted span").isZero();
            assertThat(peak(pcm, 4100 * frame, 7900 * frame)).as("after the span").isGreaterThan(1000);
            assertThat(peak(pcm, 100 * frame, 1900 * frame)).as("before the span").isGreaterThan(1000);
        }
    }

    private static int peak(byte[] pcm, int from, int to) {
        int peak = 0;
        for (int i = from; i + 1 < to; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
        }
        return peak;
    }

    @Test
    void publishingAgainLeavesThePublishedFileAsItIs() throws Exception {
        Path recording = tone("c.wav", AudioFormat.Encoding.ALAW, 1, 0.3);
        Path reports = dir.resolve("out/reports");
        CallAudio.publish(recording, reports, "c");
        byte[] before = Files.readAllBytes(reports.resolve("audio/c.wav"));

        Optional<String> again = CallAudio.publish(recording, reports, "c");

        assertThat(again).contains("c.wav");
        assertThat(Files.readAllBytes(reports.resolve("audio/c.wav"))).isEqualTo(before);
        assertThat(Files.isSameFile(reports.resolve("audio/c.wav"), recording)).isTrue();
    }

    @Test
    void aStaleDifferentFileIsReplacedByTheRecording() throws Exception {
        Path recording = tone("c.wav", AudioFormat.Encoding.PCM_SIGNED, 1, 0.2);
        Path stale = Files.createDirectories(dir.resolve("out/reports/audio")).resolve("c.wav");
        Files.writeString(stale, "old");

        CallAudio.publish(recording, dir.resolve("out/reports"), "c");

        assertThat(Files.mismatch(stale, recording)).isEqualTo(-1);
    }

    @Test
    void otherBrowserFormatsKeepTheirExtension() throws Exception {
        Path flac = Files.createDirectories(dir.resolve("inbox")).resolve("x.FLAC");
        Files.write(flac, new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 34});

        assertThat(CallAudio.publish(flac, dir.resolve("r"), "x")).contains("x.flac");
        assertThat(Files.mismatch(dir.resolve("r/audio/x.flac"), flac)).isEqualTo(-1);
    }

    @Test
    void missingUnknownOrUnreadableRecordingsAreNotPublished() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path notWav = Files.writeString(inbox.resolve("broken.wav"), "this is not a RIFF file");
        Path other = Files.writeString(inbox.resolve("call.amr"), "#!AMR");

        assertThat(CallAudio.publish(inbox.resolve("gone.wav"), dir.resolve("r"), "a")).isEmpty();
        assertThat(CallAudio.publish(notWav, dir.resolve("r"), "b")).isEmpty();
        assertThat(CallAudio.publish(other, dir.resolve("r"), "c")).isEmpty();
        assertThat(dir.resolve("r/audio/b.wav")).doesNotExist();
    }

    @Test
    void conversionWrites16BitPcmWithTheSameLengthAndIsDeterministic() throws Exception {
        // given
        Path ulaw = tone("u.wav", AudioFormat.Encoding.ULAW, 2, 0.5);
        Path target = Files.createDirectories(dir.resolve("r")).resolve("u.wav");

        // when
        boolean converted = CallAudio.toPcmWav(ulaw, target);
        byte[] first = Files.readAllBytes(target);
        CallAudio.toPcmWav(ulaw, target);

        // then
        assertThat(converted).isTrue();
        AudioFileFormat format = AudioSystem.getAudioFileFormat(target.toFile());
        assertThat(format.getFormat().getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getFormat().getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.getFormat().getChannels()).isEqualTo(2);
        assertThat(format.getFrameLength()).isEqualTo(4000);
        assertThat(Files.readAllBytes(target)).isEqualTo(first);
    }
}
