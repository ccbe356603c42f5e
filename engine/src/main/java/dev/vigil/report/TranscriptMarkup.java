package dev.vigil.report;

import com.samskivert.mustache.Escapers;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders one turn's text as escaped HTML with every finding's character span wrapped in a {@code <mark>}.
 * Overlapping spans are split at every boundary, so each piece of text is marked once and its tooltip names every
 * finding that covers it.
 */
final class TranscriptMarkup {
    /** A span to highlight: {@code [start, end)} into the turn's text, the CSS category and the tooltip line. */
    record Highlight(int start, int end, String category, String tooltip) {
    }

    private TranscriptMarkup() {
    }

    static String escape(String text) {
        return Escapers.HTML.escape(text);
    }

    /** The turn's text as safe HTML; spans outside the text are clamped, empty ones ignored. */
    static String highlight(String text, List<Highlight> highlights) {
        List<Highlight> valid = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Highlight h : highlights) {
            int start = Math.max(0, Math.min(h.start(), text.length()));
            int end = Math.max(start, Math.min(h.end(), text.length()));
            if (end > start) {
                valid.add(new Highlight(start, end, h.category(), h.tooltip()));
                cuts.add(start);
                cuts.add(end);
            }
        }
        StringBuilder html = new StringBuilder(text.length() + 64 * valid.size());
        Integer from = cuts.first();
        for (Integer to = cuts.higher(from); to != null; from = to, to = cuts.higher(to)) {
            String piece = escape(text.substring(from, to));
            List<Highlight> covering = new ArrayList<>();
            for (Highlight h : valid) {
                if (h.start() <= from && h.end() >= to) {
                    covering.add(h);
                }
            }
            if (covering.isEmpty()) {
                html.append(piece);
                continue;
            }
            List<String> tips = covering.stream().map(Highlight::tooltip).distinct().toList();
            html.append("<mark class=\"cat cat-").append(escape(covering.get(0).category()))
                    .append(covering.size() > 1 ? " multi" : "")
                    .append("\" title=\"").append(escape(String.join("\n", tips))).append("\">")
                    .append(piece).append("</mark>");
        }
        return html.toString();
    }
}
