package dev.vigil.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CMU-format pronouncing dictionary ({@code word PH ON ES}, alternatives spelled {@code word(2)}), read to decide
 * which words a language model may use. Immutable and thread-safe.
 */
public final class PronouncingDictionary {
    private static volatile PronouncingDictionary bundled;

    private final String source;
    private final Map<String, String> pronunciations;

    private PronouncingDictionary(String source, Map<String, String> pronunciations) {
        this.source = source;
        this.pronunciations = Map.copyOf(pronunciations);
    }

    /** The {@code cmudict-en-us.dict} bundled with the en-us model (read once, then shared). */
    public static PronouncingDictionary bundledEnglish() {
        PronouncingDictionary d = bundled;
        if (d == null) {
            synchronized (PronouncingDictionary.class) {
                d = bundled;
                if (d == null) {
                    d = read(SpeechModel.BUNDLED_EN_US.dictionary());
                    bundled = d;
                }
            }
        }
        return d;
    }

    /** Reads a dictionary from a Sphinx4 location ({@code resource:/...} or a URL such as {@code file:/...}). */
    public static PronouncingDictionary read(String location) {
        try (InputStream in = open(location);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var map = new HashMap<String, String>();
            String line;
            while ((line = reader.readLine()) != null) {
                String l = line.strip();
                int space = l.indexOf(' ');
                if (l.isEmpty() || l.startsWith(";;;") || space < 0) {
                    continue;
                }
                String word = l.substring(0, space);
                if (word.indexOf('(') < 0) {
                    map.putIfAbsent(word, l.substring(space + 1).strip());
                }
            }
            return new PronouncingDictionary(location, map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pronouncing dictionary " + location, e);
        }
    }

    /** A dictionary from explicit entries, for tests and small vocabularies. */
    public static PronouncingDictionary of(String source, Map<String, String> pronunciations) {
        return new PronouncingDictionary(source, pronunciations);
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("resource:")) {
            InputStream in = PronouncingDictionary.class.getResourceAsStream(location.substring("resource:".length()));
            if (in == null) {
                throw new IOException("classpath resource not found: " + location);
            }
            return in;
        }
        return new URL(location).openStream();
    }

    /** The first pronunciation of {@code word}, if listed. */
    public Optional<String> pronunciation(String word) {
        return Optional.ofNullable(pronunciations.get(word));
    }

    public boolean contains(String word) {
        return pronunciations.containsKey(word);
    }

    /**
     * A pronunciation for a word the dictionary lacks, made by splitting it into two or three listed words of at
     * least three letters ({@code northwind} = {@code north} + {@code wind}); the split with the fewest parts and then
     * the longest first part wins.
     */
    public Optional<String> compound(String word) {
        Objects.requireNonNull(word, "word");
        for (int parts = 2; parts <= 3; parts++) {
            Optional<List<String>> split = split(word, parts);
            if (split.isPresent()) {
                StringBuilder sb = new StringBuilder();
                for (String p : split.get()) {
                    sb.append(sb.length() == 0 ? "" : " ").append(pronunciations.get(p));
                }
                return Optional.of(sb.toString());
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> split(String word, int parts) {
        if (parts == 1) {
            return word.length() >= 3 && contains(word) ? Optional.of(List.of(word)) : Optional.empty();
        }
        for (int cut = word.length() - 3; cut >= 3; cut--) {
            String head = word.substring(0, cut);
            if (contains(head)) {
                Optional<List<String>> rest = split(word.substring(cut), parts - 1);
                if (rest.isPresent()) {
                    var all = new java.util.ArrayList<String>();
                    all.add(head);
                    all.addAll(rest.get());
                    return Optional.of(all);
                }
            }
        }
        return Optional.empty();
    }

    /** Where it was read from. */
    public String source() {
        return source;
    }

    /** How many words it lists. */
    public int size() {
        return pronunciations.size();
    }
}
