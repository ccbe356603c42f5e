package dev.vigil.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javazoom.spi.mpeg.sampled.file.MpegAudioFileReader;
import javazoom.spi.vorbis.sampled.file.VorbisAudioFileReader;
import org.jflac.sound.spi.FlacAudioFileReader;

/**
 * Decodes a call recording (WAV in PCM 8/16/24/32-bit, float, mu-law or a-law; MP3; FLAC; OGG Vorbis) to 16-bit
 * PCM at {@link DecodedAudio#SAMPLE_RATE} with each channel kept apart. Stateless and thread-safe.
 *
 * <p>The container is recognised from its bytes, not from the file name, and a name that promises another format is
 * reported as a header that does not match the data. WAV headers are parsed here (javax.sound silently reads a
 * truncated data chunk short), so that truncation, the channel count and the duration limit are checked before any
 * decoding. Decoding itself uses javax.sound in two steps: first to 16-bit signed PCM at the source rate (the JDK's
 * mu-law and a-law codecs, or the MP3, FLAC and Vorbis service providers), then to 16 kHz with the JDK's
 * {@code AudioFloatFormatConverter} using its windowed-sinc resampler ({@code interpolation=sinc}), which low-passes
 * when it downsamples. The Vorbis decoder drops about 0.3 s at the end of a file.
 *
 * <p>Every problem with the input is an {@link InvalidAudioException} whose message is a reason a user can act on;
 * nothing else is thrown for bad input.
 */
public final class AudioDecoder {
    private static final int WAVE_PCM = 0x0001;
    private static final int WAVE_FLOAT = 0x0003;
    private static final int WAVE_ALAW = 0x0006;
    private static final int WAVE_MULAW = 0x0007;
    private static final int WAVE_EXTENSIBLE = 0xFFFE;
    private static final int MAX_CHANNELS = 2;

    /** The container found in a file's first bytes. */
    private enum Container {
        WAV("WAV"), MP3("MP3"), FLAC("FLAC"), OGG("OGG"), UNKNOWN("unrecognised");

        final String label;

        Container(String label) {
            this.label = label;
        }
    }

    /**
     * Decodes one recording.
     *
     * @param file        the file's name, for its extension (what the file claims to be); it is not read
     * @param bytes       the whole file
     * @param maxDuration longer recordings are rejected, from the header where it states the length
     * @return the samples of each channel at 16 kHz, with a description of the source encoding
     * @throws InvalidAudioException with the reason when the recording cannot be used
     */
    public DecodedAudio decode(Path file, byte[] bytes, Duration maxDuration) throws InvalidAudioException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (bytes.length == 0) {
            throw new InvalidAudioException("empty file (0 bytes)");
        }
        Container found = sniff(bytes);
        Container claimed = claimed(file);
        if (found == Container.UNKNOWN) {
            throw new InvalidAudioException(claimed == Container.UNKNOWN
                    ? "unrecognised audio data (not WAV, MP3, FLAC or OGG Vorbis)"
                    : "header does not match the data: the file is named ." + extension(file)
                    + " but its bytes are not " + claimed.label + " audio");
        }
        if (claimed != Container.UNKNOWN && claimed != found) {
            throw new InvalidAudioException("header does not match the data: the file is named ." + extension(file)
                    + " but contains " + found.label + " data");
        }
        try {
            return switch (found) {
                case WAV -> decodeWav(bytes, maxDuration);
                case FLAC -> decodeCompressed(found, new FlacAudioFileReader(), bytes, maxDuration, flacSamples(bytes));
                case MP3 -> decodeCompressed(found, new MpegAudioFileReader(), bytes, maxDuration, -1);
                case OGG -> decodeCompressed(found, new VorbisAudioFileReader(), bytes, maxDuration, -1);
                case UNKNOWN -> throw new IllegalStateException();
            };
        } catch (InvalidAudioException e) {
            throw e;
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            // The codec libraries fail on damaged streams with all sorts of runtime exceptions and errors.
            throw new InvalidAudioException("damaged " + found.label + " data: "
                    + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), e);
        }
    }

    // ---- WAV ------------------------------------------------------------------------------------------------------

    private DecodedAudio decodeWav(byte[] bytes, Duration maxDuration) throws InvalidAudioException, IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        AudioFormat format = null;
        String encodingName = null;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > bytes.length) {
                    throw new InvalidAudioException("truncated WAV file: the format chunk is incomplete");
                }
                int tag = b.getShort(body) & 0xFFFF;
                int channels = b.getShort(body + 2) & 0xFFFF;
                int rate = b.getInt(body + 4);
                int blockAlign = b.getShort(body + 12) & 0xFFFF;
                int bits = b.getShort(body + 14) & 0xFFFF;
                if (tag == WAVE_EXTENSIBLE) {
                    if (size < 40 || body + 26 > bytes.length) {
                        throw new InvalidAudioException("truncated WAV file: the extensible format chunk is incomplete");
                    }
                    tag = b.getShort(body + 24) & 0xFFFF; // the first two bytes of the sub-format GUID
                }
                if (channels == 0) {
                    throw new InvalidAudioException("WAV header declares 0 channels");
                }
                if (channels > MAX_CHANNELS) {
                    throw new InvalidAudioException("WAV file has " + channels
                            + " channels; only mono and stereo calls are supported");
                }
                if (rate <= 0) {
                    throw new InvalidAudioException("WAV header declares a sample rate of " + rate + " Hz");
                }
                format = wavFormat(tag, channels, rate, bits, blockAlign);
                encodingName = switch (tag) {
                    case WAVE_MULAW -> "mu-law";
                    case WAVE_ALAW -> "a-law";
                    case WAVE_FLOAT -> bits + "-bit float";
                    default -> bits + "-bit PCM";
                };
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new InvalidAudioException("damaged WAV header: the data chunk comes before the format chunk");
                }
                long present = bytes.length - (long) body;
                long declared = size;
                if (declared == 0xFFFFFFFFL || (declared == 0 && present > 0)) {
                    declared = present; // written while streaming: the size was never filled in
                }
                if (declared > present) {
                    throw new InvalidAudioException("truncated WAV file: the data chunk declares " + declared
                            + " bytes but only " + present + " are present");
                }
                int frameSize = format.getFrameSize();
                long frames = declared / frameSize;
                if (frames == 0) {
                    throw new InvalidAudioException("WAV file contains no samples");
                }
                checkDuration(frames, format.getSampleRate(), maxDuration);
                String description = "WAV " + encodingName + " " + rate(format) + " " + channelName(format);
                var in = new AudioInputStream(new ByteArrayInputStream(bytes, body, (int) (frames * frameSize)),
                        format, frames);
                return toDecoded(description, in, maxDuration, -1);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are padded to even sizes
        }
        throw new InvalidAudioException(format == null
                ? "damaged WAV header: no format chunk" : "truncated WAV file: no data chunk");
    }

    private static AudioFormat wavFormat(int tag, int channels, int rate, int bits, int blockAlign)
            throws InvalidAudioException {
        return switch (tag) {
            case WAVE_PCM -> {
                if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                    throw new InvalidAudioException("unsupported WAV encoding: " + bits + "-bit PCM");
                }
                int bytesPerSample = bits / 8;
                if (blockAlign != 0 && blockAlign != bytesPerSample * channels) {
                    throw new InvalidAudioException("damaged WAV header: block size " + blockAlign + " does not match "
                            + channels + " channels of " + bits + "-bit samples");
                }
                yield new AudioFormat(bits == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED,
                        rate, bits, channels, bytesPerSample * channels, rate, false);
            }
            case WAVE_FLOAT -> {
                if (bits != 32 && bits != 64) {
                    throw new InvalidAudioException("unsupported WAV encoding: " + bits + "-bit float");
                }
                yield new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, rate, bits, channels, bits / 8 * channels,
                        rate, false);
            }
            case WAVE_MULAW, WAVE_ALAW -> {
                if (bits != 8) {
                    throw new InvalidAudioException("damaged WAV header: " + bits + "-bit "
                            + (tag == WAVE_MULAW ? "mu-law" : "a-law") + " (expected 8-bit)");
                }
                yield new AudioFormat(tag == WAVE_MULAW ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW,
                        rate, 8, channels, channels, rate, false);
            }
            default -> throw new InvalidAudioException("unsupported WAV encoding: " + wavTagName(tag)
                    + " (supported: PCM, float, mu-law, a-law)");
        };
    }

    private static String wavTagName(int tag) {
        String name = switch (tag) {
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MP3";
            case 0x0064, 0x0040 -> "G.721 ADPCM";
            default -> "format";
        };
        return name + String.format(Locale.ROOT, " (format tag 0x%04X)", tag);
    }

    // ---- MP3, FLAC, OGG -------------------------------------------------------------------------------------------

    private DecodedAudio decodeCompressed(Container container, javax.sound.sampled.spi.AudioFileReader reader,
                                          byte[] bytes, Duration maxDuration, long declaredFrames)
            throws InvalidAudioException, IOException {
        AudioInputStream encoded;
        try {
            encoded = reader.getAudioInputStream(new ByteArrayInputStream(bytes));
        } catch (UnsupportedAudioFileException e) {
            throw new InvalidAudioException("damaged " + container.label + " data: the decoder cannot read its header",
                    e);
        }
        AudioFormat f = encoded.getFormat();
        if (f.getChannels() > MAX_CHANNELS) {
            throw new InvalidAudioException(container.label + " file has " + f.getChannels()
                    + " channels; only mono and stereo calls are supported");
        }
        if (f.getChannels() <= 0 || f.getSampleRate() <= 0) {
            throw new InvalidAudioException("damaged " + container.label + " header: " + f.getChannels()
                    + " channels at " + f.getSampleRate() + " Hz");
        }
        if (declaredFrames > 0) {
            checkDuration(declaredFrames, f.getSampleRate(), maxDuration);
        }
        String description = container.label + " " + rate(f) + " " + channelName(f);
        return toDecoded(description, encoded, maxDuration, declaredFrames);
    }

    /** The total sample count in a FLAC STREAMINFO block, or -1 when it is not stated. */
    private static long flacSamples(byte[] bytes) {
        // "fLaC", then a metadata block header (4 bytes) and STREAMINFO: total samples are the low 36 bits of the
        // 64 bits starting at STREAMINFO offset 10.
        if (bytes.length < 8 + 18 || (bytes[4] & 0x7F) != 0) {
            return -1;
        }
        long v = ByteBuffer.wrap(bytes, 8 + 10, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        long total = v & 0xFFFFFFFFFL;
        return total == 0 ? -1 : total;
    }

    // ---- Both steps of the conversion -----------------------------------------------------------------------------

    private static DecodedAudio toDecoded(String description, AudioInputStream source, Duration maxDuration,
                                          long declaredFrames) throws InvalidAudioException, IOException {
        AudioFormat src = source.getFormat();
        int channels = src.getChannels();
        float rate = src.getSampleRate();
        AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, 2 * channels, rate,
                false);
        AudioInputStream step1 = sameFormat(src, pcm) ? source : convert(source, pcm, description);
        byte[] pcmBytes = readAll(step1, rate, channels, maxDuration);
        long frames = pcmBytes.length / (2L * channels);
        if (frames == 0) {
            throw new InvalidAudioException("the " + description + " file contains no samples");
        }
        if (declaredFrames > 0 && frames < declaredFrames * 99 / 100) {
            throw new InvalidAudioException("truncated " + description.split(" ")[0] + " file: the header declares "
                    + declaredFrames + " samples per channel but only " + frames + " could be decoded");
        }
        byte[] out;
        if (Math.round(rate) == DecodedAudio.SAMPLE_RATE) {
            out = pcmBytes;
        } else {
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, DecodedAudio.SAMPLE_RATE, 16,
                    channels, 2 * channels, DecodedAudio.SAMPLE_RATE, false, Map.of("interpolation", "sinc"));
            var pcmStream = new AudioInputStream(new ByteArrayInputStream(pcmBytes), pcm, frames);
            out = convert(pcmStream, target, description).readAllBytes();
            // The resampler flushes its filter at the end: keep exactly the source's length at the new rate.
            long expected = Math.round(frames * (double) DecodedAudio.SAMPLE_RATE / rate) * 2L * channels;
            if (out.length > expected) {
                out = Arrays.copyOf(out, (int) expected);
            }
        }
        return new DecodedAudio(description, deinterleave(out, channels));
    }

    private static boolean sameFormat(AudioFormat a, AudioFormat b) {
        return a.getEncoding().equals(b.getEncoding()) && a.getSampleSizeInBits() == b.getSampleSizeInBits()
                && a.isBigEndian() == b.isBigEndian() && a.getChannels() == b.getChannels();
    }

    private static AudioInputStream convert(AudioInputStream in, AudioFormat target, String description)
            throws InvalidAudioException {
        try {
            return AudioSystem.getAudioInputStream(target, in);
        } catch (IllegalArgumentException e) {
            throw new InvalidAudioException("unsupported encoding: no decoder converts " + description
                    + " (" + in.getFormat() + ") to PCM", e);
        }
    }

    /** Reads 16-bit frames until the end, failing as soon as the duration limit is passed. */
    private static byte[] readAll(AudioInputStream in, float rate, int channels, Duration maxDuration)
            throws IOException, InvalidAudioException {
        long limitBytes = (long) Math.ceil(maxDuration.toMillis() / 1000.0 * rate) * 2L * channels;
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        int idle = 0;
        while ((n = in.read(buf)) != -1 && idle < 1000) {
            idle = n == 0 ? idle + 1 : 0; // some decoders return 0 bytes while they fill their buffers
            out.write(buf, 0, n);
            if (out.size() > limitBytes + 2L * channels) {
                throw new InvalidAudioException("recording is longer than the limit of " + format(maxDuration));
            }
        }
        return out.toByteArray();
    }

    private static void checkDuration(long frames, float rate, Duration maxDuration) throws InvalidAudioException {
        Duration d = Duration.ofMillis((long) (frames * 1000.0 / rate));
        if (d.compareTo(maxDuration) > 0) {
            throw new InvalidAudioException("recording is " + format(d) + " long, over the limit of "
                    + format(maxDuration));
        }
    }

    private static List<short[]> deinterleave(byte[] pcm, int channels) {
        int frames = pcm.length / (2 * channels);
        var result = new ArrayList<short[]>(channels);
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < channels; c++) {
            short[] s = new short[frames];
            for (int i = 0; i < frames; i++) {
                s[i] = b.getShort((i * channels + c) * 2);
            }
            result.add(s);
        }
        return result;
    }

    // ---- Recognising containers -----------------------------------------------------------------------------------

    private static Container sniff(byte[] b) {
        if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
            return Container.WAV;
        }
        if (b.length >= 4 && ascii(b, 0, "fLaC")) {
            return Container.FLAC;
        }
        if (b.length >= 4 && ascii(b, 0, "OggS")) {
            return Container.OGG;
        }
        if (b.length >= 10 && ascii(b, 0, "ID3")) {
            return Container.MP3;
        }
        if (b.length >= 4 && isMpegFrameHeader(b, 0)) {
            return Container.MP3;
        }
        return Container.UNKNOWN;
    }

    /** An MPEG audio frame header: 11 sync bits, then a valid version, layer, bit rate and sample rate. */
    private static boolean isMpegFrameHeader(byte[] b, int i) {
        int h = ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
        return (h >>> 21) == 0x7FF && ((h >>> 19) & 3) != 1 && ((h >>> 17) & 3) != 0
                && ((h >>> 12) & 0xF) != 0xF && ((h >>> 12) & 0xF) != 0 && ((h >>> 10) & 3) != 3;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static Container claimed(Path file) {
        return switch (extension(file)) {
            case "wav", "wave" -> Container.WAV;
            case "mp3" -> Container.MP3;
            case "flac" -> Container.FLAC;
            case "ogg", "oga" -> Container.OGG;
            default -> Container.UNKNOWN;
        };
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String rate(AudioFormat f) {
        return Math.round(f.getSampleRate()) + " Hz";
    }

    private static String channelName(AudioFormat f) {
        return f.getChannels() == 1 ? "mono" : "stereo";
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
