package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Category;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RuleSequenceTest {
    static final String PACK = """
            pack: {id: seq-en, version: 1, language: en}
            rules:
              - id: complaint.plain
                category: complaint
                speaker: customer
                query: '"not happy" OR unaccept* OR "third time"'
              - id: apology.plain
                category: apology
                speaker: agent
                query: 'sorry OR apolog*'
              - id: complaint.answered
                category: apology
                sequence:
                  anchor: {category: complaint, speaker: customer}
                  followed_by: {category: apology, speaker: agent}
                  within: {turns: 2, seconds: 30}
                examples:
                  match:
                    - ["customer: This is the third time I call.", "agent: I am so sorry about that."]
                  no_match:
                    - ["customer: This is the third time I call.", "agent: Let me check."]
              - id: hold.without.permission
                category: hold
                speaker: agent
                sequence:
                  anchor: {query: '"on hold" OR "hold the line"'}
                  preceded_by: {query: '"may i put you on hold" OR "can i put you on hold" OR "do you mind"', speaker: agent}
                  within: {turns: 1}
                  missing: true
                examples:
                  match:
                    - ["customer: Can you check?", "agent: I'll put you on hold now."]
                  no_match:
                    - ["agent: May I put you on hold for a minute?", "customer: Sure.", "agent: Thanks, you are on hold now."]
                    - "May I put you on hold?"
            """;

    @AutoClose
    private final InlineRules rules = new InlineRules(PACK);


    @Test
    void flagsAComplaintFollowedByAnApologyWithinTwoTurns() {
        Interaction chat = Dialogues.chat(Language.EN, "John")
                .customer("This is unacceptable.").agent("Let me look.").agent("I'm sorry for the trouble.").build();

        assertThat(rules.findings(chat, "complaint.answered")).singleElement().satisfies(f -> {
            assertThat(f.turn()).isZero();
            assertThat(f.speaker()).isEqualTo(Speaker.CUSTOMER);
            assertThat(f.category()).isEqualTo(Category.APOLOGY);
            assertThat(f.text()).isEqualTo("unacceptable");
        });
    }

    @Test
    void doesNotFlagAnApologyTooLateOrOnlyBeforeTheComplaint() {
        Interaction late = Dialogues.chat(Language.EN, "John").customer("This is unacceptable.")
                .agent("Let me look.").customer("ok").agent("Still checking.").agent("Sorry for the wait.").build();
        Interaction before = Dialogues.chat(Language.EN, "John").agent("Sorry for the wait.")
                .customer("I'm not happy.").agent("Let me look.").build();

        assertThat(rules.findings(late, "complaint.answered")).isEmpty();
        assertThat(rules.findings(before, "complaint.answered")).isEmpty();
    }

    @Test
    void eitherLimitSufficesWhenBothAreGiven() {
        // the apology is three turns later, but only 12 s after the complaint ends
        Interaction quick = Dialogues.chat(Language.EN, "John")
                .turn(new Turn(0, Speaker.CUSTOMER, TimeSpan.ofMillis(0, 3_000), "Third time!", Language.EN, List.of()))
                .turn(new Turn(1, Speaker.AGENT, TimeSpan.ofMillis(4_000, 6_000), "One moment.", Language.EN,
                        List.of()))
                .turn(new Turn(2, Speaker.CUSTOMER, TimeSpan.ofMillis(7_000, 9_000), "Well?", Language.EN, List.of()))
                .turn(new Turn(3, Speaker.AGENT, TimeSpan.ofMillis(15_000, 17_000), "So sorry.", Language.EN,
                        List.of())).build();

        assertThat(rules.findings(quick, "complaint.answered")).hasSize(1);
    }

    @Test
    void flagsAHoldAnnouncedWithoutAskingPermission() {
        Interaction rude = Dialogues.chat(Language.EN, "John").customer("Can you check my bill?")
                .agent("I'll put you on hold.").build();
        Interaction polite = Dialogues.chat(Language.EN, "John").customer("Can you check my bill?")
                .agent("Do you mind if I put you on hold?").customer("Fine.").agent("Thanks, you're on hold now.")
                .build();
        Interaction askedLongAgo = Dialogues.chat(Language.EN, "John")
                .agent("May I put you on hold?").customer("Fine.").agent("Back. Any other question?")
                .customer("Yes, the router.").agent("I'll put you on hold again.").build();

        assertThat(rules.findings(rude, "hold.without.permission")).extracting(Finding::turn, Finding::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "on hold"));
        assertThat(rules.findings(polite, "hold.without.permission")).isEmpty();
        assertThat(rules.findings(askedLongAgo, "hold.without.permission")).extracting(Finding::turn).containsExactly(4);
    }

    @Test
    void rulesCheckRunsDialogueExamplesOfSequenceRules() {
        RulesCheck.Report report = RulesCheck.run(Packs.of(PACK));

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.exampleCount()).isEqualTo(5);
    }

    @Test
    void rulesCheckNamesTheRuleOfAFailingDialogueExample() {
        RuleSet set = Packs.of("""
                pack: {id: s, version: 1, language: en}
                rules:
                  - id: apology.plain
                    category: apology
                    speaker: agent
                    query: 'sorry'
                  - id: complaint.answered
                    category: apology
                    sequence:
                      anchor: {query: 'unacceptable', speaker: customer}
                      followed_by: {rule: apology.plain}
                      within: {turns: 1}
                    examples:
                      match:
                        - ["customer: Unacceptable!", "agent: Let me check.", "agent: Sorry."]
                """);

        RulesCheck.Report report = RulesCheck.run(set);

        assertThat(report.summary()).contains("packs/test-0.yaml: rule 'complaint.answered': expected match, got "
                + "none: \"customer: Unacceptable! | agent: Let me check. | agent: Sorry.\"");
    }

    @Test
    void validatesStepsAndReferences() {
        assertThatThrownBy(() -> Packs.of("""
                pack: {id: s, version: 1, language: en}
                rules:
                  - id: b
                    category: apology
                    sequence: {anchor: {category: complaint}, followed_by: {query: x}, preceded_by: {query: y}}
                  - id: c
                    category: apology
                    sequence: {anchor: {category: grumble}, followed_by: {query: y}, within: {hours: 1}}
                  - id: d
                    category: apology
                    sequence: {anchor: {category: complaint}, followed_by: {query: y}}
                    examples: {match: [["boss: hello"]]}
                """)).isInstanceOfSatisfying(InvalidRulesException.class, e -> assertThat(e.problems())
                .containsExactly(
                        "packs/test-0.yaml: rule 'b': sequence: needs exactly one of 'followed_by' or 'preceded_by'",
                        "packs/test-0.yaml: rule 'c': sequence.anchor: unknown category 'grumble' (one of: "
                                + "greeting_ok, closing_ok, complaint, apology, empathy, rudeness, profanity, "
                                + "escalation, hold, transfer, cross_sell, resolution, pii, knowledge_gap)",
                        "packs/test-0.yaml: rule 'c': unknown key 'sequence.within.hours' (allowed: "
                                + "[sequence.within.seconds, sequence.within.turns])",
                        "packs/test-0.yaml: rule 'd': examples.match: dialogue line \"boss: hello\" must start "
                                + "with 'agent:' or 'customer:'"));
    }

    @Test
    void rejectsStepsNamingUnknownRulesOrOtherSequencesAcrossPacks() {
        assertThatThrownBy(() -> Packs.of("""
                pack: {id: s1, version: 1, language: en}
                rules:
                  - {id: a, category: apology, sequence: {anchor: {query: 'x'}, followed_by: {rule: nowhere}}}
                """, """
                pack: {id: s2, version: 1, language: en}
                rules:
                  - {id: b, category: apology, sequence: {anchor: {rule: a}, followed_by: {query: 'y'}}}
                """)).isInstanceOfSatisfying(InvalidRulesException.class, e -> assertThat(e.problems())
                .containsExactly("packs/test-0.yaml: rule 'a': sequence.followed_by: unknown rule 'nowhere'",
                        "packs/test-1.yaml: rule 'b': sequence.anchor: rule 'a' is itself a sequence; refer to a "
                                + "query or parts rule"));
    }
}
