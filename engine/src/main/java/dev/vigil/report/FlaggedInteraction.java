package dev.vigil.report;

import dev.vigil.model.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An interaction a trainer should look at, listed on the agent's page with a link to its own page: a failed or
 * flagged one, or one sent to human review instead of being auto-scored ({@code review} present).
 *
 * @param id        the interaction id
 * @param startedAt when it started
 * @param channel   chat, email or call
 * @param score     0-100
 * @param passed    whether it passed
 * @param flags     its flags (category codes)
 * @param review    why it was sent to human review; empty when it was auto-scored
 * @param agentId   the agent's id, for lists that span agents; empty when not given
 */
public record FlaggedInteraction(String id, Instant startedAt, Channel channel, double score, boolean passed,
                                 List<String> flags, Optional<String> review, String agentId) {
    public FlaggedInteraction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(agentId, "agentId");
        flags = List.copyOf(flags);
    }

    /** An auto-scored interaction without a review reason. */
    public FlaggedInteraction(String id, Instant startedAt, Channel channel, double score, boolean passed,
                              List<String> flags) {
        this(id, startedAt, channel, score, passed, flags, Optional.empty(), "");
    }

    /**
     * The row of a summary: choose them with {@link EvaluationSummary#flagged()} for the list of failed and flagged
     * interactions, and with {@code !}{@link EvaluationSummary#autoScored()} for the human-review list.
     */
    public static FlaggedInteraction of(EvaluationSummary s) {
        return new FlaggedInteraction(s.interactionId(), s.startedAt(), s.channel(), s.score(), s.passed(), s.flags(),
                s.review(), s.agentId());
    }
}
