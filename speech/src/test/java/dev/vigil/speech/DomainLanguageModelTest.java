package dev.vigil.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainLanguageModelTest {
    private static final PronouncingDictionary DICT = PronouncingDictionary.of("test", Map.ofEntries(
            Map.entry("thank", "TH AE NG K"),
            Map.entry("you", "Y UW"),
            Map.entry("for", "F AO R"),
            Map.entry("calling", "K AO L IH NG"),
            Map.entry("north", "N AO R TH"),
            Map.entry("wind", "W IH N D"),
            Map.entry("i", "AY"),
            Map.entry("want", "W AA N T"),
            Map.entry("to", "T UW"),
            Map.entry("cancel", "K AE N S AH L"),
            Map.entry("my", "M AY"),
            Map.entry("account", "AH K AW N T")));
    private static final List<String> SENTENCES = List.of("Thank you for calling Northwind.",
            "I want to cancel my account.", "Thank you for calling.", "I want to cancel xyzzy account.");

    @Test
    void writesValidArpaWhoseCountsMatchAndProbabilitiesAreLogs(@TempDir Path cache) throws Exception {
        DomainModelFiles files = new DomainLanguageModel(DICT).build(Language.EN, SENTENCES, cache);
        List<String> lines = Files.readAllLines(files.languageModel(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\\data\\");
        assertThat(lines).last().isEqualTo("\\end\\");
        Map<Integer, Integer> declared = new HashMap<>();
        Map<Integer, Integer> actual = new HashMap<>();
        int order = 0;
        for (String l : lines) {
            if (l.startsWith("ngram ")) {
                String[] kv = l.substring(6).split("=");
                declared.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
            } else if (l.matches("\\\\\\d-grams:")) {
                order = l.charAt(1) - '0';
            } else if (order > 0 && !l.isBlank() && !l.startsWith("\\")) {
                String[] f = l.split(" ");
                assertThat(f.length).isBetween(order + 1, order + 2);
                assertThat(Double.parseDouble(f[0])).isLessThanOrEqualTo(0.0);
                actual.merge(order, 1, Integer::sum);
            }
        }
        assertThat(actual).isEqualTo(declared);
        assertThat(declared).containsKeys(1, 2, 3);
    }

    @Test
    void unigramProbabilitiesSumToOne(@TempDir Path cache) throws Exception {
        DomainModelFiles files = new DomainLanguageModel(DICT).build(Language.EN, SENTENCES, cache);
        double sum = 0;
        boolean in = false;
        for (String l : Files.readAllLines(files.languageModel())) {
            if (l.startsWith("\\")) {
                in = l.equals("\\1-grams:");
                continue;
            }
            if (in && !l.isBlank()) {
                sum += Math.pow(10, Double.parseDouble(l.split(" ")[0]));
            }
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void sameInputsReuseTheCachedFiles(@TempDir Path cache) {
        var lm = new DomainLanguageModel(DICT);
        DomainModelFiles first = lm.build(Language.EN, SENTENCES, cache);
        DomainModelFiles second = lm.build(Language.EN, SENTENCES, cache);
        assertThat(first.reused()).isFalse();
        assertThat(second.reused()).isTrue();
        assertThat(second.languageModel()).isEqualTo(first.languageModel());
        assertThat(second.vocabulary()).isEqualTo(first.vocabulary());
        assertThat(first.languageModel().getFileName().toString()).matches("[0-9a-f]{64}\\.lm");
        var other = new ArrayList<>(SENTENCES);
        other.add("Thank you.");
        assertThat(lm.build(Language.EN, other, cache).languageModel()).isNotEqualTo(first.languageModel());
    }

    @Test
    void compoundsGetAPronunciationAndUnpronounceableWordsAreLeftOut(@TempDir Path cache) throws Exception {
        DomainModelFiles files = new DomainLanguageModel(DICT).build(Language.EN, SENTENCES, cache);
        assertThat(files.vocabulary()).contains("northwind", "cancel").doesNotContain("xyzzy");
        assertThat(Files.readString(files.dictionary())).isEqualTo("northwind N AO R TH W IH N D\n");
        // the sentence is cut at the unknown word: no bigram joins its neighbours
        assertThat(Files.readString(files.languageModel())).doesNotContain("cancel account");
    }

    @Test
    void bundledDictionarySplitsTheCompanyName() {
        assertThat(PronouncingDictionary.bundledEnglish().contains("northwind")).isFalse();
        assertThat(PronouncingDictionary.bundledEnglish().compound("northwind"))
                .contains("N AO R TH W IH N D", "N AO R TH W AY N D");
    }
}
