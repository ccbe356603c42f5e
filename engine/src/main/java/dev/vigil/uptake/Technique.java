package dev.vigil.uptake;

import dev.vigil.model.Language;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One phrase or technique taught in a training, with the rule that recognises it in each language it is written for.
 *
 * @param id      unique within its training: letters, digits, {@code _} and {@code -}
 * @param title   what the report shows, for example "Acknowledge the frustration"
 * @param ruleIds the id of the generated rule per language (the technique applies to interactions in these languages)
 * @param version 8 hex digits that change when what the technique matches is edited (its queries, {@code unless},
 *                window, ..., or the training's {@code define}), but not with its title or examples; part of its
 *                metric's name, so that an edited technique is measured again
 */
public record Technique(String id, String title, Map<Language, String> ruleIds, String version) {
    public Technique {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        ruleIds = Map.copyOf(ruleIds);
        if (ruleIds.isEmpty()) {
            throw new IllegalArgumentException("technique '" + id + "' has no query");
        }
        if (!version.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("technique '" + id + "': version '" + version
                    + "' is not 8 hex digits");
        }
    }

    /** The languages this technique has a query for. */
    public Set<Language> languages() {
        return ruleIds.keySet();
    }
}
