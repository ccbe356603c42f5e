package dev.vigil.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.TimeSpan;
import dev.vigil.pii.PiiKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Puts a call's recording next to the reports, as {@code reports/audio/<id>.<ext>}, in a form browsers play, so that
 * the interaction page's player can refer to it relatively and work from {@code file://}. Stateless and thread-safe.
 *
 * <p>Browsers play PCM, mu-law and a-law WAV, MP3, OGG and FLAC (checked with headless Chromium 150: the three WAV
 * encodings at 8 and 16 kHz, mono and stereo, decode and report their duration), so such a file is published as it
 * is: a hard link to the inbox file when the output is on the same file system (no copy of a night's audio), a copy
 * otherwise. A WAV in another encoding that the JDK can decode is written as 16-bit PCM WAV instead. Publishing is
 * deterministic: the same recording gives the same bytes, and publishing it again leaves the file as it is.
 */
public final class CallAudio {
    /** Extensions published as they are. */
    private static final Set<String> PLAYABLE = Set.of("wav", "mp3", "ogg", "oga", "opus", "flac");
    /** WAV encodings that browsers decode. */
    private static final Set<AudioFormat.Encoding> PLAYABLE_WAV = Set.of(AudioFormat.Encoding.PCM_SIGNED,
            AudioFormat.Encoding.PCM_UNSIGNED, AudioFormat.Encoding.PCM_FLOAT, AudioFormat.Encoding.ULAW,
            AudioFormat.Encoding.ALAW);

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallAudio() {
    }

    /**
     * Publishes {@code recording} for interaction {@code interactionId} under {@code reportsDir/audio/}.
     *
     * @return the published file's name (for {@link HtmlReports#interactionPage(String, String, Optional)}), or empty
     *         when the recording is missing or in a form no browser plays and the JDK cannot convert
     * @throws IOException when the reports folder cannot be written
     */
    public static Optional<String> publish(Path recording, Path reportsDir, String interactionId) throws IOException {
        if (!Files.isRegularFile(recording)) {
            return Optional.empty();
        }
        String ext = extension(recording);
        if (!PLAYABLE.contains(ext)) {
            return Optional.empty();
        }
        if (ext.equals("wav")) {
            Optional<AudioFormat.Encoding> encoding = wavEncoding(recording);
            if (encoding.isEmpty()) {
                return Optional.empty();
            }
            if (!PLAYABLE_WAV.contains(encoding.get())) {
                Path target = HtmlReports.audioFile(reportsDir, interactionId, "wav");
                Files.createDirectories(target.getParent());
                return toPcmWav(recording, target) ? Optional.of(target.getFileName().toString()) : Optional.empty();
            }
        }
        Path target = HtmlReports.audioFile(reportsDir, interactionId, ext);
        Files.createDirectories(target.getParent());
        place(recording, target);
        return Optional.of(target.getFileName().toString());
    }

    /**
     * Publishes {@code recording} with the speech in {@code muted} silenced: the redacted words of the transcript
     * (a card number read out) must not be audible in the published copy. With nothing to mute it is
     * {@link #publish(Path, Path, String)}. Otherwise the recording is decoded (any format the JDK's audio system and
     * its installed decoders read), the spans are set to silence on every channel, and the result is written as
     * 16-bit PCM WAV, never linked to the inbox file. A recording that cannot be decoded is not published at all
     * (and a file published for it earlier is removed), so an unmuted copy never stands in for a muted one.
     *
     * @param muted times from the start of the recording
     */
    public static Optional<String> publish(Path recording, Path reportsDir, String interactionId,
                                           List<TimeSpan> muted) throws IOException {
        if (muted.isEmpty()) {
            return publish(recording, reportsDir, interactionId);
        }
        for (String ext : PLAYABLE) {
            Path earlier = HtmlReports.audioFile(reportsDir, interactionId, ext);
            if (!ext.equals("wav")) {
                Files.deleteIfExists(earlier);
            }
        }
        Path target = HtmlReports.audioFile(reportsDir, interactionId, "wav");
        if (!Files.isRegularFile(recording)) {
            Files.deleteIfExists(target);
            return Optional.empty();
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(recording.toFile())) {
            AudioFormat from = in.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, from.getSampleRate(), 16,
                    from.getChannels(), 2 * from.getChannels(), from.getSampleRate(), false);
            byte[] samples;
            try (AudioInputStream converted = from.matches(pcm) ? in : AudioSystem.getAudioInputStream(pcm, in)) {
                samples = converted.readAllBytes();
            }
            int frameBytes = pcm.getFrameSize();
            long frames = samples.length / frameBytes;
            for (TimeSpan span : muted) {
                long first = Math.max(0, (long) Math.floor(span.start().toNanos() / 1e9 * pcm.getSampleRate()));
                long last = Math.min(frames, (long) Math.ceil(span.end().toNanos() / 1e9 * pcm.getSampleRate()));
                if (first < last) {
                    Arrays.fill(samples, (int) (first * frameBytes), (int) (last * frameBytes), (byte) 0);
                }
            }
            try (AudioInputStream out = new AudioInputStream(new ByteArrayInputStream(samples), pcm, frames)) {
                AudioSystem.write(out, AudioFileFormat.Type.WAVE, tmp.toFile());
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(target);
            return Optional.empty();
        }
        if (Files.exists(target) && !Files.isSameFile(target, recording) && Files.mismatch(tmp, target) == -1) {
            Files.delete(tmp);
        } else {
            // a move replaces a hard link to the inbox file instead of writing through it
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return Optional.of(target.getFileName().toString());
    }

    /**
     * The times of the redacted words ({@code [card]}, {@code [phone]} …) in a stored {@code transcripts/<id>.json}:
     * what {@link #publish(Path, Path, String, List)} mutes.
     */
    public static List<TimeSpan> redactedSpeech(String transcriptJson) {
        var spans = new ArrayList<TimeSpan>();
        try {
            for (var turn : JSON.readTree(transcriptJson).path("turns")) {
                for (var word : turn.path("words")) {
                    if (PiiKind.ofPlaceholder(word.path("w").asText()).isPresent()) {
                        spans.add(new TimeSpan(Duration.ofMillis(word.path("start_ms").asLong()),
                                Duration.ofMillis(word.path("end_ms").asLong())));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid transcript JSON: " + e.getOriginalMessage(), e);
        }
        return spans;
    }

    /** Links {@code source} as {@code target}, or copies it where a link is impossible; no-op when already there. */
    static void place(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            if (Files.isSameFile(source, target)
                    || (Files.size(source) == Files.size(target) && Files.mismatch(source, target) == -1)) {
                return;
            }
            Files.delete(target);
        }
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // another file system, or links not supported: copy instead
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes {@code wav} as a 16-bit little-endian PCM WAV at its own rate and channel count.
     *
     * @return false when the JDK cannot read or convert it
     */
    static boolean toPcmWav(Path wav, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat from = in.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, from.getSampleRate(), 16,
                    from.getChannels(), 2 * from.getChannels(), from.getSampleRate(), false);
            if (!AudioSystem.isConversionSupported(pcm, from)) {
                return false;
            }
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, in)) {
                AudioSystem.write(converted, AudioFileFormat.Type.WAVE, tmp.toFile());
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            Files.deleteIfExists(tmp);
            return false;
        }
        if (Files.exists(target) && Files.mismatch(tmp, target) == -1) {
            Files.delete(tmp);
        } else {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    /** The encoding of a WAV file's data, or empty when the JDK cannot read its header. */
    static Optional<AudioFormat.Encoding> wavEncoding(Path wav) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(wav))) {
            return Optional.of(AudioSystem.getAudioFileFormat(in).getFormat().getEncoding());
        } catch (UnsupportedAudioFileException e) {
            return Optional.empty();
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
