package dev.vigil.speech;

import dev.vigil.model.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a trigram language model in ARPA format from in-domain sentences (rule pack examples, the organisation's
 * chats, emails and scripts), with Witten–Bell smoothing written as a back-off model. Words the pronouncing dictionary
 * lacks get a pronunciation from the dictionary words they are made of ({@code northwind} = {@code north wind}) in an
 * extra dictionary; words that cannot be pronounced are left out (the sentence is cut there). The result is cached by
 * content hash: {@code <cache>/lm/<sha256>.lm} and {@code .dict}; the same inputs reuse the files. Thread-safe.
 */
public final class DomainLanguageModel {
    /** Bumped when the output format or smoothing changes, so that old cache entries are not reused. */
    static final String FORMAT = "vigil-domain-lm-2 witten-bell trigram, compound pronunciation variants";

    private final PronouncingDictionary dictionary;

    public DomainLanguageModel(PronouncingDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * Builds (or reuses) the English domain model with the bundled CMU dictionary.
     *
     * @param sentences in-domain text, one sentence or turn per element
     * @param cacheDir  the cache folder; files go to {@code cacheDir/lm/}
     */
    public static DomainModelFiles build(List<String> sentences, Path cacheDir) {
        return new DomainLanguageModel(PronouncingDictionary.bundledEnglish()).build(Language.EN, sentences, cacheDir);
    }

    /** Builds (or reuses) the model of {@code sentences} in {@code language}; see the class comment. */
    public DomainModelFiles build(Language language, List<String> sentences, Path cacheDir) {
        String hash = hash(language, sentences);
        Path dir = cacheDir.resolve("lm");
        Path lm = dir.resolve(hash + ".lm");
        Path dict = dir.resolve(hash + ".dict");
        try {
            if (Files.isRegularFile(lm) && Files.isRegularFile(dict)) {
                return new DomainModelFiles(language, lm, dict, vocabulary(lm), true);
            }
            Files.createDirectories(dir);
            var extra = new TreeMap<String, List<String>>();
            List<List<String>> segments = segments(language, sentences, extra);
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("no usable in-domain sentences: every word was missing from "
                        + dictionary.source());
            }
            Counts counts = Counts.of(segments);
            write(lm, w -> counts.writeArpa(w));
            write(dict, w -> {
                for (var e : extra.entrySet()) {
                    for (int i = 0; i < e.getValue().size(); i++) {
                        w.write(e.getKey() + (i == 0 ? "" : "(" + (i + 1) + ")") + " " + e.getValue().get(i) + "\n");
                    }
                }
            });
            return new DomainModelFiles(language, lm, dict, counts.vocabulary(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the domain language model under " + dir, e);
        }
    }

    /** The tokens of every sentence, cut where a word cannot be pronounced; fills {@code extra} with compounds. */
    List<List<String>> segments(Language language, List<String> sentences, Map<String, List<String>> extra) {
        var out = new ArrayList<List<String>>();
        for (String sentence : sentences) {
            var current = new ArrayList<String>();
            for (String token : tokens(sentence, language.locale())) {
                Optional<String> word = pronounceable(token, extra);
                if (word.isPresent()) {
                    current.add(word.get());
                } else if (!current.isEmpty()) {
                    out.add(List.copyOf(current));
                    current.clear();
                }
            }
            if (!current.isEmpty()) {
                out.add(List.copyOf(current));
            }
        }
        return out;
    }

    private Optional<String> pronounceable(String token, Map<String, List<String>> extra) {
        if (dictionary.contains(token)) {
            return Optional.of(token);
        }
        String bare = token.replace("'", "");
        if (!bare.equals(token) && dictionary.contains(bare)) {
            return Optional.of(bare);
        }
        if (extra.containsKey(bare)) {
            return Optional.of(bare);
        }
        if (bare.chars().allMatch(Character::isLetter)) {
            List<String> p = dictionary.compound(bare);
            if (!p.isEmpty()) {
                extra.put(bare, p);
                return Optional.of(bare);
            }
        }
        return Optional.empty();
    }

    /** Lower-cased words: letters and inner apostrophes; everything else separates words. */
    static List<String> tokens(String text, Locale locale) {
        var out = new ArrayList<String>();
        for (String t : text.toLowerCase(locale).replace('’', '\'').split("[^\\p{L}']+")) {
            String w = t.replaceAll("^'+|'+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private String hash(Language language, List<String> sentences) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((FORMAT + "\n" + language.code() + "\n" + dictionary.source() + "\n" + dictionary.size() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String s : sentences) {
                sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes to a temporary file and moves it into place, so that a reader never sees a half-written model. */
    private static void write(Path target, Body body) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The unigrams of an ARPA file, without {@code <s>} and {@code </s>}. */
    static Set<String> vocabulary(Path arpa) throws IOException {
        var words = new TreeSet<String>();
        boolean inUnigrams = false;
        for (String line : Files.readAllLines(arpa, StandardCharsets.UTF_8)) {
            if (line.startsWith("\\")) {
                inUnigrams = line.equals("\\1-grams:");
                continue;
            }
            String[] f = line.split("\\s+");
            if (inUnigrams && f.length >= 2 && !f[1].equals("<s>") && !f[1].equals("</s>")) {
                words.add(f[1]);
            }
        }
        return words;
    }

    /** N-gram counts and the Witten–Bell back-off model they define. */
    static final class Counts {
        static final String BOS = "<s>";
        static final String EOS = "</s>";
        final Map<String, Integer> uni = new TreeMap<>();
        final Map<String, Integer> bi = new TreeMap<>();
        final Map<String, Integer> tri = new TreeMap<>();
        /** Count of each context (history) and its number of distinct followers, keyed by the history. */
        final Map<String, int[]> contexts = new HashMap<>();

        static Counts of(List<List<String>> segments) {
            var c = new Counts();
            for (List<String> seg : segments) {
                var t = new ArrayList<String>();
                t.add(BOS);
                t.addAll(seg);
                t.add(EOS);
                for (int i = 1; i < t.size(); i++) {
                    c.uni.merge(t.get(i), 1, Integer::sum);
                    c.see(t.get(i - 1), c.bi, t.get(i - 1) + " " + t.get(i));
                    if (i >= 2) {
                        String h = t.get(i - 2) + " " + t.get(i - 1);
                        c.see(h, c.tri, h + " " + t.get(i));
                    }
                }
            }
            return c;
        }

        private void see(String history, Map<String, Integer> grams, String gram) {
            int[] ctx = contexts.computeIfAbsent(history, k -> new int[2]);
            ctx[0]++;
            if (grams.merge(gram, 1, Integer::sum) == 1) {
                ctx[1]++;
            }
        }

        Set<String> vocabulary() {
            var v = new TreeSet<>(uni.keySet());
            v.remove(EOS);
            return v;
        }

        double p1(String w) {
            long n = uni.values().stream().mapToLong(Integer::longValue).sum();
            return (uni.getOrDefault(w, 0) + 1.0) / (n + uni.size());
        }

        /** The back-off weight (as a probability) of a history: its Witten–Bell unseen mass. */
        double alpha(String history) {
            int[] c = contexts.get(history);
            return c == null ? 1.0 : (double) c[1] / (c[0] + c[1]);
        }

        double p2(String a, String w, Map<String, Double> unigrams) {
            int[] c = contexts.get(a);
            Integer n = bi.get(a + " " + w);
            if (n == null) {
                return alpha(a) * unigrams.get(w);
            }
            return (n + c[1] * unigrams.get(w)) / (c[0] + c[1]);
        }

        void writeArpa(Writer w) throws IOException {
            var unigrams = new HashMap<String, Double>();
            for (String u : uni.keySet()) {
                unigrams.put(u, p1(u));
            }
            w.write("\\data\\\n");
            w.write("ngram 1=" + (uni.size() + 1) + "\n");
            w.write("ngram 2=" + bi.size() + "\n");
            w.write("ngram 3=" + tri.size() + "\n\n");
            w.write("\\1-grams:\n");
            w.write(String.format(Locale.ROOT, "-99.0000 %s %.6f%n", BOS, Math.log10(alpha(BOS))));
            for (String u : uni.keySet()) {
                line(w, unigrams.get(u), u, contexts.containsKey(u) && !u.equals(EOS) ? Optional.of(alpha(u))
                        : Optional.empty());
            }
            w.write("\n\\2-grams:\n");
            for (var e : bi.entrySet()) {
                String[] ab = e.getKey().split(" ");
                double p = p2(ab[0], ab[1], unigrams);
                line(w, p, e.getKey(), contexts.containsKey(e.getKey()) ? Optional.of(alpha(e.getKey()))
                        : Optional.empty());
            }
            w.write("\n\\3-grams:\n");
            for (var e : tri.entrySet()) {
                String[] abc = e.getKey().split(" ");
                String h = abc[0] + " " + abc[1];
                int[] c = contexts.get(h);
                double lower = p2(abc[1], abc[2], unigrams);
                line(w, (e.getValue() + c[1] * lower) / (c[0] + c[1]), e.getKey(), Optional.empty());
            }
            w.write("\n\\end\\\n");
        }

        private static void line(Writer w, double p, String gram, Optional<Double> backoff) throws IOException {
            w.write(String.format(Locale.ROOT, "%.6f %s", Math.log10(p), gram));
            if (backoff.isPresent()) {
                w.write(String.format(Locale.ROOT, " %.6f", Math.log10(backoff.get())));
            }
            w.write("\n");
        }
    }
}
