package dev.vigil.ingest;

import dev.vigil.model.Attachment;
import dev.vigil.model.Channel;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Recording;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an {@link InteractionReader} makes of one file: the format-specific part of ingestion. The {@link Ingestor}
 * turns it into an {@link dev.vigil.model.Interaction} (language detection, time offsets, survey CSAT).
 *
 * @param id          the id the file declares; empty means the file name without its extension
 * @param channel     chat or email
 * @param startedAt   the declared start; empty means the first message's time
 * @param language    the declared language; empty means detected
 * @param agent       the agent, already resolved against the roster
 * @param customer    the customer, where known
 * @param messages    the messages in the order they were written
 * @param attachments email attachments
 * @param csat        the CSAT the file carries
 * @param recording   for calls, what was measured on the audio; {@code startedAt} is then required, because
 *                    speech times count from it
 */
public record Conversation(Optional<String> id, Channel channel, Optional<Instant> startedAt,
                           Optional<Language> language, Person agent, Optional<Person> customer,
                           List<Message> messages, List<Attachment> attachments, OptionalInt csat,
                           Optional<Recording> recording) {
    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(recording, "recording");
        if (recording.isPresent() && startedAt.isEmpty()) {
            throw new IllegalArgumentException("a call needs its start time");
        }
        messages = List.copyOf(messages);
        attachments = List.copyOf(attachments);
    }

    /** A chat or email (no recording). */
    public Conversation(Optional<String> id, Channel channel, Optional<Instant> startedAt,
                        Optional<Language> language, Person agent, Optional<Person> customer,
                        List<Message> messages, List<Attachment> attachments, OptionalInt csat) {
        this(id, channel, startedAt, language, agent, customer, messages, attachments, csat, Optional.empty());
    }

    /** A chat without declared id, start, language, attachments or CSAT. */
    public static Conversation chat(Person agent, Optional<Person> customer, List<Message> messages) {
        return new Conversation(Optional.empty(), Channel.CHAT, Optional.empty(), Optional.empty(), agent, customer,
                messages, List.of(), OptionalInt.empty());
    }
}
