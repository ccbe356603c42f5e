package dev.vigil.batch;

import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Stores each outcome and marks its item done or quarantined, in the chunk's transaction: the process indicator that
 * makes a restarted night evaluate every file exactly once. Handles empty chunks. Thread-safe.
 */
public class OutcomeWriter implements ItemWriter<FileOutcome> {
    private final VigilStore store;
    private final ProgressReporter progress;

    public OutcomeWriter(VigilStore store, ProgressReporter progress) {
        this.store = store;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends FileOutcome> chunk) {
        for (FileOutcome outcome : chunk) {
            if (outcome instanceof FileOutcome.Evaluated e) {
                store.saveEvaluated(e.sha256(), e.interactionId(), e.agentId(), e.channel(), e.startedAt(),
                        e.score(), e.passed(), e.review(), e.evaluationLine(), e.transcriptJson());
            } else if (outcome instanceof FileOutcome.Rejected r) {
                store.saveQuarantined(r.sha256(), r.stage(), r.reason());
            }
        }
        progress.analysed(chunk.size());
    }
}
