package dev.vigil.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every validated rule pack of a {@link RuleSource}, with rule ids unique across packs, and the source's morphology.
 * Immutable.
 */
public final class RuleSet {
    private final List<RulePack> packs;
    private final List<Rule> rules;
    private final RuleMorphology morphology;

    /** Packs without morphology beyond stemming. */
    public RuleSet(List<RulePack> packs) {
        this(packs, RuleMorphology.none());
    }

    public RuleSet(List<RulePack> packs, RuleMorphology morphology) {
        this.packs = List.copyOf(Objects.requireNonNull(packs, "packs"));
        this.rules = this.packs.stream().flatMap(p -> p.rules().stream()).toList();
        this.morphology = Objects.requireNonNull(morphology, "morphology");
    }

    /**
     * Loads and validates every pack of {@code source}.
     *
     * @throws InvalidRulesException listing every problem of every pack
     */
    public static RuleSet load(RuleSource source) {
        var problems = new java.util.ArrayList<String>();
        RuleMorphology morphology = RuleMorphology.load(source.morphology(), problems);
        List<RulePack> packs = List.of();
        try {
            packs = new RulePackLoader().load(source.packs());
        } catch (InvalidRulesException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return new RuleSet(packs, morphology);
    }

    /** The forms beyond stemming that text and queries share, per language. */
    public RuleMorphology morphology() {
        return morphology;
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
