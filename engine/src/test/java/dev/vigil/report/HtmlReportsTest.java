package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Channel;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportsTest {
    private static final HtmlReports EN = new HtmlReports(Language.EN);
    private static final HtmlReports RU = new HtmlReports(Language.RU);

    @Test
    void highlightsEachFindingAtItsCharacterOffsets() {
        // given
        Evaluation e = ReportFixtures.englishChat();

        // when
        Document page = interactionPage(EN, e);

        // then
        Elements marks = page.select("#turn-1 mark");
        assertThat(marks).extracting(Element::text).containsExactly("This is ridiculous",
                "I want to speak to a supervisor");
        assertThat(marks.get(0).hasClass("cat-complaint")).isTrue();
        assertThat(marks.get(0).attr("title")).contains("complaint.ridiculous").contains("Complaint");
        assertThat(marks.get(1).hasClass("cat-escalation")).isTrue();
        assertThat(page.select("#turn-0 mark").text()).isEqualTo(ReportFixtures.GREETING);
        assertThat(page.select("#turn-2 mark")).extracting(Element::text)
                .containsExactly("I'm sorry about that", "I understand how frustrating this must be");
        assertThat(page.select("#turn-3 mark")).isEmpty();
        assertThat(page.select("#turn-1 .bubble").text()).isEqualTo(ReportFixtures.COMPLAINT_TURN);
    }

    @Test
    void escapesMarkupInTranscriptText() {
        // when
        String html = EN.interactionPage(EvaluationJson.line(ReportFixtures.englishChat()),
                EvaluationJson.transcript(ReportFixtures.englishChat().interaction()));

        // then
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        Document page = Jsoup.parse(html);
        assertThat(page.select("#turn-1 script")).isEmpty();
        assertThat(page.select("#turn-1 .bubble").text()).endsWith("<script>alert('x')</script>");
    }

    @Test
    void overlappingSpansAreSplitSoEveryPieceIsMarkedOnce() {
        // given "abcdef" with [1,4) and [2,6)
        List<TranscriptMarkup.Highlight> spans = List.of(
                new TranscriptMarkup.Highlight(1, 4, "complaint", "r1"),
                new TranscriptMarkup.Highlight(2, 6, "escalation", "r2"),
                new TranscriptMarkup.Highlight(40, 50, "pii", "outside"));

        // when
        String html = TranscriptMarkup.highlight("ab<def", spans);

        // then
        assertThat(html).isEqualTo("a"
                + "<mark class=\"cat cat-complaint\" title=\"r1\">b</mark>"
                + "<mark class=\"cat cat-complaint multi\" title=\"r1\nr2\">&lt;d</mark>"
                + "<mark class=\"cat cat-escalation\" title=\"r2\">ef</mark>");
    }

    @Test
    void findingsAndEvidenceLinkToTheTurnAnchors() {
        Document page = interactionPage(EN, ReportFixtures.englishChat());

        assertThat(page.select("table.data a.turn-link[href=#turn-1]")).hasSizeGreaterThanOrEqualTo(2);
        for (Element link : page.select("a[href^=#turn-]")) {
            assertThat(page.getElementById(link.attr("href").substring(1))).as(link.outerHtml()).isNotNull();
        }
        Element closing = page.select("tr.outcome-failed").first();
        assertThat(closing.text()).contains("closing.scripted").contains("Failed")
                .contains("required closing_ok not found in the last 2 agent turns");
    }

    @Test
    void findingOutsideTheTranscriptIsListedWithoutABrokenLink() {
        // given a transcript that lost its last turns
        Evaluation e = ReportFixtures.englishChat();
        String transcript = "{\"interaction_id\":\"chat-en-0042\",\"language\":\"en\",\"turns\":["
                + "{\"speaker\":\"agent\",\"start_ms\":0,\"end_ms\":10,\"text\":\"Hi\",\"language\":\"en\"}]}";

        // when
        Document page = Jsoup.parse(EN.interactionPage(EvaluationJson.line(e), transcript));

        // then
        assertThat(page.select("table.data tbody tr")).extracting(Element::text)
                .anySatisfy(row -> assertThat(row).contains("resolution.fixed"));
        assertThat(page.select("a[href=#turn-4]")).isEmpty();
        assertThat(page.select("#turn-0 mark").text()).as("the greeting span is clamped to the short text")
                .isEqualTo("Hi");
    }

    @Test
    void interactionHeaderShowsScoreVerdictAndAutoFail() {
        Document passed = interactionPage(EN, ReportFixtures.englishChat());
        Document failed = interactionPage(EN, ReportFixtures.russianCall());

        assertThat(passed.select(".score-badge.pass .score-value").text()).isEqualTo("88.2");
        assertThat(passed.select("p.badge.autofail")).isEmpty();
        assertThat(passed.select(".hero").text()).contains("John Carter").contains("2026-11-21 09:12 UTC")
                .contains("5:12").contains("2 / 5");
        assertThat(failed.select(".score-badge.fail")).hasSize(1);
        assertThat(failed.select("p.badge.autofail")).hasSize(1);
        assertThat(failed.select("a[href=../agents/a.ivanova.html]")).isNotEmpty();
    }

    @Test
    void emailPageListsAttachmentsAndSaysThereAreNoFindings() {
        Document page = interactionPage(EN, ReportFixtures.englishEmail());

        assertThat(page.text()).contains("invoice-1123.pdf (application/pdf, 47 KB)");
        assertThat(page.text()).contains("No rule matched this interaction.");
    }

    @Test
    void russianUiUsesRussianLabelsAndDecimalCommas() {
        // when
        Document interaction = interactionPage(RU, ReportFixtures.russianCall());
        Document agent = Jsoup.parse(RU.agentPage(agentPage()));

        // then
        assertThat(interaction.select("html").attr("lang")).isEqualTo("ru");
        assertThat(interaction.select("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(interaction.select("h2")).extracting(Element::text)
                .contains("Пункты оценочного листа", "Находки", "Расшифровка");
        assertThat(interaction.select(".score-badge .score-value").text()).isEqualTo("30,0");
        assertThat(interaction.select(".score-badge .score-label").text()).isEqualTo("Незачёт");
        assertThat(interaction.select("#turn-2 mark").text()).isEqualTo("Это ваши проблемы");
        assertThat(agent.select(".score-label").text()).isEqualTo("Средний балл");
        assertThat(agent.select(".ci").text()).isEqualTo("95% ДИ 71,5–90,5");
        assertThat(agent.select("h2")).extracting(Element::text).contains("Динамика балла", "Обращения для разбора");
    }

    @Test
    void agentPageLinksEveryFlaggedInteraction() {
        // when
        Document page = Jsoup.parse(EN.agentPage(agentPage()));

        // then
        assertThat(page.select("table.data a")).extracting(a -> a.attr("href"))
                .containsExactly("../interactions/chat-en-0042.html", "../interactions/odd%20id_.html");
        assertThat(page.select(".score-badge .score-value").text()).isEqualTo("81.0");
        assertThat(page.select(".ci").text()).isEqualTo("95% CI 71.5–90.5");
        assertThat(page.select(".tiles").text()).contains("75%").contains("4.5");
        assertThat(page.select("ol.weakest li")).extracting(Element::text).containsExactly("closing.scripted",
                "empathy.acknowledge");
        assertThat(page.select(".bars li")).extracting(li -> li.select(".bar-label").text())
                .containsExactly("Closing", "Greeting");
        assertThat(page.select("a[href=../index.html]")).isNotEmpty();
    }

    @Test
    void trendChartDrawsOnePointPerNightAndStaysReadableWithOne() {
        // given
        AgentPage many = new AgentPage(card(), "2026-11-21", List.of(
                new TrendPoint(LocalDate.parse("2026-11-21"), 81, 4),
                new TrendPoint(LocalDate.parse("2026-11-19"), 70, 3),
                new TrendPoint(LocalDate.parse("2026-11-20"), 90, 5)), List.of());
        AgentPage one = new AgentPage(card(), "2026-11-21",
                List.of(new TrendPoint(LocalDate.parse("2026-11-21"), 81, 4)), List.of());
        AgentPage none = new AgentPage(card(), "2026-11-21", List.of(), List.of());

        // when
        Document manyPage = Jsoup.parse(EN.agentPage(many));
        Document onePage = Jsoup.parse(EN.agentPage(one));
        Document nonePage = Jsoup.parse(EN.agentPage(none));

        // then
        assertThat(manyPage.select("svg.chart circle")).hasSize(3);
        assertThat(manyPage.select("svg.chart text.value")).extracting(Element::text)
                .containsExactly("70.0", "90.0", "81.0");
        assertThat(manyPage.select("svg.chart circle title").first().text()).isEqualTo("19 Nov: 70.0 (3 interactions)");
        assertThat(onePage.select("svg.chart circle")).hasSize(1);
        assertThat(onePage.select("svg.chart circle").attr("cx")).isEqualTo("532.0");
        assertThat(onePage.select("svg.chart text.axis")).extracting(Element::text).contains("21 Nov", "0", "100");
        assertThat(nonePage.select("svg.chart")).isEmpty();
        assertThat(nonePage.text()).contains("No scored nights yet.");
    }

    @Test
    void indexLinksAgentsAndTheQuarantineOnlyWhenInputsWereRejected() {
        // given
        AgentScorecard other = new AgentScorecard("b.lee", "Bo Lee", "", "2026-11-21", 2, 2, 0, 0, 40, 0, 100, 0, 2,
                0, 0, OptionalDouble.empty(), List.of(), Map.of(), 0);

        // when
        Document withQuarantine = Jsoup.parse(EN.indexPage(new TeamPage("2026-11-21", List.of(card(), other), 6, 3, new CsatCorrelation())));
        Document clean = Jsoup.parse(EN.indexPage(new TeamPage("2026-11-21", List.of(card(), other), 6, 0, new CsatCorrelation())));

        // then
        assertThat(withQuarantine.select("#agents tbody a")).extracting(a -> a.attr("href"))
                .containsExactly("agents/b.lee.html", "agents/j.carter.html");
        assertThat(withQuarantine.select("a[href=../quarantine.csv]")).isNotEmpty();
        assertThat(clean.select("a[href=../quarantine.csv]")).isEmpty();
        assertThat(withQuarantine.select(".score-badge .score-value").text()).as("weighted by interactions")
                .isEqualTo("67.3");
        assertThat(withQuarantine.select(".tiles").text()).contains("50%");
        assertThat(withQuarantine.select("link[rel=stylesheet]").attr("href")).isEqualTo("assets/vigil.css");
    }

    @Test
    void sameInputGivesByteIdenticalPages() {
        String line = EvaluationJson.line(ReportFixtures.englishChat());
        String transcript = EvaluationJson.transcript(ReportFixtures.englishChat().interaction());

        assertThat(new HtmlReports(Language.EN).interactionPage(line, transcript))
                .isEqualTo(EN.interactionPage(line, transcript));
        assertThat(new HtmlReports(Language.EN).agentPage(agentPage())).isEqualTo(EN.agentPage(agentPage()));
    }

    @Test
    void fileNamesReplaceCharactersThatAreUnsafeInPaths() {
        assertThat(HtmlReports.fileName("chat-2026-11-21-0001")).isEqualTo("chat-2026-11-21-0001.html");
        assertThat(HtmlReports.fileName("../etc/passwd")).isEqualTo("_.._etc_passwd.html");
        assertThat(HtmlReports.fileName("a:b*c")).isEqualTo("a_b_c.html");
        assertThat(HtmlReports.fileName("звонок-1")).isEqualTo("звонок-1.html");
        assertThat(HtmlReports.href("звонок 1")).isEqualTo("%D0%B7%D0%B2%D0%BE%D0%BD%D0%BE%D0%BA%201.html");
    }

    @Test
    void writesTheStylesheetThatPagesLinkTo(@TempDir Path reports) throws Exception {
        HtmlReports.writeAssets(reports);

        String css = Files.readString(reports.resolve("assets/vigil.css"));
        assertThat(css).contains("@media print").contains(".cat-escalation");
        assertThat(interactionPage(EN, ReportFixtures.englishChat()).select("link[rel=stylesheet]").attr("href"))
                .isEqualTo("../assets/vigil.css");
    }

    @Test
    void englishAndRussianTextsHaveTheSameKeys() {
        assertThat(Messages.of(Language.RU).tree().keySet()).isEqualTo(Messages.of(Language.EN).tree().keySet());
        assertThat(flatten(Messages.of(Language.RU).tree(), "")).isEqualTo(flatten(Messages.of(Language.EN).tree(), ""));
    }

    @Test
    void everyCategoryChannelAndSpeakerHasALabelInBothLanguages() {
        for (Language ui : Language.values()) {
            Messages texts = Messages.of(ui);
            for (dev.vigil.model.Category c : dev.vigil.model.Category.values()) {
                assertThat(texts.getOrDefault("category." + c.code(), null)).as(ui + " " + c).isNotBlank();
            }
            for (Channel c : Channel.values()) {
                assertThat(texts.get("channel." + c.code())).isNotBlank();
            }
            for (dev.vigil.model.Speaker s : dev.vigil.model.Speaker.values()) {
                assertThat(texts.get("speaker." + s.code())).isNotBlank();
            }
        }
    }

    private static java.util.Set<String> flatten(Map<String, Object> tree, String prefix) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        tree.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) m;
                keys.addAll(flatten(child, prefix + k + "."));
            } else {
                keys.add(prefix + k);
            }
        });
        return keys;
    }

    private static Document interactionPage(HtmlReports reports, Evaluation e) {
        return Jsoup.parse(reports.interactionPage(EvaluationJson.line(e), EvaluationJson.transcript(e.interaction())));
    }

    @Test
    void agentPageListsSectionsInTheScorecardsOrderWithItsTitles() {
        // given a scorecard whose greeting section comes before its closing section (not alphabetical)
        var titles = new java.util.LinkedHashMap<String, String>();
        titles.put("section.greeting", "Saying hello");
        titles.put("section.closing", "Saying goodbye");

        String html = new HtmlReports(Language.EN, titles).agentPage(new AgentPage(card(), "2026-11-21", List.of(),
                List.of()));

        assertThat(html).contains("Saying goodbye").contains("Saying hello");
        assertThat(html.indexOf("Saying hello")).isLessThan(html.indexOf("Saying goodbye"));
    }

    private static AgentScorecard card() {
        return new AgentScorecard("j.carter", "John Carter", "Billing", "2026-11-21", 4, 3, 1, 0, 81, 71.5, 90.5, 0.75,
                0, 1, 1, OptionalDouble.of(4.5), List.of("closing.scripted", "empathy.acknowledge"),
                Map.of("greeting", 100.0, "closing", 25.0), 0);
    }

    private static AgentPage agentPage() {
        return new AgentPage(card(), "2026-11-21", List.of(new TrendPoint(LocalDate.parse("2026-11-21"), 81, 4)),
                List.of(new FlaggedInteraction("odd id?", Instant.parse("2026-11-21T15:00:00Z"), Channel.CALL, 55,
                                false, List.of("rudeness")),
                        new FlaggedInteraction("chat-en-0042", Instant.parse("2026-11-21T09:12:00Z"), Channel.CHAT, 88.2,
                                true, List.of("complaint", "escalation"))));
    }
}
