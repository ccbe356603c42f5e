package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.config.InboxLoader;
import dev.vigil.model.ChannelLayout;
import dev.vigil.model.Language;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallSidecarTest {
    @TempDir
    Path root;

    private CallSidecar read(InboxFixture inbox, String audio) throws RejectedInputException {
        Path file = inbox.path(audio);
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return CallSidecar.read(file, base, new ReadContext(file, InboxLoader.load(root)));
    }

    @Test
    void readsTheContractsSidecar() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).bytes("calls/c1.wav", new byte[] {1})
                .file("calls/c1.json", """
                        {"id": "call-0001", "started_at": "2026-11-21T09:12:00Z", "agent": {"id": "j.carter"},
                         "customer": {"id": "c-1"}, "language": "en", "channels": {"left": "customer", "right": "agent"}}
                        """);

        CallSidecar s = read(inbox, "calls/c1.wav");

        assertThat(s.id()).isEqualTo("call-0001");
        assertThat(s.startedAt()).isEqualTo(Instant.parse("2026-11-21T09:12:00Z"));
        assertThat(s.agent().id()).isEqualTo("j.carter");
        assertThat(s.agent().name()).contains("John Carter");
        assertThat(s.customer().orElseThrow().id()).isEqualTo("c-1");
        assertThat(s.language()).contains(Language.EN);
        assertThat(s.layout()).isEqualTo(ChannelLayout.AGENT_RIGHT);
        assertThat(s.missing()).isEmpty();
    }

    @Test
    void readsMonoFromTheSidecar() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).bytes("calls/c1.wav", new byte[] {1})
                .file("calls/c1.json", "{\"agent\": {\"id\": \"a.ivanova\"}, \"channels\": \"mono\","
                        + " \"started_at\": \"2026-11-21T09:12:00Z\"}");

        CallSidecar s = read(inbox, "calls/c1.wav");

        assertThat(s.layout()).isEqualTo(ChannelLayout.MONO);
        assertThat(s.id()).isEqualTo("c1");
        assertThat(s.language()).isEmpty();
    }

    @Test
    void takesAgentAndTimeFromTheFileNameWithoutASidecar() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).bytes("calls/m.brown_20261121-091200.wav", new byte[] {1});

        CallSidecar s = read(inbox, "calls/m.brown_20261121-091200.wav");

        assertThat(s.agent().id()).isEqualTo("m.brown");
        assertThat(s.startedAt()).isEqualTo(Instant.parse("2026-11-21T09:12:00Z"));
        assertThat(s.layout()).isEqualTo(ChannelLayout.AGENT_LEFT);
        assertThat(s.missing()).containsExactly("sidecar");
    }

    @Test
    void rejectsACallWhoseAgentCannotBeFound() {
        var inbox = InboxFixture.withRoster(root).bytes("calls/unknown-20261121.wav", new byte[] {1});

        assertThatThrownBy(() -> read(inbox, "calls/unknown-20261121.wav"))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("names no agent id from agents.csv");
    }

    @Test
    void rejectsASidecarWithAnUnknownAgentOrInvalidChannels() {
        var inbox = InboxFixture.withRoster(root).bytes("calls/a.wav", new byte[] {1})
                .file("calls/a.json", "{\"agent\": {\"id\": \"k.nobody\"}}")
                .bytes("calls/b.wav", new byte[] {1})
                .file("calls/b.json", "{\"agent\": {\"id\": \"j.carter\"}, \"channels\": {\"left\": \"agent\"}}");

        assertThatThrownBy(() -> read(inbox, "calls/a.wav")).hasMessageContaining("unknown agent 'k.nobody'");
        assertThatThrownBy(() -> read(inbox, "calls/b.wav")).hasMessageContaining("field 'channels'");
    }

    @Test
    void recognisesSidecarsOnlyBesideARecording() {
        var inbox = InboxFixture.withRoster(root).bytes("calls/a.wav", new byte[] {1}).file("calls/a.json", "{}")
                .file("chats/a.json", "{}");

        assertThat(CallFiles.isSidecar(inbox.path("calls/a.json"))).isTrue();
        assertThat(CallFiles.isSidecar(inbox.path("chats/a.json"))).isFalse();
        assertThat(CallFiles.isSidecar(inbox.path("calls/a.wav"))).isFalse();
    }
}
