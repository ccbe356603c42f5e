package dev.vigil.score;

import dev.vigil.model.Category;
import dev.vigil.model.Finding;
import dev.vigil.model.Speaker;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which findings a scorecard item (or its {@code when} condition) is about: those of one rule, or of any of one or
 * more categories, optionally said by one speaker. Exactly one of {@code ruleId} and {@code categories} is set.
 *
 * @param ruleId     the rule's id, for example {@code greeting.scripted.en}
 * @param categories contract categories, any of which selects a finding, for example {@code [apology, empathy]}
 * @param speaker    only findings said by this speaker; empty means anyone
 */
public record FindingSelector(Optional<String> ruleId, Set<Category> categories, Optional<Speaker> speaker) {
    public FindingSelector {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(speaker, "speaker");
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        if (ruleId.isPresent() == !categories.isEmpty()) {
            throw new IllegalArgumentException("exactly one of rule and category must be set");
        }
    }

    /** Selects the findings of one category, said by anyone. */
    public static FindingSelector category(Category category) {
        return new FindingSelector(Optional.empty(), Set.of(category), Optional.empty());
    }

    /** Selects the findings of any of the categories, said by anyone. */
    public static FindingSelector anyOf(Category... categories) {
        return new FindingSelector(Optional.empty(), Set.of(categories), Optional.empty());
    }

    /** Selects the findings of one rule, said by anyone. */
    public static FindingSelector rule(String ruleId) {
        return new FindingSelector(Optional.of(ruleId), Set.of(), Optional.empty());
    }

    /** The same selection restricted to one speaker. */
    public FindingSelector by(Speaker who) {
        return new FindingSelector(ruleId, categories, Optional.of(who));
    }

    /** Whether the finding is one of those selected. */
    public boolean matches(Finding finding) {
        return ruleId.map(finding.ruleId()::equals).orElse(true)
                && (categories.isEmpty() || categories.contains(finding.category()))
                && speaker.map(s -> s == finding.speaker()).orElse(true);
    }

    /** The rule id, or the category codes (in vocabulary order, joined by {@code |}) when it names categories. */
    public String target() {
        return ruleId.orElseGet(() -> categories.stream().sorted().map(Category::code)
                .collect(Collectors.joining("|")));
    }

    /** A short description for reasons, for example {@code greeting_ok by agent} or {@code apology or empathy}. */
    public String describe() {
        String what = ruleId.orElseGet(() -> categories.stream().sorted().map(Category::code)
                .collect(Collectors.joining(" or ")));
        return what + speaker.map(s -> " by " + s.code()).orElse("");
    }
}
