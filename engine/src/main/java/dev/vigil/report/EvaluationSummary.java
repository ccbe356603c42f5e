package dev.vigil.report;

import dev.vigil.model.Channel;
import dev.vigil.model.Language;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The fields of one {@code evaluations.jsonl} line that agent and team roll-ups need, parsed back by
 * {@link EvaluationJson#summary(String)} so that a night can be rolled up without holding whole evaluations.
 *
 * @param interactionId  the interaction's id
 * @param agentId        the agent's id
 * @param channel        chat, email or call
 * @param language       the interaction's language
 * @param startedAt      when it started
 * @param score          0-100
 * @param passed         whether it passed
 * @param autoFail       whether an auto-fail item failed
 * @param flags          the line's flags (category codes such as {@code complaint}, {@code escalation})
 * @param failedItems    ids of the scorecard items that failed, in scorecard order
 * @param sectionPercent per section that applied ({@code max > 0}): points as a percentage of the maximum, 0-100,
 *                       sorted by section id
 * @param csat           the survey's CSAT (1-5) when the line carried one
 * @param review         why the interaction was sent to human review ({@code review_reason}); empty when it was
 *                       auto-scored. A reviewed interaction's score is not counted in any roll-up.
 */
public record EvaluationSummary(String interactionId, String agentId, Channel channel, Language language,
                                Instant startedAt, double score, boolean passed, boolean autoFail, List<String> flags,
                                List<String> failedItems, Map<String, Double> sectionPercent, OptionalInt csat,
                                Optional<String> review) {
    public EvaluationSummary {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(csat, "csat");
        Objects.requireNonNull(review, "review");
        flags = List.copyOf(flags);
        failedItems = List.copyOf(failedItems);
        sectionPercent = Collections.unmodifiableMap(new TreeMap<>(sectionPercent));
    }

    /** Whether the score stands: the interaction was not sent to human review. */
    public boolean autoScored() {
        return review.isEmpty();
    }

    /**
     * Whether a trainer should look at an auto-scored interaction: it failed, or it carries at least one flag.
     * Interactions sent to human review are listed separately ({@link #autoScored()}), never here.
     */
    public boolean flagged() {
        return autoScored() && (!passed || !flags.isEmpty());
    }
}
