package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.Agent;
import dev.vigil.config.Roster;
import dev.vigil.model.Channel;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.report.EvaluationJson;
import dev.vigil.report.TeamRollup;
import dev.vigil.rules.RuleSource;
import dev.vigil.uptake.TrainingLoader;
import dev.vigil.uptake.TrainingSet;
import dev.vigil.uptake.UptakeMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The agent page's training uptake in the publish step: history from earlier nights in the store, each interaction
 * once, nothing from later nights, and only for agents who attended; evaluations stored before a training was added
 * or a technique edited are measured again on their stored transcripts, once.
 */
class TrainingUptakePublishTest {
    static final LocalDate NIGHT = LocalDate.parse("2026-11-21");
    static final LocalDate D18 = LocalDate.parse("2026-11-18");
    static final LocalDate D19 = LocalDate.parse("2026-11-19");
    static final String TRAININGS = """
            trainings:
              - id: empathy-nov
                title: Empathy workshop
                date: 2026-11-20
                language: en
                agents: [j.carter]
                example_context: {agent_first_name: John}
                techniques:
                  - id: acknowledge
                    title: Acknowledge the frustration
                    query: '"understand frustrating"~3'
                    examples:
                      match: ["I understand how frustrating that is."]
                      no_match: ["I understand the question."]
                  - id: introduce
                    title: Say your own name
                    query: 'name AND ${agent.first_name}'
                    examples:
                      match: ["My name is John, how can I help?"]
                      no_match: ["What is your name?"]
            """;
    static final Roster ROSTER = Roster.of(List.of(
            new Agent("j.carter", "John Carter", Optional.empty(), Optional.empty(), Optional.empty()),
            new Agent("d.mills", "Dana Mills", Optional.empty(), Optional.empty(), Optional.empty())));

    @TempDir
    Path dir;

    DriverManagerDataSource db;
    VigilStore store;
    Path inbox;
    Path rules;
    Path out;
    TrainingSet trainings;
    UptakeMatcher matcher;
    /** What {@link #store} analyses with: the matcher of the trainings known on that night. */
    UptakeMatcher analysing;
    UptakeMatcher none;
    /** Whether {@link #store} names the agent (from the roster) as the ingest does with agents.csv. */
    boolean named = true;

    @BeforeEach
    void setUp() throws Exception {
        db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("vigil-schema.sql")).execute(db);
        store = new VigilStore(db);
        inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("trainings.yaml"), TRAININGS);
        out = dir.resolve("out");
        rules = Files.createDirectories(dir.resolve("rules"));
        trainings = TrainingLoader.load(inbox, RuleSource.directory(rules));
        matcher = new UptakeMatcher(trainings, COMPANY);
        none = new UptakeMatcher(TrainingSet.empty(), COMPANY);
        analysing = matcher;
    }

    static final CompanyProfile COMPANY = new CompanyProfile("Northwind", List.of());

    @AfterEach
    void close() {
        matcher.close();
        none.close();
    }

    @Test
    void theAgentPageComparesTheNightAndEarlierNightsBeforeAndAfterTheTrainingDay() throws Exception {
        // given two nights before the training (one interaction uses the technique) ...
        store(LocalDate.parse("2026-11-19"), "b1", "j.carter", "2026-11-19T10:00:00Z", "Let me check your bill.");
        store(LocalDate.parse("2026-11-19"), "b2", "j.carter", "2026-11-19T11:00:00Z",
                "I understand how frustrating this is.");
        // ... the same interaction again with other content on a later night: counted once
        store(LocalDate.parse("2026-11-20"), "b2", "j.carter", "2026-11-19T11:00:00Z",
                "I understand how frustrating this is, sorry.");
        // ... tonight, after the training, both use it; and a night after this one, which must not count
        store(NIGHT, "a1", "j.carter", "2026-11-21T09:00:00Z", "I understand how frustrating that must be.");
        store(NIGHT, "a2", "j.carter", "2026-11-21T10:00:00Z", "I really understand how frustrating it was.");
        store(NIGHT, "m1", "d.mills", "2026-11-21T10:00:00Z", "I understand how frustrating it was.");
        store(NIGHT.plusDays(1), "later", "j.carter", "2026-11-22T10:00:00Z", "Let me check.");

        // when
        aggregate();
        publish(matcher);

        // then
        Document carter = Jsoup.parse(out.resolve("reports/agents/j.carter.html").toFile(), "UTF-8");
        Element row = carter.selectFirst("#training-uptake table.uptake-table tbody tr");
        assertThat(row).isNotNull();
        assertThat(row.select("td")).extracting(Element::text).containsExactly("Acknowledge the frustration",
                "1 of 2 50%", "2 of 2 100%", "+50 pp");
        assertThat(carter.selectFirst("#training-uptake h3").text()).contains("Empathy workshop")
                .contains("2026-11-20");
        // d.mills did not attend: no section
        Document mills = Jsoup.parse(out.resolve("reports/agents/d.mills.html").toFile(), "UTF-8");
        assertThat(mills.selectFirst("#training-uptake")).isNull();
        // the evaluations carry the uses as metrics
        assertThat(Files.readString(out.resolve("evaluations.jsonl")))
                .contains("\"" + trainings.metricOf("empathy-nov", "acknowledge") + "\":1.0");
    }

    @Test
    void aTrainingAddedAfterTheNightsItMeasuresIsMeasuredOnTheStoredTranscriptsOnce() throws Exception {
        // given nights before the training day, analysed when no training was known (no uptake metrics) and no
        // agents.csv named the agent ...
        analysing = none;
        named = false;
        store(D18, "b1", "j.carter", "2026-11-18T10:00:00Z", "Let me check your bill.");
        StoredFile b2 = store(D19, "b2", "j.carter", "2026-11-19T11:00:00Z", "I understand how frustrating this is.");
        store(D19, "b3", "j.carter", "2026-11-19T12:00:00Z", "Hello, my name is John. I understand, how frustrating!");
        // ... then the training is added: tonight is analysed with it, and tonight's inbox holds b2 again, unchanged
        // (so it is not analysed again)
        analysing = matcher;
        named = true;
        store(NIGHT, "a1", "j.carter", "2026-11-21T09:00:00Z",
                "My name is John. I understand how frustrating that must be.");
        store(NIGHT, "a2", "j.carter", "2026-11-21T10:00:00Z", "Let me look into it.");
        seeAgain(NIGHT, b2);
        assertThat(storedLine("b1")).doesNotContain("uptake.");

        // when
        aggregate();
        publish(matcher);

        // then the before column counts the earlier nights, measured on their stored transcripts, with the roster's
        // name of the agent for ${agent.first_name}
        assertThat(row("Acknowledge the frustration")).startsWith("Acknowledge the frustration", "2 of 3 67%",
                "1 of 2 50%");
        assertThat(row("Say your own name")).startsWith("Say your own name", "1 of 3 33%", "1 of 2 50%");
        // the stored evaluations carry the metrics now, and so does tonight's evaluations.jsonl for b2
        String ack = trainings.metricOf("empathy-nov", "acknowledge");
        String introduce = trainings.metricOf("empathy-nov", "introduce");
        assertThat(storedLine("b1")).contains("\"" + ack + "\":0.0", "\"" + introduce + "\":0.0");
        assertThat(storedLine("b3")).contains("\"" + ack + "\":1.0", "\"" + introduce + "\":1.0");
        assertThat(Files.readAllLines(out.resolve("evaluations.jsonl"))).filteredOn(l -> l.contains("\"b2\""))
                .singleElement().asString().contains("\"" + ack + "\":1.0", "\"" + introduce + "\":0.0");

        // and measured once: with the stored transcripts changed, publishing the night again gives the same outputs
        String page = Files.readString(carterPage());
        String evaluations = Files.readString(out.resolve("evaluations.jsonl"));
        assertThat(new JdbcTemplate(db).update("UPDATE vigil_item SET transcript = "
                + "REPLACE(REPLACE(transcript, 'frustrating', 'annoying'), 'John', 'Jim')")).isEqualTo(5);
        publish(matcher);
        assertThat(Files.readString(carterPage())).isEqualTo(page);
        assertThat(Files.readString(out.resolve("evaluations.jsonl"))).isEqualTo(evaluations);
    }

    @Test
    void editingATechniquesQueryMeasuresTheStoredEvaluationsAgain() throws Exception {
        // given evaluations measured with the first query ("understand ... frustrating")
        store(D19, "b1", "j.carter", "2026-11-19T10:00:00Z", "I understand how frustrating this is.");
        store(D19, "b2", "j.carter", "2026-11-19T11:00:00Z", "Sorry for the trouble.");
        store(D19, "b3", "j.carter", "2026-11-19T12:00:00Z", "So sorry for the trouble, really.");
        store(NIGHT, "a1", "j.carter", "2026-11-21T09:00:00Z", "Sorry for the trouble, let me look.");
        aggregate();
        publish(matcher);
        assertThat(row("Acknowledge the frustration")).startsWith("Acknowledge the frustration", "1 of 3 33%",
                "0 of 1 0%");
        String before = trainings.metricOf("empathy-nov", "acknowledge");

        // when the QA team edits the query (now an apology) and the night is published again
        Files.writeString(inbox.resolve("trainings.yaml"),
                TRAININGS.replace("'\"understand frustrating\"~3'", "'\"sorry trouble\"~3'"));
        TrainingSet edited = TrainingLoader.load(inbox, RuleSource.directory(rules));
        try (UptakeMatcher editedMatcher = new UptakeMatcher(edited, COMPANY)) {
            publish(editedMatcher);
        }

        // then every stored evaluation is measured with the edited query, under the technique's new version
        String after = edited.metricOf("empathy-nov", "acknowledge");
        assertThat(after).isNotEqualTo(before);
        assertThat(row("Acknowledge the frustration")).startsWith("Acknowledge the frustration", "2 of 3 67%",
                "1 of 1 100%");
        assertThat(storedLine("b1")).contains("\"" + after + "\":0.0").doesNotContain(before);
        assertThat(storedLine("b2")).contains("\"" + after + "\":1.0").doesNotContain(before);
        assertThat(Files.readString(out.resolve("evaluations.jsonl"))).contains("\"" + after + "\":1.0")
                .doesNotContain(before);
    }

    /** A stored content: where it was in the inbox and its hash. */
    record StoredFile(String path, String sha256) {
    }

    private StoredFile store(LocalDate night, String id, String agent, String startedAt, String agentText) {
        Turn turn = new Turn(0, Speaker.AGENT, TimeSpan.ofMillis(0, 5_000), agentText, Language.EN, List.of());
        String name = named ? ROSTER.byId(agent).map(Agent::name).orElseThrow() : null;
        Interaction i = new Interaction(id, Channel.CHAT, Language.EN, Person.of(agent, name), Optional.empty(),
                Instant.parse(startedAt), Duration.ofSeconds(30), List.of(turn), List.of(), OptionalInt.empty(),
                Path.of(id + ".json"));
        var metrics = new java.util.TreeMap<String, Double>(analysing.metrics(i));
        Evaluation e = new Evaluation(i, 90, true, false, "default-en@2", List.of(), List.of(), List.of(), List.of(),
                metrics, List.of());
        String path = "chats/" + id + "-" + night + ".json";
        String sha = String.format("%064x", Math.abs((long) (path + agentText).hashCode()));
        store.addRunFiles(inbox.toString(), night, List.of(new VigilStore.RunFile(path, sha, 1)));
        store.queueRun(inbox.toString(), night);
        assertThat(store.saveEvaluated(sha, i.id(), agent, "chat", i.startedAt(), e.score(), e.passed(), e.review(),
                EvaluationJson.line(e), EvaluationJson.transcript(i))).isEqualTo(1);
        return new StoredFile(path, sha);
    }

    /** The same file, unchanged, in a later night's inbox: not analysed again. */
    private void seeAgain(LocalDate night, StoredFile file) {
        store.addRunFiles(inbox.toString(), night, List.of(new VigilStore.RunFile(file.path(), file.sha256(), 1)));
        assertThat(store.queueRun(inbox.toString(), night)).isZero();
    }

    private String storedLine(String interactionId) {
        return new JdbcTemplate(db).queryForObject("SELECT evaluation FROM vigil_item WHERE interaction_id = ?",
                String.class, interactionId);
    }

    private void publish(UptakeMatcher uptake) {
        new Publisher(store).publish(new NightlyParameters(inbox, NIGHT, out, ""), Language.EN, Map.of(), uptake,
                ROSTER, ZoneOffset.UTC);
    }

    private Path carterPage() {
        return out.resolve("reports/agents/j.carter.html");
    }

    /** The cells of the agent page's uptake row of a technique. */
    private List<String> row(String title) throws Exception {
        Document page = Jsoup.parse(carterPage().toFile(), "UTF-8");
        return page.select("#training-uptake table.uptake-table tbody tr").stream()
                .map(tr -> tr.select("td").eachText())
                .filter(cells -> !cells.isEmpty() && cells.get(0).equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no uptake row '" + title + "'"));
    }

    private void aggregate() {
        TeamRollup team = new TeamRollup(NIGHT.toString(), Roster.of(List.of()));
        store.forEachEvaluation(inbox.toString(), NIGHT, line -> team.add(EvaluationJson.summary(line)));
        store.replaceAgentNights(inbox.toString(), NIGHT, team.scorecards().stream()
                .map(c -> new VigilStore.AgentNight(c.agentId(), NIGHT, c.interactions(), c.needsReview(),
                        c.meanScore(), AgentScorecards.toJson(c)))
                .toList());
    }
}
