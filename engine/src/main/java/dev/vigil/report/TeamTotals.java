package dev.vigil.report;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * A team's figures for a night, from its agents' scorecards: means and rates are weighted by each agent's
 * auto-scored interactions ({@link AgentScorecard#scored()}), so interactions sent to human review never move them.
 * The one place team totals are computed, for the team page and the end-of-run summary.
 *
 * @param agents       how many agents
 * @param interactions interactions evaluated, including those sent to human review
 * @param meanScore    the mean score over all auto-scored interactions; empty when there were none
 * @param passRate     the share of auto-scored interactions that passed, 0-1; empty when there were none
 * @param autoFails    interactions with an auto-fail
 * @param complaints   interactions flagged with a complaint
 * @param escalations  interactions flagged with an escalation
 * @param needsReview  interactions sent to human review instead of being auto-scored
 */
public record TeamTotals(int agents, int interactions, OptionalDouble meanScore, OptionalDouble passRate,
                         int autoFails, int complaints, int escalations, int needsReview) {
    public static TeamTotals of(Collection<AgentScorecard> cards) {
        int interactions = 0;
        int scored = 0;
        double scoreSum = 0;
        double passSum = 0;
        int autoFails = 0;
        int complaints = 0;
        int escalations = 0;
        int needsReview = 0;
        for (AgentScorecard c : cards) {
            interactions += c.interactions();
            scored += c.scored();
            scoreSum += c.meanScore() * c.scored();
            passSum += c.passRate() * c.scored();
            autoFails += c.autoFails();
            complaints += c.complaints();
            escalations += c.escalations();
            needsReview += c.needsReview();
        }
        return new TeamTotals(cards.size(), interactions,
                scored == 0 ? OptionalDouble.empty() : OptionalDouble.of(scoreSum / scored),
                scored == 0 ? OptionalDouble.empty() : OptionalDouble.of(passSum / scored),
                autoFails, complaints, escalations, needsReview);
    }
}
