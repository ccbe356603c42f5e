package dev.vigil.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Attachment;
import dev.vigil.model.Channel;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.ItemOutcome;
import dev.vigil.model.ItemResult;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.SectionScore;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the contract's {@code evaluations.jsonl} lines and {@code transcripts/<id>.json} objects, and parses a line
 * back into an {@link EvaluationSummary} (or, with its transcript, into the {@link Interaction}). Stateless and
 * thread-safe.
 *
 * <p>Output is deterministic: keys are always written in the same order (the contract's fields first, then the
 * optional extensions), and numbers are rounded to a fixed precision: scores and section points to 2 decimals,
 * metrics, confidences and {@code duration_s} to 3 decimals. Times are ISO-8601 instants in UTC and millisecond
 * offsets from the start of the interaction.
 *
 * <p>Extension fields (absent from the contract's example, all optional): {@code items} (every scorecard item's
 * verdict), {@code csat} (when the input carried one), {@code source} (the input's file name, without folders),
 * {@code customer_id} and {@code agent_name} (when known) on the evaluation line; {@code attachments} on email
 * transcripts.
 *
 * <p><b>Human review.</b> An evaluation sent to human review ({@link Evaluation#review()}) carries
 * {@code "needs_review": true} and {@code "review_reason"} right after {@code scorecard}; an auto-scored line omits
 * both fields (readers treat a missing {@code needs_review} as false). The line keeps the computed {@code score};
 * {@code passed} is false.
 */
public final class EvaluationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EvaluationJson() {
    }

    /** One line of {@code evaluations.jsonl} for {@code e}, without a line terminator. */
    public static String line(Evaluation e) {
        Interaction i = e.interaction();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("interaction_id", i.id());
        o.put("channel", i.channel().code());
        o.put("language", i.language().code());
        o.put("agent_id", i.agent().id());
        o.put("started_at", i.startedAt().toString());
        o.put("duration_s", round(seconds(i.duration()), 3));
        o.put("score", round(e.score(), 2));
        o.put("passed", e.passed());
        o.put("auto_fail", e.autoFail());
        o.put("scorecard", e.scorecard());
        e.review().ifPresent(reason -> {
            o.put("needs_review", true);
            o.put("review_reason", reason);
        });
        ArrayNode findings = o.putArray("findings");
        for (Finding f : e.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.ruleId());
            n.put("category", f.category().code());
            n.put("speaker", f.speaker().code());
            n.put("turn", f.turn());
            n.put("start_ms", f.time().start().toMillis());
            n.put("end_ms", f.time().end().toMillis());
            n.put("char_start", f.chars().start());
            n.put("char_end", f.chars().end());
            n.put("text", f.text());
            n.put("confidence", round(f.confidence(), 3));
            n.put("signal", f.signal().code());
            if (!f.cues().isEmpty()) {
                ArrayNode cues = n.putArray("cues");
                f.cues().forEach(cues::add);
            }
        }
        ArrayNode missing = o.putArray("missing");
        e.missing().forEach(missing::add);
        ArrayNode sections = o.putArray("sections");
        for (SectionScore s : e.sections()) {
            ObjectNode n = sections.addObject();
            n.put("id", s.id());
            n.put("score", round(s.score(), 2));
            n.put("max", round(s.max(), 2));
        }
        ObjectNode metrics = o.putObject("metrics");
        e.metrics().forEach((k, v) -> {
            if (v == null || v.isNaN() || v.isInfinite()) {
                metrics.putNull(k); // JSON has no NaN; an undefined metric (such as a ratio of nothing) is null
            } else {
                metrics.put(k, round(v, 3));
            }
        });
        ArrayNode flags = o.putArray("flags");
        e.flags().forEach(flags::add);
        ArrayNode items = o.putArray("items");
        for (ItemResult r : e.items()) {
            ObjectNode n = items.addObject();
            n.put("id", r.itemId());
            n.put("section", r.section());
            n.put("outcome", r.outcome().code());
            n.put("auto_fail", r.autoFail());
            n.put("reason", r.reason());
            ArrayNode evidence = n.putArray("evidence");
            r.evidence().forEach(evidence::add);
        }
        i.csat().ifPresent(c -> o.put("csat", c));
        o.put("source", i.source().toString().replace('\\', '/'));
        i.customer().ifPresent(c -> o.put("customer_id", c.id()));
        i.agent().name().ifPresent(n -> o.put("agent_name", n));
        return write(o);
    }

    /**
     * The contract's {@code transcripts/<id>.json} object for {@code i}, on one line. {@code words} is written for
     * calls only, {@code attachments} for emails only.
     */
    public static String transcript(Interaction i) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("interaction_id", i.id());
        o.put("language", i.language().code());
        ArrayNode turns = o.putArray("turns");
        for (Turn t : i.turns()) {
            ObjectNode n = turns.addObject();
            n.put("speaker", t.speaker().code());
            n.put("start_ms", t.time().start().toMillis());
            n.put("end_ms", t.time().end().toMillis());
            n.put("text", t.text());
            n.put("language", t.language().code());
            if (i.channel() == Channel.CALL) {
                ArrayNode words = n.putArray("words");
                for (Word w : t.words()) {
                    ObjectNode wn = words.addObject();
                    wn.put("w", w.text());
                    wn.put("start_ms", w.time().start().toMillis());
                    wn.put("end_ms", w.time().end().toMillis());
                    wn.put("confidence", round(w.confidence(), 3));
                }
            }
        }
        if (i.channel() == Channel.EMAIL) {
            ArrayNode attachments = o.putArray("attachments");
            for (Attachment a : i.attachments()) {
                ObjectNode n = attachments.addObject();
                n.put("name", a.name());
                n.put("media_type", a.mediaType());
                n.put("size_bytes", a.sizeBytes());
            }
        }
        return write(o);
    }

    /**
     * The interaction as it was analysed, read back from its {@code evaluations.jsonl} line and its
     * {@code transcripts/<id>.json} object: id, channel, languages, agent (id and {@code agent_name}), customer id,
     * start, duration, turns with their words, attachments, CSAT and source. What the outputs do not keep (the
     * recording's measurements, the customer's name) is empty. For analysing stored interactions again, for example
     * with training-uptake techniques added since.
     *
     * @throws IllegalArgumentException when either is not JSON, lacks a contract field, or they are of different
     *                                  interactions
     */
    public static Interaction interaction(String evaluationLine, String transcriptJson) {
        JsonNode e = parse(evaluationLine);
        JsonNode t = parse(transcriptJson);
        String id = text(e, "interaction_id");
        if (!id.equals(text(t, "interaction_id"))) {
            throw new IllegalArgumentException("the transcript of '" + t.get("interaction_id").asText()
                    + "' is not that of '" + id + "'");
        }
        Language language = Language.fromCode(text(t, "language"));
        List<Turn> turns = new ArrayList<>();
        for (JsonNode n : t.path("turns")) {
            List<Word> words = new ArrayList<>();
            for (JsonNode w : n.path("words")) {
                words.add(new Word(text(w, "w"), TimeSpan.ofMillis(required(w, "start_ms").asLong(),
                        required(w, "end_ms").asLong()), required(w, "confidence").asDouble()));
            }
            turns.add(new Turn(turns.size(), Speaker.fromCode(text(n, "speaker")),
                    TimeSpan.ofMillis(required(n, "start_ms").asLong(), required(n, "end_ms").asLong()),
                    text(n, "text"), n.hasNonNull("language") ? Language.fromCode(n.get("language").asText())
                    : language, words));
        }
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode a : t.path("attachments")) {
            attachments.add(new Attachment(text(a, "name"), text(a, "media_type"), required(a, "size_bytes").asLong()));
        }
        Person agent = new Person(text(e, "agent_id"), Optional.ofNullable(e.get("agent_name"))
                .filter(JsonNode::isTextual).map(JsonNode::asText));
        Optional<Person> customer = e.hasNonNull("customer_id")
                ? Optional.of(new Person(e.get("customer_id").asText(), Optional.empty())) : Optional.empty();
        Duration duration = Duration.ofMillis(Math.round(required(e, "duration_s").asDouble() * 1000));
        return new Interaction(id, Channel.fromCode(text(e, "channel")), language, agent, customer,
                Instant.parse(text(e, "started_at")), duration, turns, attachments,
                e.hasNonNull("csat") ? OptionalInt.of(e.get("csat").asInt()) : OptionalInt.empty(),
                Path.of(e.hasNonNull("source") ? e.get("source").asText() : id));
    }

    /**
     * The evaluation line with every metric whose name starts with {@code prefix} replaced by {@code metrics} (whose
     * names should start with it too), written as {@link #line} writes metrics; the rest of the line is unchanged.
     *
     * @throws IllegalArgumentException when the line is not JSON
     */
    public static String withMetrics(String evaluationLine, String prefix, Map<String, Double> metrics) {
        ObjectNode o = (ObjectNode) parse(evaluationLine);
        SortedMap<String, JsonNode> all = new TreeMap<>();
        o.path("metrics").fields().forEachRemaining(m -> {
            if (!m.getKey().startsWith(prefix)) {
                all.put(m.getKey(), m.getValue());
            }
        });
        metrics.forEach((k, v) -> all.put(k, v == null || v.isNaN() || v.isInfinite()
                ? MAPPER.getNodeFactory().nullNode() : MAPPER.getNodeFactory().numberNode(round(v, 3))));
        ObjectNode replaced = MAPPER.createObjectNode();
        all.forEach(replaced::set);
        o.set("metrics", replaced); // keeps its place among the line's keys
        return write(o);
    }

    /**
     * Parses the fields roll-ups need from one {@code evaluations.jsonl} line.
     *
     * @throws IllegalArgumentException when the line is not JSON or lacks a contract field
     */
    public static EvaluationSummary summary(String line) {
        JsonNode o = parse(line);
        List<String> failed = new ArrayList<>();
        for (JsonNode item : o.path("items")) {
            if (ItemOutcome.FAILED.code().equals(item.path("outcome").asText())) {
                failed.add(item.path("id").asText());
            }
        }
        Map<String, Double> sections = new LinkedHashMap<>();
        for (JsonNode s : o.path("sections")) {
            double max = s.path("max").asDouble();
            if (max > 0) {
                sections.put(s.path("id").asText(), 100.0 * s.path("score").asDouble() / max);
            }
        }
        return new EvaluationSummary(
                text(o, "interaction_id"),
                text(o, "agent_id"),
                Channel.fromCode(text(o, "channel")),
                Language.fromCode(text(o, "language")),
                Instant.parse(text(o, "started_at")),
                required(o, "score").asDouble(),
                required(o, "passed").asBoolean(),
                required(o, "auto_fail").asBoolean(),
                strings(o.path("flags")),
                failed,
                sections,
                o.hasNonNull("csat") ? OptionalInt.of(o.get("csat").asInt()) : OptionalInt.empty(),
                review(o));
    }

    /** The reason of a line sent to human review; empty for an auto-scored line. */
    static Optional<String> review(JsonNode line) {
        if (!line.path("needs_review").asBoolean(false)) {
            return Optional.empty();
        }
        String reason = line.path("review_reason").asText("");
        return Optional.of(reason.isBlank() ? "unspecified" : reason);
    }

    /** Parses one line or transcript object into a tree; package-private for the HTML pages. */
    static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object: " + abbreviate(json));
            }
            return node;
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("invalid JSON (" + ex.getOriginalMessage() + "): " + abbreviate(json), ex);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String text(JsonNode o, String field) {
        return required(o, field).asText();
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("evaluation line lacks '" + field + "'");
        }
        return n;
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise a JSON tree", ex);
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
