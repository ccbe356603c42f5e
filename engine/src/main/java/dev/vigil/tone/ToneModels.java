package dev.vigil.tone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tone models the engine runs, loaded once from a tone folder: {@code tone.yaml} and the
 * {@code <lang>-<category>.bin} files {@link ToneTrainer} wrote. The default folder is {@code vigil-tone/} in the
 * {@code vigil-rules} jar. Disabled models are not loaded. Immutable and thread-safe.
 */
public final class ToneModels {
    /** The classpath folder of the default models. */
    public static final String CLASSPATH_FOLDER = "vigil-tone/";

    private final String source;
    private final List<ToneModel> models;

    private ToneModels(String source, List<ToneModel> models) {
        this.source = source;
        this.models = List.copyOf(models);
    }

    /** No models: the engine runs on rules alone. */
    public static ToneModels none() {
        return new ToneModels("none", List.of());
    }

    /** The given models, for tests and measurements. */
    public static ToneModels of(List<ToneModel> models) {
        return new ToneModels("given", models);
    }

    /**
     * The enabled default models from the {@code vigil-rules} jar; none when the classpath has no
     * {@code vigil-tone/tone.yaml} (the rules jar is absent).
     *
     * @throws IllegalStateException when an enabled model's file is missing or unreadable
     */
    public static ToneModels classpath() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return classpath(cl == null ? ToneModels.class.getClassLoader() : cl, false);
    }

    /**
     * The models of {@code vigil-tone/} on {@code loader}'s classpath; with {@code everyModel}, disabled ones too
     * (for measuring them). None when there is no {@code tone.yaml}.
     */
    public static ToneModels classpath(ClassLoader loader, boolean everyModel) {
        String yamlPath = CLASSPATH_FOLDER + ToneConfig.FILE;
        String yaml;
        try (InputStream in = loader.getResourceAsStream(yamlPath)) {
            if (in == null) {
                return none();
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + yamlPath, e);
        }
        ToneConfig config = ToneConfig.parse(yaml, "classpath:" + yamlPath);
        var models = new ArrayList<ToneModel>();
        for (ToneModelSpec spec : config.models()) {
            if (!spec.enabled() && !everyModel) {
                continue;
            }
            String path = CLASSPATH_FOLDER + spec.modelFile();
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("tone model " + path + " is not on the classpath: was the "
                            + "vigil-rules jar built with its training step?");
                }
                models.add(ToneModel.read(spec, in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read tone model " + path + ": " + e.getMessage(), e);
            }
        }
        return new ToneModels("classpath:" + CLASSPATH_FOLDER, models);
    }

    /**
     * The enabled models of a tone folder on disk (for example one a team trained on its own examples).
     *
     * @throws IllegalArgumentException when the folder has no {@code tone.yaml}
     * @throws IllegalStateException    when an enabled model's file is missing or unreadable
     */
    public static ToneModels directory(Path dir) {
        Path yaml = dir.resolve(ToneConfig.FILE);
        if (!Files.isRegularFile(yaml)) {
            throw new IllegalArgumentException("tone folder " + dir + " has no " + ToneConfig.FILE);
        }
        try {
            ToneConfig config = ToneConfig.parse(Files.readString(yaml, StandardCharsets.UTF_8), yaml.toString());
            var models = new ArrayList<ToneModel>();
            for (ToneModelSpec spec : config.models()) {
                if (!spec.enabled()) {
                    continue;
                }
                Path file = dir.resolve(spec.modelFile());
                try (InputStream in = Files.newInputStream(file)) {
                    models.add(ToneModel.read(spec, in));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read tone model " + file + ": " + e.getMessage(), e);
                }
            }
            return new ToneModels(dir.toString(), models);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }

    /** The loaded models. */
    public List<ToneModel> models() {
        return models;
    }

    @Override
    public String toString() {
        return source + models.stream().map(m -> m.spec().name()).toList();
    }
}
