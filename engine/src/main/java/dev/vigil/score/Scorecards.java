package dev.vigil.score;

import dev.vigil.model.Language;
import dev.vigil.rules.RuleSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loaded scorecards, by id; chooses the one an interaction is scored with. Immutable and thread-safe.
 *
 * <p>The default scorecard of a language is the one whose id is {@code default-<lang>}, for example
 * {@code default-ru}.
 */
public final class Scorecards {
    private final Map<String, Scorecard> byId;

    private Scorecards(List<Scorecard> cards) {
        var m = new LinkedHashMap<String, Scorecard>();
        for (Scorecard c : cards) {
            if (m.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("two scorecards have the id '" + c.id() + "'");
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(m);
    }

    /** A registry of already validated scorecards; their ids must be distinct. */
    public static Scorecards of(List<Scorecard> cards) {
        return new Scorecards(cards);
    }

    /**
     * Loads and validates every scorecard of a rule source.
     *
     * @param knownRuleIds ids of every loaded rule, to check {@code rule:} references; empty skips the check
     * @throws InvalidScorecardException listing every problem of every file
     */
    public static Scorecards load(RuleSource source, Set<String> knownRuleIds) {
        return new Scorecards(new ScorecardLoader().loadAll(source, knownRuleIds));
    }

    /** The scorecard with this id, if loaded. */
    public Optional<Scorecard> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The scorecard with this id.
     *
     * @throws IllegalArgumentException naming the id and the available ones when it is unknown
     */
    public Scorecard byId(String id) {
        Scorecard c = byId.get(id);
        if (c == null) {
            throw new IllegalArgumentException("unknown scorecard '" + id + "' (available: "
                    + (byId.isEmpty() ? "none" : String.join(", ", byId.keySet())) + ")");
        }
        return c;
    }

    /**
     * The default scorecard of a language, {@code default-<lang>}.
     *
     * @throws IllegalArgumentException when it is not loaded
     */
    public Scorecard defaultFor(Language language) {
        return byId("default-" + language.code());
    }

    /**
     * The configured scorecard when one is named (for example by {@code vigil.yaml}), else the language's default.
     *
     * @throws IllegalArgumentException when the chosen scorecard is not loaded
     */
    public Scorecard choose(Optional<String> configuredId, Language language) {
        return configuredId.map(this::byId).orElseGet(() -> defaultFor(language));
    }

    /** Every scorecard, in loading order. */
    public List<Scorecard> all() {
        return List.copyOf(byId.values());
    }
}
