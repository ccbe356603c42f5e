package dev.vigil.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate: word-level Levenshtein distance between a reference and a hypothesis, after both are normalised
 * like the evaluation references (lower case, text in parentheses removed, apostrophes inside words removed, other
 * punctuation replaced by spaces). Stateless.
 */
public final class WordErrorRate {
    private WordErrorRate() {
    }

    /** Substitutions, deletions and insertions against a reference of {@code referenceWords} words. */
    public record Errors(int errors, int referenceWords) {
        /** errors / reference words; 0 for an empty reference with no errors. */
        public double rate() {
            return referenceWords == 0 ? (errors == 0 ? 0 : 1) : (double) errors / referenceWords;
        }
    }

    /** The normalised words of {@code text}. */
    public static List<String> normalise(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " ")
                .replace('’', '\'').replaceAll("(?<=\\p{L})'(?=\\p{L})", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return t.isEmpty() ? List.of() : List.of(t.split(" "));
    }

    /** The errors of {@code hypothesis} against {@code reference}, both normalised first. */
    public static Errors of(String reference, String hypothesis) {
        return of(normalise(reference), normalise(hypothesis));
    }

    /** The word-level edit distance of two word lists. */
    public static Errors of(List<String> ref, List<String> hyp) {
        int[] prev = new int[hyp.size() + 1];
        int[] cur = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int sub = prev[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return new Errors(prev[hyp.size()], ref.size());
    }

    /** Which of {@code keywords} (normalised words) occur in the hypothesis, counted with multiplicity. */
    public static int keywordHits(List<String> keywords, List<String> hypothesis) {
        var left = new ArrayList<>(hypothesis);
        int hits = 0;
        for (String k : keywords) {
            if (left.remove(k)) {
                hits++;
            }
        }
        return hits;
    }
}
