package dev.vigil.ingest;

import dev.vigil.config.Inbox;
import dev.vigil.config.Survey;
import dev.vigil.model.Attachment;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import dev.vigil.pii.Redaction;
import dev.vigil.pii.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * Turns one inbox file into an {@link Interaction}: checks size and type (Tika detection), parses the format, resolves
 * the agent against the roster, redacts personal data and detects the language per turn and per interaction.
 * Thread-safe.
 *
 * <p>Redaction happens here, for every reader, before anything else sees the conversation: card, phone, passport,
 * СНИЛС and ИНН numbers and e-mail addresses in messages, recognised words, attachment names and the customer become
 * placeholders such as {@code [card]} ({@link Redactor}), and a rejection's reason and cause are redacted too, so
 * neither an {@link Interaction} nor a {@link RejectedInputException} ever holds the raw value.
 */
public final class Ingestor {
    private static final double MB = 1024.0 * 1024.0;

    private final Inbox inbox;
    private final InputFormats formats;
    private final LanguageDetector languages;
    /** How many leading bytes the binary check of text-named files reads. */
    static final int SIGNATURE_BYTES = 1024;

    private final Tika tika = new Tika();
    private final Redactor redactor = new Redactor();

    /** An ingestor with the standard formats and the shared language detector. */
    public Ingestor(Inbox inbox) {
        this(inbox, InputFormats.standard(), LanguageDetector.standard());
    }

    public Ingestor(Inbox inbox, InputFormats formats, LanguageDetector languages) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.languages = Objects.requireNonNull(languages, "languages");
    }

    /**
     * Reads one file.
     *
     * @throws RejectedInputException naming the file, stage and reason when the file cannot be used
     */
    public Interaction read(Path file) throws RejectedInputException {
        try {
            return readUnredacted(file);
        } catch (RejectedInputException e) {
            throw redacted(e);
        }
    }

    /** The rejection with personal data taken out of its reason and of its cause's messages. */
    private RejectedInputException redacted(RejectedInputException e) {
        return new RejectedInputException(e.file(), e.stage(), redactor.redactMessage(e.reason()),
                e.getCause() == null ? null : redactor.scrub(e.getCause()));
    }

    private Interaction readUnredacted(Path file) throws RejectedInputException {
        InputFile input = scan(file);
        InputFormats.Choice choice = formats.choose(input.mediaType(), input.extension());
        if (choice.reader().isEmpty()) {
            throw new RejectedInputException(file, "scan", choice.refusal());
        }
        InteractionReader reader = choice.reader().get();
        ReadContext context = new ReadContext(file, inbox);
        try {
            return assemble(input, reader.read(input, context), context);
        } catch (RuntimeException e) {
            // a library failed in a way the reader did not foresee; the file is still only quarantined
            throw context.reject("cannot read the " + reader.format() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** Checks the size, reads the bytes and detects the type. */
    private InputFile scan(Path file) throws RejectedInputException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new RejectedInputException(file, "scan", "empty file");
            }
            long max = CallFiles.isAudio(file) ? inbox.config().calls().maxFileBytes() : inbox.config().maxFileBytes();
            if (size > max) {
                throw new RejectedInputException(file, "scan", String.format(Locale.ROOT,
                        "file is %.1f MB, over the %s MB limit", size / MB, megabytes(max)));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RejectedInputException(file, "scan", "cannot read the file: " + describe(e), e);
        }
        Path name = file.getFileName();
        try {
            return new InputFile(file, bytes, detectType(bytes, name == null ? null : name.toString()));
        } catch (RuntimeException e) {
            throw new RejectedInputException(file, "scan", "cannot detect the file type: " + e.getMessage(), e);
        }
    }

    /**
     * The file's media type. A name with a text format's extension is trusted when the leading block holds no
     * control bytes (the test Git and {@code file} use for "binary"): Tika's full detection evaluates every magic
     * rule it knows on every call, the costliest step of ingesting a chat. Anything else (an unknown extension, or a
     * PNG renamed {@code .json}) gets Tika's detection on name and content.
     */
    private String detectType(byte[] bytes, String name) {
        String byName = baseType(tika.detect(name));
        if (isText(byName) && !hasControlBytes(bytes, SIGNATURE_BYTES)) {
            return byName;
        }
        return baseType(tika.detect(bytes, name));
    }

    /** Whether the first {@code n} bytes hold a control byte other than tab, line feed, form feed, carriage return. */
    static boolean hasControlBytes(byte[] bytes, int n) {
        for (int i = 0, end = Math.min(n, bytes.length); i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' || b == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static String baseType(String type) {
        return MediaType.parse(type).getBaseType().toString();
    }

    private static boolean isText(String type) {
        return type.startsWith("text/") || type.equals("application/json") || type.equals("message/rfc822")
                || type.endsWith("+xml") || type.equals("application/xml");
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String megabytes(long bytes) {
        double mb = bytes / MB;
        return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    private Interaction assemble(InputFile input, Conversation c, ReadContext context) throws RejectedInputException {
        if (c.messages().isEmpty()) {
            throw context.reject("no messages with text");
        }
        var messages = new ArrayList<Message>();
        for (Message m : c.messages()) {
            messages.add(redact(m));
        }
        messages.sort(Comparator.comparing(Message::at)); // stable: same-second messages keep file order
        Instant first = messages.get(0).at();
        // a call's times count from the start of its recording, even when its first words come later
        Instant startedAt = c.recording().isPresent() ? c.startedAt().orElseThrow()
                : c.startedAt().filter(s -> !s.isAfter(first)).orElse(first);
        Language fallback = c.language().orElse(inbox.config().defaultLanguage());
        var turns = new ArrayList<Turn>();
        for (Message m : messages) {
            Duration offset = Duration.between(startedAt, m.at());
            Duration end = Duration.between(startedAt, m.end());
            turns.add(new Turn(turns.size(), m.speaker(), new TimeSpan(offset, end), m.text(),
                    languages.detect(m.text(), fallback), m.words()));
        }
        Language language = c.language().orElseGet(() -> languages.dominant(turns, fallback));
        String id = c.id().orElse(input.baseName());
        OptionalInt csat = c.csat().isPresent() ? c.csat()
                : inbox.survey(id).map(Survey::csat).orElse(OptionalInt.empty());
        Duration lastTurnEnd = turns.stream().map(t -> t.time().end()).max(Duration::compareTo).orElseThrow();
        Duration duration = c.recording().map(r -> r.duration()).filter(d -> d.compareTo(lastTurnEnd) >= 0)
                .orElse(lastTurnEnd);
        var attachments = new ArrayList<Attachment>();
        for (Attachment a : c.attachments()) {
            attachments.add(new Attachment(redactor.redact(a.name()).text(), a.mediaType(), a.sizeBytes()));
        }
        return new Interaction(id, c.channel(), language, c.agent(), c.customer().map(this::redact), startedAt,
                duration, turns, attachments, csat, inboxRelative(input.path()), c.recording());
    }

    /**
     * The message with its personal data replaced. A call's recognised words are redacted as speech (a spoken run of
     * number words becomes one placeholder word with the run's timing) and its text, when it is those words, is made
     * from the redacted words again.
     */
    private Message redact(Message m) {
        if (m.words().isEmpty()) {
            Redaction r = redactor.redact(m.text());
            return r.changed() ? new Message(m.speaker(), m.at(), m.end(), r.text(), m.words()) : m;
        }
        List<Word> words = redactor.redactWords(m.words());
        String text = m.text().equals(spoken(m.words())) ? spoken(words) : m.text();
        return new Message(m.speaker(), m.at(), m.end(), redactor.redact(text).text(), words);
    }

    private static String spoken(List<Word> words) {
        return String.join(" ", words.stream().map(Word::text).toList());
    }

    /**
     * The customer without personal data: a name is redacted; an id that holds personal data (the From address of
     * an e-mail, a phone number) becomes a stable pseudonym, {@code customer-} and 12 hex digits of its SHA-256, so
     * one customer's interactions still group together.
     */
    private Person redact(Person customer) {
        Optional<String> name = customer.name().map(n -> redactor.redact(n).text());
        String id = customer.id();
        if (redactor.redact(id).changed()) {
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(id.strip().toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                id = "customer-" + java.util.HexFormat.of().formatHex(hash, 0, 6);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
        }
        return new Person(id, name);
    }

    /** The file's path relative to the inbox when it lies inside it, as outputs name it; otherwise as given. */
    private Path inboxRelative(Path file) {
        Path root = inbox.root().toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs) : file;
    }
}
