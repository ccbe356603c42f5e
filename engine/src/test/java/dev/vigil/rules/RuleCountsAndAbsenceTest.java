package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RuleCountsAndAbsenceTest {
    private static final String PACK = """
            pack: {id: counts, version: 1, language: en}
            rules:
              - id: apology.overdone
                category: apology
                speaker: agent
                min_count: 3
                query: 'sorry OR apolog* OR "my bad"'
              - id: empathy.never
                category: empathy
                speaker: agent
                absent: true
                query: '"i understand" OR frustrat*'
              - id: closing.thanks.missing
                category: closing_ok
                speaker: agent
                absent: true
                window: {last_fraction: 0.3}
                query: 'thank*'
              - id: greeting.early
                category: greeting_ok
                speaker: agent
                window: {first_fraction: 0.25}
                query: 'hello'
            """;

    @AutoClose
    private final InlineRules rules = new InlineRules(PACK);


    @Test
    void firesOnlyWhenTheQueryHitsAtLeastMinCountTimes() {
        Interaction twice = Dialogues.chat(Language.EN, "John").agent("Sorry about that.").customer("ok")
                .agent("I apologise again.").build();
        Interaction thrice = Dialogues.chat(Language.EN, "John").agent("Sorry, sorry about that.").customer("ok")
                .agent("My bad, I apologise.").build();

        assertThat(rules.findings(twice, "apology.overdone")).isEmpty();
        assertThat(rules.findings(thrice, "apology.overdone")).extracting(Finding::turn).containsExactly(0, 2);
    }

    @Test
    void countsAPhraseAsOneHitNotOnePerWord() {
        Interaction chat = Dialogues.chat(Language.EN, "John").agent("My bad. My bad.").build();

        assertThat(rules.findings(chat, "apology.overdone")).isEmpty();
    }

    @Test
    void absenceFiresOnceAtTheSpeakersFirstTurnWhenTheAgentNeverSaidIt() {
        Interaction chat = Dialogues.chat(Language.EN, "John").customer("My internet is down again.")
                .agent("Let me check.").agent("It works now.").build();

        assertThat(rules.findings(chat, "empathy.never")).singleElement().satisfies(f -> {
            assertThat(f.turn()).isEqualTo(1);
            assertThat(f.speaker()).isEqualTo(Speaker.AGENT);
            assertThat(f.text()).isEmpty();
        });
    }

    @Test
    void absenceDoesNotFireWhenTheAgentSaidItOrNeverSpoke() {
        Interaction said = Dialogues.chat(Language.EN, "John").customer("It is down.")
                .agent("I understand how annoying that is.").build();
        Interaction silent = Dialogues.chat(Language.EN, "John").customer("Hello?").build();

        assertThat(rules.findings(said, "empathy.never")).isEmpty();
        assertThat(rules.findings(silent, "empathy.never")).isEmpty();
    }

    @Test
    void absenceLooksOnlyInsideItsWindow() {
        // six turns 10 s apart, 55 s long: the last 30 % (16.5 s) holds turns 4 and 5
        Interaction thanksEarly = Dialogues.chat(Language.EN, "John").agent("Thanks for calling.").customer("hi")
                .agent("Checking.").customer("ok").agent("Done, goodbye.").customer("bye").build();
        Interaction thanksLate = Dialogues.chat(Language.EN, "John").agent("Hi.").customer("hi")
                .agent("Checking.").customer("ok").agent("Done, thank you, goodbye.").customer("bye").build();

        assertThat(rules.findings(thanksEarly, "closing.thanks.missing")).extracting(Finding::turn).containsExactly(4);
        assertThat(rules.findings(thanksLate, "closing.thanks.missing")).isEmpty();
    }

    @Test
    void fractionWindowsCoverTheFirstPartOfTheDuration() {
        Interaction early = Dialogues.chat(Language.EN, "John").agent("Hello there.").customer("a").customer("b")
                .agent("c").build();
        Interaction late = Dialogues.chat(Language.EN, "John").agent("Hi.").customer("a").customer("b")
                .agent("hello again").build();

        assertThat(rules.findings(early, "greeting.early")).hasSize(1);
        assertThat(rules.findings(late, "greeting.early")).isEmpty();
    }

    @Test
    void rejectsCountsAndAbsenceWhereTheyMeanNothing() {
        assertThatThrownBy(() -> Packs.of("""
                pack: {id: c, version: 1, language: en}
                rules:
                  - {id: a, category: complaint, speaker: customer, parts: {x: angry}, min_count: 2}
                  - {id: b, category: complaint, speaker: customer, query: angry, absent: true, min_count: 2}
                  - {id: c, category: complaint, speaker: customer, query: angry, window: {last_fraction: 1.5}}
                  - {id: d, category: complaint, speaker: customer, query: angry, min_count: 0}
                """)).isInstanceOfSatisfying(InvalidRulesException.class, e -> assertThat(e.problems())
                .containsExactly("packs/test-0.yaml: rule 'a': min_count applies only to a rule with 'query'",
                        "packs/test-0.yaml: rule 'b': absent and min_count cannot be combined",
                        "packs/test-0.yaml: rule 'c': window last_fraction must be a fraction above 0 and at most 1",
                        "packs/test-0.yaml: rule 'd': min_count must be a positive integer"));
    }
}
