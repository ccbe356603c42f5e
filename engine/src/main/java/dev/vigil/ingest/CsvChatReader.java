package dev.vigil.ingest;

import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV chat export with header {@code timestamp,speaker,name,text} (speaker {@code agent} or
 * {@code customer}) and optional columns {@code agent_id} and {@code interaction_id}. Thread-safe.
 */
final class CsvChatReader implements InteractionReader {
    private static final List<String> REQUIRED = List.of("timestamp", "speaker", "name", "text");
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).build();

    @Override
    public String format() {
        return "CSV chat export";
    }

    @Override
    public boolean accepts(String mediaType, String extension) {
        return mediaType.equals("text/csv") || mediaType.equals("text/plain") && extension.equals("csv");
    }

    @Override
    public Conversation read(InputFile file, ReadContext context) throws RejectedInputException {
        String text = TextDecoder.export(file, context);
        var messages = new ArrayList<Message>();
        var authors = new ArrayList<SpeakerRoles.Author>();
        Optional<String> agentId = Optional.empty();
        Optional<String> interactionId = Optional.empty();
        try (CSVParser parser = CSV.parse(new StringReader(text))) {
            var header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            var missing = new TreeSet<>(REQUIRED);
            missing.removeAll(header);
            if (!missing.isEmpty()) {
                throw context.reject("CSV header lacks column(s) " + missing + "; expected "
                        + String.join(",", REQUIRED) + "[,agent_id][,interaction_id]");
            }
            for (CSVRecord r : parser) {
                String row = "row " + (r.getRecordNumber() + 1);
                if (!r.isConsistent()) {
                    throw context.reject(row + " has " + r.size() + " field(s), the header has " + header.size());
                }
                String speakerText = get(r, "speaker").toLowerCase(Locale.ROOT);
                Speaker speaker = switch (speakerText) {
                    case "agent" -> Speaker.AGENT;
                    case "customer" -> Speaker.CUSTOMER;
                    default -> throw context.reject(row + ": speaker '" + speakerText + "' is not agent or customer");
                };
                Instant at = context.timestamp(get(r, "timestamp"), row);
                String name = get(r, "name");
                authors.add(new SpeakerRoles.Author(speaker, name));
                if (speaker == Speaker.AGENT && agentId.isEmpty()) {
                    agentId = Optional.of(get(r, "agent_id")).filter(s -> !s.isEmpty());
                }
                if (interactionId.isEmpty()) {
                    interactionId = Optional.of(get(r, "interaction_id")).filter(s -> !s.isEmpty());
                }
                String body = get(r, "text").strip();
                if (!body.isEmpty()) {
                    messages.add(new Message(speaker, at, body));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw context.reject("invalid CSV: " + e.getMessage(), e);
        }
        if (messages.isEmpty()) {
            throw context.reject("no chat rows after the CSV header");
        }
        Person agent = agentId.isPresent()
                ? context.agentById(agentId.get(), authors.stream().filter(a -> a.speaker() == Speaker.AGENT)
                        .map(SpeakerRoles.Author::name).filter(s -> !s.isBlank()).findFirst())
                : SpeakerRoles.agent(authors, context);
        return new Conversation(interactionId, dev.vigil.model.Channel.CHAT, Optional.empty(), Optional.empty(),
                agent, SpeakerRoles.customer(authors), messages, List.of(), java.util.OptionalInt.empty());
    }

    private static String get(CSVRecord r, String column) {
        for (String h : r.getParser().getHeaderNames()) {
            if (h.trim().equalsIgnoreCase(column)) {
                return r.isSet(h) ? r.get(h).trim() : "";
            }
        }
        return "";
    }
}
