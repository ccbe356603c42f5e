package dev.vigil.batch;

import dev.vigil.config.InboxLoader;
import dev.vigil.ingest.CallFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * The scan step: records every file of the inbox with its content hash, marks identical copies as duplicates, and
 * queues new contents for analysis. Streams the folder in batches; nothing of the night is held in memory.
 */
public class InboxScanTasklet implements Tasklet {
    private static final Logger LOG = LoggerFactory.getLogger(InboxScanTasklet.class);
    private static final int BATCH = 500;

    private final VigilStore store;
    private final NightlyParameters params;
    private final ProgressReporter progress;

    public InboxScanTasklet(VigilStore store, NightlyParameters params, ProgressReporter progress) {
        this.store = store;
        this.params = params;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path inbox = params.inbox();
        if (!Files.isDirectory(inbox)) {
            throw new IllegalArgumentException("inbox " + inbox + " does not exist or is not a folder");
        }
        store.clearRun(params.inboxKey(), params.night());
        var batch = new ArrayList<VigilStore.RunFile>(BATCH);
        int[] count = {0};
        try (Stream<Path> files = Files.walk(inbox)) {
            files.filter(Files::isRegularFile).filter(f -> InboxLoader.isInteractionFile(inbox, f)).forEach(f -> {
                batch.add(new VigilStore.RunFile(relative(inbox, f), sha256(f), size(f)));
                count[0]++;
                if (batch.size() == BATCH) {
                    store.addRunFiles(params.inboxKey(), params.night(), batch);
                    batch.clear();
                }
            });
        }
        store.addRunFiles(params.inboxKey(), params.night(), batch);
        store.markDuplicates(params.inboxKey(), params.night());
        int pending = store.queueRun(params.inboxKey(), params.night());
        contribution.incrementReadCount();
        LOG.info("scan: {} files in {}, {} to analyse", count[0], inbox, pending);
        progress.scanned(count[0], pending);
        return RepeatStatus.FINISHED;
    }

    static String relative(Path inbox, Path file) {
        return inbox.relativize(file).toString().replace('\\', '/');
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + f, e);
        }
    }

    /**
     * The content hash of an interaction file; a call's hash covers its sidecar too, so that a corrected sidecar
     * (say, the right agent) makes the call new content that is analysed again.
     */
    static String sha256(Path f) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest(f, digest);
            if (CallFiles.isAudio(f)) {
                Optional<Path> sidecar = CallFiles.sidecarOf(f);
                if (sidecar.isPresent()) {
                    digest(sidecar.get(), digest);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(Path f, MessageDigest digest) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
