package dev.vigil.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.config.CallSettings;
import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.ChannelLayout;
import dev.vigil.model.CharSpan;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Recording;
import dev.vigil.model.Speaker;
import dev.vigil.model.SpeakerSpan;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AcousticMetricsStepTest {
    /** Dead air from 5 s, holds from 20 s: the defaults. */
    private final AcousticMetricsStep step = new AcousticMetricsStep(CallSettings.defaults());

    /** Builds a call: speech spans, music, raised voice, turns with words, hold findings. */
    private static final class Call {
        private final ChannelLayout layout;
        private final long durationMs;
        private final List<SpeakerSpan> speech = new ArrayList<>();
        private final List<TimeSpan> music = new ArrayList<>();
        private final List<SpeakerSpan> raised = new ArrayList<>();
        private final List<Turn> turns = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();

        Call(ChannelLayout layout, double durationS) {
            this.layout = layout;
            this.durationMs = ms(durationS);
        }

        static long ms(double s) {
            return Math.round(s * 1000);
        }

        Call agent(double from, double to) {
            speech.add(new SpeakerSpan(Speaker.AGENT, TimeSpan.ofMillis(ms(from), ms(to))));
            return this;
        }

        Call customer(double from, double to) {
            speech.add(new SpeakerSpan(Speaker.CUSTOMER, TimeSpan.ofMillis(ms(from), ms(to))));
            return this;
        }

        Call music(double from, double to) {
            music.add(TimeSpan.ofMillis(ms(from), ms(to)));
            return this;
        }

        Call raised(Speaker who, double from, double to) {
            raised.add(new SpeakerSpan(who, TimeSpan.ofMillis(ms(from), ms(to))));
            return this;
        }

        /** A turn whose words are spread evenly over [from, to), each with the given confidence. */
        Call turn(Speaker who, double from, double to, double confidence, String text) {
            String[] tokens = text.split(" ");
            var words = new ArrayList<Word>();
            double step = (to - from) / tokens.length;
            for (int i = 0; i < tokens.length; i++) {
                words.add(new Word(tokens[i], TimeSpan.ofMillis(ms(from + i * step), ms(from + (i + 1) * step)),
                        confidence));
            }
            turns.add(new Turn(turns.size(), who, TimeSpan.ofMillis(ms(from), ms(to)), text, Language.EN, words));
            return this;
        }

        Call holdPhrase(Speaker who, double from, double to) {
            findings.add(new Finding("hold.ask.en", Category.HOLD, who, 0, TimeSpan.ofMillis(ms(from), ms(to)),
                    new CharSpan(0, 4), "hold", 0.9));
            return this;
        }

        Analysis analysis() {
            var recording = new Recording(layout, Duration.ofMillis(durationMs), "WAV mu-law 8000 Hz stereo", speech,
                    music, raised, "");
            var interaction = new Interaction("c-1", Channel.CALL, Language.EN, Person.of("a.lee", "Alex Lee"),
                    Optional.empty(), Instant.parse("2026-11-21T09:00:00Z"), Duration.ofMillis(durationMs), turns,
                    List.of(), OptionalInt.empty(), Path.of("calls/c-1.wav"), Optional.of(recording));
            return Analysis.of(interaction).withFindings(findings);
        }
    }

    private Map<String, Double> metrics(Call call) {
        return step.apply(call.analysis()).metrics();
    }

    @Test
    void doesNothingForAnInteractionWithoutARecording() {
        var chat = new Interaction("t-1", Channel.CHAT, Language.EN, Person.of("a.lee", "Alex Lee"), Optional.empty(),
                Instant.parse("2026-11-21T09:00:00Z"), Duration.ZERO, List.of(), List.of(), OptionalInt.empty(),
                Path.of("chats/t-1.json"));
        Analysis before = Analysis.of(chat);

        assertThat(step.apply(before)).isEqualTo(before);
    }

    @Test
    void countsASilenceOverTheDeadAirThresholdAsDeadAir() {
        // given gaps of 3 s (too short), 7 s and 12 s (dead air), none announced and none 20 s long
        var call = new Call(ChannelLayout.AGENT_LEFT, 60).agent(1, 10).customer(13, 20).agent(27, 30)
                .customer(42, 50);

        Map<String, Double> m = metrics(call);

        assertThat(m).containsEntry("dead_air_count", 2.0).containsEntry("dead_air_s", 19.0)
                .containsEntry("dead_air_max_s", 12.0).containsEntry("hold_count", 0.0);
        // silence: 0-1, 10-13, 20-27, 30-42, 50-60 = 33 of 60 s
        assertThat(m.get("silence_ratio")).isCloseTo(33 / 60.0, within(1e-9));
    }

    @Test
    void leavesTheRingingBeforeTheFirstWordsOutOfDeadAir() {
        var call = new Call(ChannelLayout.AGENT_LEFT, 40).agent(15, 20).customer(21, 30);

        Map<String, Double> m = metrics(call);

        assertThat(m).containsEntry("dead_air_count", 0.0).containsEntry("agent_first_words_s", 15.0);
    }

    @Test
    void takesALongSilenceAsAHoldNotDeadAir() {
        // given a 25 s silence (over the 20 s hold minimum) the agent neither announced nor thanked
        var call = new Call(ChannelLayout.AGENT_LEFT, 60).agent(0, 10).agent(35, 40).customer(41, 50);

        Map<String, Double> m = metrics(call);

        assertThat(m).containsEntry("hold_count", 1.0).containsEntry("hold_s", 25.0)
                .containsEntry("hold_max_s", 25.0).containsEntry("dead_air_count", 0.0)
                .containsEntry("hold_not_asked_count", 1.0).containsEntry("hold_not_thanked_count", 1.0);
    }

    @Test
    void takesMusicAsAHoldEvenWhenTheDetectorHeardItAsSpeech() {
        // given 8 s of hold music, which the agent channel's VAD also reported as speech
        var call = new Call(ChannelLayout.AGENT_LEFT, 40).agent(0, 10).agent(10, 18).music(10, 18)
                .customer(19, 25);

        Map<String, Double> m = metrics(call);

        // then the hold runs from the music's start to the customer's words: 8 s of music and 1 s of silence
        assertThat(m).containsEntry("hold_count", 1.0).containsEntry("hold_s", 9.0)
                .containsEntry("dead_air_count", 0.0);
        assertThat(m.get("agent_talk_ratio")).isCloseTo(10 / 16.0, within(1e-9));
    }

    @Test
    void joinsOverlapsLessThanASecondApartIntoOneOvertalkEpisode() {
        // given the customer talks over the agent twice, pausing 0.4 s for breath in between
        var call = new Call(ChannelLayout.AGENT_LEFT, 30).agent(0, 10).customer(5, 6).customer(6.4, 7.2)
                .customer(12, 14);

        Map<String, Double> m = metrics(call);

        // then it is one episode, and its length is the time both spoke (1.8 s), not the span with the pause
        assertThat(m).containsEntry("overtalk_count", 1.0);
        assertThat(m.get("overtalk_s")).isCloseTo(1.8, within(1e-9));
    }

    @Test
    void countsHoldMusicAsHeardNotAsSilence() {
        // given 40 s: speech 0-10 and 19-25, music 10-18; silence is 18-19 and 25-40
        var call = new Call(ChannelLayout.AGENT_LEFT, 40).agent(0, 10).music(10, 18).customer(19, 25);

        assertThat(metrics(call).get("silence_ratio")).isCloseTo(16 / 40.0, within(1e-9));
    }

    @Test
    void measuresSpeechRateOverTurnTimeIncludingShortPausesWithinATurn() {
        // given 20 agent words in one 10 s turn whose voice activity was only 8 s (two short pauses)
        String twenty = String.join(" ", java.util.Collections.nCopies(20, "word"));
        var call = new Call(ChannelLayout.AGENT_LEFT, 30).agent(0, 4).agent(5, 9).customer(12, 15)
                .turn(Speaker.AGENT, 0, 10, 0.9, twenty);

        // then the rate is 20 words per 10 s of turn, not per 8 s of voice
        assertThat(metrics(call).get("agent_speech_rate_wpm")).isCloseTo(120.0, within(1e-9));
    }

    @Test
    void takesAShortSilenceAfterAHoldPhraseAsAHoldAskedAndThankedFor() {
        // given "may I put you on hold" at 8-10 s, 12 s of silence, "thank you for holding" at 22-24 s
        var call = new Call(ChannelLayout.AGENT_LEFT, 40).customer(0, 7).agent(8, 10).agent(22, 30)
                .holdPhrase(Speaker.AGENT, 8, 10).holdPhrase(Speaker.AGENT, 22, 24);

        Map<String, Double> m = metrics(call);

        assertThat(m).containsEntry("hold_count", 1.0).containsEntry("hold_s", 12.0)
                .containsEntry("dead_air_count", 0.0)
                .containsEntry("hold_not_asked_count", 0.0).containsEntry("hold_not_thanked_count", 0.0);
    }

    @Test
    void countsAHoldThankedForButNotAskedFor() {
        // given 30 s of music, no phrase before it, "thanks for waiting" 5 s after
        var call = new Call(ChannelLayout.AGENT_LEFT, 60).agent(0, 10).music(10, 40).customer(40, 45)
                .agent(45, 50).holdPhrase(Speaker.AGENT, 45, 47);

        Map<String, Double> m = metrics(call);

        assertThat(m).containsEntry("hold_count", 1.0).containsEntry("hold_not_asked_count", 1.0)
                .containsEntry("hold_not_thanked_count", 0.0);
    }

    @Test
    void ignoresHoldPhrasesTooFarFromTheHoldOrSaidByTheCustomer() {
        // given an agent phrase 90 s before a 25 s hold and a customer "hold on" just before it
        var call = new Call(ChannelLayout.AGENT_LEFT, 200).agent(0, 10).customer(11, 100).agent(100, 105)
                .agent(130, 140).holdPhrase(Speaker.AGENT, 8, 10).holdPhrase(Speaker.CUSTOMER, 98, 99);

        Map<String, Double> m = metrics(call);

        assertThat(m).containsEntry("hold_count", 1.0).containsEntry("hold_not_asked_count", 1.0)
                .containsEntry("hold_not_thanked_count", 1.0);
    }

    @Test
    void deadAirFollowingNoHoldPhraseStaysDeadAirWithAStricterSetting() {
        // given dead air from 3 s and holds from 60 s
        var settings = new CallSettings(ChannelLayout.AGENT_LEFT, Duration.ofSeconds(3), Duration.ofSeconds(60), 0.5,
                Duration.ofHours(1), 1_000_000, Map.of(), 1.0);
        var call = new Call(ChannelLayout.AGENT_LEFT, 60).agent(0, 10).customer(14, 20).agent(45, 50);

        Map<String, Double> m = new AcousticMetricsStep(settings).apply(call.analysis()).metrics();

        assertThat(m).containsEntry("dead_air_count", 2.0).containsEntry("dead_air_max_s", 25.0)
                .containsEntry("hold_count", 0.0);
    }

    @Test
    void measuresOvertalkOfAtLeastHalfASecondOnSeparatedChannels() {
        // given overlaps of 2 s (overtalk), 0.3 s (a back-channel) and 1 s (overtalk)
        var call = new Call(ChannelLayout.AGENT_RIGHT, 30).agent(0, 10).customer(8, 12).agent(11.7, 15)
                .customer(15, 20).agent(19, 22);

        Map<String, Double> m = metrics(call);

        assertThat(m.get("overtalk_count")).isEqualTo(2.0);
        assertThat(m.get("overtalk_s")).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void doesNotMeasureOvertalkOnAMonoCall() {
        var call = new Call(ChannelLayout.MONO, 30).agent(0, 10).customer(8, 12);

        assertThat(metrics(call)).doesNotContainKeys("overtalk_s", "overtalk_count");
    }

    @Test
    void replacesTheTurnBasedTalkRatioWithTheMeasuredSpeech() {
        // given agent 30 s and customer 10 s of speech, and a turn-based ratio from the timing step
        var call = new Call(ChannelLayout.AGENT_LEFT, 60).agent(0, 20).customer(21, 31).agent(32, 42);
        Analysis timed = call.analysis().withMetrics(Map.of("agent_talk_ratio", 0.5));

        Map<String, Double> m = step.apply(timed).metrics();

        assertThat(m.get("agent_talk_ratio")).isCloseTo(0.75, within(1e-9));
        assertThat(m.get("talk_listen_ratio")).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void measuresTheAgentsSpeechRateFromTheWordsOfAgentTurns() {
        // given 30 agent words over 12 s of agent speech: 150 words per minute; customer words do not count
        String thirty = String.join(" ", java.util.Collections.nCopies(30, "word"));
        var call = new Call(ChannelLayout.AGENT_LEFT, 30).agent(2, 14).customer(15, 20)
                .turn(Speaker.AGENT, 2, 14, 0.9, thirty).turn(Speaker.CUSTOMER, 15, 20, 0.9, "one two three four");

        Map<String, Double> m = metrics(call);

        assertThat(m.get("agent_speech_rate_wpm")).isCloseTo(150.0, within(1e-9));
        assertThat(m.get("agent_first_words_s")).isEqualTo(2.0);
    }

    @Test
    void weighsTranscriptConfidenceByWordDuration() {
        // given 8 s of words at 0.9 and 2 s of words at 0.4
        var call = new Call(ChannelLayout.AGENT_LEFT, 20).agent(0, 8).customer(9, 11)
                .turn(Speaker.AGENT, 0, 8, 0.9, "a b c d").turn(Speaker.CUSTOMER, 9, 11, 0.4, "e");

        assertThat(metrics(call).get("transcript_confidence")).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void leavesTranscriptConfidenceAndSpeechRateOutWithoutWords() {
        var call = new Call(ChannelLayout.AGENT_LEFT, 20).agent(0, 8).customer(9, 11);

        assertThat(metrics(call)).doesNotContainKeys("transcript_confidence", "agent_speech_rate_wpm");
    }

    @Test
    void countsRaisedVoiceStretchesPerSide() {
        var call = new Call(ChannelLayout.AGENT_LEFT, 60).agent(0, 20).customer(21, 59)
                .raised(Speaker.CUSTOMER, 25, 28).raised(Speaker.CUSTOMER, 40, 42).raised(Speaker.AGENT, 5, 7);

        Map<String, Double> m = metrics(call);

        assertThat(m).containsEntry("customer_raised_voice_count", 2.0).containsEntry("agent_raised_voice_count", 1.0);
    }

    @Test
    void runsOnlyAfterFindingsAndTimingMetrics() {
        assertThatThrownBy(() -> AnalysisPipeline.of(List.of(new TimingMetricsStep(), step)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FINDINGS");
    }
}
