package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The agent page's training uptake in the publish step: history from earlier nights in the store, each interaction
 * once, nothing from later nights, and only for agents who attended.
 */
class TrainingUptakePublishTest {
    static final LocalDate NIGHT = LocalDate.parse("2026-11-21");
    static final String TRAININGS = """
            trainings:
              - id: empathy-nov
                title: Empathy workshop
                date: 2026-11-20
                language: en
                agents: [j.carter]
                techniques:
                  - id: acknowledge
                    title: Acknowledge the frustration
                    query: '"understand frustrating"~3'
                    examples:
                      match: ["I understand how frustrating that is."]
                      no_match: ["I understand the question."]
            """;

    @TempDir
    Path dir;

    VigilStore store;
    Path inbox;
    Path out;
    TrainingSet trainings;
    UptakeMatcher matcher;

    @BeforeEach
    void setUp() throws Exception {
        var db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("vigil-schema.sql")).execute(db);
        store = new VigilStore(db);
        inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("trainings.yaml"), TRAININGS);
        out = dir.resolve("out");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        trainings = TrainingLoader.load(inbox, RuleSource.directory(rules));
        matcher = new UptakeMatcher(trainings, new CompanyProfile("Northwind", List.of()));
    }

    @AfterEach
    void close() {
        matcher.close();
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
        new Publisher(store).publish(new NightlyParameters(inbox, NIGHT, out, ""), Language.EN, Map.of(), trainings,
                ZoneOffset.UTC);

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
                .contains("\"uptake.empathy-nov.acknowledge_count\":1.0");
    }

    private void store(LocalDate night, String id, String agent, String startedAt, String agentText) {
        Turn turn = new Turn(0, Speaker.AGENT, TimeSpan.ofMillis(0, 5_000), agentText, Language.EN, List.of());
        Interaction i = new Interaction(id, Channel.CHAT, Language.EN, Person.of(agent, null), Optional.empty(),
                Instant.parse(startedAt), Duration.ofSeconds(30), List.of(turn), List.of(), OptionalInt.empty(),
                Path.of(id + ".json"));
        var metrics = new java.util.TreeMap<String, Double>(matcher.metrics(i));
        Evaluation e = new Evaluation(i, 90, true, false, "default-en@2", List.of(), List.of(), List.of(), List.of(),
                metrics, List.of());
        String path = "chats/" + id + "-" + night + ".json";
        String sha = String.format("%064x", Math.abs((long) (path + agentText).hashCode()));
        store.addRunFiles(inbox.toString(), night, List.of(new VigilStore.RunFile(path, sha, 1)));
        store.queueRun(inbox.toString(), night);
        assertThat(store.saveEvaluated(sha, i.id(), agent, "chat", i.startedAt(), e.score(), e.passed(), e.review(),
                EvaluationJson.line(e), EvaluationJson.transcript(i))).isEqualTo(1);
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
