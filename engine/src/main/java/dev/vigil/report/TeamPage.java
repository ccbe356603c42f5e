package dev.vigil.report;

import java.util.List;
import java.util.Objects;

/**
 * What {@link HtmlReports#indexPage(TeamPage)} shows about the team.
 *
 * @param night        the night the report was made for
 * @param agents       every agent's scorecard, in any order (shown by agent name, then id)
 * @param interactions interactions evaluated
 * @param quarantined  inputs rejected into {@code quarantine.csv}
 * @param csat         how the QA score correlates with the customers' CSAT over the night's surveyed interactions
 * @param review       the night's interactions sent to human review, in any order (shown oldest first)
 */
public record TeamPage(String night, List<AgentScorecard> agents, int interactions, int quarantined,
                       CsatCorrelation csat, List<FlaggedInteraction> review) {
    public TeamPage {
        Objects.requireNonNull(night, "night");
        Objects.requireNonNull(csat, "csat");
        agents = List.copyOf(agents);
        review = List.copyOf(review);
    }

    /** A page without interactions sent to human review. */
    public TeamPage(String night, List<AgentScorecard> agents, int interactions, int quarantined,
                    CsatCorrelation csat) {
        this(night, agents, interactions, quarantined, csat, List.of());
    }
}
