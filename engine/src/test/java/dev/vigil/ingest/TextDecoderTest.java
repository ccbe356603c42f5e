package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.config.Inbox;
import dev.vigil.config.InboxConfig;
import dev.vigil.config.Roster;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    private static final String SHORT_RUSSIAN = "[2026-11-21 09:00:01] Оператор Анна: Добрый день!\n"
            + "[2026-11-21 09:00:09] Клиент Пётр: Да\n";
    private final ReadContext context = new ReadContext(Path.of("chat.txt"),
            new Inbox(Path.of("inbox"), InboxConfig.defaults(), Roster.absent()));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"windows-1251", "KOI8-R", "IBM866", "UTF-8"})
    void decodesAShortRussianExportInALegacyCharset(String charset) throws RejectedInputException {
        byte[] bytes = SHORT_RUSSIAN.getBytes(Charset.forName(charset));

        assertThat(TextDecoder.export(bytes, context)).isEqualTo(SHORT_RUSSIAN);
    }

    @Test
    void decodesAWesternExportInWindows1252() throws RejectedInputException {
        String text = "[2026-11-21 09:00:01] Agent John: Hello Zoë, the café is open until 9.\n";

        assertThat(TextDecoder.export(text.getBytes(Charset.forName("windows-1252")), context)).isEqualTo(text);
    }

    @Test
    void dropsAUtf8ByteOrderMark() throws RejectedInputException {
        byte[] bytes = ("\uFEFF" + SHORT_RUSSIAN).getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoder.export(bytes, context)).isEqualTo(SHORT_RUSSIAN);
    }

    @Test
    void rejectsAUtf8ExportWithForeignBytesAsMixedEncodingsRatherThanGuessingALegacyCharset() {
        // given a UTF-8 export into which one line of windows-1251 was pasted
        byte[] utf8 = SHORT_RUSSIAN.getBytes(StandardCharsets.UTF_8);
        byte[] cp1251 = "[2026-11-21 09:00:20] Клиент Пётр: Спасибо\n".getBytes(Charset.forName("windows-1251"));
        byte[] mixed = new byte[utf8.length + cp1251.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(cp1251, 0, mixed, utf8.length, cp1251.length);

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> TextDecoder.export(mixed, context));

        assertThat(e.reason()).startsWith("undecodable charset: mixed encodings");
    }

    @Test
    void legacyCyrillicTextHasAlmostNoWellFormedUtf8() {
        assertThat(TextDecoder.utf8Share(SHORT_RUSSIAN.getBytes(Charset.forName("windows-1251")))).isLessThan(0.2);
        assertThat(TextDecoder.utf8Share(SHORT_RUSSIAN.getBytes(StandardCharsets.UTF_8))).isEqualTo(1.0);
    }

    @Test
    void rejectsBinaryNoiseNamingTheFirstBadByte() {
        byte[] noise = new byte[300];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (0x80 + (i * 37) % 0x7F);
        }
        noise[0] = 'A';

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> TextDecoder.export(noise, context));

        assertThat(e.reason()).startsWith("undecodable charset: not valid UTF-8 (byte 0xA5 at offset 1)");
    }

    @Test
    void findsCyrillicReadInTheWrongCyrillicCharsetImplausible() {
        byte[] koi8 = "Добрый день, чем могу помочь?".getBytes(Charset.forName("KOI8-R"));
        String wrong = new String(koi8, Charset.forName("windows-1251"));

        assertThat(TextDecoder.plausibility("Добрый день, чем могу помочь?")).isEqualTo(1.0 * (0.5 + 0.5 * 22 / 23));
        assertThat(TextDecoder.plausibility(wrong)).isLessThan(TextDecoder.MIN_PLAUSIBILITY);
        assertThat(TextDecoder.plausibility(new String(koi8, Charset.forName("windows-1252"))))
                .isLessThan(TextDecoder.MIN_PLAUSIBILITY);
    }
}
