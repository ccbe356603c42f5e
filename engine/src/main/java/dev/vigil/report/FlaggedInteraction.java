package dev.vigil.report;

import dev.vigil.model.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An interaction a trainer should review, listed on the agent's page with a link to its own page.
 *
 * @param id        the interaction id
 * @param startedAt when it started
 * @param channel   chat, email or call
 * @param score     0-100
 * @param passed    whether it passed
 * @param flags     its flags (category codes)
 */
public record FlaggedInteraction(String id, Instant startedAt, Channel channel, double score, boolean passed,
                                 List<String> flags) {
    public FlaggedInteraction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(channel, "channel");
        flags = List.copyOf(flags);
    }

    /** The flagged-interaction row of a summary (see {@link EvaluationSummary#needsReview()} to choose them). */
    public static FlaggedInteraction of(EvaluationSummary s) {
        return new FlaggedInteraction(s.interactionId(), s.startedAt(), s.channel(), s.score(), s.passed(), s.flags());
    }
}
