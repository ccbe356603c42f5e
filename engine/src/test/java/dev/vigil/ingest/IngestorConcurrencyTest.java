package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Interaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorConcurrencyTest {
    @TempDir
    Path root;

    @Test
    void givesTheSameInteractionsWhenOneIngestorServesSeveralThreads() throws Exception {
        String longRussian = "Здравствуйте! Я хотел бы узнать, почему у меня списали деньги за услугу, которую я не "
                + "подключал. Пожалуйста, проверьте мой договор.";
        var inbox = InboxFixture.withRoster(root)
                .file("a.json", "{\"agent\": {\"id\": \"a.ivanova\"}, \"messages\": [{\"at\": \"2026-11-21T09:00:00Z\","
                        + " \"from\": \"customer\", \"text\": \"" + longRussian + "\"}]}")
                .file("b.txt", "[2026-11-21 10:15:04] Agent John Carter: Hello, how can I help you today?\n");
        Ingestor ingestor = inbox.ingestor();
        List<Interaction> expected = List.of(ingestor.read(inbox.path("a.json")), ingestor.read(inbox.path("b.txt")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<List<Interaction>>>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> List.of(ingestor.read(inbox.path("a.json")), ingestor.read(inbox.path("b.txt"))));
            }
            for (Future<List<Interaction>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
