package dev.vigil.analyze;

import dev.vigil.config.CallSettings;
import dev.vigil.model.Category;
import dev.vigil.model.Finding;
import dev.vigil.model.Recording;
import dev.vigil.model.Speaker;
import dev.vigil.model.SpeakerSpan;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a call's metrics from its {@link Recording} (speech, music and raised voice found on the signal), its
 * turns' words and its {@code hold} findings; does nothing for interactions without a recording. Thresholds come from
 * the {@link CallSettings} given to the constructor. Stateless and thread-safe. Times are in seconds; counts are whole
 * numbers held as doubles.
 *
 * <p>Terms:
 * <ul>
 *   <li><b>Speech</b> is the recording's speech spans minus its music: a voice-activity detector hears hold music as
 *       a voice, so speech during music is taken as music.</li>
 *   <li>A <b>gap</b> is a stretch between the first and the last speech of the call in which neither side speaks.
 *       The ringing before the first words and the silence after the last are not gaps.</li>
 *   <li>A gap is a <b>hold</b> when music covers at least half of it, when it lasts at least
 *       {@link CallSettings#holdMinimum()}, or when it lasts at least {@link CallSettings#deadAir()} and starts
 *       within 30 s after the end of an agent {@code hold} finding ("one moment, please hold").</li>
 *   <li>A hold was <b>asked</b> for when an agent {@code hold} finding ends within 60 s before it starts, and
 *       <b>thanked</b> for when one starts within 60 s after it ends (1 s of slack on each side for word timing).</li>
 *   <li>A gap of at least {@link CallSettings#deadAir()} that is not a hold is <b>dead air</b>.</li>
 *   <li><b>Overtalk</b> is both sides speaking at once for at least 0.5 s (shorter overlaps are back-channel "mm"s
 *       and turn-taking); only measured when each side has its own channel.</li>
 * </ul>
 *
 * <p>Metrics:
 * <ul>
 *   <li>{@code silence_ratio}: the share of the recording with neither speech nor music (hold music is not
 *       silence to the customer; a silent hold is).</li>
 *   <li>{@code dead_air_count}, {@code dead_air_s} (total), {@code dead_air_max_s} (longest; 0 when none).</li>
 *   <li>{@code overtalk_count}, {@code overtalk_s}: separated channels only.</li>
 *   <li>{@code agent_talk_ratio}: agent speech / (agent + customer speech), replacing the turn-based value of
 *       {@link TimingMetricsStep}; absent when neither side spoke.</li>
 *   <li>{@code talk_listen_ratio}: agent speech / customer speech; absent when the customer never spoke.</li>
 *   <li>{@code agent_speech_rate_wpm}: words of agent turns per minute of agent turn time (from each turn's first
 *       word to its last, so short pauses within a turn count as speaking time, as a listener hears it); absent
 *       without agent words.</li>
 *   <li>{@code agent_first_words_s}: when the agent first speaks (from the speech spans, else the first agent word);
 *       absent when the agent never speaks.</li>
 *   <li>{@code hold_count}, {@code hold_s} (total), {@code hold_max_s} (longest; 0 when none),
 *       {@code hold_not_asked_count}, {@code hold_not_thanked_count}.</li>
 *   <li>{@code agent_raised_voice_count}, {@code customer_raised_voice_count}: stretches of raised voice.</li>
 *   <li>{@code transcript_confidence}: the mean word confidence over all words, weighted by word duration;
 *       absent when there are no words.</li>
 * </ul>
 */
public final class AcousticMetricsStep implements AnalysisStep {
    public static final String SILENCE_RATIO = "silence_ratio";
    public static final String DEAD_AIR_COUNT = "dead_air_count";
    public static final String DEAD_AIR_S = "dead_air_s";
    public static final String DEAD_AIR_MAX_S = "dead_air_max_s";
    public static final String OVERTALK_S = "overtalk_s";
    public static final String OVERTALK_COUNT = "overtalk_count";
    public static final String AGENT_TALK_RATIO = TimingMetricsStep.AGENT_TALK_RATIO;
    public static final String TALK_LISTEN_RATIO = "talk_listen_ratio";
    public static final String AGENT_SPEECH_RATE_WPM = "agent_speech_rate_wpm";
    public static final String AGENT_FIRST_WORDS_S = "agent_first_words_s";
    public static final String HOLD_COUNT = "hold_count";
    public static final String HOLD_S = "hold_s";
    public static final String HOLD_MAX_S = "hold_max_s";
    public static final String HOLD_NOT_ASKED_COUNT = "hold_not_asked_count";
    public static final String HOLD_NOT_THANKED_COUNT = "hold_not_thanked_count";
    public static final String AGENT_RAISED_VOICE_COUNT = "agent_raised_voice_count";
    public static final String CUSTOMER_RAISED_VOICE_COUNT = "customer_raised_voice_count";
    public static final String TRANSCRIPT_CONFIDENCE = "transcript_confidence";

    /** A silence this soon after an agent hold phrase is a hold even when short. */
    static final long HOLD_PHRASE_LEAD_MS = 30_000;
    /** How far before or after a hold the agent's hold phrases count as asking or thanking. */
    static final long ETIQUETTE_WINDOW_MS = 60_000;
    /** Slack for word timing around a hold's edges. */
    static final long SLACK_MS = 1_000;
    /** Shorter overlaps are not overtalk. */
    static final long MIN_OVERTALK_MS = 500;
    /** Overlaps closer than this are one overtalk episode (the other side paused for breath, not for the turn). */
    static final long OVERTALK_BRIDGE_MS = 1000;

    /** Overlaps joined into episodes: stretches less than {@link #OVERTALK_BRIDGE_MS} apart become one. */
    static List<long[]> episodes(List<long[]> overlaps) {
        var out = new ArrayList<long[]>();
        for (long[] o : overlaps) {
            if (!out.isEmpty() && o[0] - out.get(out.size() - 1)[1] < OVERTALK_BRIDGE_MS) {
                out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], o[1]);
            } else {
                out.add(new long[] {o[0], o[1]});
            }
        }
        return out;
    }

    private final CallSettings settings;

    public AcousticMetricsStep(CallSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return "acoustic-metrics";
    }

    @Override
    public Set<Product> requires() {
        return EnumSet.of(Product.FINDINGS, Product.TIMING_METRICS);
    }

    @Override
    public Set<Product> produces() {
        return EnumSet.of(Product.ACOUSTIC_METRICS);
    }

    @Override
    public Analysis apply(Analysis analysis) {
        if (analysis.interaction().recording().isEmpty()) {
            return analysis;
        }
        Recording r = analysis.interaction().recording().get();
        long duration = r.duration().toMillis();
        List<long[]> music = union(r.music().stream().map(AcousticMetricsStep::ms).toList(), duration);
        List<long[]> agent = minus(union(spans(r, Speaker.AGENT), duration), music);
        List<long[]> customer = minus(union(spans(r, Speaker.CUSTOMER), duration), music);
        List<long[]> anyone = minus(union(r.speech().stream().map(s -> ms(s.time())).toList(), duration), music);
        var m = new TreeMap<String, Double>();

        if (duration > 0) {
            var heard = new ArrayList<long[]>(anyone);
            heard.addAll(music);
            m.put(SILENCE_RATIO, (duration - total(union(heard, duration))) / (double) duration);
        }
        List<long[]> holdPhrases = analysis.findings().stream()
                .filter(f -> f.category() == Category.HOLD && f.speaker() == Speaker.AGENT)
                .map(f -> ms(f.time())).toList();
        var holds = new ArrayList<long[]>();
        var deadAir = new ArrayList<long[]>();
        for (int i = 1; i < anyone.size(); i++) {
            long[] gap = {anyone.get(i - 1)[1], anyone.get(i)[0]};
            long length = gap[1] - gap[0];
            boolean musical = total(intersect(List.of(gap), music)) * 2 >= length && length > 0;
            boolean announced = length >= settings.deadAir().toMillis() && holdPhrases.stream()
                    .anyMatch(p -> p[1] <= gap[0] + SLACK_MS && p[1] >= gap[0] - HOLD_PHRASE_LEAD_MS);
            if (musical || length >= settings.holdMinimum().toMillis() || announced) {
                holds.add(gap);
            } else if (length >= settings.deadAir().toMillis()) {
                deadAir.add(gap);
            }
        }
        putStretches(m, deadAir, DEAD_AIR_COUNT, DEAD_AIR_S, DEAD_AIR_MAX_S);
        putStretches(m, holds, HOLD_COUNT, HOLD_S, HOLD_MAX_S);
        m.put(HOLD_NOT_ASKED_COUNT, (double) holds.stream().filter(h -> holdPhrases.stream()
                .noneMatch(p -> p[1] <= h[0] + SLACK_MS && p[1] >= h[0] - ETIQUETTE_WINDOW_MS)).count());
        m.put(HOLD_NOT_THANKED_COUNT, (double) holds.stream().filter(h -> holdPhrases.stream()
                .noneMatch(p -> p[0] >= h[1] - SLACK_MS && p[0] <= h[1] + ETIQUETTE_WINDOW_MS)).count());

        if (r.layout().separated()) {
            List<long[]> overlaps = intersect(agent, customer);
            List<long[]> overtalk = episodes(overlaps).stream()
                    .filter(o -> o[1] - o[0] >= MIN_OVERTALK_MS).toList();
            m.put(OVERTALK_COUNT, (double) overtalk.size());
            m.put(OVERTALK_S, seconds(total(intersect(overlaps, overtalk))));
        }

        long agentMs = total(agent);
        long customerMs = total(customer);
        if (agentMs + customerMs > 0) {
            m.put(AGENT_TALK_RATIO, agentMs / (double) (agentMs + customerMs));
        }
        if (customerMs > 0) {
            m.put(TALK_LISTEN_RATIO, agentMs / (double) customerMs);
        }
        List<Turn> turns = analysis.interaction().turns();
        long agentWords = turns.stream().filter(t -> t.speaker() == Speaker.AGENT)
                .mapToLong(t -> t.words().size()).sum();
        long agentTurnMs = turns.stream().filter(t -> t.speaker() == Speaker.AGENT && !t.words().isEmpty())
                .mapToLong(t -> t.time().length().toMillis()).sum();
        if (agentWords > 0 && agentTurnMs > 0) {
            m.put(AGENT_SPEECH_RATE_WPM, agentWords / (agentTurnMs / 60_000.0));
        }
        if (!agent.isEmpty()) {
            m.put(AGENT_FIRST_WORDS_S, seconds(agent.get(0)[0]));
        } else {
            turns.stream().filter(t -> t.speaker() == Speaker.AGENT).flatMap(t -> t.words().stream())
                    .map(w -> w.time().start()).min(Comparator.naturalOrder())
                    .ifPresent(d -> m.put(AGENT_FIRST_WORDS_S, seconds(d.toMillis())));
        }
        m.put(AGENT_RAISED_VOICE_COUNT, (double) r.raisedVoice().stream()
                .filter(s -> s.speaker() == Speaker.AGENT).count());
        m.put(CUSTOMER_RAISED_VOICE_COUNT, (double) r.raisedVoice().stream()
                .filter(s -> s.speaker() == Speaker.CUSTOMER).count());
        transcriptConfidence(turns).ifPresent(c -> m.put(TRANSCRIPT_CONFIDENCE, c));
        return analysis.withMetrics(m);
    }

    /** The duration-weighted mean word confidence; a plain mean when every word has zero length. */
    static java.util.OptionalDouble transcriptConfidence(List<Turn> turns) {
        List<Word> words = turns.stream().flatMap(t -> t.words().stream()).toList();
        if (words.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        double weighted = 0;
        long ms = 0;
        for (Word w : words) {
            long d = w.time().length().toMillis();
            weighted += w.confidence() * d;
            ms += d;
        }
        return ms > 0 ? java.util.OptionalDouble.of(weighted / ms)
                : words.stream().mapToDouble(Word::confidence).average();
    }

    private static void putStretches(TreeMap<String, Double> m, List<long[]> spans, String count, String sum,
                                     String max) {
        m.put(count, (double) spans.size());
        m.put(sum, seconds(total(spans)));
        m.put(max, seconds(spans.stream().mapToLong(s -> s[1] - s[0]).max().orElse(0)));
    }

    private static List<long[]> spans(Recording r, Speaker speaker) {
        return r.speech().stream().filter(s -> s.speaker() == speaker).map(SpeakerSpan::time)
                .map(AcousticMetricsStep::ms).toList();
    }

    private static long[] ms(TimeSpan t) {
        return new long[] {t.start().toMillis(), t.end().toMillis()};
    }

    // ---- Interval arithmetic on [start, end) in milliseconds -------------------------------------------------------

    /** Sorted, merged, clipped to [0, limit], empty spans dropped. */
    static List<long[]> union(List<long[]> spans, long limit) {
        var sorted = spans.stream().map(s -> new long[] {Math.max(0, s[0]), Math.min(limit, s[1])})
                .filter(s -> s[1] > s[0]).sorted(Comparator.comparingLong(s -> s[0])).toList();
        var out = new ArrayList<long[]>();
        for (long[] s : sorted) {
            if (!out.isEmpty() && s[0] <= out.get(out.size() - 1)[1]) {
                out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], s[1]);
            } else {
                out.add(s.clone());
            }
        }
        return out;
    }

    /** Where both merged lists have a span. */
    static List<long[]> intersect(List<long[]> a, List<long[]> b) {
        var out = new ArrayList<long[]>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long s = Math.max(a.get(i)[0], b.get(j)[0]);
            long e = Math.min(a.get(i)[1], b.get(j)[1]);
            if (e > s) {
                out.add(new long[] {s, e});
            }
            if (a.get(i)[1] < b.get(j)[1]) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    /** The merged list {@code a} without the merged list {@code b}. */
    static List<long[]> minus(List<long[]> a, List<long[]> b) {
        var out = new ArrayList<long[]>();
        for (long[] s : a) {
            long start = s[0];
            for (long[] c : b) {
                if (c[1] <= start || c[0] >= s[1]) {
                    continue;
                }
                if (c[0] > start) {
                    out.add(new long[] {start, c[0]});
                }
                start = Math.max(start, c[1]);
            }
            if (s[1] > start) {
                out.add(new long[] {start, s[1]});
            }
        }
        return out;
    }

    static long total(List<long[]> spans) {
        return spans.stream().mapToLong(s -> s[1] - s[0]).sum();
    }

    private static double seconds(long ms) {
        return ms / 1000.0;
    }
}
