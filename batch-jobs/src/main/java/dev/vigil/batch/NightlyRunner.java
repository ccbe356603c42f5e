package dev.vigil.batch;

import dev.vigil.report.TeamTotals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs one night: recovers executions left running by a crashed process, then launches (or restarts) the
 * {@code nightly-qa} instance for the inbox and night. A night that already completed is not run again; its outputs
 * are published again, unchanged.
 */
@Component
public class NightlyRunner {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyRunner.class);

    /** How a run ended, with the counts for the end-of-run summary. */
    public record Result(BatchStatus status, boolean alreadyCompleted, boolean restarted, Duration took,
                         VigilStore.RunCounts counts, Optional<TeamTotals> published, String failure) {
    }

    private final JobLauncher launcher;
    private final JobExplorer explorer;
    private final JobRepository repository;
    private final Job job;
    private final VigilStore store;
    private final Publisher publisher;
    private final NightlyResourcesCache resources;

    public NightlyRunner(JobLauncher launcher, JobExplorer explorer, JobRepository repository, Job nightlyQaJob,
                         VigilStore store, Publisher publisher, NightlyResourcesCache resources) {
        this.launcher = launcher;
        this.explorer = explorer;
        this.repository = repository;
        this.job = nightlyQaJob;
        this.store = store;
        this.publisher = publisher;
        this.resources = resources;
    }

    /**
     * Runs (or restarts, or republishes) the night.
     *
     * @throws IllegalArgumentException when the inbox's configuration or the rules are invalid; checked before any
     *                                  job execution is created, so nothing needs resuming
     */
    public Result run(NightlyParameters params) throws Exception {
        Instant start = Instant.now();
        NightlyResources loaded = resources.get(params); // validates vigil.yaml, agents.csv, packs, scorecards
        recoverInterruptedExecutions();
        JobInstance instance = explorer.getJobInstance(NightlyJobConfig.JOB_NAME, params.toJobParameters());
        boolean restarted = false;
        if (instance != null) {
            JobExecution last = explorer.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                try {
                    var ui = loaded.inbox().config().effectiveReportLanguage();
                    publisher.publish(params, ui, loaded.engine().reportTitles(ui), loaded.engine().uptake(),
                            loaded.inbox().roster(), loaded.inbox().config().timezone());
                } finally {
                    resources.release(params);
                }
                return new Result(BatchStatus.COMPLETED, true, false, Duration.between(start, Instant.now()),
                        store.runCounts(params.inboxKey(), params.night()), Optional.of(publisher.summary(params)),
                        "");
            }
            restarted = last != null;
        }
        JobExecution execution;
        try {
            execution = launcher.run(job, params.toJobParameters());
        } catch (Exception e) {
            resources.release(params); // the job's own listener releases them once it has run
            throw e;
        }
        String failure = execution.getAllFailureExceptions().stream().findFirst()
                .map(NightlyRunner::rootMessage).orElse("");
        Optional<TeamTotals> published = Optional.empty();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            published = Optional.of(publisher.summary(params));
        }
        return new Result(execution.getStatus(), false, restarted, Duration.between(start, Instant.now()),
                store.runCounts(params.inboxKey(), params.night()), published, failure);
    }

    /**
     * Marks executions that a killed process left in a running state as failed, so that they can be restarted. Safe
     * because the embedded database admits one Vigil process at a time.
     */
    void recoverInterruptedExecutions() {
        for (JobExecution running : explorer.findRunningJobExecutions(NightlyJobConfig.JOB_NAME)) {
            LOG.warn("execution {} of {} was interrupted; marking it failed so that it can restart",
                    running.getId(), NightlyJobConfig.JOB_NAME);
            for (StepExecution step : running.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
                    step.setEndTime(LocalDateTime.now());
                    repository.update(step);
                }
            }
            running.setStatus(BatchStatus.FAILED);
            running.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted: the process ended while the job ran"));
            running.setEndTime(LocalDateTime.now());
            repository.update(running);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
