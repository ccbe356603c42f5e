package dev.vigil.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Accumulates one agent's {@link EvaluationSummary}s, one at a time, into an {@link AgentScorecard}. Memory does not
 * grow with the number of interactions, only with the number of distinct items and sections. Not thread-safe.
 *
 * <p><b>Confidence interval.</b> {@code ciLow..ciHigh} is the two-sided 95 % interval of the mean score,
 * {@code mean ± t(0.975, n-1) · s / √n} with the sample standard deviation {@code s}; Student's t keeps it honest
 * for the small samples of one night. With one interaction there is no spread to estimate, so the interval is the
 * mean itself; an empty roll-up has mean and interval 0. Bounds are clamped to the score range 0-100.
 *
 * <p>Complaints and escalations count interactions whose flags contain {@code complaint} or {@code escalation}.
 * Section percentages are means over the interactions where the section applied.
 *
 * <p><b>Human review.</b> An interaction sent to human review ({@link EvaluationSummary#autoScored()} false) is
 * counted in the interactions, its channel and {@code needsReview}, and its survey CSAT (the customer's answer does
 * not depend on the transcript) is kept; nothing else of it is: not its score (mean, interval), pass, auto-fail,
 * flags, failed items or sections.
 */
public final class AgentRollup {
    private final String agentId;
    private final String agentName;
    private final String team;
    private final String period;

    private int count;
    private int chats;
    private int emails;
    private int calls;
    private int needsReview;
    private int scored;
    private double mean;
    private double sumSquaredDeviations;
    private int passed;
    private int autoFails;
    private int complaints;
    private int escalations;
    private long csatSum;
    private int csatCount;
    private final Map<String, Integer> failures = new TreeMap<>();
    private final Map<String, double[]> sections = new TreeMap<>();

    /**
     * @param agentId   the agent whose summaries this roll-up accepts
     * @param agentName the display name
     * @param team      the team, empty when unknown
     * @param period    the period label copied into the scorecard
     */
    public AgentRollup(String agentId, String agentName, String team, String period) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.agentName = Objects.requireNonNull(agentName, "agentName");
        this.team = Objects.requireNonNull(team, "team");
        this.period = Objects.requireNonNull(period, "period");
    }

    /**
     * Adds one interaction.
     *
     * @throws IllegalArgumentException when the summary belongs to another agent
     */
    public AgentRollup add(EvaluationSummary s) {
        if (!agentId.equals(s.agentId())) {
            throw new IllegalArgumentException("summary of " + s.interactionId() + " belongs to agent " + s.agentId()
                    + ", not " + agentId);
        }
        count++;
        switch (s.channel()) {
            case CHAT -> chats++;
            case EMAIL -> emails++;
            case CALL -> calls++;
        }
        s.csat().ifPresent(c -> {
            csatSum += c;
            csatCount++;
        });
        if (!s.autoScored()) {
            needsReview++;
            return this;
        }
        scored++;
        // Welford's online mean and variance: stable and constant memory.
        double delta = s.score() - mean;
        mean += delta / scored;
        sumSquaredDeviations += delta * (s.score() - mean);
        if (s.passed()) {
            passed++;
        }
        if (s.autoFail()) {
            autoFails++;
        }
        if (s.flags().contains("complaint")) {
            complaints++;
        }
        if (s.flags().contains("escalation")) {
            escalations++;
        }
        for (String item : s.failedItems()) {
            failures.merge(item, 1, Integer::sum);
        }
        s.sectionPercent().forEach((id, pct) -> {
            double[] acc = sections.computeIfAbsent(id, k -> new double[2]);
            acc[0] += pct;
            acc[1]++;
        });
        return this;
    }

    /** The number of interactions added so far, including those sent to human review. */
    public int count() {
        return count;
    }

    /** The scorecard of everything added so far. */
    public AgentScorecard scorecard() {
        double low = mean;
        double high = mean;
        if (scored > 1) {
            double sd = Math.sqrt(sumSquaredDeviations / (scored - 1));
            double half = StudentT.critical95(scored - 1) * sd / Math.sqrt(scored);
            low = Math.max(0, mean - half);
            high = Math.min(100, mean + half);
        }
        List<String> weakest = failures.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Double> percent = new TreeMap<>();
        sections.forEach((id, acc) -> percent.put(id, acc[0] / acc[1]));
        return new AgentScorecard(agentId, agentName, team, period, count, chats, emails, calls, mean, low, high,
                scored == 0 ? 0 : (double) passed / scored, autoFails, complaints, escalations,
                csatCount == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) csatSum / csatCount),
                weakest, percent, needsReview);
    }
}
