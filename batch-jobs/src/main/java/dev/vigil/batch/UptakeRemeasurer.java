package dev.vigil.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.report.EvaluationJson;
import dev.vigil.uptake.TrainingSet;
import dev.vigil.uptake.UptakeMatcher;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Brings the training-uptake metrics of stored evaluation lines up to date with the loaded trainings. A line is
 * current when its uptake metrics are exactly those an analysis would write tonight
 * ({@link TrainingSet#metrics(Language)}: every technique with a query in the line's language, at the technique's
 * current version). A line stored before a training was added, or before a technique's query was edited, lacks a
 * current metric: its interaction is rebuilt from the stored transcript ({@link EvaluationJson#interaction}) and
 * matched again by the same {@link UptakeMatcher} as fresh analysis. A line that only has metrics of trainings since
 * removed loses them without matching. Nothing is cached, so memory does not grow with the history.
 *
 * <p>The agent's first name, which {@code ${agent.first_name}} stands for, is the line's {@code agent_name} (what
 * the analysis used), else the roster's name for the agent. Not thread-safe (it counts what it re-measured).
 */
final class UptakeRemeasurer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UptakeMatcher matcher;
    private final Function<String, Optional<String>> rosterNames;
    private final Map<Language, SortedSet<String>> expected = new EnumMap<>(Language.class);
    private int remeasured;

    /**
     * @param matcher     the loaded trainings' matcher (the engine's)
     * @param rosterNames the roster's name of an agent id
     */
    UptakeRemeasurer(UptakeMatcher matcher, Function<String, Optional<String>> rosterNames) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.rosterNames = Objects.requireNonNull(rosterNames, "rosterNames");
    }

    /**
     * The line with current uptake metrics, when it had others; empty when it is current (nothing to store). The
     * transcript is fetched only when the techniques must be matched again; without one the line is left as it is.
     *
     * @throws IllegalArgumentException when the line or transcript is not a valid evaluation line or transcript
     */
    Optional<String> remeasure(String evaluationLine, Supplier<Optional<String>> transcriptJson) {
        JsonNode line;
        try {
            line = JSON.readTree(evaluationLine);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON evaluation line: " + e.getOriginalMessage(), e);
        }
        Language language = Language.fromCode(line.path("language").asText());
        SortedSet<String> wanted = expected.computeIfAbsent(language, l -> matcher.trainings().metrics(l));
        SortedMap<String, Double> present = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = line.path("metrics").fields(); it.hasNext(); ) {
            var m = it.next();
            if (m.getKey().startsWith(TrainingSet.METRIC_PREFIX)) {
                present.put(m.getKey(), m.getValue().isNumber() ? m.getValue().asDouble() : Double.NaN);
            }
        }
        if (present.keySet().equals(wanted)) {
            return Optional.empty();
        }
        if (present.keySet().containsAll(wanted)) { // only metrics of removed trainings or earlier versions: drop
            present.keySet().retainAll(wanted);
            return Optional.of(EvaluationJson.withMetrics(evaluationLine, TrainingSet.METRIC_PREFIX, present));
        }
        Optional<String> transcript = transcriptJson.get();
        if (transcript.isEmpty()) {
            return Optional.empty();
        }
        Interaction stored = EvaluationJson.interaction(evaluationLine, transcript.get());
        Interaction interaction = stored.agent().name().isPresent() ? stored : withAgent(stored,
                new Person(stored.agent().id(), rosterNames.apply(stored.agent().id())));
        remeasured++;
        return Optional.of(EvaluationJson.withMetrics(evaluationLine, TrainingSet.METRIC_PREFIX,
                matcher.metrics(interaction)));
    }

    /** How many interactions had their techniques matched again. */
    int remeasured() {
        return remeasured;
    }

    private static Interaction withAgent(Interaction i, Person agent) {
        return new Interaction(i.id(), i.channel(), i.language(), agent, i.customer(), i.startedAt(), i.duration(),
                i.turns(), i.attachments(), i.csat(), i.source(), i.recording());
    }
}
