package dev.vigil.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/** Decodes file bytes to text strictly, so that a wrong charset is a precise rejection and never mojibake. */
final class TextDecoder {
    /** Legacy charsets that exports from Russian and Western desktop tools use. */
    private static final Set<String> LEGACY = Set.of("windows-1251", "koi8-r", "ibm866", "iso-8859-5",
            "windows-1252", "iso-8859-1", "utf-16le", "utf-16be");
    /** The least {@link CharsetMatch#getConfidence()} (0-100) considered for a legacy charset. */
    static final int MIN_CONFIDENCE = 10;
    /** The least {@link #plausibility} accepted for a legacy charset. */
    static final double MIN_PLAUSIBILITY = 0.6;
    /** From this share of well-formed UTF-8 among non-ASCII bytes, an invalid UTF-8 file is corrupt, not legacy. */
    static final double MIXED_UTF8_SHARE = 0.5;

    private TextDecoder() {
    }

    /** Decodes strict UTF-8 (a BOM is allowed and dropped), else rejects naming the first bad byte. */
    static String utf8(InputFile file, ReadContext context) throws RejectedInputException {
        return decodeStrict(file.bytes(), StandardCharsets.UTF_8, context, "");
    }

    /**
     * Decodes an export: strict UTF-8 first, else the Cyrillic or Western legacy charset among Tika's
     * {@link CharsetDetector} candidates that gives the most {@link #plausibility plausible} text, else rejects.
     */
    static String export(InputFile file, ReadContext context) throws RejectedInputException {
        return export(file.bytes(), context);
    }

    /** Like {@link #export(InputFile, ReadContext)}, for bytes of a part of a file. */
    static String export(byte[] bytes, ReadContext context) throws RejectedInputException {
        var decoded = tryDecode(bytes, StandardCharsets.UTF_8);
        if (decoded.text() != null) {
            return stripBom(decoded.text());
        }
        double utf8 = utf8Share(bytes);
        if (utf8 >= MIXED_UTF8_SHARE) {
            throw context.reject(String.format(Locale.ROOT, "undecodable charset: mixed encodings (%.0f %% of the "
                    + "non-ASCII bytes are UTF-8, the rest are not: %s)", utf8 * 100, decoded.problem()));
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        String best = null;
        double bestRank = 0;
        for (CharsetMatch match : detector.detectAll()) {
            String name = match.getName().toLowerCase(Locale.ROOT);
            if (match.getConfidence() < MIN_CONFIDENCE || !LEGACY.contains(name) || !Charset.isSupported(name)) {
                continue;
            }
            var legacy = tryDecode(bytes, Charset.forName(name));
            double plausibility = legacy.text() == null ? 0 : plausibility(legacy.text());
            double rank = plausibility * 100 + match.getConfidence();
            if (plausibility >= MIN_PLAUSIBILITY && rank > bestRank) {
                best = legacy.text();
                bestRank = rank;
            }
        }
        if (best != null) {
            return stripBom(best);
        }
        throw context.reject("undecodable charset: " + decoded.problem()
                + " and no Cyrillic or Western charset recognised with confidence");
    }

    /**
     * How much a decoded text looks like real Russian or Western text, in [0, 1]. Tika's detector is unsure on short
     * text (a two-line windows-1251 chat scores 20 of 100, below GB18030), so its candidates are checked: control
     * characters mean a wrong charset; Cyrillic letters outside the Russian (and Ukrainian, Belarusian) alphabet or
     * mostly in upper case mean a confusion between Cyrillic charsets (KOI8-R read as windows-1251 swaps case);
     * mostly accented Latin letters mean Cyrillic bytes read as a Western charset.
     */
    /**
     * The share of non-ASCII bytes that form well-formed UTF-8 sequences. Text in a legacy Cyrillic or Western charset
     * scores near 0; a UTF-8 file with some corrupt or foreign bytes scores high, and no single charset reads it.
     */
    static double utf8Share(byte[] bytes) {
        int nonAscii = 0;
        int inSequences = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            int len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            boolean ok = len > 0 && i + len <= bytes.length;
            for (int k = 1; ok && k < len; k++) {
                ok = (bytes[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                nonAscii += len;
                inSequences += len;
                i += len - 1;
            } else {
                nonAscii++;
            }
        }
        return nonAscii == 0 ? 0 : (double) inSequences / nonAscii;
    }

    static double plausibility(String text) {
        int cyrillic = 0;
        int standard = 0;
        int lower = 0;
        int latin = 0;
        int accented = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return 0;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
                if ((c >= '\u0410' && c <= '\u044F') || "ЁёІіЇїЄєҐґЎў".indexOf(c) >= 0) {
                    standard++;
                }
                if (Character.isLowerCase(c)) {
                    lower++;
                }
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
                if (c > 0x7F) {
                    accented++;
                }
            }
        }
        if (latin >= cyrillic && latin > 0) {
            return accented > latin * 0.2 ? 0 : 1;
        }
        if (cyrillic == 0) {
            return 1;
        }
        return (double) standard / cyrillic * (0.5 + 0.5 * lower / cyrillic);
    }

    /**
     * Decodes with a declared charset name (an email part's MIME charset).
     *
     * @param where names the part in the reason, for example {@code the text/plain part}
     */
    static String declared(byte[] bytes, String charsetName, ReadContext context, String where)
            throws RejectedInputException {
        Charset charset;
        try {
            charset = Charset.forName(charsetName.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw context.reject("unknown charset '" + charsetName + "' declared for " + where);
        }
        return decodeStrict(bytes, charset, context, " in " + where);
    }

    private static String decodeStrict(byte[] bytes, Charset charset, ReadContext context, String where)
            throws RejectedInputException {
        var decoded = tryDecode(bytes, charset);
        if (decoded.text() == null) {
            throw context.reject("undecodable charset" + where + ": " + decoded.problem());
        }
        return stripBom(decoded.text());
    }

    private record Decoded(String text, String problem) {
    }

    private static Decoded tryDecode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String bad = offset < bytes.length ? String.format(Locale.ROOT, "byte 0x%02X at offset %d",
                    bytes[offset] & 0xFF, offset) : "truncated sequence at the end";
            return new Decoded(null, "not valid " + charset.name() + " (" + bad + ")");
        }
        out.flip();
        return new Decoded(out.toString(), "");
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

}
