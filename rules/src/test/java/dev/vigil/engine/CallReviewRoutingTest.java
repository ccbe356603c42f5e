package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.InboxConfig;
import dev.vigil.model.Channel;
import dev.vigil.model.ChannelLayout;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Recording;
import dev.vigil.model.Speaker;
import dev.vigil.model.SpeakerSpan;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import dev.vigil.rules.RuleSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calls whose transcript is too doubtful to score go to a human reviewer; confident calls are scored. */
class CallReviewRoutingTest {
    static QaEngine engine;

    @BeforeAll
    static void load() {
        var config = new InboxConfig(new CompanyProfile("Northwind Telecom", List.of("Northwind")), Language.EN,
                Optional.empty(), Optional.empty(), InboxConfig.DEFAULT_MAX_FILE_BYTES);
        engine = QaEngine.load(RuleSource.classpath(), config);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** A good call whose every word was recognised with the given confidence. */
    static Interaction call(double confidence) {
        var turns = new ArrayList<Turn>();
        String[][] lines = {
            {"agent", "good morning northwind telecom john speaking how can i help you"},
            {"customer", "hello i would like to know the date of my next bill"},
            {"agent", "your next bill will be sent on the first of december"},
            {"customer", "great thank you"},
            {"agent", "is there anything else i can help you with today thank you for calling goodbye"}};
        long t = 500;
        var speech = new ArrayList<SpeakerSpan>();
        for (String[] line : lines) {
            var words = new ArrayList<Word>();
            long start = t;
            for (String w : line[1].split(" ")) {
                words.add(new Word(w, TimeSpan.ofMillis(t, t + 300), confidence));
                t += 350;
            }
            Speaker speaker = Speaker.fromCode(line[0]);
            turns.add(new Turn(turns.size(), speaker, TimeSpan.ofMillis(start, t - 50), line[1], Language.EN, words));
            speech.add(new SpeakerSpan(speaker, TimeSpan.ofMillis(start, t - 50)));
            t += 600;
        }
        var recording = new Recording(ChannelLayout.AGENT_LEFT, Duration.ofMillis(t), "WAV PCM 16000 Hz stereo",
                speech, List.of(), List.of(), "");
        return new Interaction("call-1", Channel.CALL, Language.EN, Person.of("j.carter", "John Carter"),
                Optional.empty(), Instant.parse("2026-11-21T09:00:00Z"), Duration.ofMillis(t), turns, List.of(),
                OptionalInt.empty(), Path.of("calls/call-1.wav"), Optional.of(recording));
    }

    @Test
    void scoresACallWhoseTranscriptIsConfident() {
        Evaluation e = engine.evaluate(call(0.9));

        assertThat(e.review()).isEmpty();
        assertThat(e.passed()).as("items: %s", e.items()).isTrue();
        assertThat(e.metrics().get("transcript_confidence")).isEqualTo(0.9);
    }

    @Test
    void sendsACallWhoseTranscriptIsDoubtfulToHumanReviewInsteadOfScoringIt() {
        Evaluation e = engine.evaluate(call(0.3));

        assertThat(e.review()).contains("transcript confidence 0.30 is below 0.50 (calls.min_confidence)");
        assertThat(e.passed()).isFalse();
        assertThat(e.autoScored()).isFalse();
    }

    @Test
    void flagsWhatTheCallsMetadataLacked() {
        Interaction call = call(0.9);
        Interaction guessed = new Interaction(call.id(), call.channel(), call.language(), call.agent(),
                call.customer(), call.startedAt(), call.duration(), call.turns(), List.of(), OptionalInt.empty(),
                call.source(), call.recording().map(r -> r.withMissingMetadata(List.of("sidecar", "started_at"))));

        assertThat(engine.evaluate(guessed).flags())
                .contains("metadata_missing:sidecar", "metadata_missing:started_at");
        assertThat(engine.evaluate(call).flags()).noneMatch(f -> f.startsWith("metadata_missing"));
    }

    @Test
    void leavesChatsToTheirScoreWhateverTheirConfidence() {
        Interaction call = call(0.3);
        Interaction chat = new Interaction("chat-1", Channel.CHAT, Language.EN, call.agent(), Optional.empty(),
                call.startedAt(), call.duration(), call.turns().stream()
                .map(tr -> new Turn(tr.index(), tr.speaker(), tr.time(), tr.text(), tr.language(), List.of()))
                .toList(), List.of(), OptionalInt.empty(), Path.of("chats/chat-1.json"));

        assertThat(engine.evaluate(chat).review()).isEmpty();
    }
}
