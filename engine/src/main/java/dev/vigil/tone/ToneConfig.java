package dev.vigil.tone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.model.Category;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tone classifier's settings, read from {@code tone.yaml}: how models are trained and which models exist.
 * Immutable.
 *
 * <pre>{@code
 * training: {algorithm: MAXENT_QN, iterations: 300, cutoff: 1, l2: 1.0}
 * models:
 *   - {language: en, category: complaint, speaker: customer, enabled: true, threshold: 0.8, combine: union}
 * }</pre>
 * {@code combine: union} (the only way so far) adds a classifier finding to a turn that has no rule finding of the
 * model's category.
 *
 * @param training how every model is trained
 * @param models   the models, at most one per language and category
 */
public record ToneConfig(Training training, List<ToneModelSpec> models) {
    /** The file name of the settings in a tone folder. */
    public static final String FILE = "tone.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ToneConfig {
        Objects.requireNonNull(training, "training");
        models = List.copyOf(models);
    }

    /**
     * OpenNLP training parameters; training with fixed parameters is deterministic.
     *
     * @param algorithm  OpenNLP's trainer name: {@code MAXENT} (GIS) or {@code MAXENT_QN} (L-BFGS)
     * @param iterations training iterations
     * @param cutoff     features seen fewer times than this in the training data are dropped
     * @param l2         L2 regularisation cost for {@code MAXENT_QN} (larger: smaller weights, less over-fitting); 0 for
     *                   none; ignored by GIS
     */
    public record Training(String algorithm, int iterations, int cutoff, double l2) {
        public Training {
            Objects.requireNonNull(algorithm, "algorithm");
            if (iterations < 1 || cutoff < 0 || l2 < 0) {
                throw new IllegalArgumentException("iterations must be positive, cutoff and l2 not negative");
            }
        }
    }

    /**
     * Parses {@code tone.yaml}.
     *
     * @param source what to name in error messages
     * @throws IllegalArgumentException naming the source and the problem
     */
    public static ToneConfig parse(String yaml, String source) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("not a YAML mapping");
            }
            JsonNode t = root.path("training");
            var training = new Training(t.path("algorithm").asText("MAXENT"), t.path("iterations").asInt(300),
                    t.path("cutoff").asInt(1), t.path("l2").asDouble(0));
            var models = new ArrayList<ToneModelSpec>();
            Set<String> seen = new HashSet<>();
            int i = 0;
            for (JsonNode m : root.path("models")) {
                i++;
                for (String key : List.of("language", "category", "speaker", "threshold")) {
                    if (!m.hasNonNull(key)) {
                        throw new IllegalArgumentException("model " + i + ": '" + key + "' is missing");
                    }
                }
                String combine = m.path("combine").asText("union");
                if (!combine.equals("union")) {
                    throw new IllegalArgumentException("model " + i + ": combine must be 'union', not '" + combine
                            + "'");
                }
                var spec = new ToneModelSpec(Language.fromCode(m.get("language").asText()),
                        Category.fromCode(m.get("category").asText()), Speaker.fromCode(m.get("speaker").asText()),
                        m.path("enabled").asBoolean(true), m.get("threshold").asDouble());
                if (!seen.add(spec.name())) {
                    throw new IllegalArgumentException("model " + i + ": " + spec.name() + " is declared twice");
                }
                models.add(spec);
            }
            return new ToneConfig(training, models);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }
}
