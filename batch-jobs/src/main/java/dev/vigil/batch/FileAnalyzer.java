package dev.vigil.batch;

import dev.vigil.ingest.RejectedInputException;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.report.EvaluationJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.ItemProcessor;

/**
 * The analyse step's processor: reads one pending file, analyses and scores it. Bad input and unexpected failures on
 * one file become a {@link FileOutcome.Rejected} naming the problem; they never stop the night. Thread-safe.
 */
public class FileAnalyzer implements ItemProcessor<VigilStore.PendingItem, FileOutcome> {
    private static final Logger LOG = LoggerFactory.getLogger(FileAnalyzer.class);

    private final NightlyResources resources;

    public FileAnalyzer(NightlyResources resources) {
        this.resources = resources;
    }

    @Override
    public FileOutcome process(VigilStore.PendingItem item) {
        var file = resources.inbox().root().resolve(item.path());
        Interaction interaction;
        try {
            interaction = resources.ingestor().read(file);
        } catch (RejectedInputException e) {
            return new FileOutcome.Rejected(item.sha256(), item.path(), e.stage(), e.reason());
        } catch (RuntimeException e) {
            LOG.warn("unexpected failure reading {}", file, e);
            return new FileOutcome.Rejected(item.sha256(), item.path(), "ingest", describe(e));
        }
        try {
            Evaluation e = resources.engine().evaluate(interaction);
            return new FileOutcome.Evaluated(item.sha256(), item.path(), interaction.id(), interaction.agent().id(),
                    interaction.channel().code(), interaction.startedAt(), e.score(), e.passed(),
                    EvaluationJson.line(e), EvaluationJson.transcript(e.interaction()));
        } catch (RuntimeException e) {
            LOG.warn("unexpected failure analysing {}", file, e);
            return new FileOutcome.Rejected(item.sha256(), item.path(), "analyze", describe(e));
        }
    }

    static String describe(RuntimeException e) {
        String msg = e.getMessage() == null ? "" : ": " + e.getMessage();
        return "internal error " + e.getClass().getSimpleName() + msg + " (see vigil.log)";
    }
}
