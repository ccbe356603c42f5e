package dev.vigil.report;

import dev.vigil.model.Attachment;
import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.ChannelLayout;
import dev.vigil.model.CharSpan;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.ItemOutcome;
import dev.vigil.model.ItemResult;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Recording;
import dev.vigil.model.SectionScore;
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
import java.util.TreeMap;

/** Hand-built synthetic interactions and evaluations shared by the report tests. All texts are invented. */
final class ReportFixtures {
    static final String GREETING = "Good morning, Northwind Telecom, John speaking, how can I help?";
    static final String COMPLAINT_TURN = "My internet has been down for three days and nobody called back. "
            + "This is ridiculous! I want to speak to a supervisor. <script>alert('x')</script>";
    static final String APOLOGY_TURN = "I'm sorry about that, I understand how frustrating this must be. "
            + "Let me check your line right now.";
    static final String RESOLUTION_TURN = "I have reset the port; your connection is back. "
            + "Is there anything else I can help with today?";

    private ReportFixtures() {
    }

    /** An English chat with a greeting, a complaint, an escalation, an apology and a failed closing. */
    static Evaluation englishChat() {
        List<Turn> turns = List.of(
                turn(0, Speaker.AGENT, 0, 4_000, GREETING, Language.EN),
                turn(1, Speaker.CUSTOMER, 35_000, 52_000, COMPLAINT_TURN, Language.EN),
                turn(2, Speaker.AGENT, 80_000, 95_000, APOLOGY_TURN, Language.EN),
                turn(3, Speaker.CUSTOMER, 140_000, 150_000, "OK, my account number is [ACCOUNT].", Language.EN),
                turn(4, Speaker.AGENT, 290_000, 312_000, RESOLUTION_TURN, Language.EN));
        Interaction i = new Interaction("chat-en-0042", Channel.CHAT, Language.EN, Person.of("j.carter", "John Carter"),
                Optional.of(Person.of("cust-1042", null)), Instant.parse("2026-11-21T09:12:00Z"),
                Duration.ofSeconds(312), turns, List.of(), OptionalInt.of(2), Path.of("inbox", "chats", "day1",
                "chat-en-0042.json"));
        List<Finding> findings = List.of(
                finding("greeting.scripted", Category.GREETING_OK, Speaker.AGENT, turns.get(0), 0, GREETING.length(), 0.93),
                finding("complaint.ridiculous", Category.COMPLAINT, Speaker.CUSTOMER, turns.get(1),
                        COMPLAINT_TURN.indexOf("This is ridiculous"), COMPLAINT_TURN.indexOf("This is ridiculous") + 18, 1),
                finding("escalation.supervisor", Category.ESCALATION, Speaker.CUSTOMER, turns.get(1),
                        COMPLAINT_TURN.indexOf("I want"), COMPLAINT_TURN.indexOf("supervisor") + 10, 1),
                finding("apology.sorry", Category.APOLOGY, Speaker.AGENT, turns.get(2), 0, 20, 1),
                finding("empathy.understand", Category.EMPATHY, Speaker.AGENT, turns.get(2),
                        APOLOGY_TURN.indexOf("I understand"), APOLOGY_TURN.indexOf("must be") + 7, 1),
                finding("resolution.fixed", Category.RESOLUTION, Speaker.AGENT, turns.get(4), 0,
                        RESOLUTION_TURN.indexOf(';'), 1));
        List<ItemResult> items = List.of(
                new ItemResult("greeting.scripted", "greeting", ItemOutcome.PASSED, false,
                        "greeting_ok found in the first agent turn", List.of(0)),
                new ItemResult("empathy.acknowledge", "empathy", ItemOutcome.PASSED, false,
                        "empathy found after the customer's complaint", List.of(4)),
                new ItemResult("apology.when_complaint", "empathy", ItemOutcome.PASSED, false,
                        "apology found after the complaint", List.of(3)),
                new ItemResult("closing.scripted", "closing", ItemOutcome.FAILED, false,
                        "required closing_ok not found in the last 2 agent turns", List.of()),
                new ItemResult("language.no_rudeness", "language", ItemOutcome.PASSED, true,
                        "no rudeness or profanity by the agent", List.of()),
                new ItemResult("resolution.confirmed", "resolution", ItemOutcome.PASSED, false,
                        "resolution confirmed by the agent", List.of(5)),
                new ItemResult("hold.etiquette", "effort", ItemOutcome.NOT_APPLICABLE, false,
                        "the customer was not put on hold", List.of()));
        List<SectionScore> sections = List.of(new SectionScore("greeting", 10, 10), new SectionScore("empathy", 20, 20),
                new SectionScore("language", 20, 20), new SectionScore("closing", 0, 10),
                new SectionScore("effort", 0, 0), new SectionScore("resolution", 25, 25));
        return new Evaluation(i, 88.2353, true, false, "default-en@1", findings, List.of("closing.scripted"), sections,
                items, new TreeMap<>(Map.of("first_response_s", 35.0, "agent_talk_ratio", 0.5512)),
                List.of("complaint", "escalation"));
    }

    /** A Russian call with word timings, a rude agent (auto-fail) and an unknown speaker. */
    static Evaluation russianCall() {
        String t0 = "Здравствуйте, компания «Связь-Плюс», меня зовут Анна. Чем могу помочь?";
        String t1 = "У меня третий день не работает интернет, я буду жаловаться!";
        String t2 = "Это ваши проблемы, перезагрузите роутер.";
        String t3 = "Соединяю с отделом претензий.";
        List<Turn> turns = List.of(
                new Turn(0, Speaker.AGENT, TimeSpan.ofMillis(0, 5_200), t0, Language.RU, List.of(
                        new Word("здравствуйте", TimeSpan.ofMillis(0, 900), 0.91),
                        new Word("компания", TimeSpan.ofMillis(950, 1_500), 0.88))),
                new Turn(1, Speaker.CUSTOMER, TimeSpan.ofMillis(6_000, 11_000), t1, Language.RU, List.of()),
                new Turn(2, Speaker.AGENT, TimeSpan.ofMillis(12_000, 15_000), t2, Language.RU, List.of()),
                new Turn(3, Speaker.UNKNOWN, TimeSpan.ofMillis(16_000, 18_000), t3, Language.RU, List.of()));
        Interaction i = new Interaction("call-ru-0007", Channel.CALL, Language.RU, Person.of("a.ivanova", "Анна Иванова"),
                Optional.empty(), Instant.parse("2026-11-21T14:03:10Z"), Duration.ofMillis(18_500), turns, List.of(),
                OptionalInt.empty(), Path.of("calls", "call-ru-0007.wav"));
        List<Finding> findings = List.of(
                finding("greeting.scripted", Category.GREETING_OK, Speaker.AGENT, turns.get(0), 0, t0.length(), 0.74),
                finding("complaint.threat", Category.COMPLAINT, Speaker.CUSTOMER, turns.get(1),
                        t1.indexOf("я буду"), t1.length() - 1, 0.81),
                finding("rudeness.blame", Category.RUDENESS, Speaker.AGENT, turns.get(2), 0, t2.indexOf(','), 0.66),
                finding("transfer.connect", Category.TRANSFER, Speaker.UNKNOWN, turns.get(3), 0, 9, 0.7));
        List<ItemResult> items = List.of(
                new ItemResult("greeting.scripted", "greeting", ItemOutcome.PASSED, false,
                        "приветствие найдено в первой реплике оператора", List.of(0)),
                new ItemResult("language.no_rudeness", "language", ItemOutcome.FAILED, true,
                        "оператор обвинил клиента", List.of(2)),
                new ItemResult("closing.scripted", "closing", ItemOutcome.FAILED, false,
                        "завершение не найдено", List.of()));
        return new Evaluation(i, 30, false, true, "default-ru@1", findings, List.of("closing.scripted"),
                List.of(new SectionScore("greeting", 10, 10), new SectionScore("language", 0, 20),
                        new SectionScore("closing", 0, 10)),
                items, new TreeMap<>(Map.of("silence_ratio", 0.12, "overtalk_s", 1.5, "hold_count", 0.0)),
                List.of("complaint", "rudeness", "transfer"));
    }

    /** The agent's words in {@link #englishCall()}; "Northwind" is recognised with confidence 0.42 (doubtful). */
    static final String CALL_GREETING = "Thank you for calling Northwind, this is John.";
    static final String CALL_COMPLAINT = "I want to cancel my contract.";

    /**
     * An English stereo call (id {@code call-en-0001}) with word timings: a greeting whose company name is doubtful,
     * a complaint with an escalation at 01:42, and call metrics.
     */
    static Evaluation englishCall() {
        List<Word> greetingWords = List.of(
                new Word("thank", TimeSpan.ofMillis(1_200, 1_450), 0.97),
                new Word("you", TimeSpan.ofMillis(1_450, 1_600), 0.95),
                new Word("for", TimeSpan.ofMillis(1_600, 1_750), 0.93),
                new Word("calling", TimeSpan.ofMillis(1_750, 2_200), 0.9),
                new Word("northwind", TimeSpan.ofMillis(2_200, 2_900), 0.42),
                new Word("this", TimeSpan.ofMillis(3_000, 3_200), 0.88),
                new Word("is", TimeSpan.ofMillis(3_200, 3_300), 0.91),
                new Word("john", TimeSpan.ofMillis(3_300, 3_700), 0.86));
        List<Word> complaintWords = List.of(
                new Word("i", TimeSpan.ofMillis(102_000, 102_100), 0.9),
                new Word("want", TimeSpan.ofMillis(102_100, 102_400), 0.88),
                new Word("to", TimeSpan.ofMillis(102_400, 102_500), 0.9),
                new Word("cancel", TimeSpan.ofMillis(102_500, 103_000), 0.31),
                new Word("my", TimeSpan.ofMillis(103_000, 103_200), 0.9),
                new Word("contract", TimeSpan.ofMillis(103_200, 103_900), 0.85));
        List<Turn> turns = List.of(
                new Turn(0, Speaker.AGENT, TimeSpan.ofMillis(1_200, 3_700), CALL_GREETING, Language.EN, greetingWords),
                new Turn(1, Speaker.CUSTOMER, TimeSpan.ofMillis(102_000, 103_900), CALL_COMPLAINT, Language.EN,
                        complaintWords));
        Recording recording = new Recording(ChannelLayout.AGENT_LEFT, Duration.ofMillis(125_000),
                "WAV mu-law 8000 Hz stereo", List.of(new SpeakerSpan(Speaker.AGENT, TimeSpan.ofMillis(1_200, 3_700)),
                new SpeakerSpan(Speaker.CUSTOMER, TimeSpan.ofMillis(102_000, 103_900))), List.of(), List.of(), "");
        Interaction i = new Interaction("call-en-0001", Channel.CALL, Language.EN, Person.of("j.carter", "John Carter"),
                Optional.of(Person.of("c-1", null)), Instant.parse("2026-11-21T11:00:00Z"), Duration.ofMillis(125_000),
                turns, List.of(), OptionalInt.empty(), Path.of("calls/call-en-0001.wav"), Optional.of(recording));
        Turn greeting = turns.get(0);
        Turn complaint = turns.get(1);
        int cancel = CALL_COMPLAINT.indexOf("cancel");
        List<Finding> findings = List.of(
                new Finding("greeting.scripted", Category.GREETING_OK, Speaker.AGENT, 0, greeting.time(),
                        new CharSpan(0, CALL_GREETING.length() - 1), CALL_GREETING.substring(0,
                        CALL_GREETING.length() - 1), 0.42),
                new Finding("escalation.cancel", Category.ESCALATION, Speaker.CUSTOMER, 1,
                        TimeSpan.ofMillis(102_500, 103_900), new CharSpan(cancel, CALL_COMPLAINT.length() - 1),
                        CALL_COMPLAINT.substring(cancel, CALL_COMPLAINT.length() - 1), 0.62));
        List<ItemResult> items = List.of(
                new ItemResult("greeting.scripted", "greeting", ItemOutcome.PASSED, false,
                        "greeting_ok found in the first agent turn", List.of(0)),
                new ItemResult("closing.scripted", "closing", ItemOutcome.FAILED, false,
                        "required closing_ok not found", List.of()));
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("duration_s", 125.0);
        metrics.put("silence_ratio", 0.31);
        metrics.put("dead_air_count", 2.0);
        metrics.put("dead_air_max_s", 14.2);
        metrics.put("overtalk_s", 1.5);
        metrics.put("agent_talk_ratio", 0.48);
        metrics.put("agent_speech_rate_wpm", 152.4);
        metrics.put("agent_first_words_s", 1.2);
        metrics.put("hold_count", 1.0);
        metrics.put("agent_raised_voice_count", 0.0);
        metrics.put("transcript_confidence", 0.58);
        metrics.put("first_response_s", 98.3);
        return new Evaluation(i, 62.5, false, false, "default-en@2", findings, List.of("closing.scripted"),
                List.of(new SectionScore("greeting", 10, 10), new SectionScore("closing", 0, 10)), items,
                new TreeMap<>(metrics), List.of("escalation"));
    }

    /** {@code e} sent to human review with {@code reason}: same score, not passed. */
    static Evaluation sentToReview(Evaluation e, String reason) {
        return new Evaluation(e.interaction(), e.score(), false, e.autoFail(), e.scorecard(), e.findings(),
                e.missing(), e.sections(), e.items(), e.metrics(), e.flags(), Optional.of(reason));
    }

    /** An English email with an attachment and no findings. */
    static Evaluation englishEmail() {
        String body = "Hello,\n\nplease find the invoice attached.\n\nKind regards,\nJohn";
        List<Turn> turns = List.of(turn(0, Speaker.AGENT, 0, 0, body, Language.EN));
        Interaction i = new Interaction("en-e01", Channel.EMAIL, Language.EN, Person.of("j.carter", "John Carter"),
                Optional.of(Person.of("cust-7", "Jane")), Instant.parse("2026-11-21T16:40:00Z"), Duration.ZERO, turns,
                List.of(new Attachment("invoice-1123.pdf", "application/pdf", 48_213)), OptionalInt.empty(),
                Path.of("emails/en-e01.eml"));
        return new Evaluation(i, 100, true, false, "default-en@1", List.of(), List.of(),
                List.of(new SectionScore("greeting", 10, 10)), List.of(new ItemResult("greeting.scripted", "greeting",
                        ItemOutcome.PASSED, false, "greeting found", List.of())), new TreeMap<>(), List.of());
    }

    static Turn turn(int index, Speaker speaker, long startMs, long endMs, String text, Language language) {
        return new Turn(index, speaker, TimeSpan.ofMillis(startMs, endMs), text, language, List.of());
    }

    static Finding finding(String rule, Category category, Speaker speaker, Turn turn, int start, int end,
                           double confidence) {
        CharSpan span = new CharSpan(start, end);
        return new Finding(rule, category, speaker, turn.index(), turn.time(), span, span.of(turn.text()), confidence);
    }

    /** A summary sent to human review with {@code reason}. */
    static EvaluationSummary reviewSummary(String id, String agent, Channel channel, double score,
                                           List<String> flags, List<String> failedItems, Map<String, Double> sections,
                                           String reason) {
        return new EvaluationSummary(id, agent, channel, Language.EN, Instant.parse("2026-11-21T10:00:00Z"), score,
                false, true, flags, failedItems, sections, OptionalInt.empty(), Optional.of(reason));
    }

    /** A summary with only the fields a roll-up test cares about. */
    static EvaluationSummary summary(String id, String agent, Channel channel, double score, boolean passed,
                                     boolean autoFail, List<String> flags, List<String> failedItems,
                                     Map<String, Double> sections, OptionalInt csat) {
        return new EvaluationSummary(id, agent, channel, Language.EN, Instant.parse("2026-11-21T10:00:00Z"), score,
                passed, autoFail, flags, failedItems, sections, csat, Optional.empty());
    }

    static List<EvaluationSummary> many(int n) {
        List<EvaluationSummary> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(summary("x" + k, "a", Channel.CHAT, 50 + k, true, false, List.of(), List.of(), Map.of(),
                    OptionalInt.empty()));
        }
        return out;
    }
}
