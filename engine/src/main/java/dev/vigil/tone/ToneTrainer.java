package dev.vigil.tone;

import dev.vigil.model.Language;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the tone models from labelled examples: a tone folder holds {@code tone.yaml} and, per model,
 * {@code <lang>/<category>.tsv} with one example per line, {@code 1<TAB>text} for texts that show the category and
 * {@code 0<TAB>text} for texts that do not (blank lines and lines starting with {@code #} are skipped). The build runs
 * {@link #main} on the default folder; a team can run it on its own. Training is deterministic: the same examples and
 * settings give the same model.
 *
 * <pre>{@code
 * java -cp vigil-engine.jar:... dev.vigil.tone.ToneTrainer my-tone-folder my-tone-folder
 * }</pre>
 */
public final class ToneTrainer {
    private ToneTrainer() {
    }

    /** One labelled example. */
    public record Example(boolean positive, String text) {
        public Example {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Trains every model (enabled or not) of {@code args[0]/tone.yaml} from the folder's examples and writes
     * {@code <lang>-<category>.bin} files into {@code args[1]}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ToneTrainer <tone folder with tone.yaml and <lang>/<category>.tsv> <output folder>");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path yaml = source.resolve(ToneConfig.FILE);
        ToneConfig config = ToneConfig.parse(Files.readString(yaml, StandardCharsets.UTF_8), yaml.toString());
        Files.createDirectories(out);
        for (ToneModelSpec spec : config.models()) {
            Path data = source.resolve(spec.dataFile());
            List<Example> examples = readExamples(data);
            DoccatModel model = train(spec.language(), examples, config.training());
            try (OutputStream o = Files.newOutputStream(out.resolve(spec.modelFile()))) {
                model.serialize(o);
            }
            long positive = examples.stream().filter(Example::positive).count();
            System.out.printf("tone: %s trained on %d examples (%d positive) -> %s%n", spec.name(), examples.size(),
                    positive, out.resolve(spec.modelFile()));
        }
        if (!source.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            Files.copy(yaml, out.resolve(ToneConfig.FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads a {@code label<TAB>text} file.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed example
     */
    public static List<Example> readExamples(Path tsv) throws IOException {
        var out = new ArrayList<Example>();
        int n = 0;
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String label = tab < 0 ? "" : line.substring(0, tab).strip();
            if (!label.equals(ToneModel.POSITIVE) && !label.equals(ToneModel.NEGATIVE)) {
                throw new IllegalArgumentException(tsv + ": line " + n + ": expected '1<TAB>text' or '0<TAB>text'");
            }
            out.add(new Example(label.equals(ToneModel.POSITIVE), line.substring(tab + 1).strip()));
        }
        return out;
    }

    /**
     * Trains one model.
     *
     * @throws IllegalArgumentException when the examples lack either label
     */
    public static DoccatModel train(Language language, List<Example> examples, ToneConfig.Training training) {
        if (examples.stream().noneMatch(Example::positive) || examples.stream().allMatch(Example::positive)) {
            throw new IllegalArgumentException("training needs examples of both labels");
        }
        var samples = new ArrayList<DocumentSample>(examples.size());
        for (Example e : examples) {
            samples.add(new DocumentSample(e.positive() ? ToneModel.POSITIVE : ToneModel.NEGATIVE,
                    ToneFeatures.names(e.text(), language)));
        }
        var params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, training.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, training.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, training.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        if (training.algorithm().equals("MAXENT_QN")) {
            params.put("L1Cost", 0.0);
            params.put("L2Cost", training.l2());
        }
        params.put("PrintMessages", false);
        try {
            return DocumentCategorizerME.train(language.code(), new CollectionObjectStream<>(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
        } catch (IOException e) {
            throw new UncheckedIOException("training failed", e); // reading an in-memory stream does not fail
        }
    }
}
