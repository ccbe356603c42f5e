package dev.vigil.ingest;

import dev.vigil.config.Agent;
import dev.vigil.model.Attachment;
import dev.vigil.model.Channel;
import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;

/**
 * Reads an RFC 822 email ({@code .eml}) with Apache James mime4j: the text/plain alternative (else the HTML one as
 * text), split into the new message and its quoted history, each a turn. The agent is the roster's owner of the
 * From address (the new part is the agent's) or of a To/Cc address (the new part is the customer's). Thread-safe.
 */
final class EmailReader implements InteractionReader {
    /** Quoted parts whose date cannot be read are placed this long before the part that quotes them. */
    static final Duration UNDATED_QUOTE_GAP = Duration.ofMinutes(1);

    @Override
    public String format() {
        return "email";
    }

    @Override
    public boolean accepts(String mediaType, String extension) {
        return mediaType.equals("message/rfc822") || mediaType.equals("text/plain") && extension.equals("eml");
    }

    @Override
    public Conversation read(InputFile file, ReadContext context) throws RejectedInputException {
        org.apache.james.mime4j.dom.Message mail = parse(file, context);
        Mailbox from = first(mail.getFrom()).orElseThrow(() -> context.reject("no From address in the email"));
        var recipients = new ArrayList<Mailbox>();
        if (mail.getTo() != null) {
            recipients.addAll(mail.getTo().flatten());
        }
        if (mail.getCc() != null) {
            recipients.addAll(mail.getCc().flatten());
        }
        if (mail.getDate() == null) {
            throw context.reject("no valid Date header in the email");
        }
        Instant sent = mail.getDate().toInstant();

        String toText = recipients.isEmpty() ? "(none)" : recipients.get(0).getAddress();
        if (!context.roster().isPresent()) {
            throw context.reject("cannot tell which side is the agent without agents.csv (its email column maps "
                    + "addresses to agents): From <" + from.getAddress() + ">, To <" + toText + ">");
        }
        Optional<Agent> fromAgent = context.agentByEmail(from.getAddress());
        Optional<Agent> toAgent = recipients.stream().map(m -> context.agentByEmail(m.getAddress()))
                .flatMap(Optional::stream).findFirst();
        Agent agent;
        Speaker newPartSpeaker;
        Mailbox customerBox;
        if (fromAgent.isPresent()) {
            agent = fromAgent.get();
            newPartSpeaker = Speaker.AGENT;
            customerBox = recipients.stream().filter(m -> context.agentByEmail(m.getAddress()).isEmpty())
                    .findFirst().orElse(null);
        } else if (toAgent.isPresent()) {
            agent = toAgent.get();
            newPartSpeaker = Speaker.CUSTOMER;
            customerBox = from;
        } else {
            throw context.reject("unknown agent: neither From <" + from.getAddress() + "> nor To <" + toText
                    + "> is in agents.csv");
        }
        Optional<Person> customer = Optional.ofNullable(customerBox)
                .map(m -> Person.of(m.getAddress().toLowerCase(Locale.ROOT), m.getName()));

        var attachments = new ArrayList<Attachment>();
        var bodies = new Bodies();
        collect(mail, bodies, attachments, context);
        String body;
        if (bodies.plain != null) {
            body = text(bodies.plain, context);
        } else if (bodies.html != null) {
            body = HtmlText.of(Jsoup.parse(text(bodies.html, context)).body());
        } else {
            throw context.reject("the email has no text/plain or text/html body");
        }

        List<EmailThreadSplitter.Part> parts = EmailThreadSplitter.split(body);
        if (parts.isEmpty()) {
            throw context.reject("the email body is empty");
        }
        var messages = new ArrayList<Message>();
        Instant later = sent;
        Speaker other = newPartSpeaker == Speaker.AGENT ? Speaker.CUSTOMER : Speaker.AGENT;
        for (EmailThreadSplitter.Part part : parts) {
            Instant at;
            if (part.depth() == 0) {
                at = sent;
            } else {
                Instant before = later;
                at = EmailThreadSplitter.date(part.header(), context.zone()).map(z -> z.toInstant())
                        .filter(t -> t.isBefore(before)).orElse(later.minus(UNDATED_QUOTE_GAP));
            }
            later = at;
            Speaker speaker = part.depth() % 2 == 0 ? newPartSpeaker : other;
            Optional<String> author = EmailThreadSplitter.address(part.header());
            if (author.isPresent()) {
                if (context.agentByEmail(author.get()).isPresent()) {
                    speaker = Speaker.AGENT;
                } else if (customerBox != null && author.get().equalsIgnoreCase(customerBox.getAddress())) {
                    speaker = Speaker.CUSTOMER;
                }
            }
            messages.add(new Message(speaker, at, part.text()));
        }
        java.util.Collections.reverse(messages);
        return new Conversation(Optional.empty(), Channel.EMAIL, Optional.empty(), Optional.empty(),
                context.agentById(agent.id(), Optional.empty()), customer, messages, attachments, OptionalInt.empty());
    }

    private static org.apache.james.mime4j.dom.Message parse(InputFile file, ReadContext context)
            throws RejectedInputException {
        var builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        try (InputStream in = new ByteArrayInputStream(file.bytes())) {
            return builder.parseMessage(in);
        } catch (IOException | RuntimeException e) {
            Throwable cause = e.getCause() instanceof MimeException ? e.getCause() : e;
            throw context.reject("invalid email: " + cause.getMessage(), e);
        }
    }

    private static Optional<Mailbox> first(MailboxList list) {
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static final class Bodies {
        Entity plain;
        Entity html;
    }

    /** Finds the first text/plain and text/html bodies and lists every other leaf part as an attachment. */
    private static void collect(Entity entity, Bodies bodies, List<Attachment> attachments, ReadContext context)
            throws RejectedInputException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                collect(part, bodies, attachments, context);
            }
            return;
        }
        String type = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
        boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType())
                || (entity.getFilename() != null && !entity.getFilename().isBlank());
        if (!attachment && type.equals("text/plain") && bodies.plain == null) {
            bodies.plain = entity;
        } else if (!attachment && type.equals("text/html") && bodies.html == null) {
            bodies.html = entity;
        } else if (attachment || !type.startsWith("text/") && !type.startsWith("multipart/")) {
            String name = entity.getFilename() == null || entity.getFilename().isBlank() ? "(unnamed)"
                    : entity.getFilename();
            long size = 0;
            if (body instanceof SingleBody single) {
                try {
                    size = single.size();
                } catch (IOException e) {
                    throw context.reject("cannot read attachment '" + name + "': " + e.getMessage(), e);
                }
            }
            attachments.add(new Attachment(name, type, size));
        }
    }

    private static String text(Entity entity, ReadContext context) throws RejectedInputException {
        byte[] bytes;
        try (InputStream in = ((SingleBody) entity.getBody()).getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException | ClassCastException e) {
            throw context.reject("cannot read the " + entity.getMimeType() + " part: " + e.getMessage(), e);
        }
        var field = entity.getHeader().getField("Content-Type");
        String declared = field instanceof ContentTypeField ct ? ct.getCharset() : null;
        if (declared == null || declared.isBlank()) {
            return TextDecoder.export(bytes, context);
        }
        return TextDecoder.declared(bytes, declared, context, "the " + entity.getMimeType() + " part");
    }
}
