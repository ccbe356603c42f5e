package dev.vigil.speech;

import dev.vigil.audio.AudioDecoder;
import dev.vigil.audio.DecodedAudio;
import dev.vigil.audio.InvalidAudioException;
import dev.vigil.audio.MusicDetector;
import dev.vigil.audio.RaisedVoiceDetector;
import dev.vigil.audio.VoiceActivityDetector;
import dev.vigil.config.Agent;
import dev.vigil.config.CallSettings;
import dev.vigil.ingest.CallFiles;
import dev.vigil.ingest.CallSidecar;
import dev.vigil.ingest.Conversation;
import dev.vigil.ingest.InputFile;
import dev.vigil.ingest.InteractionReader;
import dev.vigil.ingest.Message;
import dev.vigil.ingest.ReadContext;
import dev.vigil.ingest.RejectedInputException;
import dev.vigil.model.Channel;
import dev.vigil.model.ChannelLayout;
import dev.vigil.model.Language;
import dev.vigil.model.Recording;
import dev.vigil.model.Speaker;
import dev.vigil.model.SpeakerSpan;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Word;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a call recording into a conversation: metadata from its sidecar, audio decoded to 16 kHz per channel,
 * speech found on each side, each side transcribed and split into turns at silences, and what the signal shows
 * (speech, music, raised voice) kept as the call's {@link Recording}. Stereo calls have a channel per side; mono
 * calls are separated into two voices and the agent's is the one that gives the greeting. Thread-safe when its
 * transcriber is.
 */
public final class CallReader implements InteractionReader {
    private final AudioDecoder decoder = new AudioDecoder();
    private final VoiceActivityDetector voiceActivity = new VoiceActivityDetector();
    private final MusicDetector music = new MusicDetector();
    private final RaisedVoiceDetector raisedVoice = new RaisedVoiceDetector();
    private final AgentVoice agentVoice = new AgentVoice();
    private final SpeakerSeparator separator = new SpeakerSeparator();
    private final Utterances utterances = new Utterances();
    private final Transcriber transcriber;

    public CallReader(Transcriber transcriber) {
        this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
    }

    @Override
    public String format() {
        return "call recording";
    }

    @Override
    public boolean accepts(String mediaType, String extension) {
        return CallFiles.AUDIO_EXTENSIONS.contains(extension) || mediaType.startsWith("audio/");
    }

    @Override
    public Conversation read(InputFile file, ReadContext context) throws RejectedInputException {
        CallSidecar meta = CallSidecar.read(file.path(), file.baseName(), context);
        CallSettings settings = context.inbox().config().calls();
        Language language = meta.language()
                .or(() -> context.roster().byId(meta.agent().id()).flatMap(Agent::language))
                .orElse(context.inbox().config().defaultLanguage());
        if (!transcriber.supports(language)) {
            throw context.reject(language == Language.RU ? SpeechModels.NO_RUSSIAN_MODEL
                    : "no acoustic model configured for language " + language.code()
                    + " (set speech.models." + language.code() + " in vigil.yaml; see docs/speech.md)");
        }
        DecodedAudio audio;
        try {
            audio = decoder.decode(file.path(), file.bytes(), settings.maxDuration());
        } catch (InvalidAudioException e) {
            throw context.reject(e.getMessage(), e);
        }
        ChannelLayout layout = meta.layout();
        if (layout.separated() && audio.channels().size() == 1) {
            throw context.reject("the sidecar or calls.channels says the sides are on separate channels, but the "
                    + "recording is mono (" + audio.sourceFormat() + "); set \"channels\": \"mono\"");
        }
        try {
            List<TimeSpan> musicSpans = music.detect(audio.mix());
            Sides sides = layout.separated() ? stereo(audio, layout, language, musicSpans)
                    : mono(audio, language, meta, context, musicSpans);
            if (sides.messages(meta.startedAt()).isEmpty()) {
                throw context.reject("no speech was recognised in the recording (" + audio.sourceFormat() + ", "
                        + audio.duration().toSeconds() + " s)");
            }
            Recording recording = new Recording(layout, audio.duration(), audio.sourceFormat(), sides.speech(),
                    musicSpans, sides.raised(), sides.attribution(), meta.missing());
            return new Conversation(Optional.of(meta.id()), Channel.CALL, Optional.of(meta.startedAt()),
                    Optional.of(language), meta.agent(), meta.customer(), sides.messages(meta.startedAt()),
                    List.of(), OptionalInt.empty(), Optional.of(recording));
        } catch (TranscriptionException e) {
            throw context.reject(e.getMessage(), e);
        }
    }

    /** Each side on its own channel: measure the signal, then transcribe each channel separately. */
    private Sides stereo(DecodedAudio audio, ChannelLayout layout, Language language, List<TimeSpan> musicSpans)
            throws TranscriptionException {
        Recording measured = measure(audio, layout, musicSpans);
        var sides = new Sides("", utterances);
        sides.speech.addAll(measured.speech());
        sides.raised.addAll(measured.raisedVoice());
        for (int ch = 0; ch < 2; ch++) {
            sides.addWords(speakerOf(ch, layout),
                    transcriber.transcribe(silenced(audio.channels().get(ch), musicSpans), language));
        }
        return sides;
    }

    /**
     * What the signal of a two-channel call shows without any transcription: speech per side, music and raised
     * voice. For languages without a speech model, and for measuring the metrics that need no transcript.
     *
     * @throws IllegalArgumentException when the layout is mono or the audio has one channel
     */
    public Recording measure(DecodedAudio audio, ChannelLayout layout) {
        return measure(audio, layout, music.detect(audio.mix()));
    }

    private Recording measure(DecodedAudio audio, ChannelLayout layout, List<TimeSpan> musicSpans) {
        if (!layout.separated() || audio.channels().size() != 2) {
            throw new IllegalArgumentException("measuring without a transcript needs a channel per side");
        }
        var speech = new ArrayList<SpeakerSpan>();
        var raised = new ArrayList<SpeakerSpan>();
        for (int ch = 0; ch < 2; ch++) {
            Speaker speaker = speakerOf(ch, layout);
            short[] samples = audio.channels().get(ch);
            List<TimeSpan> spans = voiceActivity.detect(samples);
            spans.forEach(t -> speech.add(new SpeakerSpan(speaker, t)));
            raisedVoice.detect(samples, spans).forEach(t -> raised.add(new SpeakerSpan(speaker, t)));
        }
        return new Recording(layout, audio.duration(), audio.sourceFormat(), Sides.sorted(speech), musicSpans,
                Sides.sorted(raised), "");
    }

    private static Speaker speakerOf(int channel, ChannelLayout layout) {
        return (channel == 0) == (layout == ChannelLayout.AGENT_LEFT) ? Speaker.AGENT : Speaker.CUSTOMER;
    }

    /**
     * The samples with music silenced: the recogniser turns hold music into words, which rules would then read as
     * speech. Returns the samples themselves when there is no music.
     */
    public static short[] silenced(short[] samples, List<TimeSpan> spans) {
        if (spans.isEmpty()) {
            return samples;
        }
        short[] out = samples.clone();
        for (TimeSpan s : spans) {
            int from = (int) Math.min(out.length, s.start().toMillis() * DecodedAudio.SAMPLE_RATE / 1000);
            int to = (int) Math.min(out.length, s.end().toMillis() * DecodedAudio.SAMPLE_RATE / 1000);
            java.util.Arrays.fill(out, from, to, (short) 0);
        }
        return out;
    }

    /**
     * Both sides in one channel: transcribe once, separate the voices, give each word to the voice speaking at its
     * midpoint, and take as the agent the voice that greets.
     */
    private Sides mono(DecodedAudio audio, Language language, CallSidecar meta, ReadContext context,
                       List<TimeSpan> musicSpans) throws TranscriptionException {
        short[] samples = audio.mix();
        List<Word> words = transcriber.transcribe(silenced(samples, musicSpans), language);
        List<TimeSpan> speech = voiceActivity.detect(samples);
        List<List<TimeSpan>> voices = voices(separator.separate(samples));
        var wordsByVoice = new ArrayList<List<Word>>();
        var openings = new ArrayList<String>();
        for (List<TimeSpan> v : voices) {
            wordsByVoice.add(new ArrayList<>());
        }
        for (Word w : words) {
            wordsByVoice.get(voiceAt(voices, midpoint(w.time()))).add(w);
        }
        for (List<Word> ws : wordsByVoice) {
            openings.add(String.join(" ", ws.stream().limit(OPENING_WORDS).map(Word::text).toList()));
        }
        AgentVoice.Choice choice = agentVoice.choose(openings, language, context.inbox().config().company(),
                meta.agent());
        var sides = new Sides(choice.basis().code(), utterances);
        for (int v = 0; v < voices.size(); v++) {
            Speaker speaker = v == choice.agent() ? Speaker.AGENT : Speaker.CUSTOMER;
            List<TimeSpan> own = intersect(speech, voices.get(v));
            sides.add(speaker, own, raisedVoice.detect(samples, own), wordsByVoice.get(v));
        }
        return sides;
    }

    /** Each cluster's segments, clusters in order of number (the order of first appearance). */
    private static List<List<TimeSpan>> voices(List<SpeakerSegment> segments) {
        var byCluster = new java.util.TreeMap<Integer, List<TimeSpan>>();
        for (SpeakerSegment s : segments) {
            byCluster.computeIfAbsent(s.cluster(), c -> new ArrayList<>()).add(s.time());
        }
        if (byCluster.isEmpty()) {
            return List.of(List.of());
        }
        return List.copyOf(byCluster.values());
    }

    /** How many of a voice's first words decide whether it greets. */
    private static final int OPENING_WORDS = 30;

    private static int voiceAt(List<List<TimeSpan>> voices, Duration t) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int v = 0; v < voices.size(); v++) {
            for (TimeSpan s : voices.get(v)) {
                long d = t.compareTo(s.start()) < 0 ? s.start().minus(t).toMillis()
                        : t.compareTo(s.end()) > 0 ? t.minus(s.end()).toMillis() : 0;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = v;
                }
            }
        }
        return best;
    }

    private static Duration midpoint(TimeSpan t) {
        return t.start().plus(t.length().dividedBy(2));
    }

    /** The parts of {@code a} that lie within some span of {@code b}; both in time order. */
    static List<TimeSpan> intersect(List<TimeSpan> a, List<TimeSpan> b) {
        var out = new ArrayList<TimeSpan>();
        for (TimeSpan x : a) {
            for (TimeSpan y : b) {
                Duration s = x.start().compareTo(y.start()) > 0 ? x.start() : y.start();
                Duration e = x.end().compareTo(y.end()) < 0 ? x.end() : y.end();
                if (e.compareTo(s) > 0) {
                    out.add(new TimeSpan(s, e));
                }
            }
        }
        out.sort(Comparator.comparing(TimeSpan::start));
        return out;
    }

    /** What was found on each side, gathered into the recording's lists and the conversation's messages. */
    private static final class Sides {
        private final List<SpeakerSpan> speech = new ArrayList<>();
        private final List<SpeakerSpan> raised = new ArrayList<>();
        private final List<Utterance> utterances = new ArrayList<>();
        private final List<Speaker> speakers = new ArrayList<>();
        private final String attribution;
        private final Utterances splitter;

        Sides(String attribution, Utterances splitter) {
            this.attribution = attribution;
            this.splitter = splitter;
        }

        void add(Speaker speaker, List<TimeSpan> speechSpans, List<TimeSpan> raisedSpans, List<Word> words) {
            speechSpans.forEach(s -> speech.add(new SpeakerSpan(speaker, s)));
            raisedSpans.forEach(s -> raised.add(new SpeakerSpan(speaker, s)));
            addWords(speaker, words);
        }

        void addWords(Speaker speaker, List<Word> words) {
            for (Utterance u : splitter.split(words)) {
                utterances.add(u);
                speakers.add(speaker);
            }
        }

        List<SpeakerSpan> speech() {
            return sorted(speech);
        }

        List<SpeakerSpan> raised() {
            return sorted(raised);
        }

        String attribution() {
            return attribution;
        }

        List<Message> messages(Instant start) {
            var out = new ArrayList<Message>();
            for (int i = 0; i < utterances.size(); i++) {
                Utterance u = utterances.get(i);
                out.add(new Message(speakers.get(i), start.plus(u.time().start()), start.plus(u.time().end()),
                        u.text(), u.words()));
            }
            out.sort(Comparator.comparing(Message::at));
            return out;
        }

        static List<SpeakerSpan> sorted(List<SpeakerSpan> spans) {
            return spans.stream().sorted(Comparator.comparing((SpeakerSpan s) -> s.time().start())).toList();
        }
    }
}
