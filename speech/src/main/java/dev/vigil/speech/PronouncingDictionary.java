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
    /** Every listed pronunciation of a word ({@code wind} and {@code wind(2)}), first one first. */
    private final Map<String, List<String>> variants;

    private PronouncingDictionary(String source, Map<String, String> pronunciations,
                                  Map<String, List<String>> variants) {
        this.variants = Map.copyOf(variants);
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
            var all = new HashMap<String, List<String>>();
            String line;
            while ((line = reader.readLine()) != null) {
                String l = line.strip();
                int space = l.indexOf(' ');
                if (l.isEmpty() || l.startsWith(";;;") || space < 0) {
                    continue;
                }
                String word = l.substring(0, space);
                String phones = l.substring(space + 1).strip();
                int paren = word.indexOf('(');
                String base = paren < 0 ? word : word.substring(0, paren);
                all.computeIfAbsent(base, k -> new java.util.ArrayList<>()).add(phones);
                if (paren < 0) {
                    map.putIfAbsent(word, phones);
                }
            }
            return new PronouncingDictionary(location, map, all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pronouncing dictionary " + location, e);
        }
    }

    /** A dictionary from explicit entries, for tests and small vocabularies. */
    public static PronouncingDictionary of(String source, Map<String, String> pronunciations) {
        var variants = new HashMap<String, List<String>>();
        pronunciations.forEach((w, p) -> variants.put(w, List.of(p)));
        return new PronouncingDictionary(source, pronunciations, variants);
    }

    static InputStream open(String location) throws IOException {
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
     * Pronunciations for a word the dictionary lacks, made by splitting it into two or three listed words of at
     * least three letters ({@code northwind} = {@code north} + {@code wind}); the split with the fewest parts and then
     * the longest first part wins. Every combination of the parts' listed pronunciations is returned, at most
     * {@value #MAX_COMPOUND_VARIANTS}, because the first listed one is often not the one meant ({@code wind} as in
     * "wind a clock" comes first in cmudict). Empty when no split exists.
     */
    public List<String> compound(String word) {
        Objects.requireNonNull(word, "word");
        for (int parts = 2; parts <= 3; parts++) {
            Optional<List<String>> split = split(word, parts);
            if (split.isPresent()) {
                List<String> combos = List.of("");
                for (String p : split.get()) {
                    var next = new java.util.ArrayList<String>();
                    for (String prefix : combos) {
                        for (String v : variants.getOrDefault(p, List.of(pronunciations.get(p)))) {
                            if (next.size() < MAX_COMPOUND_VARIANTS) {
                                next.add(prefix.isEmpty() ? v : prefix + " " + v);
                            }
                        }
                    }
                    combos = next;
                }
                return List.copyOf(combos);
            }
        }
        return List.of();
    }

    /** The most pronunciations {@link #compound} makes for one word. */
    static final int MAX_COMPOUND_VARIANTS = 4;

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
