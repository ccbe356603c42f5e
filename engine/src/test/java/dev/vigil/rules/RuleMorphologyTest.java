package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Finding;
import dev.vigil.model.Language;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleMorphologyTest {
    private static final String RU_FORMS = """
            # apology forms
            извините, извиняюсь, извинения, прошу прощения, приношу извинения
            человек, люди
            """;
    private static final String EN_FORMS = """
            bad, worse, worst
            buy, bought
            """;
    private static final String RU = """
            pack: {id: m-ru, version: 1, language: ru}
            rules:
              - {id: apology.ru, category: apology, speaker: agent, query: 'извините'}
              - {id: phrase.ru, category: apology, speaker: agent, query: '"прошу прощения"'}
              - {id: people.ru, category: complaint, speaker: customer, query: 'человек'}
            """;
    private static final String EN = """
            pack: {id: m-en, version: 1, language: en}
            rules:
              - {id: bad.en, category: complaint, speaker: customer, query: 'bad'}
              - {id: bought.en, category: cross_sell, speaker: customer, query: '"bought it"'}
            """;

    private final RuleSet set = new RuleSet(new RulePackLoader().load(List.of(
            new RuleSource.NamedResource("packs/ru.yaml", RU), new RuleSource.NamedResource("packs/en.yaml", EN))),
            RuleMorphology.of(Map.of(Language.RU, RU_FORMS, Language.EN, EN_FORMS)));
    private final RuleMatchingStep step = new RuleMatchingStep(set, new CompanyProfile("N", List.of()));

    @AfterEach
    void close() {
        step.close();
    }

    private List<String> agent(String text) {
        return step.findings(Dialogues.chat(Language.RU, "Анна").agent(text).build()).stream()
                .map(Finding::ruleId).toList();
    }

    private List<String> customer(Language language, String text) {
        return step.findings(Dialogues.chat(language, "Анна").customer(text).build()).stream()
                .map(Finding::ruleId).toList();
    }

    @Test
    void aQueryForIzviniteMatchesEveryApologyForm() {
        assertThat(agent("Приношу извинения за ожидание.")).containsExactly("apology.ru");
        assertThat(agent("Прошу прощения за задержку.")).containsExactly("apology.ru", "phrase.ru");
        assertThat(agent("Извиняюсь, ошибся.")).containsExactly("apology.ru");
        assertThat(agent("Примите наши извинения.")).containsExactly("apology.ru");
    }

    @Test
    void aGroupDoesNotLeakIntoItsSeparateWords() {
        assertThat(agent("Прошу подождать минуту.")).isEmpty();
        assertThat(agent("Это просто ошибка.")).isEmpty();
        assertThat(agent("Извините меня.")).containsExactly("apology.ru");
    }

    @Test
    void joinsSuppletiveFormsInBothLanguages() {
        assertThat(customer(Language.RU, "Там было много людей.")).containsExactly("people.ru");
        assertThat(customer(Language.EN, "It got worse and worse.")).containsExactly("bad.en");
        assertThat(customer(Language.EN, "The worst service ever.")).containsExactly("bad.en");
        assertThat(customer(Language.EN, "I bought it last week.")).containsExactly("bought.en");
    }

    @Test
    void loadsMorphologyFromTheSourceAndReportsBrokenFiles() {
        RuleSource source = RuleSource.of(List.of(new RuleSource.NamedResource("packs/ru.yaml", RU)),
                List.of(new RuleSource.NamedResource("morphology/ru.txt", RU_FORMS)));
        assertThat(RuleSet.load(source).morphology().covers(Language.RU)).isTrue();

        RuleSource broken = RuleSource.of(List.of(), List.of(new RuleSource.NamedResource("morphology/xx.txt", "a, b"),
                new RuleSource.NamedResource("morphology/en.txt", "a => ")));
        assertThatThrownBy(() -> RuleSet.load(broken)).isInstanceOfSatisfying(InvalidRulesException.class,
                e -> assertThat(e.problems()).hasSize(2).first().asString()
                        .isEqualTo("morphology/xx.txt: a morphology file is named <language>.txt (en.txt or ru.txt)"));
    }
}
