package dev.vigil.ingest;

import dev.vigil.model.Speaker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text chat export: lines {@code [2026-11-21 10:15:04] Agent John Carter: text}; lines without a
 * {@code [timestamp]} continue the previous message. Thread-safe.
 */
final class PlainTextChatReader implements InteractionReader {
    /** {@code [timestamp] Role Name: text}; the role word is group 2, the name group 3, the text group 4. */
    private static final Pattern LINE = Pattern.compile(
            "^\\s*\\[([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(?:\\s?(?:Z|[+-][0-9]{2}:?[0-9]{2}))?)]\\s*"
                    + "([\\p{L}]+)([^:\\n]*):\\s?(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public String format() {
        return "plain-text chat export";
    }

    @Override
    public boolean accepts(String mediaType, String extension) {
        return mediaType.equals("text/plain");
    }

    @Override
    public Conversation read(InputFile file, ReadContext context) throws RejectedInputException {
        String text = TextDecoder.export(file, context);
        var messages = new ArrayList<Draft>();
        var authors = new ArrayList<SpeakerRoles.Author>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Instant at = context.timestamp(m.group(1), "line " + (i + 1));
                var role = SpeakerRoles.of(m.group(2));
                Speaker speaker = role.orElse(Speaker.UNKNOWN);
                String name = m.group(3).trim();
                String body = role.isPresent() ? m.group(4) : (m.group(2) + m.group(3)).trim() + ": " + m.group(4);
                if (role.isPresent()) {
                    authors.add(new SpeakerRoles.Author(speaker, name));
                }
                messages.add(new Draft(speaker, at, new StringBuilder(body.strip())));
            } else if (!messages.isEmpty()) {
                StringBuilder last = messages.get(messages.size() - 1).text();
                last.append('\n').append(line.strip());
            }
        }
        if (messages.isEmpty()) {
            throw context.reject("no chat lines found; expected lines like "
                    + "'[2026-11-21 10:15:04] Agent John Carter: text'");
        }
        var out = new ArrayList<Message>();
        for (Draft d : messages) {
            String body = d.text().toString().strip();
            if (!body.isEmpty()) {
                out.add(new Message(d.speaker(), d.at(), body));
            }
        }
        return Conversation.chat(SpeakerRoles.agent(authors, context), SpeakerRoles.customer(authors), out);
    }

    private record Draft(Speaker speaker, Instant at, StringBuilder text) {
    }
}
