package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineTest {
    @TempDir
    Path root;

    private static final String CHAT = """
            {"id": "c1", "started_at": "2026-11-21T09:12:00Z",
             "agent": {"id": "%s"},
             "messages": [{"at": "2026-11-21T09:12:03Z", "from": "agent", "text": "Hello, how can I help?"}]}
            """;

    private RejectedInputException rejected(InboxFixture inbox, String name) {
        return catchThrowableOfType(RejectedInputException.class, () -> inbox.ingestor().read(inbox.path(name)));
    }

    @Test
    void rejectsAnEmptyFileAtScan() {
        var inbox = InboxFixture.withRoster(root).file("chats/empty.json", "");

        RejectedInputException e = rejected(inbox, "chats/empty.json");

        assertThat(e.stage()).isEqualTo("scan");
        assertThat(e.reason()).isEqualTo("empty file");
        assertThat(e.file()).isEqualTo(inbox.path("chats/empty.json"));
    }

    @Test
    void rejectsAFileOverTheSizeLimitWithItsSize() {
        byte[] big = new byte[(int) (1.3 * 1024 * 1024)];
        Arrays.fill(big, (byte) 'a');
        var inbox = InboxFixture.withRoster(root).file("vigil.yaml", "max_file_mb: 1\n").bytes("chats/big.txt", big);

        RejectedInputException e = rejected(inbox, "chats/big.txt");

        assertThat(e.stage()).isEqualTo("scan");
        assertThat(e.reason()).isEqualTo("file is 1.3 MB, over the 1 MB limit");
    }

    @Test
    void rejectsInvalidJsonWithLineAndColumn() {
        var inbox = InboxFixture.withRoster(root).file("chats/broken.json", "{\n  \"id\": \"c1\",\n  \"agent\": }\n");

        RejectedInputException e = rejected(inbox, "chats/broken.json");

        assertThat(e.stage()).isEqualTo("ingest");
        assertThat(e.reason()).startsWith("invalid JSON at line 3, column 12: Unexpected character ('}'");
    }

    @Test
    void rejectsChatJsonWithoutMessagesNamingTheField() {
        var inbox = InboxFixture.withRoster(root).file("chats/c.json", "{\"agent\": {\"id\": \"j.carter\"}}");

        assertThat(rejected(inbox, "chats/c.json").reason()).isEqualTo("missing required field 'messages'");
    }

    @Test
    void rejectsAMessageWithoutSenderNamingItsIndex() {
        var inbox = InboxFixture.withRoster(root).file("chats/c.json", """
                {"agent": {"id": "j.carter"}, "messages": [
                  {"at": "2026-11-21T09:12:03Z", "from": "agent", "text": "Hello"},
                  {"at": "2026-11-21T09:12:09Z", "text": "Hi"}]}
                """);

        assertThat(rejected(inbox, "chats/c.json").reason()).isEqualTo("missing required field 'messages[1].from'");
    }

    @Test
    void rejectsAnAgentMissingFromTheRoster() {
        var inbox = InboxFixture.withRoster(root).file("chats/c.json", CHAT.formatted("x.nobody"));

        RejectedInputException e = rejected(inbox, "chats/c.json");

        assertThat(e.stage()).isEqualTo("ingest");
        assertThat(e.reason()).isEqualTo("unknown agent 'x.nobody' (not in agents.csv)");
    }

    @Test
    void acceptsAnyAgentIdWithoutARoster() throws RejectedInputException {
        var inbox = InboxFixture.withoutRoster(root).file("chats/c.json", CHAT.formatted("x.nobody"));

        assertThat(inbox.ingestor().read(inbox.path("chats/c.json")).agent().id()).isEqualTo("x.nobody");
    }

    @Test
    void rejectsChatJsonThatIsNotUtf8NamingTheByte() {
        String json = "{\"id\": \"c1\", \"agent\": {\"id\": \"a.ivanova\"}, \"messages\": [{\"at\": "
                + "\"2026-11-21T09:12:03Z\", \"from\": \"agent\", \"text\": \"Здравствуйте\"}]}";
        byte[] cp1251 = json.getBytes(Charset.forName("windows-1251"));
        int offset = json.indexOf('З');
        var inbox = InboxFixture.withRoster(root).bytes("chats/c.json", cp1251);

        RejectedInputException e = rejected(inbox, "chats/c.json");

        assertThat(e.reason()).isEqualTo(String.format(
                "undecodable charset: not valid UTF-8 (byte 0x%02X at offset %d)", cp1251[offset] & 0xFF, offset));
    }

    @Test
    void rejectsATextExportInNoRecognisableCharset() {
        byte[] noise = new byte[400];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i % 7 == 0 ? 0x01 : 0x80 + (i * 37) % 0x7F);
        }
        var inbox = InboxFixture.withRoster(root).bytes("chats/noise.txt", noise);

        RejectedInputException e = rejected(inbox, "chats/noise.txt");

        assertThat(e.reason()).startsWith("undecodable charset");
    }

    @Test
    void rejectsAnImageAsAnUnsupportedType() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        var inbox = InboxFixture.withRoster(root).bytes("chats/screenshot.png", png);

        RejectedInputException e = rejected(inbox, "chats/screenshot.png");

        assertThat(e.stage()).isEqualTo("scan");
        assertThat(e.reason()).isEqualTo("unsupported file type image/png (.png)");
    }

    @Test
    void rejectsAnImageEvenWhenNamedLikeChatJson() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        var inbox = InboxFixture.withRoster(root).bytes("chats/c.json", png);

        assertThat(rejected(inbox, "chats/c.json").reason()).isEqualTo("unsupported file type image/png (.json)");
    }

    @Test
    void rejectsCallRecordingsWhenBuiltWithoutTheSpeechModule() {
        byte[] wav = {'R', 'I', 'F', 'F', 36, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ', 16, 0, 0, 0, 1, 0, 1, 0};
        var inbox = InboxFixture.withRoster(root).bytes("calls/call-1.wav", wav).bytes("calls/call-2.mp3",
                new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0});

        assertThat(rejected(inbox, "calls/call-1.wav").reason())
                .isEqualTo("call recordings need the speech module, which this ingestor was built without");
        assertThat(rejected(inbox, "calls/call-2.mp3").reason()).startsWith("call recordings need the speech module");
    }

    @Test
    void rejectsOutlookMsgAskingForEml() {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        var inbox = InboxFixture.withRoster(root).bytes("emails/complaint.msg", ole);

        RejectedInputException e = rejected(inbox, "emails/complaint.msg");

        assertThat(e.stage()).isEqualTo("scan");
        assertThat(e.reason()).isEqualTo("unsupported: Outlook .msg; export the message as .eml");
    }

    @Test
    void rejectsAMissingFileAtScan() {
        var inbox = InboxFixture.withRoster(root);

        RejectedInputException e = rejected(inbox, "chats/gone.json");

        assertThat(e.stage()).isEqualTo("scan");
        assertThat(e.reason()).isEqualTo("cannot read the file: file not found");
    }

    @Test
    void rejectsATextFileWithoutChatLines() throws IOException {
        var inbox = InboxFixture.withRoster(root).file("chats/notes.txt", "Shopping list\nmilk\nbread\n");

        RejectedInputException e = rejected(inbox, "chats/notes.txt");

        assertThat(e.stage()).isEqualTo("ingest");
        assertThat(e.reason()).startsWith("no chat lines found");
        assertThat(Files.exists(inbox.path("chats/notes.txt"))).isTrue();
    }
}
