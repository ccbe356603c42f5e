package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Evaluation;
import dev.vigil.model.Language;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The interaction page of a call: player, clickable findings, word confidence, call metrics, review banner. */
class CallPageTest {
    private static final HtmlReports EN = new HtmlReports(Language.EN);
    private static final HtmlReports RU = new HtmlReports(Language.RU);

    private static Document page(HtmlReports html, Evaluation e, Optional<String> audio) {
        return Jsoup.parse(html.interactionPage(EvaluationJson.line(e), EvaluationJson.transcript(e.interaction()),
                audio));
    }

    private static Document call() {
        Evaluation e = ReportFixtures.englishCall();
        return page(EN, e, Optional.of(HtmlReports.audioName(e.interaction().id(), "WAV")));
    }

    @Test
    void callPageHasAnAudioPlayerReferringToThePublishedRecordingRelatively() {
        Document page = call();

        Elements audio = page.select("audio#player[controls]");
        assertThat(audio).hasSize(1);
        assertThat(audio.attr("src")).isEqualTo("../audio/call-en-0001.wav");
        assertThat(page.select("script[src]")).as("no external scripts").isEmpty();
        assertThat(page.select("script").html()).contains("data-start").contains("currentTime");
    }

    @Test
    void everyFindingPlaysFromItsStartTime() {
        Document page = call();

        // the findings table: one clickable row per finding, at the matched words' start
        Elements rows = page.select("tr.playable[data-start]");
        assertThat(rows.eachAttr("data-start")).containsExactly("1.200", "102.500");
        assertThat(rows.get(1).text()).contains("01:42");
        // the highlighted text in the transcript
        assertThat(page.select("#turn-1 mark.cat-escalation").attr("data-start")).isEqualTo("102.500");
        assertThat(page.select("#turn-0 mark.cat-greeting_ok").attr("data-start")).isEqualTo("1.200");
        // the evidence links of the scorecard items
        assertThat(page.select("a.turn-link[href=#turn-0][data-start]").attr("data-start")).isEqualTo("1.200");
    }

    @Test
    void wordsShowTheirConfidenceAndLowConfidenceWordsAreDoubtful() {
        Document page = call();

        Element northwind = page.select("#turn-0 span.w").stream()
                .filter(w -> w.text().equals("Northwind")).findFirst().orElseThrow();
        assertThat(northwind.hasClass("doubtful")).isTrue();
        assertThat(northwind.attr("title")).isEqualTo("confidence 0.42");
        assertThat(northwind.attr("data-start")).isEqualTo("2.200");
        assertThat(northwind.parent().tagName()).as("inside the greeting's highlight").isEqualTo("mark");
        Element thank = page.select("#turn-0 span.w").first();
        assertThat(thank.text()).isEqualTo("Thank");
        assertThat(thank.hasClass("doubtful")).isFalse();
        assertThat(thank.attr("title")).isEqualTo("confidence 0.97");
        assertThat(page.select("span.w.doubtful").eachText()).containsExactly("Northwind", "cancel");
        assertThat(page.select("#turn-0 .bubble").text()).isEqualTo(ReportFixtures.CALL_GREETING);
    }

    @Test
    void findingsShowTheirOwnConfidence() {
        Document page = call();

        Elements rows = page.select("tr.playable");
        assertThat(rows.get(0).select("td.num").text()).isEqualTo("42%");
        assertThat(rows.get(0).select("td.num").hasClass("doubtful")).isTrue();
        assertThat(rows.get(1).select("td.num").text()).isEqualTo("62%");
        assertThat(page.select("#turn-1 mark").attr("title")).contains("confidence 62%");
    }

    @Test
    void turnStartTimesAreShownAsMinutesAndSecondsAndPlayFromThere() {
        Document page = call();

        Elements starts = page.select(".turn-meta button.play");
        assertThat(starts.eachText()).containsExactly("00:01", "01:42");
        assertThat(starts.eachAttr("data-start")).containsExactly("1.200", "102.000");
    }

    @Test
    void callMetricsHaveATableOfTheirOwnWithLabelsAndUnits() {
        Document page = call();

        Elements rows = page.select("table.call-metrics tr");
        assertThat(rows.eachAttr("data-metric")).containsExactly("duration_s", "transcript_confidence",
                "agent_talk_ratio", "silence_ratio", "dead_air_count", "dead_air_max_s", "overtalk_s",
                "agent_first_words_s", "agent_speech_rate_wpm", "hold_count", "agent_raised_voice_count");
        assertThat(page.select("tr[data-metric=agent_speech_rate_wpm]").text())
                .isEqualTo("Agent speech rate 152 wpm");
        assertThat(page.select("tr[data-metric=dead_air_max_s]").text()).isEqualTo("Longest dead air 14.2 s");
        assertThat(page.select("tr[data-metric=silence_ratio]").text()).isEqualTo("Silence 31%");
        assertThat(page.select("table.call-metrics").text()).doesNotContain("First response");
        assertThat(page.select("table.kv:not(.call-metrics)").text()).contains("First response");
    }

    @Test
    void russianCallPageHasRussianLabelsForThePlayerWordsAndMetrics() {
        Evaluation e = ReportFixtures.englishCall();
        Document page = page(RU, e, Optional.of("call-en-0001.wav"));

        assertThat(page.select("h2").eachText()).contains("Показатели звонка");
        assertThat(page.select("tr[data-metric=dead_air_count] th").text()).isEqualTo("Паузы (мёртвый эфир)");
        assertThat(page.select("tr[data-metric=agent_speech_rate_wpm] td").text()).isEqualTo("152 сл/мин");
        assertThat(page.select("tr[data-metric=transcript_confidence] th").text())
                .isEqualTo("Уверенность распознавания");
        assertThat(page.select(".dialogue span.w.doubtful").first().attr("title")).isEqualTo("уверенность 0,42");
        assertThat(page.select(".player").text()).contains("Нажмите на находку");
    }

    @Test
    void everyCallMetricHasALabelInEnglishAndRussian() {
        for (String name : HtmlReports.CALL_METRICS) {
            assertThat(HtmlReports.isCallMetric(name)).as(name).isTrue();
            assertThat(Messages.of(Language.EN).getOrDefault("metric." + name, null)).as(name).isNotNull();
            assertThat(Messages.of(Language.RU).getOrDefault("metric." + name, null)).as(name).isNotNull();
        }
        assertThat(HtmlReports.isCallMetric("first_response_s")).isFalse();
        assertThat(HtmlReports.isCallMetric("customer_raised_voice_count")).isTrue();
        assertThat(HtmlReports.isCallMetric("dead_air_over_10s_count")).isTrue();
    }

    @Test
    void reviewedCallShowsTheReviewBannerInsteadOfTheVerdict() {
        Evaluation e = ReportFixtures.sentToReview(ReportFixtures.englishCall(), "transcript confidence 0.31");

        Document en = page(EN, e, Optional.empty());
        Document ru = page(RU, e, Optional.empty());

        assertThat(en.select(".review-banner .review-title").text())
                .isEqualTo("Needs human review: transcript confidence 0.31");
        assertThat(en.select(".review-banner").text()).contains("Computed score 62.5, not counted");
        assertThat(en.select(".score-badge")).isEmpty();
        assertThat(en.select(".hero").text()).doesNotContain("Failed").doesNotContain("Passed");
        assertThat(ru.select(".review-banner .review-title").text())
                .isEqualTo("Нужна проверка человеком: transcript confidence 0.31");
    }

    @Test
    void callWithoutAPublishedRecordingSaysSoAndHasNoPlayerScript() {
        Document page = page(EN, ReportFixtures.englishCall(), Optional.empty());

        assertThat(page.select("audio")).isEmpty();
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select(".player").text()).isEqualTo("The recording is not available with this report.");
    }

    @Test
    void chatPagesHaveNoPlayerNoWordMarkupAndNoPlayTargets() {
        Evaluation chat = ReportFixtures.englishChat();
        Document page = page(EN, chat, Optional.empty());

        assertThat(page.select(".player, audio, span.w, [data-start], table.call-metrics")).isEmpty();
    }

    @Test
    void wordsAreLocatedAsWholeWordsAndAMissingWordDoesNotShiftTheRest() {
        String text = "My card is [CARD], thanks.";
        var words = java.util.List.of(new TranscriptMarkup.TimedWord("my", 0, 1),
                new TranscriptMarkup.TimedWord("card", 100, 1), new TranscriptMarkup.TimedWord("is", 200, 1),
                new TranscriptMarkup.TimedWord("4111", 300, 1), new TranscriptMarkup.TimedWord("thanks", 400, 1),
                new TranscriptMarkup.TimedWord("unheard", 500, 1));

        var spans = TranscriptMarkup.locate(text, words);

        assertThat(spans.get(0)).containsExactly(0, 2);
        assertThat(spans.get(1)).containsExactly(3, 7);
        assertThat(spans.get(2)).as("'is', not the 'is' inside another word").containsExactly(8, 10);
        assertThat(spans.get(3)).as("redacted").isNull();
        assertThat(spans.get(4)).containsExactly(19, 25);
        assertThat(spans.get(5)).isNull();
    }
}
