package dev.vigil.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which inbox files are call recordings and which are their sidecars ({@code <same name>.json} beside the audio).
 * A sidecar describes its recording and is not an interaction of its own.
 */
public final class CallFiles {
    /** The extensions of the audio formats calls arrive in (lower case, without the dot). */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "mp3", "flac", "ogg", "oga");

    private CallFiles() {
    }

    /** Whether the file's extension is an audio format's. */
    public static boolean isAudio(Path file) {
        return AUDIO_EXTENSIONS.contains(extension(file));
    }

    /** Whether the file is the {@code .json} sidecar of a recording beside it with the same base name. */
    public static boolean isSidecar(Path file) {
        if (!extension(file).equals("json")) {
            return false;
        }
        String base = baseName(file);
        Path dir = file.toAbsolutePath().getParent();
        return AUDIO_EXTENSIONS.stream().anyMatch(ext -> Files.isRegularFile(dir.resolve(base + "." + ext))
                || Files.isRegularFile(dir.resolve(base + "." + ext.toUpperCase(Locale.ROOT))));
    }

    /** The sidecar of a recording, when there is one. */
    public static Optional<Path> sidecarOf(Path audio) {
        Path sidecar = audio.resolveSibling(baseName(audio) + ".json");
        return Files.isRegularFile(sidecar) ? Optional.of(sidecar) : Optional.empty();
    }

    private static String extension(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
