package dev.vigil.uptake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds up one agent's uptake metrics, one evaluation at a time, into the before/after shares of every training the
 * agent attended. An interaction counts for a technique only when its evaluation carries the technique's metric
 * (the technique has a query in the interaction's language); it is "before" when it started before the training day
 * begins in {@code zone}, "after" otherwise. Memory grows with the number of techniques only. Not thread-safe.
 *
 * <p>Give each interaction once: the caller removes duplicates (the same interaction evaluated on several nights).
 */
public final class UptakeTally {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String agentId;
    private final List<Training> attended;
    private final ZoneId zone;
    /** key: training id + '\n' + technique id; value: {before, after}. */
    private final Map<String, UptakeShare[]> shares = new HashMap<>();

    /**
     * @param agentId   the agent whose interactions are added
     * @param trainings every loaded training; those the agent did not attend are ignored
     * @param zone      where a training day begins and ends (the inbox's time zone)
     */
    public UptakeTally(String agentId, TrainingSet trainings, ZoneId zone) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.attended = trainings.trainings().stream().filter(t -> t.attendedBy(agentId)).toList();
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Whether the agent attended any training, so that there is something to show. */
    public boolean hasTrainings() {
        return !attended.isEmpty();
    }

    /**
     * Adds one interaction from its start and its evaluation's metrics; metrics other than uptake metrics, and those of
     * trainings the agent did not attend, of techniques that no longer exist or of an earlier version of a technique
     * (measured with a query edited since), are ignored.
     */
    public UptakeTally add(Instant startedAt, Map<String, Double> metrics) {
        for (var e : metrics.entrySet()) {
            TrainingSet.parseMetric(e.getKey()).ifPresent(key -> {
                for (Training t : attended) {
                    if (t.id().equals(key.trainingId()) && t.technique(key.techniqueId())
                            .filter(tech -> tech.version().equals(key.version())).isPresent()) {
                        boolean after = !startedAt.isBefore(t.date().atStartOfDay(zone).toInstant());
                        UptakeShare[] pair = shares.computeIfAbsent(t.id() + "\n" + key.techniqueId(),
                                k -> new UptakeShare[] {UptakeShare.NONE, UptakeShare.NONE});
                        int uses = e.getValue() == null || e.getValue().isNaN() ? 0
                                : (int) Math.round(e.getValue());
                        pair[after ? 1 : 0] = pair[after ? 1 : 0].plus(uses);
                    }
                }
            });
        }
        return this;
    }

    /**
     * Adds one {@code evaluations.jsonl} line. Lines of other agents, and interactions sent to human review (whose
     * transcript is doubtful, so they never count for an agent), are skipped.
     *
     * @throws IllegalArgumentException when the line is not JSON or lacks {@code started_at}
     */
    public UptakeTally addLine(String evaluationLine) {
        JsonNode e;
        try {
            e = JSON.readTree(evaluationLine);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a JSON evaluation line: " + ex.getOriginalMessage(), ex);
        }
        if (!agentId.equals(e.path("agent_id").asText()) || e.path("needs_review").asBoolean(false)) {
            return this;
        }
        Instant started;
        try {
            started = Instant.parse(e.path("started_at").asText());
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("evaluation line without a valid started_at: "
                    + e.path("interaction_id").asText(), ex);
        }
        Map<String, Double> metrics = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.path("metrics").fields(); it.hasNext(); ) {
            var m = it.next();
            if (m.getKey().startsWith(TrainingSet.METRIC_PREFIX) && m.getValue().isNumber()) {
                metrics.put(m.getKey(), m.getValue().asDouble());
            }
        }
        return add(started, metrics);
    }

    /** Every attended training, in load order, with every technique's shares before and after its day. */
    public List<TrainingUptake> result() {
        var out = new ArrayList<TrainingUptake>();
        for (Training t : attended) {
            var techniques = new ArrayList<TechniqueUptake>();
            for (Technique tech : t.techniques()) {
                UptakeShare[] pair = shares.getOrDefault(t.id() + "\n" + tech.id(),
                        new UptakeShare[] {UptakeShare.NONE, UptakeShare.NONE});
                techniques.add(new TechniqueUptake(tech.id(), tech.title(), pair[0], pair[1]));
            }
            out.add(new TrainingUptake(t.id(), t.title(), t.date(), techniques));
        }
        return out;
    }
}
