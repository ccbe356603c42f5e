package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Channel;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EvaluationJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lineHasTheContractFieldsInContractOrderFollowedByExtensions() throws Exception {
        // given
        Evaluation e = ReportFixtures.englishChat();

        // when
        String line = EvaluationJson.line(e);

        // then
        assertThat(line).doesNotContain("\n");
        JsonNode o = JSON.readTree(line);
        assertThat(names(o)).containsExactly("interaction_id", "channel", "language", "agent_id", "started_at",
                "duration_s", "score", "passed", "auto_fail", "scorecard", "findings", "missing", "sections", "metrics",
                "flags", "items", "csat", "source", "customer_id", "agent_name");
        assertThat(o.get("interaction_id").asText()).isEqualTo("chat-en-0042");
        assertThat(o.get("channel").asText()).isEqualTo("chat");
        assertThat(o.get("language").asText()).isEqualTo("en");
        assertThat(o.get("agent_id").asText()).isEqualTo("j.carter");
        assertThat(o.get("started_at").asText()).isEqualTo("2026-11-21T09:12:00Z");
        assertThat(o.get("duration_s").asDouble()).isEqualTo(312.0);
        assertThat(o.get("score").asDouble()).isEqualTo(88.24);
        assertThat(o.get("passed").asBoolean()).isTrue();
        assertThat(o.get("auto_fail").asBoolean()).isFalse();
        assertThat(o.get("scorecard").asText()).isEqualTo("default-en@1");
        assertThat(o.get("missing")).extracting(JsonNode::asText).containsExactly("closing.scripted");
        assertThat(o.get("flags")).extracting(JsonNode::asText).containsExactly("complaint", "escalation");
        assertThat(names(o.get("metrics"))).containsExactly("agent_talk_ratio", "first_response_s");
        assertThat(o.get("metrics").get("agent_talk_ratio").asDouble()).isEqualTo(0.551);
    }

    @Test
    void findingsAndSectionsUseTheContractShape() throws Exception {
        // given
        Evaluation e = ReportFixtures.englishChat();

        // when
        JsonNode o = JSON.readTree(EvaluationJson.line(e));

        // then
        JsonNode complaint = o.get("findings").get(1);
        assertThat(names(complaint)).containsExactly("rule", "category", "speaker", "turn", "start_ms", "end_ms",
                "char_start", "char_end", "text", "confidence", "signal");
        assertThat(complaint.get("rule").asText()).isEqualTo("complaint.ridiculous");
        assertThat(complaint.get("category").asText()).isEqualTo("complaint");
        assertThat(complaint.get("speaker").asText()).isEqualTo("customer");
        assertThat(complaint.get("turn").asInt()).isEqualTo(1);
        assertThat(complaint.get("start_ms").asLong()).isEqualTo(35_000);
        assertThat(complaint.get("end_ms").asLong()).isEqualTo(52_000);
        int start = ReportFixtures.COMPLAINT_TURN.indexOf("This is ridiculous");
        assertThat(complaint.get("char_start").asInt()).isEqualTo(start);
        assertThat(complaint.get("char_end").asInt()).isEqualTo(start + 18);
        assertThat(complaint.get("text").asText()).isEqualTo("This is ridiculous");
        assertThat(complaint.get("confidence").asDouble()).isEqualTo(1.0);
        assertThat(complaint.get("signal").asText()).isEqualTo("rule");
        JsonNode closing = o.get("sections").get(3);
        assertThat(names(closing)).containsExactly("id", "score", "max");
        assertThat(closing.get("id").asText()).isEqualTo("closing");
        assertThat(closing.get("max").asDouble()).isEqualTo(10.0);
    }

    @Test
    void lineCarriesItemsCsatSourceFileNameAndCustomer() throws Exception {
        // given
        Evaluation e = ReportFixtures.englishChat();

        // when
        JsonNode o = JSON.readTree(EvaluationJson.line(e));

        // then
        JsonNode closing = o.get("items").get(3);
        assertThat(names(closing)).containsExactly("id", "section", "outcome", "auto_fail", "reason", "evidence");
        assertThat(closing.get("id").asText()).isEqualTo("closing.scripted");
        assertThat(closing.get("outcome").asText()).isEqualTo("failed");
        assertThat(o.get("items").get(6).get("outcome").asText()).isEqualTo("not_applicable");
        assertThat(o.get("items").get(4).get("auto_fail").asBoolean()).isTrue();
        assertThat(o.get("items").get(0).get("evidence")).extracting(JsonNode::asInt).containsExactly(0);
        assertThat(o.get("csat").asInt()).isEqualTo(2);
        assertThat(o.get("source").asText()).isEqualTo("inbox/chats/day1/chat-en-0042.json");
        assertThat(o.get("customer_id").asText()).isEqualTo("cust-1042");
        assertThat(o.get("agent_name").asText()).isEqualTo("John Carter");
    }

    @Test
    void lineOmitsCsatAndCustomerWhenUnknown() throws Exception {
        JsonNode o = JSON.readTree(EvaluationJson.line(ReportFixtures.russianCall()));

        assertThat(o.has("csat")).isFalse();
        assertThat(o.has("customer_id")).isFalse();
        assertThat(o.get("source").asText()).isEqualTo("calls/call-ru-0007.wav");
    }

    @Test
    void undefinedMetricIsWrittenAsNull() throws Exception {
        // given
        Evaluation base = ReportFixtures.englishEmail();
        Evaluation e = new Evaluation(base.interaction(), base.score(), base.passed(), base.autoFail(),
                base.scorecard(), base.findings(), base.missing(), base.sections(), base.items(),
                new TreeMap<>(Map.of("silence_ratio", Double.NaN)), base.flags());

        // when
        JsonNode o = JSON.readTree(EvaluationJson.line(e));

        // then
        assertThat(o.get("metrics").get("silence_ratio").isNull()).isTrue();
    }

    @Test
    void sameEvaluationGivesByteIdenticalLines() {
        assertThat(EvaluationJson.line(ReportFixtures.englishChat()))
                .isEqualTo(EvaluationJson.line(ReportFixtures.englishChat()));
        assertThat(EvaluationJson.transcript(ReportFixtures.russianCall().interaction()))
                .isEqualTo(EvaluationJson.transcript(ReportFixtures.russianCall().interaction()));
    }

    @Test
    void callTranscriptHasWordsInEveryTurn() throws Exception {
        // when
        JsonNode o = JSON.readTree(EvaluationJson.transcript(ReportFixtures.russianCall().interaction()));

        // then
        assertThat(names(o)).containsExactly("interaction_id", "language", "turns");
        assertThat(o.get("interaction_id").asText()).isEqualTo("call-ru-0007");
        assertThat(o.get("language").asText()).isEqualTo("ru");
        JsonNode first = o.get("turns").get(0);
        assertThat(names(first)).containsExactly("speaker", "start_ms", "end_ms", "text", "language", "words");
        assertThat(first.get("text").asText()).startsWith("Здравствуйте, компания «Связь-Плюс»");
        assertThat(first.get("end_ms").asLong()).isEqualTo(5_200);
        JsonNode word = first.get("words").get(1);
        assertThat(names(word)).containsExactly("w", "start_ms", "end_ms", "confidence");
        assertThat(word.get("w").asText()).isEqualTo("компания");
        assertThat(word.get("start_ms").asLong()).isEqualTo(950);
        assertThat(word.get("confidence").asDouble()).isEqualTo(0.88);
        assertThat(o.get("turns").get(3).get("speaker").asText()).isEqualTo("unknown");
        assertThat(o.get("turns").get(3).get("words").isArray()).isTrue();
    }

    @Test
    void chatTranscriptHasNoWordsAndEmailTranscriptListsAttachments() throws Exception {
        // when
        JsonNode chat = JSON.readTree(EvaluationJson.transcript(ReportFixtures.englishChat().interaction()));
        JsonNode email = JSON.readTree(EvaluationJson.transcript(ReportFixtures.englishEmail().interaction()));

        // then
        assertThat(chat.get("turns")).hasSize(5);
        assertThat(chat.get("turns").get(0).has("words")).isFalse();
        assertThat(chat.has("attachments")).isFalse();
        assertThat(chat.get("turns").get(1).get("text").asText()).isEqualTo(ReportFixtures.COMPLAINT_TURN);
        assertThat(email.get("turns").get(0).has("words")).isFalse();
        JsonNode attachment = email.get("attachments").get(0);
        assertThat(names(attachment)).containsExactly("name", "media_type", "size_bytes");
        assertThat(attachment.get("name").asText()).isEqualTo("invoice-1123.pdf");
        assertThat(attachment.get("size_bytes").asLong()).isEqualTo(48_213);
    }

    @Test
    void interactionIsReadBackFromItsLineAndTranscriptAsItWasAnalysed() {
        for (Evaluation e : List.of(ReportFixtures.englishChat(), ReportFixtures.russianCall(),
                ReportFixtures.englishEmail())) {
            // given
            Interaction analysed = e.interaction();

            // when
            Interaction back = EvaluationJson.interaction(EvaluationJson.line(e), EvaluationJson.transcript(analysed));

            // then: all but what the outputs do not keep (the recording, the customer's name)
            assertThat(back).as(analysed.id()).usingRecursiveComparison().ignoringFields("customer", "recording")
                    .isEqualTo(analysed);
            assertThat(back.customer().map(Person::id)).isEqualTo(analysed.customer().map(Person::id));
            assertThat(back.recording()).isEmpty();
        }
        assertThat(ReportFixtures.russianCall().interaction().turns().get(0).words()).isNotEmpty();
        assertThat(ReportFixtures.englishEmail().interaction().attachments()).isNotEmpty();
    }

    @Test
    void interactionRefusesTheTranscriptOfAnotherInteraction() {
        String line = EvaluationJson.line(ReportFixtures.englishChat());
        String other = EvaluationJson.transcript(ReportFixtures.englishEmail().interaction());

        assertThatThrownBy(() -> EvaluationJson.interaction(line, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not that of 'chat-en-0042'");
    }

    @Test
    void withMetricsGivesTheLineAnAnalysisWithThoseMetricsWouldHaveWritten() {
        // given a line with an old uptake metric
        Evaluation base = ReportFixtures.englishChat();
        Evaluation old = withMetrics(base, Map.of("uptake.t.old.00000000_count", 2.0));
        Map<String, Double> current = Map.of("uptake.t.a.0a0a0a0a_count", 1.0, "uptake.t.b.0b0b0b0b_count", 0.0);

        // when
        String replaced = EvaluationJson.withMetrics(EvaluationJson.line(old), "uptake.", current);

        // then: byte for byte, with the other metrics kept in order
        assertThat(replaced).isEqualTo(EvaluationJson.line(withMetrics(base, current)));
        assertThat(EvaluationJson.withMetrics(replaced, "uptake.", Map.of()))
                .isEqualTo(EvaluationJson.line(base));
    }

    private static Evaluation withMetrics(Evaluation e, Map<String, Double> more) {
        var metrics = new TreeMap<>(e.metrics());
        metrics.putAll(more);
        return new Evaluation(e.interaction(), e.score(), e.passed(), e.autoFail(), e.scorecard(), e.findings(),
                e.missing(), e.sections(), e.items(), metrics, e.flags(), e.review());
    }

    @Test
    void summaryRoundTripsAHandBuiltEvaluation() {
        // given
        String line = EvaluationJson.line(ReportFixtures.englishChat());

        // when
        EvaluationSummary s = EvaluationJson.summary(line);

        // then
        assertThat(s.interactionId()).isEqualTo("chat-en-0042");
        assertThat(s.agentId()).isEqualTo("j.carter");
        assertThat(s.channel()).isEqualTo(Channel.CHAT);
        assertThat(s.language()).isEqualTo(Language.EN);
        assertThat(s.startedAt()).isEqualTo(Instant.parse("2026-11-21T09:12:00Z"));
        assertThat(s.score()).isEqualTo(88.24);
        assertThat(s.passed()).isTrue();
        assertThat(s.autoFail()).isFalse();
        assertThat(s.flags()).containsExactly("complaint", "escalation");
        assertThat(s.failedItems()).containsExactly("closing.scripted");
        assertThat(s.sectionPercent()).containsOnlyKeys("closing", "empathy", "greeting", "language", "resolution");
        assertThat(s.sectionPercent()).containsEntry("closing", 0.0).containsEntry("greeting", 100.0);
        assertThat(s.csat()).isEqualTo(OptionalInt.of(2));
        assertThat(s.flagged()).isTrue();
        assertThat(s.autoScored()).isTrue();
        assertThat(s.review()).isEmpty();
    }

    @Test
    void summaryOfAnAutoFailedCallKeepsItsFailedItems() {
        EvaluationSummary s = EvaluationJson.summary(EvaluationJson.line(ReportFixtures.russianCall()));

        assertThat(s.channel()).isEqualTo(Channel.CALL);
        assertThat(s.language()).isEqualTo(Language.RU);
        assertThat(s.autoFail()).isTrue();
        assertThat(s.passed()).isFalse();
        assertThat(s.failedItems()).containsExactly("language.no_rudeness", "closing.scripted");
        assertThat(s.csat()).isEmpty();
    }

    @Test
    void summaryRejectsALineWithoutAnAgent() {
        assertThatThrownBy(() -> EvaluationJson.summary("{\"interaction_id\":\"x\",\"channel\":\"chat\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent_id");
        assertThatThrownBy(() -> EvaluationJson.summary("not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid JSON");
    }

    private static List<String> names(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
