package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Finding;
import dev.vigil.model.Language;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RuleTyposTest {
    private static final String PACK = """
            pack: {id: typos, version: 1, language: en}
            rules:
              - id: typo.tolerant
                category: complaint
                speaker: customer
                typos: 1
                query: 'complaint OR "terrible service" OR unaccept* OR bad OR /disapp[a-z]*/'
              - id: typo.strict
                category: complaint
                speaker: customer
                query: 'complaint OR "terrible service"'
            """;
    private static final String RU = """
            pack: {id: typos-ru, version: 1, language: ru}
            rules:
              - id: typo.ru
                category: complaint
                speaker: customer
                typos: 1
                query: 'безобразие OR простите'
            """;

    @AutoClose
    private final InlineRules rules = new InlineRules(PACK, RU);

    private List<String> rules(Language language, String text) {
        return rules.findings(Dialogues.chat(language, "John").customer(text).build()).stream()
                .map(Finding::ruleId).sorted().toList();
    }

    @Test
    void longWordsMatchWithOneEditOnlyWhenTheRuleAllowsTypos() {
        assertThat(rules(Language.EN, "I want to file a complaimt")).containsExactly("typo.tolerant");
        assertThat(rules(Language.EN, "I want to file a complaint")).containsExactly("typo.strict", "typo.tolerant");
        assertThat(rules(Language.EN, "What terible service")).containsExactly("typo.tolerant");
    }

    @Test
    void twoEditsShortWordsPrefixesAndRegexpsStayExact() {
        assertThat(rules(Language.EN, "I want to file a compliment")).isEmpty();
        assertThat(rules(Language.EN, "That was bat")).isEmpty();
        assertThat(rules(Language.EN, "This is unaxceptable")).isEmpty();
        assertThat(rules(Language.EN, "I am dissapointed")).isEmpty();
    }

    @Test
    void russianLongWordsToleratesOneTypoButProtectedWordsStayExact() {
        assertThat(rules(Language.RU, "Это безабразие!")).containsExactly("typo.ru");
        assertThat(rules(Language.RU, "Это просто вопрос")).isEmpty();
        assertThat(rules(Language.RU, "простете")).isEmpty();
    }
}
