package dev.vigil.report;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * A team's figures for a night, from its agents' scorecards: means and rates are weighted by each agent's
 * interactions. The one place team totals are computed, for the team page and the end-of-run summary.
 *
 * @param agents       how many agents
 * @param interactions interactions evaluated
 * @param meanScore    the mean score over all interactions; empty when there were none
 * @param passRate     the share of interactions that passed, 0-1; empty when there were none
 * @param autoFails    interactions with an auto-fail
 * @param complaints   interactions flagged with a complaint
 * @param escalations  interactions flagged with an escalation
 */
public record TeamTotals(int agents, int interactions, OptionalDouble meanScore, OptionalDouble passRate,
                         int autoFails, int complaints, int escalations) {
    public static TeamTotals of(Collection<AgentScorecard> cards) {
        int interactions = 0;
        double scoreSum = 0;
        double passSum = 0;
        int autoFails = 0;
        int complaints = 0;
        int escalations = 0;
        for (AgentScorecard c : cards) {
            interactions += c.interactions();
            scoreSum += c.meanScore() * c.interactions();
            passSum += c.passRate() * c.interactions();
            autoFails += c.autoFails();
            complaints += c.complaints();
            escalations += c.escalations();
        }
        return new TeamTotals(cards.size(), interactions,
                interactions == 0 ? OptionalDouble.empty() : OptionalDouble.of(scoreSum / interactions),
                interactions == 0 ? OptionalDouble.empty() : OptionalDouble.of(passSum / interactions),
                autoFails, complaints, escalations);
    }
}
