package dev.vigil.rules;

import dev.vigil.model.Category;
import dev.vigil.model.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated rule of a pack. A rule has either one {@code query} or several named {@code parts}; a rule with parts
 * fires only when every part has a hit inside the window.
 *
 * @param id       unique across all loaded packs, for example {@code greeting.scripted}
 * @param category the contract category its findings carry
 * @param speaker  whose turns it looks at
 * @param severity how much a finding matters
 * @param window   where hits count; empty means the whole interaction
 * @param parts    the single query (named {@code query}) or the scripted rule's parts, in pack order
 * @param scripted whether the rule was written with {@code parts}
 * @param examples turns it must and must not match
 * @param language the language of its pack; it applies to turns detected in this language
 * @param packId   the id of its pack
 * @param file     the pack's file name, for messages
 */
public record Rule(String id, Category category, RuleSpeaker speaker, Severity severity, Optional<RuleWindow> window,
                   List<RulePart> parts, boolean scripted, RuleExamples examples, Language language, String packId,
                   String file) {
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
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' has no query");
        }
    }

    /** Whether any part needs per-interaction variables. */
    public boolean hasVariables() {
        return parts.stream().anyMatch(RulePart::hasVariables);
    }
}
