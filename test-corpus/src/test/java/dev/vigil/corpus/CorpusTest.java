package dev.vigil.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.config.Inbox;
import dev.vigil.config.InboxLoader;
import dev.vigil.engine.QaEngine;
import dev.vigil.ingest.Ingestor;
import dev.vigil.ingest.RejectedInputException;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Finding;
import dev.vigil.model.ItemResult;
import dev.vigil.rules.RuleSource;
import dev.vigil.speech.InboxSpeech;
import dev.vigil.speech.SphinxTranscriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the sample inbox against its hand labels (categories a careful reviewer expects present or absent,
 * and whether it should pass) and against its golden result, compared exactly. Regenerate the golden files after an
 * intended change with {@code mvn -pl test-corpus test -Dvigil.golden.update=true} and review the diff.
 */
class CorpusTest {
    static final Path INBOX = Path.of("inbox");
    static final Path EXPECTED = Path.of("expected");
    static final Path GOLDEN = EXPECTED.resolve("golden");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    static Inbox inbox;
    static QaEngine engine;
    static Ingestor ingestor;
    static SphinxTranscriber transcriber;

    /** One labelled case. */
    record Case(String id, Path file, Set<String> present, Set<String> absent, boolean passed, String note) {
        @Override
        public String toString() {
            return id;
        }
    }

    @BeforeAll
    static void loadEngine() {
        inbox = InboxLoader.load(INBOX);
        engine = QaEngine.load(RuleSource.classpath(), inbox.config());
        // calls are read so that the Russian ones are rejected for the reason a user sees; none is transcribed here
        transcriber = new SphinxTranscriber(inbox.config().calls().models());
        ingestor = InboxSpeech.ingestor(inbox, transcriber);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
        transcriber.close();
    }

    static List<Case> cases() throws IOException {
        var cases = new ArrayList<Case>();
        try (Stream<Path> files = Files.list(EXPECTED)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("quarantine.yaml")).sorted().toList()) {
                JsonNode n = YAML.readTree(p.toFile());
                if (n.path("channel").asText().equals("call")) {
                    continue; // calls are measured by CallCorpusTest, once each
                }
                cases.add(new Case(n.path("id").asText(), Path.of(n.path("file").asText()), strings(n.path("present")),
                        strings(n.path("absent")), n.path("passed").asBoolean(), n.path("note").asText("")));
            }
        }
        return cases;
    }

    private static Set<String> strings(JsonNode array) {
        var out = new TreeSet<String>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Evaluation evaluate(Case c) throws RejectedInputException {
        return engine.evaluate(ingestor.read(c.file()));
    }

    @Test
    void theCorpusHasAtLeastThirtyChatsAndTenEmailsInBothLanguages() throws IOException {
        List<Case> all = cases();
        assertThat(all.stream().filter(c -> c.file().toString().contains("chats/"))).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all.stream().filter(c -> c.file().toString().contains("emails/"))).hasSizeGreaterThanOrEqualTo(10);
        assertThat(all.stream().map(Case::id)).anyMatch(id -> id.startsWith("ru-")).anyMatch(id -> id.startsWith("en-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsWhatAReviewerExpectsAndNothingTheyRuledOut(Case c) throws Exception {
        Evaluation e = evaluate(c);
        Set<String> found = new TreeSet<>();
        for (Finding f : e.findings()) {
            found.add(f.category().code());
        }
        assertThat(found).as("%s (%s): found categories", c.id(), c.note()).containsAll(c.present());
        assertThat(found).as("%s (%s): found categories", c.id(), c.note()).doesNotContainAnyElementsOf(c.absent());
        assertThat(e.passed()).as("%s passed (score %.1f, %s)", c.id(), e.score(), c.note()).isEqualTo(c.passed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesItsGoldenResult(Case c) throws Exception {
        String actual = golden(evaluate(c));
        Path file = GOLDEN.resolve(c.id() + ".json");
        if (Boolean.getBoolean("vigil.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file; create it with -Dvigil.golden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void everyBadFileIsRejectedWithItsStageAndReason() throws Exception {
        JsonNode expected = YAML.readTree(EXPECTED.resolve("quarantine.yaml").toFile());
        JsonNode list = expected.path("quarantined");
        assertThat(list.size()).isGreaterThanOrEqualTo(6);
        for (JsonNode q : list) {
            Path file = Path.of(q.path("file").asText());
            RejectedInputException r = catchThrowableOfType(() -> ingestor.read(file), RejectedInputException.class);
            assertThat(r).as("%s should be rejected", file).isNotNull();
            assertThat(r.stage()).as("stage of %s", file).isEqualTo(q.path("stage").asText());
            assertThat(r.reason().toLowerCase()).as("reason for %s", file)
                    .contains(q.path("reason_contains").asText().toLowerCase());
        }
    }

    /** The part of an evaluation a golden file pins: score, verdicts and evidence. Stable, readable JSON. */
    static String golden(Evaluation e) throws IOException {
        ObjectNode g = JSON.createObjectNode();
        g.put("interaction_id", e.interaction().id());
        g.put("language", e.interaction().language().code());
        g.put("score", e.score());
        g.put("passed", e.passed());
        g.put("auto_fail", e.autoFail());
        g.put("scorecard", e.scorecard());
        ArrayNode findings = g.putArray("findings");
        for (Finding f : e.findings()) {
            findings.addObject().put("rule", f.ruleId()).put("category", f.category().code())
                    .put("speaker", f.speaker().code()).put("turn", f.turn()).put("text", f.text());
        }
        ArrayNode items = g.putArray("items");
        for (ItemResult r : e.items()) {
            items.addObject().put("id", r.itemId()).put("outcome", r.outcome().code());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(g) + "\n";
    }
}
