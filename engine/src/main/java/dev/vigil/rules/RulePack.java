package dev.vigil.rules;

import dev.vigil.model.Language;
import java.util.List;
import java.util.Objects;

/**
 * A validated rule pack: its manifest, the context its examples use, and its rules.
 *
 * @param id             the pack id, for example {@code core-en}
 * @param version        the pack version, a positive integer
 * @param language       the language of its rules
 * @param description    free text, possibly empty
 * @param file           the name it was loaded from, for messages
 * @param exampleContext the variable values for its examples
 * @param rules          its rules in file order
 */
public record RulePack(String id, int version, Language language, String description, String file,
                       ExampleContext exampleContext, List<Rule> rules) {
    public RulePack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(exampleContext, "exampleContext");
        rules = List.copyOf(rules);
    }
}
