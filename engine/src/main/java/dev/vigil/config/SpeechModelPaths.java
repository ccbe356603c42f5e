package dev.vigil.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A user-supplied CMU Sphinx model for one language, from {@code speech.models.<language>} in {@code vigil.yaml}.
 * Relative paths are resolved against the inbox folder when the configuration is loaded.
 *
 * @param acousticModel  the acoustic model folder ({@code mdef}, {@code means}, {@code variances}, ...)
 * @param dictionary     the pronunciation dictionary; empty means the only {@code *.dic} or {@code *.dict} file in
 *                       or beside the acoustic model folder
 * @param languageModel  the language model ({@code .lm}, {@code .lm.bin} or {@code .dmp}); empty means the only
 *                       one in or beside the acoustic model folder
 */
public record SpeechModelPaths(Path acousticModel, Optional<Path> dictionary, Optional<Path> languageModel) {
    public SpeechModelPaths {
        Objects.requireNonNull(acousticModel, "acousticModel");
        Objects.requireNonNull(dictionary, "dictionary");
        Objects.requireNonNull(languageModel, "languageModel");
    }
}
