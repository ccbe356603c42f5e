package dev.vigil.report;

import java.util.List;
import java.util.Objects;

/**
 * What {@link HtmlReports#agentPage(AgentPage)} shows about one agent.
 *
 * @param card    the agent's scorecard for the period
 * @param night   the night the report was made for, for example {@code 2026-11-21}
 * @param trend   mean score per night, in any order (shown oldest first)
 * @param flagged interactions to review, in any order (shown oldest first, ties by id)
 */
public record AgentPage(AgentScorecard card, String night, List<TrendPoint> trend, List<FlaggedInteraction> flagged) {
    public AgentPage {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(night, "night");
        trend = List.copyOf(trend);
        flagged = List.copyOf(flagged);
    }
}
