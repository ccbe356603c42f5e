package dev.vigil.batch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the analyse step made of one pending file: an evaluation or a quarantine entry. */
public sealed interface FileOutcome {
    String sha256();

    String path();

    /**
     * A file that became an evaluated interaction; {@code review} says why it was sent to human review instead of
     * being auto-scored, and is empty when the score stands.
     */
    record Evaluated(String sha256, String path, String interactionId, String agentId, String channel,
                     Instant startedAt, double score, boolean passed, String evaluationLine, String transcriptJson,
                     Optional<String> review)
            implements FileOutcome {
        public Evaluated {
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(review, "review");
            Objects.requireNonNull(evaluationLine, "evaluationLine");
            Objects.requireNonNull(transcriptJson, "transcriptJson");
        }
    }

    /** A file that goes to quarantine with a stage and a reason. */
    record Rejected(String sha256, String path, String stage, String reason) implements FileOutcome {
    }
}
