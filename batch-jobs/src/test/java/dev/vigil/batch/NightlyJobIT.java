package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The nightly-qa job end to end on the test corpus, with an embedded H2 database in a temporary folder. */
@SpringBootTest(classes = {VigilBatchApplication.class, NightlyJobIT.CrashInjection.class},
        properties = {"vigil.threads=2", "vigil.chunk-size=4"})
class NightlyJobIT {
    static final Path CORPUS = Path.of("../test-corpus/inbox").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @TempDir
    Path work;

    @Autowired
    NightlyRunner runner;

    @Autowired
    org.springframework.batch.core.explore.JobExplorer explorer;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("vigil.data-dir", () -> dataDir.toString());
    }

    /** Replaces the processor with one that counts its calls and can crash the JVM-side step part-way. */
    @TestConfiguration
    static class CrashInjection {
        static final AtomicInteger CALLS = new AtomicInteger();
        static final AtomicInteger CRASH_AT = new AtomicInteger(Integer.MAX_VALUE);

        @Bean
        @Primary
        FileAnalyzer crashingFileAnalyzer(NightlyResourcesCache resources) {
            return new FileAnalyzer(resources) {
                @Override
                public FileOutcome process(VigilStore.PendingItem item) {
                    if (CALLS.incrementAndGet() >= CRASH_AT.get()) {
                        throw new SimulatedCrash();
                    }
                    return super.process(item);
                }
            };
        }
    }

    /** An error no skip policy absorbs, as a killed worker would be. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    @BeforeEach
    void reset() {
        CrashInjection.CALLS.set(0);
        CrashInjection.CRASH_AT.set(Integer.MAX_VALUE);
    }

    @Test
    void everyInboxFileEndsInExactlyOneOfEvaluationsOrQuarantine() throws Exception {
        Path inbox = copyOf(CORPUS, work.resolve("inbox"));
        Path out = work.resolve("out");
        // a re-export of en-c01 with different content but the same interaction id, and an identical copy
        Files.writeString(inbox.resolve("chats/zz-re-export.json"), Files.readString(inbox.resolve("chats/en-c01.json"))
                .replace("\"messages\"", "\"note\": \"re-exported\", \"messages\""));
        Files.copy(inbox.resolve("chats/en-c02.json"), inbox.resolve("chats/zz-copy.json"));
        // calls: one stereo and one mono (the rest are measured by the corpus tests), a Russian call without a
        // Russian model, and a recording cut off in the middle
        keepOnlyCalls(inbox, Set.of("en-call01", "en-call02", "ru-call01"));
        byte[] wav = Files.readAllBytes(inbox.resolve("calls/en-call01.wav"));
        Files.write(inbox.resolve("calls/zz-cut-off.wav"), java.util.Arrays.copyOf(wav, wav.length / 3));
        Files.writeString(inbox.resolve("calls/zz-cut-off.json"), "{\"id\": \"zz-cut-off\", \"agent\": {\"id\": "
                + "\"j.carter\"}, \"started_at\": \"2026-11-21T10:00:00Z\", \"channels\": {\"left\": \"agent\", "
                + "\"right\": \"customer\"}}");

        var result = runner.run(new NightlyParameters(inbox, LocalDate.of(2026, 11, 21), out, ""));

        assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(CrashInjection.CALLS.get()).as("the counting processor is the one the step uses")
                .isEqualTo(result.counts().files() - duplicateFiles(out));
        List<String> inboxFiles = interactionFiles(inbox);
        List<JsonNode> evaluations = readEvaluations(out);
        List<CSVRecord> quarantine = readQuarantine(out);
        var accounted = new ArrayList<String>();
        evaluations.forEach(e -> accounted.add(e.path("source").asText()));
        quarantine.forEach(q -> accounted.add(q.get("file")));
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(inboxFiles);
        assertThat(evaluations).extracting(e -> e.path("interaction_id").asText()).doesNotHaveDuplicates();
        assertThat(quarantine).allSatisfy(q -> assertThat(q.get("reason")).isNotBlank());
        assertThat(quarantine).anySatisfy(q -> {
            assertThat(q.get("file")).isEqualTo("chats/zz-re-export.json");
            assertThat(q.get("reason")).isEqualTo("duplicate interaction id 'en-c01': already in chats/en-c01.json");
        });
        assertThat(quarantine).anySatisfy(q -> {
            assertThat(q.get("file")).isEqualTo("chats/zz-copy.json");
            assertThat(q.get("reason")).isEqualTo("duplicate: same content as chats/en-c02.json");
        });
        assertThat(quarantine).anySatisfy(q -> {
            assertThat(q.get("file")).isEqualTo("calls/ru-call01.wav");
            assertThat(q.get("reason")).startsWith("no Russian acoustic model configured");
        });
        assertThat(quarantine).anySatisfy(q -> {
            assertThat(q.get("file")).isEqualTo("calls/zz-cut-off.wav");
            assertThat(q.get("reason")).contains("truncated");
        });
        assertThat(inboxFiles).as("sidecars describe calls; they are not interactions").noneMatch(f -> f.endsWith(".json")
                && f.startsWith("calls/"));
        for (String call : List.of("en-call01", "en-call02")) {
            JsonNode e = evaluations.stream().filter(x -> x.path("interaction_id").asText().equals(call)).findFirst()
                    .orElseThrow(() -> new AssertionError(call + " was not evaluated"));
            assertThat(e.path("channel").asText()).isEqualTo("call");
            assertThat(e.path("metrics").has("transcript_confidence")).as(call + " confidence").isTrue();
            assertThat(out.resolve("reports/audio/" + call + ".wav")).as(call + " audio for the player").exists();
            JsonNode transcript = JSON.readTree(out.resolve("transcripts/" + call + ".json").toFile());
            assertThat(transcript.path("turns").get(0).path("words").size()).as(call + " words").isPositive();
        }
        assertThat(out.resolve("scorecards.csv")).exists();
        assertThat(out.resolve("reports/index.html")).exists();
        for (JsonNode e : evaluations) {
            String stem = dev.vigil.report.OutputNames.stem(e.path("interaction_id").asText());
            assertThat(out.resolve("transcripts/" + stem + ".json")).exists();
            assertThat(out.resolve("reports/interactions/" + stem + ".html")).exists();
        }
    }

    @Test
    void restartAfterACrashEvaluatesEveryInteractionExactlyOnce() throws Exception {
        // contents no other test of this database has seen
        Path inbox = work.resolve("inbox");
        dev.vigil.bench.SyntheticInbox.write(inbox, "restart", 60, 7);
        Path out = work.resolve("out");
        var params = new NightlyParameters(inbox, LocalDate.of(2026, 11, 22), out, "");
        int files = interactionFiles(inbox).size();

        // given a run that crashes part-way through the analyse step
        CrashInjection.CRASH_AT.set(files / 2);
        var crashed = runner.run(params);
        assertThat(crashed.status()).isEqualTo(BatchStatus.FAILED);
        int doneBeforeRestart = crashed.counts().evaluated() + crashed.counts().quarantined();
        assertThat(doneBeforeRestart).isPositive().isLessThan(files);
        assertThat(crashed.counts().pending()).isPositive();

        // when the same night is run again
        CrashInjection.CRASH_AT.set(Integer.MAX_VALUE);
        CrashInjection.CALLS.set(0);
        var resumed = runner.run(params);

        // then it completes, analysing only what was not committed, and nothing twice
        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.restarted()).isTrue();
        assertThat(resumed.counts().evaluated() + resumed.counts().quarantined()).isEqualTo(files);
        assertThat(CrashInjection.CALLS.get()).isEqualTo(crashed.counts().pending());
        assertThat(resumed.counts().pending()).isZero();
        List<JsonNode> evaluations = readEvaluations(out);
        assertThat(evaluations).extracting(e -> e.path("interaction_id").asText()).doesNotHaveDuplicates();
        assertThat(evaluations.size() + readQuarantine(out).size()).isEqualTo(files);
    }

    @Test
    void runningTheSameNightAgainChangesNothingAndALaterNightOnlyProcessesNewFiles() throws Exception {
        Path inbox = work.resolve("inbox");
        dev.vigil.bench.SyntheticInbox.write(inbox, "nights", 30, 11);
        Path out = work.resolve("out");
        Path moved = work.resolve("held-back");
        Files.createDirectories(moved);
        // hold two chats back for the second night
        List<Path> chats;
        try (Stream<Path> s = Files.list(inbox.resolve("chats/000"))) {
            chats = s.filter(p -> p.toString().endsWith(".json")).sorted().limit(2).toList();
        }
        for (Path c : chats) {
            Files.move(c, moved.resolve(c.getFileName()));
        }
        var night1 = new NightlyParameters(inbox, LocalDate.of(2026, 11, 23), out, "");
        assertThat(runner.run(night1).status()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> before = digests(out);
        int callsNight1 = CrashInjection.CALLS.get();
        assertThat(callsNight1).isEqualTo(28);

        // the same night again: nothing analysed, outputs byte-identical
        var again = runner.run(night1);
        assertThat(again.alreadyCompleted()).isTrue();
        assertThat(CrashInjection.CALLS.get()).isEqualTo(callsNight1);
        assertThat(digests(out)).isEqualTo(before);

        // a later night with the held-back chats: only they are analysed (plus earlier rejects, retried)
        for (Path c : chats) {
            Files.move(moved.resolve(c.getFileName()), c);
        }
        CrashInjection.CALLS.set(0);
        int quarantinedNight1 = readQuarantine(out).size();
        Path out2 = work.resolve("out2");
        var night2 = runner.run(new NightlyParameters(inbox, LocalDate.of(2026, 11, 24), out2, ""));
        assertThat(night2.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(quarantinedNight1).isZero();
        assertThat(CrashInjection.CALLS.get()).isEqualTo(chats.size());
        String agent = readEvaluations(out2).get(0).path("agent_id").asText();
        String agentPage = Files.readString(dev.vigil.report.HtmlReports.agentFile(out2.resolve("reports"), agent));
        // the trend chart has a point for each night, titled "<day> <month>: <mean> (<n> interactions)"
        assertThat(agentPage).contains("23 Nov: ").contains("24 Nov: ");
    }

    /** Files quarantined as duplicates of another file of the run: the scan step filters them out. */
    static int duplicateFiles(Path out) throws IOException {
        return (int) readQuarantine(out).stream().filter(q -> q.get("reason").startsWith("duplicate: ")).count();
    }

    @Test
    void anInvalidInboxConfigurationFailsBeforeAnyJobExecutionIsCreated() throws Exception {
        Path inbox = work.resolve("inbox");
        dev.vigil.bench.SyntheticInbox.write(inbox, "badconfig", 3, 5);
        Files.writeString(inbox.resolve("vigil.yaml"), "company:\n  name: Northwind\n  slogan: typo\n");
        var params = new NightlyParameters(inbox, LocalDate.of(2026, 11, 25), work.resolve("out"), "");

        assertThatThrownBy(() -> runner.run(params)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vigil.yaml").hasMessageContaining("slogan");
        assertThat(explorer.getJobInstance(NightlyJobConfig.JOB_NAME, params.toJobParameters())).isNull();
    }

    /** Deletes every call recording (and its sidecar) of the inbox but those named. */
    static void keepOnlyCalls(Path inbox, Set<String> keep) throws IOException {
        try (Stream<Path> s = Files.list(inbox.resolve("calls"))) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!keep.contains(name.substring(0, name.lastIndexOf('.')))) {
                    Files.delete(p);
                }
            }
        }
    }

    static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static List<String> interactionFiles(Path inbox) throws IOException {
        try (Stream<Path> s = Files.walk(inbox)) {
            return s.filter(Files::isRegularFile).filter(f -> dev.vigil.config.InboxLoader.isInteractionFile(inbox, f))
                    .map(f -> InboxScanTasklet.relative(inbox, f)).sorted().toList();
        }
    }

    static List<JsonNode> readEvaluations(Path out) throws IOException {
        var list = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(out.resolve("evaluations.jsonl"))) {
            list.add(JSON.readTree(line));
        }
        return list;
    }

    static List<CSVRecord> readQuarantine(Path out) throws IOException {
        try (Reader r = Files.newBufferedReader(out.resolve("quarantine.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    static Map<String, String> digests(Path dir) throws Exception {
        var map = new TreeMap<String, String>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("vigil.log"))
                    .toList()) {
                map.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return map;
    }
}
