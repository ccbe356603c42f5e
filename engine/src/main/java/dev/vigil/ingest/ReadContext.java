package dev.vigil.ingest;

import dev.vigil.config.Agent;
import dev.vigil.config.Inbox;
import dev.vigil.config.Roster;
import dev.vigil.model.Person;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reader needs besides the file: the inbox's roster and time zone, and a way to reject the file with a reason.
 * One instance per file; immutable.
 */
public final class ReadContext {
    /** ISO-8601 date and time with {@code T} or a space, optional seconds and fraction, optional offset. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendPattern("[' ']['T']")
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendPattern("[' ']").appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT);

    private final Path file;
    private final Inbox inbox;

    public ReadContext(Path file, Inbox inbox) {
        this.file = Objects.requireNonNull(file, "file");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
    }

    public Inbox inbox() {
        return inbox;
    }

    public Roster roster() {
        return inbox.roster();
    }

    /** The zone of timestamps written without an offset ({@code timezone} in {@code vigil.yaml}). */
    public ZoneId zone() {
        return inbox.config().timezone();
    }

    /** A rejection of this file at the {@code ingest} stage. */
    public RejectedInputException reject(String reason) {
        return new RejectedInputException(file, "ingest", reason);
    }

    /** A rejection of this file at the {@code ingest} stage, keeping the library exception that caused it. */
    public RejectedInputException reject(String reason, Throwable cause) {
        return new RejectedInputException(file, "ingest", reason, cause);
    }

    /**
     * Parses an ISO-8601 timestamp ({@code 2026-11-21T09:12:00Z}, {@code 2026-11-21 10:15:04}); without an offset it is
     * read in the inbox's zone.
     *
     * @param where names the value in the reason, for example {@code line 4}
     */
    public Instant timestamp(String text, String where) throws RejectedInputException {
        String t = text == null ? "" : text.trim();
        try {
            TemporalAccessor parsed = TIMESTAMP.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            return ((LocalDateTime) parsed).atZone(zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw reject(where + ": invalid timestamp '" + t + "' (expected ISO-8601, e.g. 2026-11-21T09:12:00Z)");
        }
    }

    /**
     * The agent with this id. With {@code agents.csv} the id must be in it; the roster's name is used when the file
     * has none. Without {@code agents.csv} the id is accepted as it is.
     */
    public Person agentById(String id, Optional<String> nameInFile) throws RejectedInputException {
        Optional<String> name = nameInFile.map(String::trim).filter(n -> !n.isEmpty());
        if (!roster().isPresent()) {
            return new Person(id, name);
        }
        Agent agent = roster().byId(id)
                .orElseThrow(() -> reject("unknown agent '" + id + "' (not in agents.csv)"));
        return new Person(agent.id(), name.or(() -> Optional.of(agent.name())));
    }

    /**
     * The agent with this display name: the roster's agent with the same full name (case-insensitive), else the only
     * agent with that first name. Without {@code agents.csv} the name is also the id.
     */
    public Person agentByName(String displayName) throws RejectedInputException {
        String name = displayName.trim().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw reject("the agent's messages carry no name, so the agent cannot be identified");
        }
        if (!roster().isPresent()) {
            return Person.of(name, name);
        }
        String key = name.toLowerCase(Locale.ROOT);
        List<Agent> full = roster().agents().stream()
                .filter(a -> a.name().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).equals(key)).toList();
        if (full.size() == 1) {
            return Person.of(full.get(0).id(), name);
        }
        if (full.size() > 1) {
            throw reject("agent name '" + name + "' matches several agents in agents.csv: "
                    + full.stream().map(Agent::id).toList());
        }
        List<Agent> first = roster().agents().stream()
                .filter(a -> a.name().trim().split("\\s+")[0].toLowerCase(Locale.ROOT).equals(key)).toList();
        if (first.size() == 1) {
            return Person.of(first.get(0).id(), first.get(0).name());
        }
        if (first.size() > 1) {
            throw reject("agent first name '" + name + "' matches several agents in agents.csv: "
                    + first.stream().map(Agent::id).toList());
        }
        throw reject("unknown agent '" + name + "' (no agent of that name in agents.csv)");
    }

    /** The roster's agent with this e-mail address (case-insensitive). */
    public Optional<Agent> agentByEmail(String email) {
        return roster().byEmail(email);
    }
}
