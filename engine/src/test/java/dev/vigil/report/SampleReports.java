package dev.vigil.report;

import dev.vigil.config.Agent;
import dev.vigil.config.Roster;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a complete synthetic night (outputs and reports) the way the nightly job does: evaluations are written as
 * lines and transcripts, then streamed back into roll-ups and pages. Run {@link #main} to look at the result.
 */
final class SampleReports {
    static final String NIGHT = "2026-11-21";

    private SampleReports() {
    }

    /** {@code java ... SampleReports /tmp/vigil-report-sample [en|ru]}; the reports go to the folder itself. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/vigil-report-sample");
        render(out, args.length > 1 ? Language.fromCode(args[1]) : Language.EN);
        System.out.println("wrote " + out.resolve("index.html"));
    }

    /** Writes {@code index.html}, {@code agents/}, {@code interactions/} and {@code assets/} under {@code reportsDir}. */
    static void render(Path reportsDir, Language ui) throws IOException {
        List<Evaluation> night = evaluations();
        Map<String, String> lines = new LinkedHashMap<>();
        Map<String, String> transcripts = new LinkedHashMap<>();
        for (Evaluation e : night) {
            lines.put(e.interaction().id(), EvaluationJson.line(e));
            transcripts.put(e.interaction().id(), EvaluationJson.transcript(e.interaction()));
        }
        Roster roster = Roster.of(List.of(
                new Agent("j.carter", "John Carter", Optional.empty(), Optional.of("Billing"), Optional.empty()),
                new Agent("a.ivanova", "Анна Иванова", Optional.empty(), Optional.of("Поддержка"), Optional.empty()),
                new Agent("m.okafor", "Mara Okafor", Optional.empty(), Optional.of("Billing"), Optional.empty())));
        TeamRollup team = new TeamRollup(NIGHT, roster);
        Map<String, List<FlaggedInteraction>> flagged = new LinkedHashMap<>();
        Map<String, List<FlaggedInteraction>> review = new LinkedHashMap<>();
        for (String line : lines.values()) {
            EvaluationSummary s = EvaluationJson.summary(line);
            team.add(s);
            if (!s.autoScored()) {
                review.computeIfAbsent(s.agentId(), k -> new ArrayList<>()).add(FlaggedInteraction.of(s));
            } else if (s.flagged()) {
                flagged.computeIfAbsent(s.agentId(), k -> new ArrayList<>()).add(FlaggedInteraction.of(s));
            }
        }
        HtmlReports html = new HtmlReports(ui);
        HtmlReports.writeAssets(reportsDir);
        for (String id : lines.keySet()) {
            Optional<String> audio = Optional.empty();
            if (id.equals(ReportFixtures.englishCall().interaction().id())) {
                Path wav = Files.createDirectories(reportsDir.resolve("audio")).resolve("source.wav");
                writeTone(wav, 125);
                audio = CallAudio.publish(wav, reportsDir, id);
                Files.delete(wav);
            }
            write(HtmlReports.interactionFile(reportsDir, id),
                    html.interactionPage(lines.get(id), transcripts.get(id), audio));
        }
        for (AgentScorecard card : team.scorecards()) {
            write(HtmlReports.agentFile(reportsDir, card.agentId()), html.agentPage(new AgentPage(card, NIGHT,
                    trend(card), flagged.getOrDefault(card.agentId(), List.of()),
                    review.getOrDefault(card.agentId(), List.of()))));
        }
        write(reportsDir.resolve("index.html"),
                html.indexPage(new TeamPage(NIGHT, team.scorecards(), team.interactions(), 2, new CsatCorrelation(),
                        review.values().stream().flatMap(List::stream).toList())));
    }

    /** Four hand-built evaluations and variants of them for three agents, one of them sent to human review. */
    static List<Evaluation> evaluations() {
        Evaluation chat = ReportFixtures.englishChat();
        Evaluation call = ReportFixtures.russianCall();
        Evaluation email = ReportFixtures.englishEmail();
        Evaluation englishCall = ReportFixtures.englishCall();
        List<Evaluation> all = new ArrayList<>(List.of(chat, call, email, englishCall));
        all.add(ReportFixtures.sentToReview(variant(englishCall, "call-en-0002", "j.carter", 35, false, List.of(),
                5_400), "transcript confidence 0.38 is below 0.50"));
        double[] carter = {92.5, 78.0, 85.0, 64.0, 97.0};
        for (int k = 0; k < carter.length; k++) {
            all.add(variant(chat, "chat-en-00" + (50 + k), chat.interaction().agent().id(), carter[k],
                    carter[k] >= 70, k == 3 ? List.of("complaint") : List.of(), 3_600L * (k + 1)));
        }
        double[] ivanova = {71.0, 88.0};
        for (int k = 0; k < ivanova.length; k++) {
            all.add(variant(call, "call-ru-00" + (10 + k), call.interaction().agent().id(), ivanova[k], true,
                    List.of(), 1_800L * (k + 1)));
        }
        all.add(variant(email, "en-e02", "m.okafor", 58.0, false, List.of("escalation"), 600));
        all.add(variant(chat, "chat-en-0077", "m.okafor", 74.0, true, List.of(), 7_200));
        return all;
    }

    private static Evaluation variant(Evaluation base, String id, String agentId, double score, boolean passed,
                                      List<String> flags, long laterBySeconds) {
        Interaction b = base.interaction();
        Interaction i = new Interaction(id, b.channel(), b.language(),
                agentId.equals(b.agent().id()) ? b.agent() : dev.vigil.model.Person.of(agentId, "Mara Okafor"),
                b.customer(), b.startedAt().plus(Duration.ofSeconds(laterBySeconds)), b.duration(), b.turns(),
                b.attachments(), b.csat(), b.source().resolveSibling(id + ".json"));
        return new Evaluation(i, score, passed, false, base.scorecard(), base.findings(), base.missing(),
                base.sections(), base.items(), base.metrics(), flags);
    }

    /** Fourteen nights for the first agent, one for the second, three for the others. */
    private static List<TrendPoint> trend(AgentScorecard card) {
        LocalDate night = LocalDate.parse(NIGHT);
        int nights = switch (card.agentId()) {
            case "j.carter" -> 14;
            case "a.ivanova" -> 1;
            default -> 3;
        };
        List<TrendPoint> points = new ArrayList<>();
        for (int k = nights - 1; k >= 1; k--) {
            double wobble = ((k * 37) % 17) - 8;
            points.add(new TrendPoint(night.minusDays(k), Math.max(0, Math.min(100, card.meanScore() - 4 + wobble)),
                    5 + k % 4));
        }
        points.add(new TrendPoint(night, card.meanScore(), card.interactions()));
        return points;
    }

    /** A deterministic 8 kHz mu-law mono WAV: a quiet tone of {@code seconds}. */
    private static void writeTone(Path file, int seconds) throws IOException {
        int frames = 8000 * seconds;
        byte[] pcm = new byte[frames * 2];
        for (int f = 0; f < frames; f++) {
            short v = (short) (2000 * Math.sin(2 * Math.PI * 300 * f / 8000.0));
            pcm[2 * f] = (byte) v;
            pcm[2 * f + 1] = (byte) (v >> 8);
        }
        var linear = new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(pcm),
                new javax.sound.sampled.AudioFormat(8000, 16, 1, true, false), frames);
        javax.sound.sampled.AudioSystem.write(javax.sound.sampled.AudioSystem.getAudioInputStream(
                javax.sound.sampled.AudioFormat.Encoding.ULAW, linear),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
    }

    private static void write(Path file, String html) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(html);
        }
    }
}
