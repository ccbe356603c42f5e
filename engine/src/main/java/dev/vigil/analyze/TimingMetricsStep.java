package dev.vigil.analyze;

import dev.vigil.model.Channel;
import dev.vigil.model.Interaction;
import dev.vigil.model.Speaker;
import dev.vigil.model.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes timing metrics from the turns' times and speakers. Stateless and thread-safe. Times are in seconds, as
 * the {@code _s} suffix of their names says; turn counts are whole numbers held as doubles.
 *
 * <ul>
 *   <li>{@code duration_s}: the interaction's duration, or the end of its last turn when that is later.</li>
 *   <li>{@code agent_turns}, {@code customer_turns}: how many turns each side had.</li>
 *   <li>{@code first_response_s}: from the end of the first customer turn to the start of the first agent turn after
 *       it; 0 when the agent spoke first. Absent when the agent never answered.</li>
 *   <li>{@code mean_response_s}: the mean agent reply delay, measured for each run of customer turns from the end of
 *       its first turn (the customer's first unanswered message) to the start of the agent turn that ends the run.
 *       Absent when the agent never replied to the customer.</li>
 *   <li>{@code agent_talk_ratio}: the agent's share of what the agent and the customer said, in characters for chats
 *       and emails and in turn time for calls. Turns of unknown speakers are left out. Absent when neither side said
 *       anything.</li>
 * </ul>
 * Negative delays (clock skew between systems) count as 0.
 */
public final class TimingMetricsStep implements AnalysisStep {
    public static final String DURATION_S = "duration_s";
    public static final String FIRST_RESPONSE_S = "first_response_s";
    public static final String MEAN_RESPONSE_S = "mean_response_s";
    public static final String AGENT_TURNS = "agent_turns";
    public static final String CUSTOMER_TURNS = "customer_turns";
    public static final String AGENT_TALK_RATIO = "agent_talk_ratio";

    @Override
    public String name() {
        return "timing-metrics";
    }

    @Override
    public Set<Product> requires() {
        return Set.of();
    }

    @Override
    public Set<Product> produces() {
        return EnumSet.of(Product.TIMING_METRICS);
    }

    @Override
    public Analysis apply(Analysis analysis) {
        Interaction in = analysis.interaction();
        List<Turn> turns = in.turns();
        var m = new TreeMap<String, Double>();
        Duration end = in.duration();
        for (Turn t : turns) {
            if (t.time().end().compareTo(end) > 0) {
                end = t.time().end();
            }
        }
        m.put(DURATION_S, seconds(end));
        m.put(AGENT_TURNS, (double) count(turns, Speaker.AGENT));
        m.put(CUSTOMER_TURNS, (double) count(turns, Speaker.CUSTOMER));

        List<Duration> delays = replyDelays(turns);
        boolean agentFirst = turns.stream().filter(t -> t.speaker() != Speaker.UNKNOWN).findFirst()
                .map(t -> t.speaker() == Speaker.AGENT).orElse(false);
        if (agentFirst) {
            m.put(FIRST_RESPONSE_S, 0.0);
        } else if (!delays.isEmpty()) {
            m.put(FIRST_RESPONSE_S, seconds(delays.get(0)));
        }
        if (!delays.isEmpty()) {
            m.put(MEAN_RESPONSE_S, delays.stream().mapToDouble(TimingMetricsStep::seconds).average().orElseThrow());
        }

        double agent = 0;
        double all = 0;
        for (Turn t : turns) {
            if (t.speaker() == Speaker.UNKNOWN) {
                continue;
            }
            double amount = in.channel() == Channel.CALL ? seconds(t.time().length()) : t.text().strip().length();
            all += amount;
            if (t.speaker() == Speaker.AGENT) {
                agent += amount;
            }
        }
        if (all > 0) {
            m.put(AGENT_TALK_RATIO, agent / all);
        }
        return analysis.withMetrics(m);
    }

    /**
     * One delay per run of customer turns that an agent turn ends: from the end of the run's first customer turn
     * to the start of that agent turn. Turns of unknown speakers neither start nor end a run.
     */
    private static List<Duration> replyDelays(List<Turn> turns) {
        var delays = new ArrayList<Duration>();
        Turn waitingSince = null;
        for (Turn t : turns) {
            if (t.speaker() == Speaker.CUSTOMER && waitingSince == null) {
                waitingSince = t;
            } else if (t.speaker() == Speaker.AGENT && waitingSince != null) {
                Duration d = t.time().start().minus(waitingSince.time().end());
                delays.add(d.isNegative() ? Duration.ZERO : d);
                waitingSince = null;
            }
        }
        return delays;
    }

    private static long count(List<Turn> turns, Speaker speaker) {
        return turns.stream().filter(t -> t.speaker() == speaker).count();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
