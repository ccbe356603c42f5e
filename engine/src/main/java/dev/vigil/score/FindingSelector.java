package dev.vigil.score;

import dev.vigil.model.Category;
import dev.vigil.model.Finding;
import dev.vigil.model.Speaker;
import java.util.Objects;
import java.util.Optional;

/**
 * Which findings a scorecard item (or its {@code when} condition) is about: those of one rule or of one category,
 * optionally said by one speaker. Exactly one of {@code ruleId} and {@code category} is set.
 *
 * @param ruleId   the rule's id, for example {@code greeting.scripted}
 * @param category the contract category, for example {@code greeting_ok}
 * @param speaker  only findings said by this speaker; empty means anyone
 */
public record FindingSelector(Optional<String> ruleId, Optional<Category> category, Optional<Speaker> speaker) {
    public FindingSelector {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(speaker, "speaker");
        if (ruleId.isPresent() == category.isPresent()) {
            throw new IllegalArgumentException("exactly one of rule and category must be set");
        }
    }

    /** Selects the findings of one category, said by anyone. */
    public static FindingSelector category(Category category) {
        return new FindingSelector(Optional.empty(), Optional.of(category), Optional.empty());
    }

    /** Selects the findings of one rule, said by anyone. */
    public static FindingSelector rule(String ruleId) {
        return new FindingSelector(Optional.of(ruleId), Optional.empty(), Optional.empty());
    }

    /** The same selection restricted to one speaker. */
    public FindingSelector by(Speaker who) {
        return new FindingSelector(ruleId, category, Optional.of(who));
    }

    /** Whether the finding is one of those selected. */
    public boolean matches(Finding finding) {
        return ruleId.map(finding.ruleId()::equals).orElse(true)
                && category.map(c -> c == finding.category()).orElse(true)
                && speaker.map(s -> s == finding.speaker()).orElse(true);
    }

    /** The rule id, or the category's code when the selector names a category. */
    public String target() {
        return ruleId.orElseGet(() -> category.orElseThrow().code());
    }

    /** A short description for reasons, for example {@code greeting_ok by agent}. */
    public String describe() {
        return target() + speaker.map(s -> " by " + s.code()).orElse("");
    }
}
