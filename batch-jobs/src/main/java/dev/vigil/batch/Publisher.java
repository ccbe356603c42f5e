package dev.vigil.batch;

import dev.vigil.config.Agent;
import dev.vigil.config.Roster;
import dev.vigil.model.Channel;
import dev.vigil.model.Language;
import dev.vigil.report.CallAudio;
import dev.vigil.report.AgentPage;
import dev.vigil.report.AgentScorecard;
import dev.vigil.report.CsatCorrelation;
import dev.vigil.report.EvaluationJson;
import dev.vigil.report.EvaluationSummary;
import dev.vigil.report.FlaggedInteraction;
import dev.vigil.report.HtmlReports;
import dev.vigil.report.OutputNames;
import dev.vigil.report.QuarantineCsv;
import dev.vigil.report.QuarantineEntry;
import dev.vigil.report.ScorecardsCsv;
import dev.vigil.report.TeamPage;
import dev.vigil.report.TeamTotals;
import dev.vigil.report.TrendPoint;
import dev.vigil.uptake.TrainingSet;
import dev.vigil.uptake.TrainingUptake;
import dev.vigil.uptake.UptakeMatcher;
import dev.vigil.uptake.UptakeTally;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's outputs from the store, as the contract lays them out: {@code evaluations.jsonl},
 * {@code scorecards.csv}, {@code quarantine.csv}, {@code transcripts/} and {@code reports/}, with each call's
 * recording in {@code reports/audio/} for the interaction page's player ({@link CallAudio}: a hard link to the inbox
 * file where possible). Deterministic: the same run publishes byte-identical files. Top-level files are written to a
 * temporary name and moved into place.
 *
 * <p>Each agent's page shows the training uptake of the trainings the agent attended, from every evaluation of the
 * agent stored up to the night (each interaction once), so that interactions from before the training day count.
 * Stored evaluations that lack the current uptake metrics (analysed before a training was added or a technique's
 * query edited) are measured again on their stored transcripts ({@link UptakeRemeasurer}) and stored back, so each is
 * matched once per change of the trainings, not every night; the night's {@code evaluations.jsonl} carries the
 * current metrics too.
 *
 * <p>Interactions sent to human review are listed on their agent's page and on the team page, apart from the failed
 * and flagged ones; their scores are already out of the stored agent roll-ups ({@link AgentAggregateTasklet}).
 */
public class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final VigilStore store;

    public Publisher(VigilStore store) {
        this.store = store;
    }

    /**
     * Writes the outputs, with report labels in {@code ui} and the scorecard's own titles, without training uptake:
     * stored evaluations are published as they are.
     */
    public void publish(NightlyParameters params, Language ui, Map<String, String> titles) {
        try {
            write(params, new HtmlReports(ui, titles), TrainingSet.empty(), Optional.empty(), ZoneOffset.UTC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write outputs to " + params.out() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the outputs, with report labels in {@code ui} and the scorecard's own titles; each agent's page shows
     * the uptake of the trainings of {@code uptake} the agent attended, over every evaluation of the agent stored up
     * to the night, with training days beginning in {@code zone}. Stored evaluations without the current uptake
     * metrics are measured again with {@code uptake} on their transcripts and stored back; the {@code roster} names
     * the agent where a technique uses {@code ${agent.first_name}} and the evaluation has no agent name.
     */
    public void publish(NightlyParameters params, Language ui, Map<String, String> titles, UptakeMatcher uptake,
                        Roster roster, ZoneId zone) {
        var remeasurer = new UptakeRemeasurer(uptake, id -> roster.byId(id).map(Agent::name));
        try {
            write(params, new HtmlReports(ui, titles), uptake.trainings(), Optional.of(remeasurer), zone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write outputs to " + params.out() + ": " + e.getMessage(), e);
        }
        if (remeasurer.remeasured() > 0) {
            LOG.info("Training uptake: measured {} stored interaction(s) again with the current techniques",
                    remeasurer.remeasured());
        }
    }

    private void write(NightlyParameters p, HtmlReports html, TrainingSet trainings,
                       Optional<UptakeRemeasurer> remeasurer, ZoneId zone) throws IOException {
        Path out = p.out();
        Path reports = out.resolve("reports");
        Files.createDirectories(out.resolve("transcripts"));
        Files.createDirectories(reports.resolve("interactions"));
        Files.createDirectories(reports.resolve("agents"));
        HtmlReports.writeAssets(reports);

        atomically(out.resolve("evaluations.jsonl"), w -> store.forEachInteraction(p.inboxKey(), p.night(), row -> {
            try {
                String id = row.interactionId();
                String line = remeasurer.flatMap(r -> r.remeasure(row.evaluationLine(),
                        () -> Optional.of(row.transcriptJson()))).map(updated -> {
                            store.replaceEvaluation(row.sha256(), updated);
                            return updated;
                        }).orElse(row.evaluationLine());
                w.write(line);
                w.write('\n');
                Files.writeString(out.resolve(OutputNames.transcript(id)), row.transcriptJson(),
                        StandardCharsets.UTF_8);
                Optional<String> audio = Channel.CALL.code().equals(row.channel())
                        ? CallAudio.publish(p.inbox().resolve(row.path()), reports, id,
                                CallAudio.redactedSpeech(row.transcriptJson()))
                        : Optional.empty();
                Files.writeString(HtmlReports.interactionFile(reports, id),
                        html.interactionPage(line, row.transcriptJson(), audio),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));

        List<VigilStore.RejectedFile> rejected = store.rejectedFiles(p.inboxKey(), p.night());
        atomically(out.resolve("quarantine.csv"), w -> QuarantineCsv.write(w, rejected.stream()
                .map(r -> new QuarantineEntry(r.path(), r.stage(), r.reason())).toList()));

        Map<String, AgentScorecard> cards = loadCards(p);
        atomically(out.resolve("scorecards.csv"), w -> ScorecardsCsv.write(w, cards.values()));

        List<FlaggedInteraction> review = new ArrayList<>();
        CsatCorrelation csat = writeAgentPages(p, html, reports, cards, review, trainings, remeasurer, zone);
        int interactions = cards.values().stream().mapToInt(AgentScorecard::interactions).sum();
        Files.writeString(reports.resolve("index.html"), html.indexPage(new TeamPage(p.night().toString(),
                List.copyOf(cards.values()), interactions, rejected.size(), csat, review)), StandardCharsets.UTF_8);
    }

    /** The team's figures of a published run, for the end-of-run summary. */
    public TeamTotals summary(NightlyParameters p) {
        return TeamTotals.of(loadCards(p).values());
    }

    private Map<String, AgentScorecard> loadCards(NightlyParameters p) {
        Map<String, AgentScorecard> cards = new LinkedHashMap<>();
        for (VigilStore.AgentNight row : store.agentNights(p.inboxKey(), p.night())) {
            cards.put(row.agentId(), AgentScorecards.fromJson(row.scorecardJson()));
        }
        return cards;
    }

    /**
     * Writes one page per agent, streaming the run's evaluations; collects the interactions sent to human review into
     * {@code review} and returns the score/CSAT correlation.
     */
    private CsatCorrelation writeAgentPages(NightlyParameters p, HtmlReports html, Path reports,
                                            Map<String, AgentScorecard> cards, List<FlaggedInteraction> review,
                                            TrainingSet trainings, Optional<UptakeRemeasurer> remeasurer,
                                            ZoneId zone) {
        var csat = new CsatCorrelation();
        var flagged = new ArrayList<FlaggedInteraction>();
        var toReview = new ArrayList<FlaggedInteraction>();
        String[] agent = {null};
        Runnable flush = () -> {
            if (agent[0] != null && cards.containsKey(agent[0])) {
                List<TrendPoint> trend = store.trend(agent[0], p.night()).stream()
                        .map(t -> new TrendPoint(t.night(), t.meanScore(), t.scored())).toList();
                var page = new AgentPage(cards.get(agent[0]), p.night().toString(), trend, List.copyOf(flagged),
                        List.copyOf(toReview), uptake(agent[0], p, trainings, remeasurer, zone));
                try {
                    Files.writeString(HtmlReports.agentFile(reports, agent[0]), html.agentPage(page),
                            StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            review.addAll(toReview);
            flagged.clear();
            toReview.clear();
        };
        store.forEachEvaluation(p.inboxKey(), p.night(), line -> {
            EvaluationSummary s = EvaluationJson.summary(line);
            csat.add(s);
            if (!s.agentId().equals(agent[0])) {
                flush.run();
                agent[0] = s.agentId();
            }
            if (!s.autoScored()) {
                toReview.add(FlaggedInteraction.of(s));
            } else if (s.flagged()) {
                flagged.add(FlaggedInteraction.of(s));
            }
        });
        flush.run();
        return csat;
    }

    /**
     * The agent's use of the techniques of every training they attended, over their stored evaluations, each brought
     * up to date with the current techniques first (and stored back when it changed).
     */
    private List<TrainingUptake> uptake(String agentId, NightlyParameters p, TrainingSet trainings,
                                        Optional<UptakeRemeasurer> remeasurer, ZoneId zone) {
        UptakeTally tally = new UptakeTally(agentId, trainings, zone);
        if (!tally.hasTrainings()) {
            return List.of();
        }
        store.forEachAgentEvaluation(agentId, p.night(), stored -> {
            String line = stored.evaluationLine();
            Optional<String> updated = remeasurer.flatMap(r -> r.remeasure(line,
                    () -> store.transcript(stored.sha256())));
            updated.ifPresent(u -> store.replaceEvaluation(stored.sha256(), u));
            tally.addLine(updated.orElse(line));
        });
        return tally.result();
    }

    @FunctionalInterface
    private interface WriterBody {
        void write(Writer w) throws IOException;
    }

    private static void atomically(Path target, WriterBody body) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
