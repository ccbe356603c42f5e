package dev.vigil.batch;

import dev.vigil.ingest.RejectedInputException;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.pii.Redactor;
import dev.vigil.report.EvaluationJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.ItemProcessor;

/**
 * The analyse step's processor: reads one pending file, analyses and scores it. Bad input and unexpected failures on
 * one file become a {@link FileOutcome.Rejected} naming the problem; they never stop the night. It binds the run's
 * {@link NightlyResources} before the step starts (one run at a time per process), so the per-item path has no
 * scope lookup. Thread-safe.
 */
public class FileAnalyzer implements ItemProcessor<VigilStore.PendingItem, FileOutcome>, StepExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger(FileAnalyzer.class);
    /** Failures are logged and stored with personal data taken out of their messages. */
    private static final Redactor REDACTOR = new Redactor();

    private final NightlyResourcesCache cache;
    private volatile NightlyResources resources;

    public FileAnalyzer(NightlyResourcesCache cache) {
        this.cache = cache;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        resources = cache.get(NightlyParameters.from(stepExecution.getJobParameters()));
    }

    @Override
    public FileOutcome process(VigilStore.PendingItem item) {
        NightlyResources r = resources;
        var file = r.inbox().root().resolve(item.path());
        Interaction interaction;
        try {
            interaction = r.ingestor().read(file);
        } catch (RejectedInputException e) {
            return new FileOutcome.Rejected(item.sha256(), item.path(), e.stage(), e.reason());
        } catch (RuntimeException e) {
            LOG.warn("unexpected failure reading {}", file, REDACTOR.scrub(e));
            return new FileOutcome.Rejected(item.sha256(), item.path(), "ingest", describe(e));
        }
        try {
            Evaluation e = r.engine().evaluate(interaction);
            return new FileOutcome.Evaluated(item.sha256(), item.path(), interaction.id(), interaction.agent().id(),
                    interaction.channel().code(), interaction.startedAt(), e.score(), e.passed(),
                    EvaluationJson.line(e), EvaluationJson.transcript(e.interaction()), e.review());
        } catch (RuntimeException e) {
            LOG.warn("unexpected failure analysing {}", file, REDACTOR.scrub(e));
            return new FileOutcome.Rejected(item.sha256(), item.path(), "analyze", describe(e));
        }
    }

    /** The failure for quarantine.csv; its message is redacted, as a library's message may quote the input. */
    static String describe(RuntimeException e) {
        String msg = e.getMessage() == null ? "" : ": " + REDACTOR.redactMessage(e.getMessage());
        return "internal error " + e.getClass().getSimpleName() + msg + " (see vigil.log)";
    }
}
