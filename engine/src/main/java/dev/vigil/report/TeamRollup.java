package dev.vigil.report;

import dev.vigil.config.Agent;
import dev.vigil.config.Roster;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Routes a night's {@link EvaluationSummary}s, in any order, to one {@link AgentRollup} per agent, taking names and
 * teams from the roster. Memory grows with the number of agents, not of interactions. Not thread-safe.
 */
public final class TeamRollup {
    private final String period;
    private final Roster roster;
    private final Map<String, AgentRollup> agents = new TreeMap<>();
    private int interactions;

    /**
     * @param period the period label for every scorecard, for example {@code 2026-11-21}
     * @param roster the agents; an agent it does not know is named by id, with an empty team
     */
    public TeamRollup(String period, Roster roster) {
        this.period = Objects.requireNonNull(period, "period");
        this.roster = Objects.requireNonNull(roster, "roster");
    }

    /** Adds one interaction to its agent's roll-up. */
    public TeamRollup add(EvaluationSummary s) {
        agents.computeIfAbsent(s.agentId(), id -> {
            var agent = roster.byId(id);
            return new AgentRollup(id, agent.map(Agent::name).orElse(id), agent.flatMap(Agent::team).orElse(""),
                    period);
        }).add(s);
        interactions++;
        return this;
    }

    /** The number of interactions added so far. */
    public int interactions() {
        return interactions;
    }

    /** Every agent's scorecard, sorted by agent id. */
    public List<AgentScorecard> scorecards() {
        return agents.values().stream().map(AgentRollup::scorecard).toList();
    }
}
