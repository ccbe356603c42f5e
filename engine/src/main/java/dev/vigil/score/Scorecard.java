package dev.vigil.score;

import dev.vigil.model.Language;
import java.util.List;
import java.util.Objects;

/**
 * A validated scorecard: weighted sections of items that turn an analysis's findings and metrics into a 0-100
 * score. Immutable and thread-safe. Read one with {@link ScorecardLoader}; apply it with {@link ScorecardEvaluator}.
 *
 * @param id            for example {@code default-en}
 * @param version       positive; changes whenever the scoring changes, so scores stay comparable
 * @param language      the language of its titles, and the language it is the default for when its id is
 *                      {@code default-<lang>}
 * @param title         what reports show
 * @param passThreshold the score (percent, 0-100) an interaction needs to pass
 * @param sections      at least one section
 */
public record Scorecard(String id, int version, Language language, String title, double passThreshold,
                        List<ScorecardSection> sections) {
    public Scorecard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
        if (version < 1) {
            throw new IllegalArgumentException("scorecard " + id + ": version must be positive");
        }
        if (!(passThreshold >= 0 && passThreshold <= 100)) {
            throw new IllegalArgumentException("scorecard " + id + ": pass threshold must be in [0, 100]");
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("scorecard " + id + " has no sections");
        }
    }

    /** The reference evaluations carry, {@code id@version}, for example {@code default-en@1}. */
    public String ref() {
        return id + "@" + version;
    }

    /** Every item of every section, in order. */
    public List<ScorecardItem> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    /**
     * Titles for reports: {@code section.<id>} and {@code item.<id>} to the titles written in the scorecard, in the
     * scorecard's order.
     */
    public java.util.Map<String, String> titles() {
        var titles = new java.util.LinkedHashMap<String, String>();
        for (ScorecardSection section : sections) {
            titles.put("section." + section.id(), section.title());
            for (ScorecardItem item : section.items()) {
                titles.put("item." + item.id(), item.title());
            }
        }
        return java.util.Collections.unmodifiableMap(titles);
    }
}
