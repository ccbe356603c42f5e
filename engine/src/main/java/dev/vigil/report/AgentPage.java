package dev.vigil.report;

import java.util.List;
import java.util.Objects;

/**
 * What {@link HtmlReports#agentPage(AgentPage)} shows about one agent.
 *
 * @param card    the agent's scorecard for the period
 * @param night   the night the report was made for, for example {@code 2026-11-21}
 * @param trend   mean score per night, in any order (shown oldest first)
 * @param flagged failed or flagged auto-scored interactions, in any order (shown oldest first, ties by id)
 * @param review  interactions sent to human review, with their reasons, in any order (shown oldest first)
 */
public record AgentPage(AgentScorecard card, String night, List<TrendPoint> trend, List<FlaggedInteraction> flagged,
                        List<FlaggedInteraction> review) {
    public AgentPage {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(night, "night");
        trend = List.copyOf(trend);
        flagged = List.copyOf(flagged);
        review = List.copyOf(review);
    }

    /** A page without interactions sent to human review. */
    public AgentPage(AgentScorecard card, String night, List<TrendPoint> trend, List<FlaggedInteraction> flagged) {
        this(card, night, trend, flagged, List.of());
    }
}
