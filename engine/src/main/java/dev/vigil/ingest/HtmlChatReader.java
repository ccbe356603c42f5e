package dev.vigil.ingest;

import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an HTML chat export: elements of class {@code message} and {@code agent} or {@code customer}, each with a
 * {@code <time datetime>}, an {@code .author} and a {@code .text}; optional {@code <meta name="vigil:agent-id">} and
 * {@code <meta name="vigil:id">}. Thread-safe.
 */
final class HtmlChatReader implements InteractionReader {
    @Override
    public String format() {
        return "HTML chat export";
    }

    @Override
    public boolean accepts(String mediaType, String extension) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    @Override
    public Conversation read(InputFile file, ReadContext context) throws RejectedInputException {
        Document doc = Jsoup.parse(TextDecoder.export(file, context));
        var messages = new ArrayList<Message>();
        var authors = new ArrayList<SpeakerRoles.Author>();
        int n = 0;
        for (Element el : doc.select(".message")) {
            n++;
            Speaker speaker = el.hasClass("agent") ? Speaker.AGENT
                    : el.hasClass("customer") ? Speaker.CUSTOMER : Speaker.UNKNOWN;
            Element time = el.selectFirst("time[datetime]");
            if (time == null) {
                throw context.reject("message " + n + " has no <time datetime=\"...\"> element");
            }
            Instant at = context.timestamp(time.attr("datetime"), "message " + n + " <time datetime>");
            Element author = el.selectFirst(".author");
            if (author != null && speaker != Speaker.UNKNOWN) {
                authors.add(new SpeakerRoles.Author(speaker, author.text().trim()));
            }
            Element textEl = el.selectFirst(".text");
            if (textEl == null) {
                throw context.reject("message " + n + " has no element of class 'text'");
            }
            String text = HtmlText.of(textEl);
            if (!text.isBlank()) {
                messages.add(new Message(speaker, at, text));
            }
        }
        if (n == 0) {
            throw context.reject("no chat messages found; expected elements with class 'message agent' or "
                    + "'message customer'");
        }
        Optional<String> agentId = meta(doc, "vigil:agent-id");
        Person agent = agentId.isPresent()
                ? context.agentById(agentId.get(), authors.stream().filter(a -> a.speaker() == Speaker.AGENT)
                        .map(SpeakerRoles.Author::name).filter(s -> !s.isBlank()).findFirst())
                : SpeakerRoles.agent(authors, context);
        Conversation chat = Conversation.chat(agent, SpeakerRoles.customer(authors), messages);
        return new Conversation(meta(doc, "vigil:id"), chat.channel(), chat.startedAt(), chat.language(),
                chat.agent(), chat.customer(), chat.messages(), chat.attachments(), chat.csat());
    }

    private static Optional<String> meta(Document doc, String name) {
        Element m = doc.selectFirst("meta[name=" + name + "]");
        return m == null ? Optional.empty() : Optional.of(m.attr("content").trim()).filter(s -> !s.isEmpty());
    }
}
