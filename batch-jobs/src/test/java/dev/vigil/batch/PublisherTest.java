package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.Roster;
import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.CharSpan;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import dev.vigil.report.EvaluationJson;
import dev.vigil.report.TeamRollup;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The publish step and the store on an in-memory H2 database with Vigil's schema: call recordings next to the
 * reports, human-review routing in the stored columns and in the aggregates.
 */
class PublisherTest {
    static final LocalDate NIGHT = LocalDate.parse("2026-11-21");

    @TempDir
    Path dir;

    DriverManagerDataSource db;
    VigilStore store;
    Path inbox;
    Path out;

    @BeforeEach
    void database() throws Exception {
        db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("vigil-schema.sql")).execute(db);
        store = new VigilStore(db);
        inbox = Files.createDirectories(dir.resolve("inbox"));
        out = dir.resolve("out");
    }

    @Test
    void callRecordingIsLinkedNextToTheReportsAndThePagePlaysItRelatively() throws Exception {
        // given a mu-law call and a chat, evaluated
        Path wav = muLawTone(inbox.resolve("calls/day1/call-en-01.wav"));
        Files.createDirectories(inbox.resolve("chats"));
        Files.writeString(inbox.resolve("chats/chat-1.json"), "{}");
        store(evaluation("call-en-01", Channel.CALL, "j.carter", 70, Optional.empty()), "calls/day1/call-en-01.wav");
        store(evaluation("chat-1", Channel.CHAT, "j.carter", 90, Optional.empty()), "chats/chat-1.json");
        aggregate();

        // when
        publish();

        // then
        Path audio = out.resolve("reports/audio/call-en-01.wav");
        assertThat(Files.isSameFile(audio, wav)).as("hard link of the inbox file").isTrue();
        Document page = Jsoup.parse(out.resolve("reports/interactions/call-en-01.html").toFile(), "UTF-8");
        assertThat(page.select("audio#player").attr("src")).isEqualTo("../audio/call-en-01.wav");
        assertThat(out.resolve("reports").resolve(Path.of("interactions").resolve("../audio/call-en-01.wav"))
                .normalize()).exists();
        try (Stream<Path> files = Files.list(out.resolve("reports/audio"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("call-en-01.wav");
        }
        Document chat = Jsoup.parse(out.resolve("reports/interactions/chat-1.html").toFile(), "UTF-8");
        assertThat(chat.select("audio")).isEmpty();
    }

    @Test
    void publishingTheSameRunAgainLeavesEveryOutputByteIdentical() throws Exception {
        muLawTone(inbox.resolve("calls/call-en-01.wav"));
        store(evaluation("call-en-01", Channel.CALL, "j.carter", 70, Optional.of("transcript confidence 0.30")),
                "calls/call-en-01.wav");
        aggregate();
        publish();
        Map<String, byte[]> first = snapshot();

        publish();

        Map<String, byte[]> second = snapshot();
        assertThat(second.keySet()).isEqualTo(first.keySet()).contains("reports/audio/call-en-01.wav");
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void reviewedInteractionsAreStoredAsSuchAndKeptOutOfScoresTrendsAndTheScorecardsCsv() throws Exception {
        // given: two auto-scored calls (80, 90) and a reviewed one (score 5) for the same agent
        store(evaluation("c1", Channel.CALL, "j.carter", 80, Optional.empty()), "calls/c1.wav");
        store(evaluation("c2", Channel.CALL, "j.carter", 90, Optional.empty()), "calls/c2.wav");
        store(evaluation("c3", Channel.CALL, "j.carter", 5, Optional.of("transcript confidence 0.20")),
                "calls/c3.wav");

        // when
        aggregate();
        publish();

        // then the item columns
        JdbcTemplate jdbc = new JdbcTemplate(db);
        assertThat(jdbc.queryForList("SELECT interaction_id, needs_review, review_reason, score, passed "
                + "FROM vigil_item ORDER BY interaction_id")).extracting(r -> r.get("NEEDS_REVIEW") + " "
                + r.get("REVIEW_REASON") + " " + r.get("SCORE") + " " + r.get("PASSED"))
                .containsExactly("false null 80.0 true", "false null 90.0 true",
                        "true transcript confidence 0.20 5.0 false");
        // the agent's night and its trend
        VigilStore.AgentNight night = store.agentNights(inbox.toString(), NIGHT).get(0);
        assertThat(night.interactions()).isEqualTo(3);
        assertThat(night.needsReview()).isEqualTo(1);
        assertThat(night.meanScore()).isEqualTo(85.0);
        assertThat(store.trend("j.carter", NIGHT)).singleElement()
                .satisfies(t -> {
                    assertThat(t.meanScore()).isEqualTo(85.0);
                    assertThat(t.scored()).isEqualTo(2);
                });
        // scorecards.csv and the pages
        List<String> csv = Files.readAllLines(out.resolve("scorecards.csv"));
        assertThat(csv.get(0)).endsWith(",needs_review");
        assertThat(csv.get(1)).startsWith("j.carter,j.carter,,2026-11-21,3,0,0,3,85.00,").endsWith(",1");
        Document agent = Jsoup.parse(out.resolve("reports/agents/j.carter.html").toFile(), "UTF-8");
        assertThat(agent.select("#needs-review a[href]").eachAttr("href"))
                .containsExactly("../interactions/c3.html");
        Document team = Jsoup.parse(out.resolve("reports/index.html").toFile(), "UTF-8");
        assertThat(team.select("#needs-review a[href='interactions/c3.html']")).hasSize(1);
        Document c3 = Jsoup.parse(out.resolve("reports/interactions/c3.html").toFile(), "UTF-8");
        assertThat(c3.select(".review-banner").text()).contains("transcript confidence 0.20");
    }

    @Test
    void trendLeavesOutNightsWithNothingAutoScoredAndWeightsByScoredInteractions() {
        store.replaceAgentNights("inbox-a", NIGHT.minusDays(1), List.of(
                new VigilStore.AgentNight("a", NIGHT.minusDays(1), 4, 4, 0, "{}")));
        store.replaceAgentNights("inbox-a", NIGHT, List.of(new VigilStore.AgentNight("a", NIGHT, 5, 4, 60, "{}")));
        store.replaceAgentNights("inbox-b", NIGHT, List.of(new VigilStore.AgentNight("a", NIGHT, 3, 0, 80, "{}")));

        List<VigilStore.AgentNight> trend = store.trend("a", NIGHT);

        assertThat(trend).singleElement().satisfies(t -> {
            assertThat(t.night()).isEqualTo(NIGHT);
            assertThat(t.meanScore()).isEqualTo(75.0); // (60 * 1 + 80 * 3) / 4
            assertThat(t.scored()).isEqualTo(4);
            assertThat(t.needsReview()).isEqualTo(4);
        });
    }

    @Test
    void schemaAddsTheReviewColumnsToADatabaseCreatedBeforeThem() throws Exception {
        // given tables as they were before human review was routed
        DriverManagerDataSource old = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(old);
        jdbc.execute("CREATE TABLE vigil_item (sha256 CHAR(64) NOT NULL PRIMARY KEY, inbox VARCHAR(2000) NOT NULL, "
                + "path VARCHAR(2000) NOT NULL, night DATE NOT NULL, status VARCHAR(16) NOT NULL, "
                + "interaction_id VARCHAR(300), agent_id VARCHAR(300), channel VARCHAR(10), "
                + "started_at TIMESTAMP WITH TIME ZONE, score DOUBLE PRECISION, passed BOOLEAN, evaluation CLOB, "
                + "transcript CLOB, stage VARCHAR(20), reason VARCHAR(4000))");
        jdbc.execute("CREATE TABLE vigil_agent_night (agent_id VARCHAR(300) NOT NULL, night DATE NOT NULL, "
                + "inbox VARCHAR(2000) NOT NULL, interactions INT NOT NULL, mean_score DOUBLE PRECISION NOT NULL, "
                + "scorecard CLOB NOT NULL, PRIMARY KEY (agent_id, night, inbox))");
        jdbc.update("INSERT INTO vigil_agent_night VALUES ('a', DATE '2026-11-20', 'i', 2, 70, '{}')");

        // when
        new ResourceDatabasePopulator(new ClassPathResource("vigil-schema.sql")).execute(old);

        // then
        assertThat(jdbc.queryForObject("SELECT needs_review FROM vigil_agent_night", Integer.class)).isZero();
        assertThat(new VigilStore(old).trend("a", NIGHT)).singleElement()
                .satisfies(t -> assertThat(t.meanScore()).isEqualTo(70.0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = "
                + "'VIGIL_ITEM' AND COLUMN_NAME IN ('NEEDS_REVIEW', 'REVIEW_REASON')", Integer.class)).isEqualTo(2);
    }

    // ------------------------------------------------------------------ helpers

    private void store(Evaluation e, String path) {
        String sha = String.format("%064x", Math.abs((long) path.hashCode()));
        store.addRunFiles(inbox.toString(), NIGHT, List.of(new VigilStore.RunFile(path, sha, 1)));
        store.queueRun(inbox.toString(), NIGHT);
        Interaction i = e.interaction();
        int saved = store.saveEvaluated(sha, i.id(), i.agent().id(), i.channel().code(), i.startedAt(), e.score(),
                e.passed(), e.review(), EvaluationJson.line(e), EvaluationJson.transcript(i));
        assertThat(saved).isEqualTo(1);
    }

    /** What the aggregate step does, on the same store. */
    private void aggregate() {
        TeamRollup team = new TeamRollup(NIGHT.toString(), Roster.of(List.of()));
        store.forEachEvaluation(inbox.toString(), NIGHT, line -> team.add(EvaluationJson.summary(line)));
        store.replaceAgentNights(inbox.toString(), NIGHT, team.scorecards().stream()
                .map(c -> new VigilStore.AgentNight(c.agentId(), NIGHT, c.interactions(), c.needsReview(),
                        c.meanScore(), AgentScorecards.toJson(c)))
                .toList());
    }

    private void publish() {
        new Publisher(store).publish(new NightlyParameters(inbox, NIGHT, out, ""), Language.EN, Map.of());
    }

    private Map<String, byte[]> snapshot() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Evaluation evaluation(String id, Channel channel, String agent, double score,
                                         Optional<String> review) {
        String text = "Thank you for calling Northwind.";
        List<Word> words = channel == Channel.CALL ? List.of(new Word("thank", TimeSpan.ofMillis(500, 700), 0.9),
                new Word("northwind", TimeSpan.ofMillis(1_200, 1_800), 0.4)) : List.of();
        Turn turn = new Turn(0, Speaker.AGENT, TimeSpan.ofMillis(500, 1_800), text, Language.EN, words);
        Interaction i = new Interaction(id, channel, Language.EN, Person.of(agent, null), Optional.empty(),
                Instant.parse("2026-11-21T09:00:00Z"), Duration.ofSeconds(30), List.of(turn), List.of(),
                OptionalInt.empty(), Path.of(id));
        Finding greeting = new Finding("greeting.scripted", Category.GREETING_OK, Speaker.AGENT, 0, turn.time(),
                new CharSpan(0, text.length() - 1), text.substring(0, text.length() - 1), 0.65);
        boolean passed = review.isEmpty() && score >= 70;
        return new Evaluation(i, score, passed, false, "default-en@2", List.of(greeting), List.of(), List.of(),
                List.of(), new TreeMap<>(Map.of("silence_ratio", 0.2)), List.of(), review);
    }

    private static Path muLawTone(Path file) throws Exception {
        int frames = 4000;
        byte[] pcm = new byte[frames * 2];
        for (int f = 0; f < frames; f++) {
            short v = (short) (6000 * Math.sin(2 * Math.PI * 330 * f / 8000.0));
            pcm[2 * f] = (byte) v;
            pcm[2 * f + 1] = (byte) (v >> 8);
        }
        AudioInputStream linear = new AudioInputStream(new ByteArrayInputStream(pcm),
                new AudioFormat(8000, 16, 1, true, false), frames);
        Files.createDirectories(file.getParent());
        AudioSystem.write(AudioSystem.getAudioInputStream(AudioFormat.Encoding.ULAW, linear),
                AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }
}
