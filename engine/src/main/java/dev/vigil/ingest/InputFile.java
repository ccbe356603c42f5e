package dev.vigil.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One inbox file read into memory, with the media type Tika detected for it.
 *
 * @param path      where it was read from
 * @param bytes     its whole content (never modify)
 * @param mediaType the detected type without parameters, for example {@code text/plain}
 */
public record InputFile(Path path, byte[] bytes, String mediaType) {
    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
    }

    /** The file name without its folder. */
    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** The lower-case extension without the dot ({@code eml}), or an empty string. */
    public String extension() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its extension: the contract's fallback interaction id. */
    public String baseName() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
