package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleUnlessTest {
    private static final CompanyProfile COMPANY = new CompanyProfile("Northwind", List.of());

    private static final String EN = """
            pack: {id: neg-en, version: 1, language: en}
            define:
              negation: 'not OR never OR "don''t" OR no'
              grumble: 'complain* OR problem OR disappoint*'
            rules:
              - id: complaint.unless
                category: complaint
                speaker: customer
                query: '${grumble}'
                unless:
                  - {query: '${negation}', before: 3}
                  - {query: '"at all"', after: 2}
              - id: complaint.idiom
                category: complaint
                speaker: customer
                query: 'fn:notContainedBy(fn:notContainedBy(fn:wildcard(disappoint*) fn:extend(not 0 2)) fn:extend(never 0 2))'
            """;

    private static final String RU = """
            pack: {id: neg-ru, version: 1, language: ru}
            define:
              negation: 'не OR нет OR никогда'
            rules:
              - id: complaint.ru
                category: complaint
                speaker: customer
                query: 'жалоб* OR претенз*'
                unless:
                  - {query: '${negation}', before: 3, after: 0}
            """;

    private final RuleMatchingStep en = new RuleMatchingStep(Packs.of(EN), COMPANY);
    private final RuleMatchingStep ru = new RuleMatchingStep(Packs.of(RU), COMPANY);

    @AfterEach
    void close() {
        en.close();
        ru.close();
    }

    private static List<String> flagged(RuleMatchingStep step, Interaction chat, String ruleId) {
        return step.findings(chat).stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::text).toList();
    }

    private List<String> enSays(String text) {
        return flagged(en, Dialogues.chat(Language.EN, "John").customer(text).build(), "complaint.unless");
    }

    private List<String> ruSays(String text) {
        return flagged(ru, Dialogues.chat(Language.RU, "Анна").customer(text).build(), "complaint.ru");
    }

    @Test
    void dropsAHitWhenANegationStandsJustBeforeIt() {
        assertThat(enSays("I'm not complaining, just asking when the engineer comes.")).isEmpty();
        assertThat(enSays("I never really complained about it.")).isEmpty();
        assertThat(enSays("I want to complain about the engineer.")).containsExactly("complain");
    }

    @Test
    void dropsPolitenessThatMentionsAProblem() {
        // "no" two positions before "problem", and "at all" right after it
        assertThat(enSays("No problem at all, thanks!")).isEmpty();
        assertThat(enSays("That's a problem at all hours")).isEmpty();
        assertThat(enSays("There is a problem with my bill.")).containsExactly("problem");
    }

    @Test
    void keepsAHitWhenTheNegationIsFartherAwayOrOnlyAfterIt() {
        // "not" five positions before, and a negation after a hit only counts with 'after'
        assertThat(enSays("I do not think the bill is a problem")).containsExactly("problem");
        assertThat(enSays("It is a problem, not a small one.")).containsExactly("problem");
    }

    @Test
    void dropsHedgedRussianComplaints() {
        assertThat(ruSays("Не то чтобы жалоба, просто вопрос.")).isEmpty();
        assertThat(ruSays("Это не претензия, я уточняю.")).isEmpty();
        assertThat(ruSays("У меня жалоба на вашего мастера.")).containsExactly("жалоба");
    }

    @Test
    void aNegationInAnotherTurnNeverCancelsAHit() {
        Interaction chat = Dialogues.chat(Language.EN, "John")
                .customer("I'm not")
                .customer("complaining about the price, I am complaining about the service.")
                .agent("Not again, sorry.")
                .customer("I have a problem with my router.").build();

        List<Finding> findings = en.findings(chat).stream()
                .filter(f -> f.ruleId().equals("complaint.unless")).toList();

        assertThat(findings).extracting(Finding::turn).containsExactly(1, 3);
    }

    @Test
    void keepsHitsOfOtherTurnsWhenOneTurnIsNegated() {
        Interaction chat = Dialogues.chat(Language.RU, "Анна")
                .customer("Я хочу подать жалобу.")
                .agent("Конечно.")
                .customer("Нет, это не жалоба, это официальная претензия! Не жалоба.").build();

        assertThat(ru.findings(chat)).extracting(Finding::turn, Finding::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "жалобу"),
                        org.assertj.core.groups.Tuple.tuple(2, "претензия"));
    }

    @Test
    void theNestedNotContainedByIdiomStillWorks() {
        Interaction chat = Dialogues.chat(Language.EN, "John")
                .customer("I'm not disappointed.").customer("I never was disappointed.")
                .customer("Honestly I'm disappointed.").build();

        assertThat(en.findings(chat)).filteredOn(f -> f.ruleId().equals("complaint.idiom"))
                .extracting(Finding::turn).containsExactly(2);
    }

    @Test
    void substitutesDefinesInsideOtherDefinesAndRejectsUnknownNames() {
        RuleSet set = Packs.of("""
                pack: {id: d, version: 1, language: en}
                define: {base: 'angry OR furious', more: '${base} OR livid'}
                rules:
                  - {id: r, category: complaint, speaker: customer, query: '${more}'}
                """);
        assertThat(set.rules().get(0).parts().get(0).query()).isEqualTo("angry OR furious OR livid");

        assertThatThrownBy(() -> Packs.of("""
                pack: {id: d, version: 1, language: en}
                define: {company: 'x', 'bad name!': y}
                rules:
                  - {id: r, category: complaint, speaker: customer, query: '${missing} OR angry',
                     unless: [{query: 'not', before: -1}]}
                """)).isInstanceOfSatisfying(InvalidRulesException.class, e -> assertThat(e.problems())
                .containsExactly("packs/test-0.yaml: define 'company': the name is a built-in variable",
                        "packs/test-0.yaml: define 'bad name!': a name may hold only letters, digits, '.', '_' and '-'",
                        "packs/test-0.yaml: rule 'r': unless #1: before must be a whole number of words from 0 to 99",
                        "packs/test-0.yaml: rule 'r': unknown variable [${missing}] (known: ${company}, "
                                + "${agent.first_name} and the pack's 'define' names)"));
    }
}
