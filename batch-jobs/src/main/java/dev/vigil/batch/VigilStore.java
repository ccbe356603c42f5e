package dev.vigil.batch;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every SQL statement of Vigil's own tables ({@code vigil-schema.sql}). Thread-safe. Results are streamed through
 * callbacks so that a night is never held in memory.
 */
@Component
public class VigilStore {
    /** A file the scan found; {@link #markDuplicates} later marks copies of an earlier file's content. */
    public record RunFile(String path, String sha256, long sizeBytes) {
    }

    /** A file waiting for analysis. */
    public record PendingItem(String sha256, String path) {
    }

    /** A rejected file of a run, as quarantine.csv lists it. */
    public record RejectedFile(String path, String stage, String reason) {
    }

    /**
     * One agent's roll-up for one night: {@code interactions} evaluated, of which {@code needsReview} were sent to
     * human review; {@code meanScore} is over the others (the auto-scored ones).
     */
    public record AgentNight(String agentId, LocalDate night, int interactions, int needsReview, double meanScore,
                             String scorecardJson) {
        /** The auto-scored interactions, the weight of this night's mean score. */
        public int scored() {
            return interactions - needsReview;
        }
    }

    /**
     * One published interaction of a run.
     *
     * @param sha256         its content's hash, the key of its stored row
     * @param interactionId  its id
     * @param evaluationLine its evaluations.jsonl line
     * @param transcriptJson its transcript
     * @param path           the file it was read from in this run, relative to the inbox
     * @param channel        chat, email or call
     */
    public record StoredInteraction(String sha256, String interactionId, String evaluationLine, String transcriptJson,
                                    String path, String channel) {
    }

    /** A stored evaluation line and the key of its row ({@link #replaceEvaluation}, {@link #transcript}). */
    public record StoredEvaluation(String sha256, String evaluationLine) {
    }

    /** Counts of a run's files by outcome. */
    public record RunCounts(int files, int evaluated, int quarantined, int pending) {
    }

    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;

    public VigilStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** Forgets what an earlier, interrupted scan of the same run recorded. */
    public void clearRun(String inbox, LocalDate night) {
        jdbc.update("DELETE FROM vigil_run_file WHERE inbox = ? AND night = ?", inbox, Date.valueOf(night));
    }

    public void addRunFiles(String inbox, LocalDate night, List<RunFile> files) {
        jdbc.batchUpdate("INSERT INTO vigil_run_file (inbox, night, path, sha256, size_bytes) "
                        + "VALUES (?, ?, ?, ?, ?)", files, files.size(), (ps, f) -> {
                    ps.setString(1, inbox);
                    ps.setDate(2, Date.valueOf(night));
                    ps.setString(3, f.path());
                    ps.setString(4, f.sha256());
                    ps.setLong(5, f.sizeBytes());
                });
    }

    /** Marks every file whose content an earlier path (in path order) of the same run already has. */
    public void markDuplicates(String inbox, LocalDate night) {
        Date d = Date.valueOf(night);
        // one pass over the run's files grouped by content; only the (usually few) duplicated contents come back
        List<Object[]> groups = jdbc.query("SELECT sha256, MIN(path) FROM vigil_run_file WHERE inbox = ? AND night = ? "
                + "GROUP BY sha256 HAVING COUNT(*) > 1", (rs, n) -> new Object[] {rs.getString(1), rs.getString(2)},
                inbox, d);
        jdbc.batchUpdate("UPDATE vigil_run_file SET duplicate_of = ? WHERE inbox = ? AND night = ? AND sha256 = ? "
                + "AND path <> ?", groups, 500, (ps, g) -> {
                    ps.setString(1, (String) g[1]);
                    ps.setString(2, inbox);
                    ps.setDate(3, d);
                    ps.setString(4, (String) g[0]);
                    ps.setString(5, (String) g[1]);
                });
    }

    /**
     * Queues the run's files for analysis: contents never seen before, and contents quarantined on an earlier night
     * (the reason may have been fixed since, for example a roster that now lists the agent). Evaluated contents are
     * reused as they are.
     *
     * @return how many items are pending for this run
     */
    public int queueRun(String inbox, LocalDate night) {
        Date d = Date.valueOf(night);
        jdbc.update("UPDATE vigil_item i SET status = 'PENDING', inbox = ?, night = ?, stage = NULL, reason = NULL, "
                + "path = (SELECT MIN(rf.path) FROM vigil_run_file rf WHERE rf.sha256 = i.sha256 AND rf.inbox = ? "
                + "AND rf.night = ? AND rf.duplicate_of IS NULL) "
                + "WHERE i.status = 'QUARANTINED' AND EXISTS (SELECT 1 FROM vigil_run_file rf WHERE "
                + "rf.sha256 = i.sha256 AND rf.inbox = ? AND rf.night = ? AND rf.duplicate_of IS NULL)",
                inbox, d, inbox, d, inbox, d);
        jdbc.update("INSERT INTO vigil_item (sha256, inbox, path, night, status) "
                + "SELECT rf.sha256, rf.inbox, rf.path, rf.night, 'PENDING' FROM vigil_run_file rf "
                + "WHERE rf.inbox = ? AND rf.night = ? AND rf.duplicate_of IS NULL "
                + "AND NOT EXISTS (SELECT 1 FROM vigil_item i WHERE i.sha256 = rf.sha256)", inbox, d);
        return countPending(inbox, night);
    }

    public int countPending(String inbox, LocalDate night) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM vigil_item WHERE status = 'PENDING' AND inbox = ? "
                + "AND night = ?", Integer.class, inbox, Date.valueOf(night));
        return n == null ? 0 : n;
    }

    /** The SQL the analyse step's paging reader uses; sorted by {@code sha256}. */
    public static final String PENDING_SELECT = "SELECT sha256, path";
    public static final String PENDING_FROM = "FROM vigil_item";
    public static final String PENDING_WHERE = "WHERE status = 'PENDING' AND inbox = :inbox AND night = :night";
    /** Of the pending items, the call recordings (by extension). */
    public static final String CALLS = "(" + dev.vigil.ingest.CallFiles.AUDIO_EXTENSIONS.stream().sorted()
            .map(ext -> "LOWER(path) LIKE '%." + ext + "'").collect(java.util.stream.Collectors.joining(" OR ")) + ")";

    public static PendingItem mapPending(ResultSet rs, int row) throws SQLException {
        return new PendingItem(rs.getString("sha256"), rs.getString("path"));
    }

    /**
     * Stores an evaluation and marks the item done; a no-op when it is no longer pending. {@code review} is the reason
     * an interaction was sent to human review ({@code needs_review}), empty when it was auto-scored.
     */
    public int saveEvaluated(String sha256, String interactionId, String agentId, String channel, Instant startedAt,
                             double score, boolean passed, Optional<String> review, String evaluationLine,
                             String transcriptJson) {
        return jdbc.update("UPDATE vigil_item SET status = 'DONE', interaction_id = ?, agent_id = ?, channel = ?, "
                        + "started_at = ?, score = ?, passed = ?, needs_review = ?, review_reason = ?, "
                        + "evaluation = ?, transcript = ?, stage = NULL, reason = NULL "
                        + "WHERE sha256 = ? AND status = 'PENDING'",
                interactionId, agentId, channel, Timestamp.from(startedAt), score, passed, review.isPresent(),
                review.map(r -> truncate(r, 4000)).orElse(null), evaluationLine, transcriptJson, sha256);
    }

    /** Marks an item quarantined with its reason; a no-op when it is no longer pending. */
    public int saveQuarantined(String sha256, String stage, String reason) {
        return jdbc.update("UPDATE vigil_item SET status = 'QUARANTINED', stage = ?, reason = ? "
                + "WHERE sha256 = ? AND status = 'PENDING'", stage, truncate(reason, 4000), sha256);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A run's evaluated files, as {@code rf} and {@code i}. */
    private static final String RUN_EVALUATED = "FROM vigil_run_file rf JOIN vigil_item i ON i.sha256 = rf.sha256 "
            + "WHERE rf.inbox = ? AND rf.night = ? AND rf.duplicate_of IS NULL AND i.status = 'DONE' ";

    /** The same file that comes first (by path) among the run's evaluated files with the same interaction id. */
    private static final String FIRST_WITH_ID = "SELECT MIN(rf2.path) FROM vigil_run_file rf2 "
            + "JOIN vigil_item i2 ON i2.sha256 = rf2.sha256 WHERE rf2.inbox = rf.inbox AND rf2.night = rf.night "
            + "AND rf2.duplicate_of IS NULL AND i2.status = 'DONE' AND i2.interaction_id = i.interaction_id";

    /** A run's published evaluations: each interaction id once, from the first file by path. */
    private static final String RUN_DONE = RUN_EVALUATED + "AND rf.path = (" + FIRST_WITH_ID + ") ";

    /** Streams the evaluation lines of a run's evaluated files, ordered by agent then interaction id. */
    public void forEachEvaluation(String inbox, LocalDate night, Consumer<String> line) {
        jdbc.query("SELECT i.evaluation " + RUN_DONE + "ORDER BY i.agent_id, i.interaction_id",
                rs -> {
                    line.accept(rs.getString(1));
                }, inbox, Date.valueOf(night));
    }

    /**
     * Streams every evaluation of an agent stored up to and including {@code night}, whatever inbox or night first
     * evaluated it: the history behind the agent's training uptake. Each interaction id comes once (from the night
     * that evaluated it last), ordered by interaction id.
     */
    public void forEachAgentEvaluation(String agentId, LocalDate night, Consumer<StoredEvaluation> handler) {
        String[] previous = {null};
        jdbc.query("SELECT interaction_id, sha256, evaluation FROM vigil_item WHERE status = 'DONE' AND agent_id = ? "
                        + "AND night <= ? ORDER BY interaction_id, night DESC, sha256",
                rs -> {
                    String id = rs.getString(1);
                    if (!id.equals(previous[0])) {
                        previous[0] = id;
                        handler.accept(new StoredEvaluation(rs.getString(2), rs.getString(3)));
                    }
                }, agentId, Date.valueOf(night));
    }

    /** The stored transcript of an evaluated content; empty when there is none. */
    public Optional<String> transcript(String sha256) {
        return jdbc.query("SELECT transcript FROM vigil_item WHERE sha256 = ? AND status = 'DONE'",
                (rs, n) -> rs.getString(1), sha256).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Replaces the stored evaluation line of an evaluated content, for example with its training-uptake metrics
     * measured again; the scores and every other column stay as they are.
     */
    public int replaceEvaluation(String sha256, String evaluationLine) {
        return jdbc.update("UPDATE vigil_item SET evaluation = ? WHERE sha256 = ? AND status = 'DONE'",
                evaluationLine, sha256);
    }

    /** Streams the run's published interactions, ordered by interaction id. */
    public void forEachInteraction(String inbox, LocalDate night, Consumer<StoredInteraction> handler) {
        jdbc.query("SELECT i.sha256, i.interaction_id, i.evaluation, i.transcript, rf.path, i.channel " + RUN_DONE
                        + "ORDER BY i.interaction_id",
                rs -> {
                    handler.accept(new StoredInteraction(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }, inbox, Date.valueOf(night));
    }

    /** The run's rejected files: quarantined contents and duplicate files, ordered by path. */
    public List<RejectedFile> rejectedFiles(String inbox, LocalDate night) {
        Date d = Date.valueOf(night);
        var out = new ArrayList<RejectedFile>(jdbc.query(
                "SELECT rf.path, i.stage, i.reason FROM vigil_run_file rf JOIN vigil_item i ON i.sha256 = rf.sha256 "
                        + "WHERE rf.inbox = ? AND rf.night = ? AND rf.duplicate_of IS NULL "
                        + "AND i.status = 'QUARANTINED'",
                (rs, n) -> new RejectedFile(rs.getString(1), rs.getString(2), rs.getString(3)), inbox, d));
        out.addAll(jdbc.query("SELECT rf.path, i.interaction_id, (" + FIRST_WITH_ID + ") " + RUN_EVALUATED
                        + "AND rf.path <> (" + FIRST_WITH_ID + ")",
                (rs, n) -> new RejectedFile(rs.getString(1), "ingest", "duplicate interaction id '"
                        + rs.getString(2) + "': already in " + rs.getString(3)), inbox, d));
        out.addAll(jdbc.query("SELECT path, duplicate_of FROM vigil_run_file WHERE inbox = ? AND night = ? "
                        + "AND duplicate_of IS NOT NULL",
                (rs, n) -> new RejectedFile(rs.getString(1), "scan",
                        "duplicate: same content as " + rs.getString(2)), inbox, d));
        out.sort(java.util.Comparator.comparing(RejectedFile::path));
        return out;
    }

    public RunCounts runCounts(String inbox, LocalDate night) {
        Date d = Date.valueOf(night);
        int[] files = jdbc.queryForObject("SELECT COUNT(*), SUM(CASE WHEN i.status = 'PENDING' AND "
                        + "rf.duplicate_of IS NULL THEN 1 ELSE 0 END) FROM vigil_run_file rf "
                        + "LEFT JOIN vigil_item i ON i.sha256 = rf.sha256 WHERE rf.inbox = ? AND rf.night = ?",
                (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}, inbox, d);
        Integer evaluated = jdbc.queryForObject("SELECT COUNT(*) " + RUN_DONE, Integer.class, inbox, d);
        int done = evaluated == null ? 0 : evaluated;
        return new RunCounts(files[0], done, files[0] - done - files[1], files[1]);
    }

    /** Replaces the run's agent roll-ups. */
    public void replaceAgentNights(String inbox, LocalDate night, List<AgentNight> rows) {
        jdbc.update("DELETE FROM vigil_agent_night WHERE inbox = ? AND night = ?", inbox, Date.valueOf(night));
        jdbc.batchUpdate("INSERT INTO vigil_agent_night (agent_id, night, inbox, interactions, needs_review, "
                + "mean_score, scorecard) VALUES (?, ?, ?, ?, ?, ?, ?)", rows, 500, (ps, r) -> {
                    ps.setString(1, r.agentId());
                    ps.setDate(2, Date.valueOf(r.night()));
                    ps.setString(3, inbox);
                    ps.setInt(4, r.interactions());
                    ps.setInt(5, r.needsReview());
                    ps.setDouble(6, r.meanScore());
                    ps.setString(7, r.scorecardJson());
                });
    }

    /** The run's agent roll-ups, ordered by agent id. */
    public List<AgentNight> agentNights(String inbox, LocalDate night) {
        return jdbc.query("SELECT agent_id, night, interactions, needs_review, mean_score, scorecard "
                        + "FROM vigil_agent_night WHERE inbox = ? AND night = ? ORDER BY agent_id",
                (rs, n) -> new AgentNight(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getInt(4),
                        rs.getDouble(5), rs.getString(6)), inbox, Date.valueOf(night));
    }

    /**
     * An agent's mean score per night, up to and including {@code night}, oldest first, weighted by the auto-scored
     * interactions: interactions sent to human review never move it, and a night with nothing auto-scored has no
     * point. Each row's {@link AgentNight#scored()} is the night's weight.
     */
    public List<AgentNight> trend(String agentId, LocalDate night) {
        return jdbc.query("SELECT agent_id, night, SUM(interactions - needs_review), SUM(needs_review), "
                        + "SUM(mean_score * (interactions - needs_review)) / NULLIF(SUM(interactions - needs_review), 0) "
                        + "FROM vigil_agent_night WHERE agent_id = ? AND night <= ? GROUP BY agent_id, night "
                        + "HAVING SUM(interactions - needs_review) > 0 ORDER BY night",
                (rs, n) -> new AgentNight(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3) + rs.getInt(4),
                        rs.getInt(4), rs.getDouble(5), ""), agentId, Date.valueOf(night));
    }
}
