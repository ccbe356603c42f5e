package dev.vigil.rules;

import dev.vigil.model.Category;
import dev.vigil.model.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated rule of a pack. A rule has one {@code query}, several named {@code parts} (it fires only when every
 * part has a hit inside the window), or a {@code sequence} across turns.
 *
 * @param id       unique across all loaded packs, for example {@code greeting.scripted}
 * @param category the contract category its findings carry
 * @param speaker  whose turns it looks at (for a sequence, the anchor's speaker)
 * @param severity how much a finding matters
 * @param window   where hits count; empty means the whole interaction
 * @param parts    the single query (named {@code query}), the scripted rule's parts in pack order, or the inline
 *                 queries of a sequence's steps; {@code ${define}} names of the pack are already substituted
 * @param scripted whether the rule was written with {@code parts}
 * @param examples turns and dialogues it must and must not match
 * @param language the language of its pack; it applies to turns detected in this language
 * @param packId   the id of its pack
 * @param file     the pack's file name, for messages
 * @param unless   queries that cancel a hit near them in the same turn
 * @param minCount how many hits inside the window the rule needs to fire (1 by default)
 * @param absent   the rule fires when its query has no hit by its speaker inside the window
 * @param typos    how many edits a query word of at least 6 letters may have
 * @param sequence the steps of a rule across turns; empty for query and parts rules
 */
public record Rule(String id, Category category, RuleSpeaker speaker, Severity severity, Optional<RuleWindow> window,
                   List<RulePart> parts, boolean scripted, RuleExamples examples, Language language, String packId,
                   String file, List<RuleUnless> unless, int minCount, boolean absent, int typos,
                   Optional<RuleSequence> sequence) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sequence, "sequence");
        parts = List.copyOf(parts);
        unless = List.copyOf(unless);
        if (parts.isEmpty() && sequence.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' has no query");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("rule '" + id + "': min_count must be at least 1");
        }
        if (typos < 0 || typos > 1) {
            throw new IllegalArgumentException("rule '" + id + "': typos must be 0 or 1");
        }
    }

    /** A query or parts rule without unless, count, absence, typos or sequence. */
    public Rule(String id, Category category, RuleSpeaker speaker, Severity severity, Optional<RuleWindow> window,
                List<RulePart> parts, boolean scripted, RuleExamples examples, Language language, String packId,
                String file) {
        this(id, category, speaker, severity, window, parts, scripted, examples, language, packId, file, List.of(), 1,
                false, 0, Optional.empty());
    }

    /** Whether any part needs per-interaction variables. */
    public boolean hasVariables() {
        return parts.stream().anyMatch(RulePart::hasVariables)
                || unless.stream().anyMatch(u -> u.query().contains("${"));
    }

    /** The speaker whose turns {@code part} searches. */
    public RuleSpeaker speakerOf(RulePart part) {
        return part.speaker().orElse(speaker);
    }

    /** The index of the part named {@code name}, or -1. */
    int partIndex(String name) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
