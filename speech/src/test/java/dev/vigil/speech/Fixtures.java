package dev.vigil.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the festival fixtures under {@code src/test/resources/speech/} (16 kHz 16-bit mono PCM WAV). */
final class Fixtures {
    private Fixtures() {
    }

    static short[] samples(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/speech/" + name)) {
            byte[] b = in.readAllBytes();
            int data = 44;
            short[] s = new short[(b.length - data) / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[data + 2 * i] & 0xff) | (b[data + 2 * i + 1] << 8));
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
