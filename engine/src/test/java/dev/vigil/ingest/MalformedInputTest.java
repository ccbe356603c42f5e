package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncated and corrupted files of every format end in a rejection with a reason of the reader's own, never in another
 * exception nor in the ingestor's safety net for unexpected library failures.
 */
class MalformedInputTest {
    @TempDir
    Path root;

    private static final String JSON = """
            {"id": "c1", "agent": {"id": "j.carter"}, "csat": 3, "messages": [
              {"at": "2026-11-21T09:12:03Z", "from": "agent", "text": "Hello"},
              {"at": "2026-11-21T09:12:09Z", "from": "customer", "text": "Привет"}]}
            """;
    private static final String TEXT = "[2026-11-21 10:15:04] Agent John Carter: Hello\n"
            + "[2026-11-21 10:15:30] Customer Mary: Hi\n";
    private static final String HTML = "<html><body><div class=\"message agent\"><time datetime=\"2026-11-21T12:00:00Z\">"
            + "</time><span class=\"author\">John Carter</span><p class=\"text\">Hello</p></div></body></html>";
    private static final String CSV = "timestamp,speaker,name,text\n2026-11-21T14:00:00Z,agent,John Carter,\"Hi\"\n";
    private static final String EML = "From: sam@example.com\r\nTo: mike.brown@northwind.example\r\n"
            + "Date: Sat, 21 Nov 2026 08:00:00 +0000\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n> quoted\r\n--b--\r\n";

    @ParameterizedTest
    @ValueSource(strings = {"c.json", "c.txt", "c.html", "c.csv", "c.eml"})
    void onlyEverRejectsCorruptedVariantsOfAValidFile(String name) {
        String valid = switch (name) {
            case "c.json" -> JSON;
            case "c.txt" -> TEXT;
            case "c.html" -> HTML;
            case "c.csv" -> CSV;
            default -> EML;
        };
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        var random = new Random(42);
        var inbox = InboxFixture.withRoster(root);
        var ingestor = inbox.ingestor();
        for (int i = 0; i < 60; i++) {
            byte[] variant = i < bytes.length ? Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length)) : bytes.clone();
            for (int k = 0; k < i % 4; k++) {
                variant[random.nextInt(variant.length)] = (byte) random.nextInt(256);
            }
            inbox.bytes(name, variant);

            Throwable thrown = catchThrowable(() -> ingestor.read(inbox.path(name)));

            assertThat(thrown).as("variant %d of %s", i, name).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOfSatisfying(RejectedInputException.class,
                            r -> assertThat(r.reason()).as("a reason from the reader, not the safety net")
                                    .doesNotStartWith("cannot read the")));
        }
    }
}
