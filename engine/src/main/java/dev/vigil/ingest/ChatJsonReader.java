package dev.vigil.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Channel;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the contract's chat JSON (one conversation per file, UTF-8). Unknown fields are ignored. Thread-safe. */
final class ChatJsonReader implements InteractionReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public String format() {
        return "chat JSON";
    }

    @Override
    public boolean accepts(String mediaType, String extension) {
        return mediaType.equals("application/json") || mediaType.equals("text/plain") && extension.equals("json");
    }

    @Override
    public Conversation read(InputFile file, ReadContext context) throws RejectedInputException {
        String text = TextDecoder.utf8(file, context);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String problem = e.getOriginalMessage();
            int marker = problem.indexOf(" (start marker at");
            throw context.reject("invalid JSON" + where + ": " + (marker < 0 ? problem : problem.substring(0, marker)), e);
        }
        if (root == null || !root.isObject()) {
            throw context.reject("invalid chat JSON: the top level must be an object");
        }
        Optional<String> id = optionalText(root, "id", "id", context);
        Channel channel = Channel.CHAT;
        Optional<String> channelText = optionalText(root, "channel", "channel", context);
        if (channelText.isPresent()) {
            try {
                channel = Channel.fromCode(channelText.get());
            } catch (IllegalArgumentException e) {
                throw context.reject("field 'channel': '" + channelText.get() + "' is not chat, email or call");
            }
        }
        Optional<Instant> startedAt = optionalText(root, "started_at", "started_at", context).isPresent()
                ? Optional.of(context.timestamp(root.get("started_at").asText(), "field 'started_at'"))
                : Optional.empty();
        Optional<Language> language = Optional.empty();
        Optional<String> languageText = optionalText(root, "language", "language", context);
        if (languageText.isPresent()) {
            try {
                language = Optional.of(Language.fromCode(languageText.get()));
            } catch (IllegalArgumentException e) {
                throw context.reject("field 'language': " + e.getMessage());
            }
        }
        JsonNode agentNode = root.get("agent");
        if (agentNode == null || agentNode.isNull()) {
            throw context.reject("missing required field 'agent'");
        }
        if (!agentNode.isObject()) {
            throw context.reject("field 'agent' must be an object with 'id' and optional 'name'");
        }
        String agentId = requiredText(agentNode, "agent.id", "id", context);
        Person agent = context.agentById(agentId, optionalText(agentNode, "agent.name", "name", context));
        Optional<Person> customer = Optional.empty();
        JsonNode customerNode = root.get("customer");
        if (customerNode != null && customerNode.isObject()) {
            Optional<String> cid = optionalText(customerNode, "customer.id", "id", context);
            Optional<String> cname = optionalText(customerNode, "customer.name", "name", context);
            if (cid.isPresent() || cname.isPresent()) {
                customer = Optional.of(new Person(cid.or(() -> cname).get(), cname));
            }
        }
        JsonNode messagesNode = root.get("messages");
        if (messagesNode == null || messagesNode.isNull()) {
            throw context.reject("missing required field 'messages'");
        }
        if (!messagesNode.isArray()) {
            throw context.reject("field 'messages' must be an array");
        }
        var messages = new ArrayList<Message>();
        for (int i = 0; i < messagesNode.size(); i++) {
            JsonNode m = messagesNode.get(i);
            String path = "messages[" + i + "]";
            if (!m.isObject()) {
                throw context.reject("field '" + path + "' must be an object with 'at', 'from' and 'text'");
            }
            Instant at = context.timestamp(requiredText(m, path + ".at", "at", context), "field '" + path + ".at'");
            String from = requiredText(m, path + ".from", "from", context);
            Speaker speaker;
            try {
                speaker = Speaker.fromCode(from);
            } catch (IllegalArgumentException e) {
                throw context.reject("field '" + path + ".from': '" + from + "' is not agent or customer");
            }
            JsonNode textNode = m.get("text");
            if (textNode == null || textNode.isNull()) {
                throw context.reject("missing required field '" + path + ".text'");
            }
            if (!textNode.isTextual()) {
                throw context.reject("field '" + path + ".text' must be a string");
            }
            String body = textNode.asText().strip();
            if (!body.isEmpty()) {
                messages.add(new Message(speaker, at, body));
            }
        }
        OptionalInt csat = OptionalInt.empty();
        JsonNode csatNode = root.get("csat");
        if (csatNode != null && !csatNode.isNull()) {
            if (!csatNode.canConvertToInt() || !csatNode.isIntegralNumber() || csatNode.asInt() < 1
                    || csatNode.asInt() > 5) {
                throw context.reject("field 'csat': " + csatNode + " is not a whole number from 1 to 5");
            }
            csat = OptionalInt.of(csatNode.asInt());
        }
        return new Conversation(id, channel, startedAt, language, agent, customer, messages, List.of(), csat);
    }

    private static Optional<String> optionalText(JsonNode node, String path, String field, ReadContext context)
            throws RejectedInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode() || v.isBoolean()) {
            throw context.reject("field '" + path + "' must be a string");
        }
        return Optional.of(v.asText().trim()).filter(s -> !s.isEmpty());
    }

    private static String requiredText(JsonNode node, String path, String field, ReadContext context)
            throws RejectedInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw context.reject("missing required field '" + path + "'");
        }
        if (!v.isValueNode() || v.isBoolean()) {
            throw context.reject("field '" + path + "' must be a string");
        }
        return v.asText().trim();
    }
}
