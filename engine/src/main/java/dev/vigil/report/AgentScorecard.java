package dev.vigil.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One agent's QA results over a period: one row of {@code scorecards.csv} and the head of the agent's report page.
 *
 * @param agentId        the agent's id
 * @param agentName      the display name (the id when the roster does not know the agent)
 * @param team           the team, empty when unknown
 * @param period         the period covered, for example {@code 2026-11-21} or {@code 2026-11-01..2026-11-21}
 * @param interactions   interactions evaluated, all channels, including those sent to human review
 * @param chats          of which chats
 * @param emails         of which emails
 * @param calls          of which calls
 * @param meanScore      mean score over the auto-scored interactions ({@link #scored()}), 0-100; 0 when none
 * @param ciLow          lower bound of the 95 % confidence interval of the mean score (see {@link AgentRollup})
 * @param ciHigh         upper bound of that interval
 * @param passRate       share of the auto-scored interactions that passed, in [0, 1]; 0 when none
 * @param autoFails      auto-scored interactions failed by an auto-fail item
 * @param complaints     auto-scored interactions flagged {@code complaint}
 * @param escalations    auto-scored interactions flagged {@code escalation}
 * @param meanCsat       mean CSAT (1-5) over the interactions that had a survey answer
 * @param weakestItems   ids of the (at most 3) scorecard items failed most often, most failed first, ties by id
 * @param sectionPercent per section: mean percentage of the section's points earned where it applied, sorted by id
 * @param needsReview    interactions sent to human review: counted in {@code interactions} and the channel counts,
 *                       left out of every score statistic, auto-fail and flag count above
 */
public record AgentScorecard(String agentId, String agentName, String team, String period, int interactions,
                             int chats, int emails, int calls, double meanScore, double ciLow, double ciHigh,
                             double passRate, int autoFails, int complaints, int escalations, OptionalDouble meanCsat,
                             List<String> weakestItems, Map<String, Double> sectionPercent, int needsReview) {
    public AgentScorecard {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(meanCsat, "meanCsat");
        weakestItems = List.copyOf(weakestItems);
        sectionPercent = Collections.unmodifiableMap(new TreeMap<>(sectionPercent));
        if (needsReview < 0 || needsReview > interactions) {
            throw new IllegalArgumentException("needsReview " + needsReview + " outside 0.." + interactions);
        }
    }

    /** The interactions whose score stands: those not sent to human review. */
    public int scored() {
        return interactions - needsReview;
    }
}
