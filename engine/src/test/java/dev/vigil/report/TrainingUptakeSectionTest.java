package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Language;
import dev.vigil.uptake.TechniqueUptake;
import dev.vigil.uptake.TrainingUptake;
import dev.vigil.uptake.UptakeShare;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TrainingUptakeSectionTest {
    static AgentScorecard card() {
        return new AgentScorecard("a.ivanova", "Анна Иванова", "Поддержка", "2026-11-21", 6, 6, 0, 0, 84, 70, 98, 0.8,
                0, 2, 0, OptionalDouble.empty(), List.of(), Map.of("greeting", 100.0), 0);
    }

    static List<TrainingUptake> uptake() {
        return List.of(
                new TrainingUptake("empathy-nov", "Empathy workshop", LocalDate.of(2026, 11, 20), List.of(
                        new TechniqueUptake("acknowledge", "Acknowledge the frustration", new UptakeShare(4, 1, 1),
                                new UptakeShare(3, 3, 5)),
                        new TechniqueUptake("name", "Use the <customer's> name", new UptakeShare(4, 2, 2),
                                new UptakeShare(3, 1, 1)),
                        new TechniqueUptake("promise", "Promise a call back", UptakeShare.NONE,
                                new UptakeShare(3, 0, 0)))),
                new TrainingUptake("hold-dec", "Hold etiquette", LocalDate.of(2026, 12, 1), List.of(
                        new TechniqueUptake("ask", "Ask before a hold", UptakeShare.NONE, UptakeShare.NONE))));
    }

    static Document page(Language ui, List<TrainingUptake> uptake) {
        return Jsoup.parse(new HtmlReports(ui).agentPage(new AgentPage(card(), "2026-11-21", List.of(), List.of(),
                List.of(), uptake)));
    }

    @Test
    void showsEachTechniquesShareBeforeAndAfterTheTrainingDayWithTheChange() {
        Document page = page(Language.EN, uptake());

        Element section = page.selectFirst("#training-uptake");
        assertThat(section).isNotNull();
        assertThat(section.selectFirst("h2").text()).isEqualTo("Training uptake");
        assertThat(section.select("h3")).extracting(Element::text).containsExactly(
                "Empathy workshop Training day 2026-11-20", "Hold etiquette Training day 2026-12-01");
        var rows = section.select("table.uptake-table tbody tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).select("td")).extracting(Element::text).containsExactly(
                "Acknowledge the frustration", "1 of 4 25%", "3 of 3 100%", "+75 pp");
        assertThat(rows.get(0).selectFirst(".uptake-change").hasClass("up")).isTrue();
        assertThat(rows.get(0).selectFirst(".uptake-after").attr("title")).isEqualTo("5 agent turns used it");
        assertThat(rows.get(1).select("td")).extracting(Element::text).containsExactly(
                "Use the <customer's> name", "2 of 4 50%", "1 of 3 33%", "−17 pp");
        assertThat(rows.get(1).selectFirst(".uptake-change").hasClass("down")).isTrue();
        assertThat(rows.get(2).select("td")).extracting(Element::text).containsExactly(
                "Promise a call back", "no interactions", "0 of 3 0%", "—");
        assertThat(section.text()).contains("None of this agent's interactions is in a language");
    }

    @Test
    void speaksRussianOnARussianReport() {
        Element section = page(Language.RU, uptake()).selectFirst("#training-uptake");

        assertThat(section.selectFirst("h2").text()).isEqualTo("Применение навыков после тренингов");
        assertThat(section.select("thead th")).extracting(Element::text).first().isEqualTo("Приём");
        assertThat(section.select("table.uptake-table tbody tr").get(0).select("td")).extracting(Element::text)
                .containsExactly("Acknowledge the frustration", "1 из 4 25 %", "3 из 3 100 %", "+75 п. п.");
    }

    @Test
    void anAgentWithoutTrainingsHasNoSection() {
        assertThat(page(Language.EN, List.of()).selectFirst("#training-uptake")).isNull();
    }
}
