package dev.vigil.report;

import com.samskivert.mustache.Escapers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Renders one turn's text as escaped HTML with every finding's character span wrapped in a {@code <mark>}.
 * Overlapping spans are split at every boundary, so each piece of text is marked once and its tooltip names every
 * finding that covers it. For calls, each recognised word found in the text is wrapped in a
 * {@code <span class="w">} carrying its start time and confidence, inside the marks (the HTML stays well-formed).
 */
final class TranscriptMarkup {
    /**
     * A span to highlight: {@code [start, end)} into the turn's text, the CSS category, the tooltip line, and the
     * finding's start in seconds for the audio player ({@code ""} when there is no recording).
     */
    record Highlight(int start, int end, String category, String tooltip, String startSeconds) {
        Highlight(int start, int end, String category, String tooltip) {
            this(start, end, category, tooltip, "");
        }
    }

    /** A recognised word with its start in milliseconds and its confidence in [0, 1]. */
    record TimedWord(String text, long startMs, double confidence) {
    }

    /**
     * A word located in the text: {@code [start, end)}, its start in seconds, whether it is doubtful, and its tooltip.
     */
    record PlacedWord(int start, int end, String startSeconds, boolean doubtful, String tooltip) {
    }

    private TranscriptMarkup() {
    }

    static String escape(String text) {
        return Escapers.HTML.escape(text);
    }

    /** The turn's text as safe HTML; spans outside the text are clamped, empty ones ignored. */
    static String highlight(String text, List<Highlight> highlights) {
        return highlight(text, highlights, List.of());
    }

    /**
     * Locates recognised words in a turn's text, in order, as whole words and ignoring case. A word that is not
     * found within the next token of the text (for example one redacted into {@code [CARD]}) is left out, so one
     * missing word never shifts the rest.
     *
     * @return for each word found, its character span; parallel entries of {@code words} that were not found are
     *         absent, so the result is in text order
     */
    static List<int[]> locate(String text, List<TimedWord> words) {
        List<int[]> found = new ArrayList<>();
        int cursor = 0;
        for (TimedWord w : words) {
            String needle = w.text().strip();
            if (needle.isEmpty()) {
                found.add(null);
                continue;
            }
            int at = find(text, needle, cursor);
            if (at < 0) {
                found.add(null);
                continue;
            }
            found.add(new int[] {at, at + needle.length()});
            cursor = at + needle.length();
        }
        return found;
    }

    /** The next whole-word, case-insensitive occurrence of {@code needle} at most one token after {@code from}. */
    private static int find(String text, String needle, int from) {
        int tokens = 0;
        boolean inToken = false;
        for (int i = from; i + needle.length() <= text.length(); i++) {
            boolean boundaryBefore = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            if (boundaryBefore && text.regionMatches(true, i, needle, 0, needle.length())) {
                int end = i + needle.length();
                if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
                    return i;
                }
            }
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inToken) {
                tokens++;
                if (tokens > 1) {
                    return -1;
                }
            }
            inToken = letter;
        }
        return -1;
    }

    /** The turn's text as safe HTML with highlights and, inside them, the located words. */
    static String highlight(String text, List<Highlight> highlights, List<PlacedWord> words) {
        List<Highlight> valid = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Highlight h : highlights) {
            int start = Math.max(0, Math.min(h.start(), text.length()));
            int end = Math.max(start, Math.min(h.end(), text.length()));
            if (end > start) {
                valid.add(new Highlight(start, end, h.category(), h.tooltip(), h.startSeconds()));
                cuts.add(start);
                cuts.add(end);
            }
        }
        List<PlacedWord> placed = new ArrayList<>();
        for (PlacedWord w : words) {
            if (w.start() >= 0 && w.end() <= text.length() && w.end() > w.start()) {
                placed.add(w);
                cuts.add(w.start());
                cuts.add(w.end());
            }
        }
        StringBuilder html = new StringBuilder(text.length() + 64 * valid.size() + 48 * placed.size());
        List<Highlight> openMark = List.of();
        PlacedWord openWord = null;
        Integer from = cuts.first();
        for (Integer to = cuts.higher(from); to != null; from = to, to = cuts.higher(to)) {
            List<Highlight> covering = new ArrayList<>();
            for (Highlight h : valid) {
                if (h.start() <= from && h.end() >= to) {
                    covering.add(h);
                }
            }
            PlacedWord word = null;
            for (PlacedWord w : placed) {
                if (w.start() <= from && w.end() >= to) {
                    word = w;
                    break;
                }
            }
            if (!covering.equals(openMark)) {
                if (openWord != null) {
                    html.append("</span>");
                    openWord = null;
                }
                if (!openMark.isEmpty()) {
                    html.append("</mark>");
                }
                if (!covering.isEmpty()) {
                    openMark(html, covering);
                }
                openMark = covering;
            }
            if (!Objects.equals(word, openWord)) {
                if (openWord != null) {
                    html.append("</span>");
                }
                if (word != null) {
                    html.append("<span class=\"w").append(word.doubtful() ? " doubtful" : "")
                            .append("\" data-start=\"").append(escape(word.startSeconds()))
                            .append("\" title=\"").append(escape(word.tooltip())).append("\">");
                }
                openWord = word;
            }
            html.append(escape(text.substring(from, to)));
        }
        if (openWord != null) {
            html.append("</span>");
        }
        if (!openMark.isEmpty()) {
            html.append("</mark>");
        }
        return html.toString();
    }

    private static void openMark(StringBuilder html, List<Highlight> covering) {
        List<String> tips = covering.stream().map(Highlight::tooltip).distinct().toList();
        String start = covering.stream().map(Highlight::startSeconds).filter(s -> !s.isEmpty()).findFirst()
                .orElse("");
        html.append("<mark class=\"cat cat-").append(escape(covering.get(0).category()))
                .append(covering.size() > 1 ? " multi" : "")
                .append("\" title=\"").append(escape(String.join("\n", tips))).append('"');
        if (!start.isEmpty()) {
            html.append(" data-start=\"").append(escape(start)).append('"');
        }
        html.append('>');
    }
}
