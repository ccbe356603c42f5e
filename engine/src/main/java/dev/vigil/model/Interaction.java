package dev.vigil.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One conversation between an agent and a customer, normalised from whatever file it came in.
 *
 * @param id          the contract's interaction id
 * @param channel     chat, email or call
 * @param language    the dominant language of the turns
 * @param agent       the agent, resolved against the roster
 * @param customer    the customer, where known
 * @param startedAt   when it started
 * @param duration    from the start to the end of the last turn
 * @param turns       the dialogue in time order; turn {@code i} has index {@code i}
 * @param attachments email attachments (listed, not scored)
 * @param csat        the survey's CSAT (1-5) where the input carried one
 * @param source      the file it was read from
 * @param recording   for calls, what was measured on the audio signal; empty for chats and emails
 */
public record Interaction(String id, Channel channel, Language language, Person agent, Optional<Person> customer,
                          Instant startedAt, Duration duration, List<Turn> turns, List<Attachment> attachments,
                          OptionalInt csat, Path source, Optional<Recording> recording) {
    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recording, "recording");
        turns = List.copyOf(turns);
        attachments = List.copyOf(attachments);
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).index() != i) {
                throw new IllegalArgumentException("turn " + i + " has index " + turns.get(i).index());
            }
        }
    }

    /** A chat or email: an interaction without a recording. */
    public Interaction(String id, Channel channel, Language language, Person agent, Optional<Person> customer,
                       Instant startedAt, Duration duration, List<Turn> turns, List<Attachment> attachments,
                       OptionalInt csat, Path source) {
        this(id, channel, language, agent, customer, startedAt, duration, turns, attachments, csat, source,
                Optional.empty());
    }

    public Interaction withTurns(List<Turn> newTurns) {
        return new Interaction(id, channel, language, agent, customer, startedAt, duration, newTurns, attachments, csat, source, recording);
    }

    public Interaction withLanguage(Language l) {
        return new Interaction(id, channel, l, agent, customer, startedAt, duration, turns, attachments, csat, source, recording);
    }
}
