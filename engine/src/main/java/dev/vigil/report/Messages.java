package dev.vigil.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import dev.vigil.model.Language;

/** The report's UI texts in one language, read from {@code messages_<code>.properties} (UTF-8). Immutable. */
final class Messages {
    private final Map<String, String> texts;

    private Messages(Map<String, String> texts) {
        this.texts = Collections.unmodifiableMap(texts);
    }

    static Messages of(Language ui) {
        String name = "messages_" + ui.code() + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report resource " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return new Messages(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report resource " + name, e);
        }
    }

    /**
     * Every text as nested maps split at the dots of the keys, for templates: {@code label.agent} is read as
     * {@code {{msg.label.agent}}}.
     */
    Map<String, Object> tree() {
        Map<String, Object> root = new TreeMap<>();
        texts.forEach((key, text) -> {
            String[] parts = key.split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.computeIfAbsent(parts[i], k -> new TreeMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw new IllegalStateException("report text key '" + key + "' clashes with a shorter key");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            node.put(parts[parts.length - 1], text);
        });
        return root;
    }

    String get(String key) {
        String t = texts.get(key);
        if (t == null) {
            throw new IllegalStateException("no report text for '" + key + "'");
        }
        return t;
    }

    /** The text for {@code key}, or {@code fallback} when the bundle has none (such as a custom section id). */
    String getOrDefault(String key, String fallback) {
        return texts.getOrDefault(key, fallback);
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}}, ... replaced by the arguments. */
    String format(String key, Object... args) {
        String t = get(key);
        for (int i = 0; i < args.length; i++) {
            t = t.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return t;
    }
}
