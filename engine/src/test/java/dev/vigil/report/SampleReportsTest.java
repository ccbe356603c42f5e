package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleReportsTest {

    @Test
    void everyRelativeLinkOfARenderedNightPointsToAWrittenFile(@TempDir Path out) throws Exception {
        // given a night rendered as the nightly job does, with the outputs next to the reports folder
        Path reports = out.resolve("reports");
        SampleReports.render(reports, Language.RU);
        for (String output : List.of("scorecards.csv", "evaluations.jsonl", "quarantine.csv")) {
            Files.writeString(out.resolve(output), "");
        }

        // when
        List<String> broken = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(reports)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (Element link : doc.select("a[href], link[href], audio[src]")) {
                String href = link.hasAttr("src") ? link.attr("src") : link.attr("href");
                if (href.contains("#") && !href.startsWith("#")) {
                    String fragment = href.substring(href.indexOf('#') + 1);
                    href = href.substring(0, href.indexOf('#'));
                    Path target = page.getParent().resolve(java.net.URLDecoder.decode(href, "UTF-8")).normalize();
                    if (!Files.exists(target)
                            || Jsoup.parse(target.toFile(), "UTF-8").getElementById(fragment) == null) {
                        broken.add(page.getFileName() + " -> " + href + "#" + fragment);
                    }
                    continue;
                }
                if (href.startsWith("#")) {
                    if (doc.getElementById(href.substring(1)) == null) {
                        broken.add(page.getFileName() + " -> " + href);
                    }
                    continue;
                }
                Path target = page.getParent().resolve(java.net.URLDecoder.decode(href, "UTF-8")).normalize();
                if (!Files.exists(target)) {
                    broken.add(page.getFileName() + " -> " + href);
                }
            }
        }

        // then
        assertThat(pages).hasSize(1 + 3 + SampleReports.evaluations().size());
        assertThat(broken).isEmpty();
        assertThat(Jsoup.parse(reports.resolve("interactions/call-en-0001.html").toFile(), "UTF-8")
                .select("audio[src]")).as("the link check covered the player").hasSize(1);
    }

    @Test
    void renderingTheSameNightTwiceGivesIdenticalFiles(@TempDir Path out) throws Exception {
        SampleReports.render(out.resolve("a"), Language.EN);
        SampleReports.render(out.resolve("b"), Language.EN);

        for (String page : List.of("index.html", "agents/j.carter.html", "interactions/call-ru-0007.html",
                "interactions/call-en-0001.html", "interactions/call-en-0002.html", "audio/call-en-0001.wav",
                "assets/vigil.css")) {
            assertThat(Files.mismatch(out.resolve("a").resolve(page), out.resolve("b").resolve(page)))
                    .as(page).isEqualTo(-1L);
        }
    }
}
