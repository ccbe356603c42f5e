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
 */
public record Technique(String id, String title, Map<Language, String> ruleIds) {
    public Technique {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        ruleIds = Map.copyOf(ruleIds);
        if (ruleIds.isEmpty()) {
            throw new IllegalArgumentException("technique '" + id + "' has no query");
        }
    }

    /** The languages this technique has a query for. */
    public Set<Language> languages() {
        return ruleIds.keySet();
    }
}
