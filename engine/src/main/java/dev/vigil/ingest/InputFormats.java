package dev.vigil.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file formats the ingestor reads, in the order they are tried, and the known formats it refuses with a reason.
 * To support a new format, add its {@link InteractionReader} to {@link #standard()} or pass it to {@link #with}. Immutable and thread-safe.
 */
public final class InputFormats {
    /** A known format that is refused, with what to tell the user. */
    record Refusal(Set<String> extensions, Set<String> mediaTypePrefixes, String reason) {
        boolean matches(String mediaType, String extension) {
            return extensions.contains(extension) || mediaTypePrefixes.stream().anyMatch(mediaType::startsWith);
        }
    }

    private final List<InteractionReader> readers;
    private final List<Refusal> refusals;

    private InputFormats(List<InteractionReader> readers, List<Refusal> refusals) {
        this.readers = List.copyOf(readers);
        this.refusals = List.copyOf(refusals);
    }

    /**
     * Chat JSON, CSV, HTML, email and plain-text exports; Outlook {@code .msg} refused with a reason, and audio too
     * unless a call reader is added with {@link #with}.
     */
    public static InputFormats standard() {
        return new InputFormats(
                List.of(new ChatJsonReader(), new CsvChatReader(), new HtmlChatReader(), new EmailReader(),
                        new PlainTextChatReader()),
                List.of(new Refusal(Set.of("wav", "mp3", "flac", "ogg", "oga", "opus"), Set.of("audio/"),
                                "call recordings need the speech module, which this ingestor was built without"),
                        new Refusal(Set.of("msg"), Set.of("application/vnd.ms-outlook"),
                                "unsupported: Outlook .msg; export the message as .eml")));
    }

    /**
     * These formats with one more reader tried first. Readers are tried before refusals, so a reader for call
     * recordings overrides the audio refusal.
     */
    public InputFormats with(InteractionReader reader) {
        var more = new java.util.ArrayList<InteractionReader>();
        more.add(reader);
        more.addAll(readers);
        return new InputFormats(more, refusals);
    }

    /**
     * The reader for a file, or the reason it is refused.
     *
     * @param mediaType the detected type without parameters
     * @param extension the lower-case extension without the dot; may be empty
     */
    Choice choose(String mediaType, String extension) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        for (InteractionReader r : readers) {
            if (r.accepts(type, extension)) {
                return new Choice(Optional.of(r), "");
            }
        }
        for (Refusal r : refusals) {
            if (r.matches(type, extension)) {
                return new Choice(Optional.empty(), r.reason());
            }
        }
        return new Choice(Optional.empty(), "unsupported file type " + type
                + (extension.isEmpty() ? " (no extension)" : " (." + extension + ")"));
    }

    /** A reader, or the reason there is none. */
    record Choice(Optional<InteractionReader> reader, String refusal) {
    }
}
