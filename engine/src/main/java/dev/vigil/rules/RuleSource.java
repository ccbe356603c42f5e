package dev.vigil.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where rule packs, scorecards and morphology files come from: the default {@code vigil-rules} jar on the classpath,
 * or a directory with the same layout ({@code packs/<lang>/*.yaml}, {@code scorecards/*.yaml},
 * {@code trainings/*.yaml}, {@code morphology/<lang>.txt}).
 * Immutable; the content is read when the source is created.
 */
public final class RuleSource {
    /** Classpath folder of the default content; {@code index.txt} in it lists every file. */
    public static final String CLASSPATH_ROOT = "vigil/";
    /** Folder of the morphology files, {@code <lang>.txt} in Solr synonym format. */
    public static final String MORPHOLOGY = "morphology";

    private final String description;
    private final List<NamedResource> packs;
    private final List<NamedResource> scorecards;
    private final List<NamedResource> trainings;
    private final List<NamedResource> morphology;

    /** A YAML document and the name (relative path) that errors should mention. */
    public record NamedResource(String name, String content) {
        /** Strict YAML: a key given twice in one mapping is an error, not silently the last value. */
        private static final YAMLMapper YAML = YAMLMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

        public NamedResource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }

        /**
         * The content parsed as YAML; empty, with {@code "<name>: not valid YAML: ..."} added to {@code problems},
         * when it does not parse. An empty document (or only comments) is a missing node.
         */
        public Optional<JsonNode> yaml(List<String> problems) {
            try {
                JsonNode root = YAML.readTree(content);
                return Optional.of(root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root);
            } catch (JsonProcessingException e) {
                problems.add(name + ": not valid YAML: " + e.getOriginalMessage());
                return Optional.empty();
            }
        }
    }

    private RuleSource(String description, List<NamedResource> packs, List<NamedResource> scorecards,
                       List<NamedResource> trainings, List<NamedResource> morphology) {
        this.description = description;
        this.packs = List.copyOf(packs);
        this.scorecards = List.copyOf(scorecards);
        this.trainings = List.copyOf(trainings);
        this.morphology = List.copyOf(morphology);
    }

    /** The default packs and scorecards shipped in the {@code vigil-rules} jar. */
    public static RuleSource classpath() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = RuleSource.class.getClassLoader();
        }
        String index = readResource(cl, CLASSPATH_ROOT + "index.txt");
        var packs = new ArrayList<NamedResource>();
        var cards = new ArrayList<NamedResource>();
        var trainings = new ArrayList<NamedResource>();
        var morph = new ArrayList<NamedResource>();
        for (String line : index.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            var res = new NamedResource(name, readResource(cl, CLASSPATH_ROOT + name));
            (name.startsWith("scorecards/") ? cards : name.startsWith("trainings/") ? trainings
                    : name.startsWith(MORPHOLOGY + "/") ? morph : packs).add(res);
        }
        return new RuleSource("classpath:" + CLASSPATH_ROOT, packs, cards, trainings, morph);
    }

    /** The directory's content when one is given, else the default content on the classpath. */
    public static RuleSource directoryOrDefault(Optional<Path> dir) {
        return dir.map(RuleSource::directory).orElseGet(RuleSource::classpath);
    }

    /**
     * Reads a directory laid out like the default content. Packs are the {@code *.yaml} files under
     * {@code packs/}, scorecards those under {@code scorecards/}, and training-uptake packs those under
     * {@code trainings/} (read by {@code dev.vigil.uptake.TrainingLoader}, not as rule packs).
     */
    public static RuleSource directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("rules directory " + dir + " does not exist or is not a directory");
        }
        return new RuleSource(dir.toString(), readTree(dir, List.of(".yaml", ".yml"), "packs"),
                readTree(dir, List.of(".yaml", ".yml"), "scorecards"), readTree(dir, List.of(".yaml", ".yml"), "trainings"),
                readTree(dir, List.of(".txt"), MORPHOLOGY));
    }

    /** A source of the given packs and morphology files only, for tests and tools. */
    public static RuleSource of(List<NamedResource> packs, List<NamedResource> morphology) {
        return new RuleSource("inline", packs, List.of(), List.of(), morphology);
    }

    private static List<NamedResource> readTree(Path dir, List<String> extensions, String... subdirs) {
        var out = new ArrayList<NamedResource>();
        for (String sub : subdirs) {
            Path root = dir.resolve(sub);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> extensions.stream().anyMatch(x -> p.toString().endsWith(x)))
                        .sorted().toList()) {
                    out.add(new NamedResource(dir.relativize(f).toString().replace('\\', '/'),
                            Files.readString(f, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rules under " + root, e);
            }
        }
        return out;
    }

    private static String readResource(ClassLoader cl, String path) {
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + path
                        + " not found: is vigil-rules on the classpath?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        }
    }

    /** Rule pack YAML documents, sorted by name. */
    public List<NamedResource> packs() {
        return packs;
    }

    /** Morphology files ({@code morphology/<lang>.txt}, Solr synonym format), sorted by name. */
    public List<NamedResource> morphology() {
        return morphology;
    }

    /** Scorecard YAML documents, sorted by name. */
    public List<NamedResource> scorecards() {
        return scorecards;
    }

    /** Training-uptake pack YAML documents ({@code trainings/*.yaml}), sorted by name; often empty. */
    public List<NamedResource> trainings() {
        return trainings;
    }

    @Override
    public String toString() {
        return description;
    }
}
