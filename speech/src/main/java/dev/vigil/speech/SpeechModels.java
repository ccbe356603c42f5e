package dev.vigil.speech;

import dev.vigil.config.SpeechModelPaths;
import dev.vigil.model.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Chooses and checks the speech model of each language: the configured {@code speech.models.<lang>} folder, else the
 * bundled en-us model for English; Russian has no bundled model. Checking reads only file names, never the models, so
 * a job can call {@link #check} before it starts. Immutable and thread-safe.
 */
public final class SpeechModels {
    /** The reason a Russian call is quarantined when no model is configured. */
    public static final String NO_RUSSIAN_MODEL =
            "no Russian acoustic model configured (set speech.models.ru in vigil.yaml; see docs/speech.md)";

    /** Files every Sphinx-format (sphinx3 continuous) acoustic model folder holds. */
    static final List<String> ACOUSTIC_FILES = List.of("mdef", "means", "variances", "transition_matrices",
            "feat.params", "noisedict");

    private final Map<Language, SpeechModelPaths> configured;

    public SpeechModels(Map<Language, SpeechModelPaths> configured) {
        this.configured = Map.copyOf(configured);
    }

    /** Whether a model is configured or bundled for {@code language}, without checking its files. */
    public boolean supports(Language language) {
        return configured.containsKey(language) || language == Language.EN;
    }

    /**
     * The model to load for {@code language}.
     *
     * @throws TranscriptionException with {@link #NO_RUSSIAN_MODEL} (or the like for another language) when none is
     *                                available, or naming the path and the missing file when a configured folder is
     *                                incomplete
     */
    public SpeechModel resolve(Language language) throws TranscriptionException {
        SpeechModelPaths paths = configured.get(language);
        if (paths != null) {
            return resolve(language, paths);
        }
        if (language == Language.EN) {
            return SpeechModel.BUNDLED_EN_US;
        }
        if (language == Language.RU) {
            throw new TranscriptionException(NO_RUSSIAN_MODEL);
        }
        throw new TranscriptionException("no " + language.code() + " acoustic model configured (set speech.models."
                + language.code() + " in vigil.yaml; see docs/speech.md)");
    }

    /**
     * Checks every configured model folder, so that a broken path stops the job before it starts.
     *
     * @throws TranscriptionException listing every problem, one per line
     */
    public void check() throws TranscriptionException {
        var problems = new ArrayList<String>();
        for (Language l : Language.values()) {
            if (configured.containsKey(l)) {
                try {
                    resolve(l);
                } catch (TranscriptionException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new TranscriptionException(String.join("\n", problems));
        }
    }

    /** Checks one configured model; see {@link #resolve(Language)}. */
    static SpeechModel resolve(Language language, SpeechModelPaths paths) throws TranscriptionException {
        String key = "speech.models." + language.code();
        Path am = paths.acousticModel().toAbsolutePath().normalize();
        if (!Files.isDirectory(am)) {
            throw new TranscriptionException(key + ": acoustic model folder " + am + " does not exist");
        }
        var missing = new ArrayList<String>();
        for (String f : ACOUSTIC_FILES) {
            if (!Files.isRegularFile(am.resolve(f))) {
                missing.add(f);
            }
        }
        if (!Files.isRegularFile(am.resolve("mixture_weights")) && !Files.isRegularFile(am.resolve("sendump"))) {
            missing.add("mixture_weights (or sendump)");
        }
        if (!missing.isEmpty()) {
            throw new TranscriptionException(key + ": acoustic model folder " + am + " lacks " + String.join(", ", missing)
                    + " (a CMU Sphinx continuous model folder holds mdef, means, variances, mixture_weights, "
                    + "transition_matrices, feat.params and noisedict)");
        }
        Path dict = file(key, "dictionary", paths.dictionary(), am, List.of(".dic", ".dict"));
        Path lm = file(key, "language model", paths.languageModel(), am, List.of(".lm", ".lm.bin", ".bin", ".dmp"));
        String name = lm.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".lm") || name.endsWith(".bin") || name.endsWith(".dmp"))) {
            throw new TranscriptionException(key + ": language model " + lm + " is not .lm, .lm.bin or .dmp");
        }
        return new SpeechModel(language, url(am), url(dict), url(lm), key + " (" + am + ")");
    }

    private static Path file(String key, String what, Optional<Path> given, Path am, List<String> suffixes)
            throws TranscriptionException {
        if (given.isPresent()) {
            Path p = given.get().toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                throw new TranscriptionException(key + ": " + what + " " + p + " does not exist");
            }
            return p;
        }
        Set<Path> found = new LinkedHashSet<>();
        for (Path dir : am.getParent() == null ? List.of(am) : List.of(am, am.getParent())) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> suffixes.stream().anyMatch(x -> p.getFileName().toString()
                                .toLowerCase(Locale.ROOT).endsWith(x)))
                        .sorted().forEach(found::add);
            } catch (IOException e) {
                throw new TranscriptionException(key + ": cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        if (found.size() != 1) {
            throw new TranscriptionException(key + ": " + (found.isEmpty() ? "no " + what + " (" + String.join(", ",
                    suffixes) + ") found" : found.size() + " candidate " + what + "s " + found + " found")
                    + " in or beside " + am + "; set the " + (what.equals("dictionary") ? "dictionary" : "language_model")
                    + " key of " + key);
        }
        return found.iterator().next();
    }

    private static String url(Path p) {
        return p.toUri().toString();
    }
}
