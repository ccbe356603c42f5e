package dev.vigil.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.config.Agent;
import dev.vigil.model.ChannelLayout;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call's metadata: from its sidecar JSON (the contract's {@code {"id", "started_at", "agent": {"id"},
 * "customer": {"id"}, "language", "channels"}}), or, without one, from the file name and the roster.
 *
 * @param id        the interaction id: the sidecar's {@code id}, else the file name without its extension
 * @param startedAt when the call started: the sidecar's, else a {@code yyyyMMdd-HHmmss} stamp in the file name,
 *                  else the file's modification time
 * @param agent     the agent, resolved against the roster
 * @param customer  the customer, where known
 * @param language  the declared language; empty means the agent's language in the roster, else the inbox default
 * @param layout    the channel layout: the sidecar's {@code channels}, else {@code calls.channels} of vigil.yaml
 * @param missing   what the metadata lacks and was guessed, for the evaluation's flags (for example
 *                  {@code started_at})
 */
public record CallSidecar(String id, Instant startedAt, Person agent, Optional<Person> customer,
                          Optional<Language> language, ChannelLayout layout, java.util.List<String> missing) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STAMP = Pattern.compile("(\\d{8})[-_T]?(\\d{6})");

    public CallSidecar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(layout, "layout");
        missing = java.util.List.copyOf(missing);
    }

    /**
     * Reads the metadata of the recording {@code audio}.
     *
     * @throws RejectedInputException when the sidecar is invalid, or the agent cannot be found
     */
    public static CallSidecar read(Path audio, String baseName, ReadContext context) throws RejectedInputException {
        Optional<Path> sidecar = CallFiles.sidecarOf(audio);
        if (sidecar.isEmpty()) {
            return fromFileName(audio, baseName, context);
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(sidecar.get(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw context.reject("invalid sidecar " + sidecar.get().getFileName() + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw context.reject("cannot read the sidecar " + sidecar.get().getFileName() + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw context.reject("invalid sidecar " + sidecar.get().getFileName() + ": the top level must be an object");
        }
        String where = "sidecar " + sidecar.get().getFileName();
        String id = text(root, "id").orElse(baseName);
        var missing = new java.util.ArrayList<String>();
        Optional<String> started = text(root, "started_at");
        Instant startedAt;
        if (started.isPresent()) {
            startedAt = context.timestamp(started.get(), where + " field 'started_at'");
        } else {
            startedAt = fromName(audio, context).orElseGet(() -> modified(audio));
            missing.add("started_at");
        }
        Optional<String> agentId = root.path("agent").isObject() ? text(root.get("agent"), "id") : Optional.empty();
        if (agentId.isEmpty()) {
            throw context.reject(where + ": missing required field 'agent.id'");
        }
        Person agent = context.agentById(agentId.get(), text(root.get("agent"), "name"));
        Optional<Person> customer = root.path("customer").isObject()
                ? text(root.get("customer"), "id").map(c -> new Person(c, text(root.get("customer"), "name")))
                : Optional.empty();
        Optional<Language> language;
        try {
            language = text(root, "language").map(Language::fromCode);
        } catch (IllegalArgumentException e) {
            throw context.reject(where + " field 'language': " + e.getMessage());
        }
        ChannelLayout layout = context.inbox().config().calls().layout();
        JsonNode channels = root.get("channels");
        if (channels != null && !channels.isNull()) {
            layout = ChannelLayout.parse(JSON.convertValue(channels, Object.class)).orElseThrow(() -> context.reject(where + " field 'channels': expected "
                    + "\"mono\" or {\"left\": \"agent\", \"right\": \"customer\"} (or the reverse), got " + channels));
        }
        return new CallSidecar(id, startedAt, agent, customer, language, layout, missing);
    }

    /** Without a sidecar: an agent id from the roster in the file name, and a time stamp in it where there is one. */
    private static CallSidecar fromFileName(Path audio, String baseName, ReadContext context)
            throws RejectedInputException {
        String name = baseName.toLowerCase(Locale.ROOT);
        Optional<Agent> agent = context.roster().agents().stream()
                .filter(a -> name.contains(a.id().toLowerCase(Locale.ROOT)))
                .max(java.util.Comparator.comparingInt(a -> a.id().length()));
        if (agent.isEmpty()) {
            throw context.reject("no sidecar " + baseName + ".json, and the file name names no agent id from "
                    + "agents.csv (name calls <agent_id>_<yyyyMMdd-HHmmss>.wav or add a sidecar)");
        }
        var missing = new java.util.ArrayList<String>();
        missing.add("sidecar");
        Optional<Instant> stamp = fromName(audio, context);
        if (stamp.isEmpty()) {
            missing.add("started_at");
        }
        Person person = new Person(agent.get().id(), Optional.of(agent.get().name()));
        return new CallSidecar(baseName, stamp.orElseGet(() -> modified(audio)), person, Optional.empty(),
                Optional.empty(), context.inbox().config().calls().layout(), missing);
    }

    private static Optional<Instant> fromName(Path audio, ReadContext context) {
        Matcher m = STAMP.matcher(String.valueOf(audio.getFileName()));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1) + m.group(2),
                    DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)).atZone(context.zone()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant modified(Path audio) {
        try {
            return Files.getLastModifiedTime(audio).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? Optional.empty()
                : Optional.of(v.asText().trim());
    }
}
