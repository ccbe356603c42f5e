package dev.vigil.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Category;
import dev.vigil.model.Signal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Scores an {@code evaluations.jsonl} against a {@code labels.csv}: a category counts as found in an interaction when
 * any of its findings of the chosen signals has that category. Streams the evaluations; holds only the found
 * categories per labelled id.
 *
 * <p>Counting only {@link Signal#RULE} findings of a night that ran the tone classifier measures the rules alone, and
 * counting every signal measures the combination, from the same evaluations.
 */
public final class LabelEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VOCABULARY = new HashSet<>();

    static {
        for (Category c : Category.values()) {
            VOCABULARY.add(c.code());
        }
    }

    private LabelEvaluation() {
    }

    /** A human label: whether {@code category} is expected in {@code interactionId}. */
    public record Label(String interactionId, String category, boolean expected) {
    }

    /**
     * @param signals the kinds of finding that count; a finding without a {@code signal} field is a rule's
     * @throws IllegalArgumentException naming the file and line of a malformed label or evaluation
     */
    public static EvaluationReport evaluate(Path evaluations, Path labels, Split split, Set<Signal> signals)
            throws IOException {
        List<Label> all = readLabels(labels);
        var wanted = new HashSet<String>();
        for (Label l : all) {
            if (split.contains(l.interactionId())) {
                wanted.add(l.interactionId());
            }
        }
        Map<String, Set<String>> found = readFound(evaluations, wanted, signals);
        var counts = new TreeMap<String, int[]>();
        var unknown = new TreeMap<String, Integer>();
        var missing = new TreeMap<String, Boolean>();
        for (Label l : all) {
            if (!split.contains(l.interactionId())) {
                continue;
            }
            if (!VOCABULARY.contains(l.category())) {
                unknown.merge(l.category(), 1, Integer::sum);
                continue;
            }
            Set<String> cats = found.get(l.interactionId());
            if (cats == null) {
                missing.put(l.interactionId(), true);
                cats = Set.of();
            }
            boolean hit = cats.contains(l.category());
            int[] c = counts.computeIfAbsent(l.category(), k -> new int[4]);
            c[l.expected() ? (hit ? 0 : 2) : (hit ? 1 : 3)]++;
        }
        var scores = new ArrayList<CategoryScore>();
        counts.forEach((cat, c) -> scores.add(new CategoryScore(cat, c[0], c[1], c[2], c[3])));
        var unknownList = new ArrayList<String>();
        unknown.forEach((cat, n) -> unknownList.add(cat + " (" + n + " labels)"));
        return new EvaluationReport(scores, unknownList, List.copyOf(missing.keySet()), split);
    }

    static List<Label> readLabels(Path labels) throws IOException {
        var out = new ArrayList<Label>();
        try (Reader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8);
             var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                     .parse(r)) {
            for (String col : List.of("interaction_id", "category", "expected")) {
                if (!parser.getHeaderMap().containsKey(col)) {
                    throw new IllegalArgumentException(labels + ": missing column '" + col
                            + "' (expected interaction_id,category,expected)");
                }
            }
            for (CSVRecord rec : parser) {
                String expected = rec.get("expected");
                if (!expected.equals("0") && !expected.equals("1")) {
                    throw new IllegalArgumentException(labels + ": line " + rec.getParser().getCurrentLineNumber()
                            + ": expected must be 0 or 1, not '" + expected + "'");
                }
                out.add(new Label(rec.get("interaction_id"), rec.get("category"), expected.equals("1")));
            }
        }
        return out;
    }

    private static Map<String, Set<String>> readFound(Path evaluations, Set<String> wanted, Set<Signal> signals)
            throws IOException {
        var found = new HashMap<String, Set<String>>();
        try (BufferedReader r = Files.newBufferedReader(evaluations, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e;
                try {
                    e = JSON.readTree(line);
                } catch (IOException ex) {
                    throw new IllegalArgumentException(evaluations + ": line " + n + " is not JSON: "
                            + ex.getMessage(), ex);
                }
                String id = e.path("interaction_id").asText("");
                if (!wanted.contains(id)) {
                    continue;
                }
                var cats = new HashSet<String>();
                for (JsonNode f : e.path("findings")) {
                    if (signals.contains(signalOf(f))) {
                        cats.add(f.path("category").asText());
                    }
                }
                found.put(id, cats);
            }
        }
        return found;
    }

    private static Signal signalOf(JsonNode finding) {
        String code = finding.path("signal").asText(Signal.RULE.code());
        for (Signal s : Signal.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return Signal.RULE;
    }
}
