package dev.vigil.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every validated rule pack of a {@link RuleSource}, with rule ids unique across packs. Immutable. */
public final class RuleSet {
    private final List<RulePack> packs;
    private final List<Rule> rules;

    public RuleSet(List<RulePack> packs) {
        this.packs = List.copyOf(Objects.requireNonNull(packs, "packs"));
        this.rules = this.packs.stream().flatMap(p -> p.rules().stream()).toList();
    }

    /**
     * Loads and validates every pack of {@code source}.
     *
     * @throws InvalidRulesException listing every problem of every pack
     */
    public static RuleSet load(RuleSource source) {
        return new RuleSet(new RulePackLoader().load(source.packs()));
    }

    public List<RulePack> packs() {
        return packs;
    }

    /** Every rule of every pack, in pack then file order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The ids of every rule, for checking references to rules (for example from scorecards). */
    public java.util.Set<String> ruleIds() {
        return rules.stream().map(Rule::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The rule with this id. */
    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return "RuleSet" + packs.stream().map(p -> p.id() + "@" + p.version()).toList();
    }
}
