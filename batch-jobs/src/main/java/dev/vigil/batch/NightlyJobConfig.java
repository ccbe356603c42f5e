package dev.vigil.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.item.support.SynchronizedItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly-qa} job: scan, analyse the calls (one per transaction, so that every core keeps recognising
 * until the last call), analyse the chats and emails (chunk-oriented), both parallel on the available cores,
 * aggregate per agent, publish. The inbox and the night are its identifying parameters (see {@link NightlyParameters}).
 */
@Configuration
public class NightlyJobConfig {
    public static final String JOB_NAME = "nightly-qa";
    /** Interactions per transaction of the analyse step. */
    static final int DEFAULT_CHUNK = 50;

    @Bean
    public Job nightlyQaJob(JobRepository repository, Step scanStep, Step analyseCallsStep, Step analyseStep,
                            Step aggregateStep, Step publishStep, NightlyResourcesCache resources) {
        return new JobBuilder(JOB_NAME, repository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution jobExecution) {
                        resources.release(NightlyParameters.from(jobExecution.getJobParameters()));
                    }
                })
                .start(scanStep).next(analyseCallsStep).next(analyseStep).next(aggregateStep).next(publishStep)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public ProgressReporter progressReporter() {
        return ProgressReporter.silent();
    }

    @Bean
    public NightlyResourcesCache nightlyResourcesCache(@Value("${vigil.data-dir:./vigil-data}") String dataDir) {
        return new NightlyResourcesCache(Path.of(dataDir));
    }

    @Bean
    public Publisher publisher(VigilStore store) {
        return new Publisher(store);
    }

    @Bean
    public Step scanStep(JobRepository repository, PlatformTransactionManager tx, VigilStore store,
                         ProgressReporter progress) {
        return new StepBuilder("scan", repository)
                .tasklet((contribution, chunk) ->
                        new InboxScanTasklet(store, params(chunk), progress).execute(contribution, chunk), tx)
                .build();
    }

    /**
     * Calls, one per chunk: a call takes seconds to minutes of recognition, so a chunk of 50 would leave one thread
     * recognising a whole chunk while the others sit idle at the end of the night.
     */
    @Bean
    public Step analyseCallsStep(JobRepository repository, PlatformTransactionManager tx,
                                 SynchronizedItemStreamReader<VigilStore.PendingItem> pendingCallsReader,
                                 FileAnalyzer fileAnalyzer, VigilStore store, ProgressReporter progress,
                                 TaskExecutor analysisExecutor) {
        return analysis("analyse-calls", repository, tx, pendingCallsReader, fileAnalyzer, store, progress,
                analysisExecutor, 1);
    }

    @Bean
    public Step analyseStep(JobRepository repository, PlatformTransactionManager tx,
                            SynchronizedItemStreamReader<VigilStore.PendingItem> pendingReader,
                            FileAnalyzer fileAnalyzer, VigilStore store, ProgressReporter progress,
                            TaskExecutor analysisExecutor, @Value("${vigil.chunk-size:" + DEFAULT_CHUNK + "}") int chunk) {
        return analysis("analyse", repository, tx, pendingReader, fileAnalyzer, store, progress, analysisExecutor,
                chunk);
    }

    private static Step analysis(String name, JobRepository repository, PlatformTransactionManager tx,
                                 SynchronizedItemStreamReader<VigilStore.PendingItem> reader,
                                 FileAnalyzer fileAnalyzer, VigilStore store, ProgressReporter progress,
                                 TaskExecutor analysisExecutor, int chunk) {
        return new StepBuilder(name, repository)
                .<VigilStore.PendingItem, FileOutcome>chunk(chunk, tx)
                .reader(reader)
                .processor(fileAnalyzer)
                .listener((org.springframework.batch.core.StepExecutionListener) fileAnalyzer)
                // No skip or retry policy: bad input is already an outcome (FileAnalyzer), and anything else
                // (a crash, a full disk) must fail the step so that a restart resumes it.
                .writer(new OutcomeWriter(store, progress))
                .listener(new ChunkListener() {
                    @Override
                    public void afterChunkError(ChunkContext context) {
                        progress.finishBar();
                    }
                })
                .taskExecutor(analysisExecutor)
                .build();
    }

    @Bean
    public TaskExecutor analysisExecutor(@Value("${vigil.threads:0}") int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        // A fixed pool: threads are reused, so per-thread caches (Lucene's analyzer components) survive across
        // chunks. The queue is unbounded; the step keeps only a few chunks in flight.
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(n);
        executor.setMaxPoolSize(n);
        executor.setThreadNamePrefix("vigil-analyse-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    /** The pending chats and emails (everything but calls, which {@link #pendingCallsReader} reads first). */
    @Bean
    @StepScope
    public SynchronizedItemStreamReader<VigilStore.PendingItem> pendingReader(
            DataSource dataSource, @Value("#{jobParameters['inbox']}") String inbox,
            @Value("#{jobParameters['date']}") LocalDate night) throws Exception {
        return pending("pendingReader", dataSource, inbox, night,
                VigilStore.PENDING_WHERE + " AND NOT " + VigilStore.CALLS);
    }

    /** The pending call recordings. */
    @Bean
    @StepScope
    public SynchronizedItemStreamReader<VigilStore.PendingItem> pendingCallsReader(
            DataSource dataSource, @Value("#{jobParameters['inbox']}") String inbox,
            @Value("#{jobParameters['date']}") LocalDate night) throws Exception {
        return pending("pendingCallsReader", dataSource, inbox, night,
                VigilStore.PENDING_WHERE + " AND " + VigilStore.CALLS);
    }

    private static SynchronizedItemStreamReader<VigilStore.PendingItem> pending(
            String name, DataSource dataSource, String inbox, LocalDate night, String where) throws Exception {
        JdbcPagingItemReader<VigilStore.PendingItem> reader = new JdbcPagingItemReaderBuilder<VigilStore.PendingItem>()
                .name(name)
                .dataSource(dataSource)
                .selectClause(VigilStore.PENDING_SELECT)
                .fromClause(VigilStore.PENDING_FROM)
                .whereClause(where)
                .parameterValues(Map.of("inbox", inbox, "night", java.sql.Date.valueOf(night)))
                .sortKeys(Map.of("sha256", Order.ASCENDING))
                .rowMapper(VigilStore::mapPending)
                .pageSize(DEFAULT_CHUNK * 4)
                // The status column is the restart state: saved reader positions would skip or repeat items.
                .saveState(false)
                .build();
        reader.afterPropertiesSet(); // the wrapper is the bean, so Spring does not initialise the delegate
        var synced = new SynchronizedItemStreamReader<VigilStore.PendingItem>();
        synced.setDelegate(reader);
        return synced;
    }

    @Bean
    public FileAnalyzer fileAnalyzer(NightlyResourcesCache resources) {
        return new FileAnalyzer(resources);
    }

    @Bean
    public Step aggregateStep(JobRepository repository, PlatformTransactionManager tx, VigilStore store,
                              NightlyResourcesCache resources, ProgressReporter progress) {
        return new StepBuilder("aggregate", repository)
                .tasklet((contribution, chunk) -> {
                    progress.stage("Aggregating per agent");
                    NightlyParameters p = params(chunk);
                    return new AgentAggregateTasklet(store, p, resources.get(p)).execute(contribution, chunk);
                }, tx)
                .build();
    }

    @Bean
    public Step publishStep(JobRepository repository, PlatformTransactionManager tx, Publisher publisher,
                            NightlyResourcesCache resources, ProgressReporter progress) {
        return new StepBuilder("publish", repository)
                .tasklet((contribution, chunk) -> {
                    NightlyParameters p = params(chunk);
                    progress.stage("Publishing to " + p.out());
                    NightlyResources r = resources.get(p);
                    var ui = r.inbox().config().effectiveReportLanguage();
                    publisher.publish(p, ui, r.engine().reportTitles(ui), r.engine().uptake(), r.inbox().roster(),
                            r.inbox().config().timezone());
                    return org.springframework.batch.repeat.RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    private static NightlyParameters params(ChunkContext chunk) {
        return NightlyParameters.from(chunk.getStepContext().getStepExecution().getJobParameters());
    }
}
