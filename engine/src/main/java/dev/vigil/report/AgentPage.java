package dev.vigil.report;

import java.util.List;
import java.util.Objects;
import dev.vigil.uptake.TrainingUptake;

/**
 * What {@link HtmlReports#agentPage(AgentPage)} shows about one agent.
 *
 * @param card    the agent's scorecard for the period
 * @param night   the night the report was made for, for example {@code 2026-11-21}
 * @param trend   mean score per night, in any order (shown oldest first)
 * @param flagged failed or flagged auto-scored interactions, in any order (shown oldest first, ties by id)
 * @param review  interactions sent to human review, with their reasons, in any order (shown oldest first)
 * @param uptake  the agent's use of what each attended training taught, before and after its day
 *                ({@link dev.vigil.uptake.UptakeTally}); empty when there are no trainings (no section is shown)
 */
public record AgentPage(AgentScorecard card, String night, List<TrendPoint> trend, List<FlaggedInteraction> flagged,
                        List<FlaggedInteraction> review, List<TrainingUptake> uptake) {
    public AgentPage {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(night, "night");
        trend = List.copyOf(trend);
        flagged = List.copyOf(flagged);
        review = List.copyOf(review);
        uptake = List.copyOf(uptake);
    }

    /** A page without training uptake. */
    public AgentPage(AgentScorecard card, String night, List<TrendPoint> trend, List<FlaggedInteraction> flagged,
                     List<FlaggedInteraction> review) {
        this(card, night, trend, flagged, review, List.of());
    }

    /** A page without interactions sent to human review. */
    public AgentPage(AgentScorecard card, String night, List<TrendPoint> trend, List<FlaggedInteraction> flagged) {
        this(card, night, trend, flagged, List.of());
    }
}
