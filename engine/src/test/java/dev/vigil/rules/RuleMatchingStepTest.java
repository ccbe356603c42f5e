package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.analyze.Analysis;
import dev.vigil.model.Category;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleMatchingStepTest {
    private static final CompanyProfile NORTHWIND = new CompanyProfile("Northwind Telecom", List.of("Northwind"));
    private static final CompanyProfile SVYAZ = new CompanyProfile("Связь-Плюс", List.of());

    private static final String EN = """
            pack: {id: test-en, version: 1, language: en}
            rules:
              - id: greeting.scripted
                category: greeting_ok
                speaker: agent
                window: {first_agent_turns: 2}
                parts:
                  greet: 'hello OR hi OR "good morning"'
                  name: '${agent.first_name}'
                  company: '${company}'
                  offer: '"how can i help" OR "how may i help"'
              - id: complaint.unhappy
                category: complaint
                speaker: customer
                query: '"not happy" OR unaccept* OR "third time"'
              - id: apology.sorry
                category: apology
                speaker: agent
                query: 'sorry OR apolog*'
              - id: profanity.masked
                category: profanity
                speaker: any
                query: '/f[*#@]+[a-z*]*/ OR "f*ck" OR fuk OR /sh[*]t/'
              - id: resolution.same.turn
                category: resolution
                speaker: agent
                query: '"resolved now"'
              - id: closing.late
                category: closing_ok
                speaker: agent
                window: {last_agent_turns: 1}
                query: 'goodbye OR bye'
            """;

    private static final String RU = """
            pack: {id: test-ru, version: 1, language: ru}
            rules:
              - id: greeting.ru
                category: greeting_ok
                speaker: agent
                window: {first_agent_turns: 2}
                parts:
                  greet: 'здравствуйте OR "добрый день"'
                  name: '${agent.first_name}'
                  company: '${company}'
                  offer: '"чем могу помочь"'
              - id: complaint.broken
                category: complaint
                speaker: customer
                query: '"не работает"'
              - id: apology.forgive
                category: apology
                speaker: agent
                query: 'простите OR прости'
              - id: just.plain
                category: complaint
                speaker: customer
                query: 'просто'
              - id: profanity.ru
                category: profanity
                speaker: any
                query: '/б[*@]+/ OR /бл[*@]+/ OR "с*ка" OR /х[*]й/ OR /п[*]+ц/'
            """;

    private final RuleMatchingStep step = new RuleMatchingStep(Packs.of(EN), NORTHWIND);
    private final RuleMatchingStep stepRu = new RuleMatchingStep(Packs.of(RU), SVYAZ);

    @AfterEach
    void close() {
        step.close();
        stepRu.close();
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    @Test
    void flagsScriptedGreetingWhenEveryPartIsPresent() {
        Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                .agent("Good morning, Northwind Telecom, John speaking, how can I help?")
                .customer("Hi John").build();

        List<Finding> findings = step.findings(chat);

        assertThat(findings).filteredOn(f -> f.ruleId().equals("greeting.scripted")).singleElement()
                .satisfies(f -> {
                    assertThat(f.category()).isEqualTo(Category.GREETING_OK);
                    assertThat(f.turn()).isZero();
                    assertThat(f.speaker()).isEqualTo(Speaker.AGENT);
                    assertThat(f.text()).isEqualTo("Good morning, Northwind Telecom, John speaking, how can I help");
                    assertThat(f.time()).isEqualTo(chat.turns().get(0).time());
                    assertThat(f.confidence()).isEqualTo(1.0);
                });
    }

    @Test
    void doesNotFlagGreetingWithoutTheCompanyName() {
        Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                .agent("Good morning, John speaking, how can I help?").build();

        assertThat(ruleIds(step.findings(chat))).doesNotContain("greeting.scripted");
    }

    @Test
    void doesNotFlagGreetingWithAnotherAgentsName() {
        Interaction chat = Dialogues.chat(Language.EN, "Mary Jones")
                .agent("Good morning, Northwind, John speaking, how can I help?").build();

        assertThat(ruleIds(step.findings(chat))).doesNotContain("greeting.scripted");
    }

    @Test
    void resolvesTheAgentNamePerInteractionWithOneStep() {
        Interaction john = Dialogues.chat(Language.EN, "John Carter")
                .agent("Hello, this is John from Northwind, how may I help?").build();
        Interaction mary = Dialogues.chat(Language.EN, "Mary Jones")
                .agent("Hello, this is Mary from Northwind, how may I help?").build();
        Interaction maryNamedJohn = Dialogues.chat(Language.EN, "Mary Jones")
                .agent("Hello, this is John from Northwind, how may I help?").build();

        assertThat(ruleIds(step.findings(john))).contains("greeting.scripted");
        assertThat(ruleIds(step.findings(mary))).contains("greeting.scripted");
        assertThat(ruleIds(step.findings(maryNamedJohn))).doesNotContain("greeting.scripted");
    }

    @Test
    void firesScriptedRuleWhenPartsAreSpreadOverTheWindowAndReportsEachTurn() {
        Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                .agent("Hello, Northwind Telecom.")
                .customer("Hi there")
                .agent("John here, how can I help?").build();

        List<Finding> greeting = step.findings(chat).stream()
                .filter(f -> f.ruleId().equals("greeting.scripted")).toList();

        assertThat(greeting).extracting(Finding::turn).containsExactly(0, 2);
        assertThat(greeting.get(0).text()).isEqualTo("Hello, Northwind Telecom");
        assertThat(greeting.get(1).text()).isEqualTo("John here, how can I help");
    }

    @Test
    void ignoresGreetingPartsOutsideTheWindow() {
        Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                .agent("Hello, John speaking, how can I help?")
                .agent("Let me check that.")
                .agent("Thank you for choosing Northwind Telecom.").build();

        assertThat(ruleIds(step.findings(chat))).doesNotContain("greeting.scripted");
    }

    @Test
    void matchesOnlyTheRulesSpeaker() {
        Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                .agent("I am sorry, this is unacceptable on our side")
                .customer("Sorry, I did not catch that").build();

        List<Finding> findings = step.findings(chat);

        assertThat(findings).filteredOn(f -> f.ruleId().equals("apology.sorry"))
                .extracting(Finding::turn).containsExactly(0);
        assertThat(ruleIds(findings)).doesNotContain("complaint.unhappy");
    }

    @Test
    void appliesLastAgentTurnsWindow() {
        Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                .agent("Bye the way, which plan do you have?")
                .customer("The basic one")
                .agent("Thanks, goodbye!").build();

        assertThat(step.findings(chat)).filteredOn(f -> f.ruleId().equals("closing.late"))
                .extracting(Finding::turn).containsExactly(2);
    }

    @Test
    void mapsOffsetsToTheRightTurnAndSpan() {
        String third = "Well, this is the third time I write, and it is unacceptable.";
        Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                .customer("Hello")
                .agent("Hi, how can I help?")
                .customer("My router is broken.")
                .customer("")
                .customer(third).build();

        List<Finding> complaints = step.findings(chat).stream()
                .filter(f -> f.ruleId().equals("complaint.unhappy")).toList();

        assertThat(complaints).singleElement().satisfies(f -> {
            assertThat(f.turn()).isEqualTo(4);
            assertThat(f.chars().start()).isEqualTo(third.indexOf("third"));
            assertThat(f.chars().end()).isEqualTo(third.indexOf("unacceptable") + "unacceptable".length());
            assertThat(f.text()).isEqualTo("third time I write, and it is unacceptable");
        });
    }

    @Test
    void keepsOffsetsRightAfterTurnsWithYoAndCurlyQuotes() {
        String second = "Это не работает, ёлки";
        Interaction chat = Dialogues.chat(Language.RU, "Анна")
                .customer("Ещё раз: всё плохо, «ёж» ’тест’")
                .customer(second).build();

        assertThat(stepRu.findings(chat)).filteredOn(f -> f.ruleId().equals("complaint.broken"))
                .singleElement().satisfies(f -> {
                    assertThat(f.turn()).isEqualTo(1);
                    assertThat(f.text()).isEqualTo("не работает");
                    assertThat(f.chars().start()).isEqualTo(second.indexOf("не"));
                });
    }

    @Test
    void phraseNeverCrossesTurns() {
        Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                .agent("It is resolved")
                .agent("now let me check your bill").build();

        assertThat(ruleIds(step.findings(chat))).doesNotContain("resolution.same.turn");
    }

    @Test
    void keepsNegationSoWorksDoesNotMatchDoesNotWork() {
        Interaction works = Dialogues.chat(Language.RU, "Анна").customer("Интернет работает, спасибо").build();
        Interaction broken = Dialogues.chat(Language.RU, "Анна").customer("Интернет не работает третий день").build();

        assertThat(ruleIds(stepRu.findings(works))).doesNotContain("complaint.broken");
        assertThat(ruleIds(stepRu.findings(broken))).containsExactly("complaint.broken");
    }

    @Test
    void protectedWordsMatchOnlyThemselvesAtIndexAndQueryTime() {
        Interaction forgive = Dialogues.chat(Language.RU, "Анна").agent("Ой, простите, пожалуйста.")
                .customer("Простите, я перепутал номер").build();
        Interaction plain = Dialogues.chat(Language.RU, "Анна").agent("Это просто проверка линии.")
                .customer("Это простой вопрос").build();

        assertThat(ruleIds(stepRu.findings(forgive))).containsExactly("apology.forgive");
        assertThat(ruleIds(stepRu.findings(plain))).containsExactly("just.plain");
    }

    @Test
    void resolvesRussianVariablesAcrossCaseForms() {
        Interaction chat = Dialogues.chat(Language.RU, "Анна Иванова")
                .agent("Здравствуйте! Меня зовут Анна, компания «Связь-Плюс». Чем могу помочь?").build();
        Interaction otherCase = Dialogues.chat(Language.RU, "Анна Иванова")
                .agent("Добрый день, вы позвонили в Связь-Плюс, у телефона Анна. Чем могу помочь?").build();
        Interaction noCompany = Dialogues.chat(Language.RU, "Анна Иванова")
                .agent("Здравствуйте! Меня зовут Анна. Чем могу помочь?").build();

        assertThat(ruleIds(stepRu.findings(chat))).contains("greeting.ru");
        assertThat(ruleIds(stepRu.findings(otherCase))).contains("greeting.ru");
        assertThat(ruleIds(stepRu.findings(noCompany))).doesNotContain("greeting.ru");
    }

    @Test
    void findsMaskedProfanityInBothLanguagesWithoutFlaggingPlainWords() {
        Interaction en = Dialogues.chat(Language.EN, "John Carter")
                .customer("This f*** router again")
                .customer("what the f*ck")
                .agent("fuk this")
                .customer("sh*t happens")
                .customer("Fine, friend, fun, shut it").build();
        Interaction ru = Dialogues.chat(Language.RU, "Анна")
                .customer("Да б** опять")
                .customer("с*ка, не работает")
                .customer("бл@ сколько можно")
                .customer("Бланк и сумка на месте, блин").build();

        assertThat(step.findings(en)).filteredOn(f -> f.category() == Category.PROFANITY)
                .extracting(Finding::turn, Finding::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "f***"),
                        org.assertj.core.groups.Tuple.tuple(1, "f*ck"),
                        org.assertj.core.groups.Tuple.tuple(2, "fuk"),
                        org.assertj.core.groups.Tuple.tuple(3, "sh*t"));
        assertThat(stepRu.findings(ru)).filteredOn(f -> f.category() == Category.PROFANITY)
                .extracting(Finding::turn).containsExactly(0, 1, 2);
    }

    @Test
    void appliesAPackOnlyToTurnsDetectedInItsLanguage() {
        Interaction mixed = Dialogues.chat(Language.EN, "John Carter")
                .turn(Speaker.CUSTOMER, "Интернет не работает", Language.EN)
                .turn(Speaker.CUSTOMER, "Интернет не работает", Language.RU).build();

        assertThat(stepRu.findings(mixed)).extracting(Finding::turn).containsExactly(1);
    }

    @Test
    void usesWordConfidencesAndTimesForCallTurns() {
        List<Word> words = List.of(
                new Word("i'm", TimeSpan.ofMillis(1000, 1200), 0.9),
                new Word("not", TimeSpan.ofMillis(1200, 1400), 0.8),
                new Word("happy", TimeSpan.ofMillis(1400, 1800), 0.6),
                new Word("today", TimeSpan.ofMillis(1800, 2200), 0.2));
        Turn turn = new Turn(0, Speaker.CUSTOMER, TimeSpan.ofMillis(1000, 2200), "i'm not happy today", Language.EN,
                words);
        Interaction call = Dialogues.chat(Language.EN, "John Carter").turn(turn).build();

        assertThat(step.findings(call)).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("not happy");
            assertThat(f.confidence()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.time()).isEqualTo(TimeSpan.ofMillis(1200, 1800));
        });
    }

    @Test
    void addsFindingsToTheAnalysisAsAPipelineStep() {
        Interaction chat = Dialogues.chat(Language.EN, "John Carter").customer("I'm not happy").build();

        Analysis analysis = step.apply(Analysis.of(chat));

        assertThat(analysis.findings()).extracting(Finding::ruleId).containsExactly("complaint.unhappy");
        assertThat(step.produces()).containsExactly(dev.vigil.analyze.Product.FINDINGS);
    }

    @Test
    void greetingRuleCannotMatchWhenTheAgentHasNoName() {
        Interaction chat = Dialogues.chat(Language.EN, null)
                .agent("Good morning, Northwind Telecom, John speaking, how can I help?").build();

        assertThat(ruleIds(step.findings(chat))).doesNotContain("greeting.scripted");
    }

    @Test
    void keepsMatchingCorrectlyWhenAgentNamesAreEvictedFromTheBoundedCache() {
        try (var small = new RuleMatchingStep(Packs.of(EN), NORTHWIND, 1)) {
            for (String name : List.of("John", "Mary", "John", "Mary")) {
                Interaction own = Dialogues.chat(Language.EN, name + " Smith")
                        .agent("Hello, Northwind here, " + name + " speaking, how can I help?").build();
                Interaction other = Dialogues.chat(Language.EN, "Zoe Smith")
                        .agent("Hello, Northwind here, " + name + " speaking, how can I help?").build();

                assertThat(ruleIds(small.findings(own))).as(name).contains("greeting.scripted");
                assertThat(ruleIds(small.findings(other))).as("Zoe saying " + name).doesNotContain("greeting.scripted");
            }
        }
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 200; i++) {
                String name = "Agent" + (i % 37);
                boolean saysOwnName = i % 3 != 0;
                String said = saysOwnName ? name : "Somebody";
                Interaction chat = Dialogues.chat(Language.EN, name + " Test")
                        .agent("Good morning, Northwind Telecom, " + said + " speaking, how can I help?")
                        .customer("It's unacceptable").build();
                results.add(pool.submit(() -> {
                    List<String> ids = ruleIds(step.findings(chat));
                    return ids.contains("greeting.scripted") == saysOwnName && ids.contains("complaint.unhappy");
                }));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cannotFlagScriptedGreetingWhenNoCompanyIsConfigured() {
        try (var noCompany = new RuleMatchingStep(Packs.of(EN), new CompanyProfile("", List.of()))) {
            Interaction chat = Dialogues.chat(Language.EN, "John Carter")
                    .agent("Good morning, Northwind Telecom, John speaking, how can I help?").build();

            assertThat(ruleIds(noCompany.findings(chat))).doesNotContain("greeting.scripted");
        }
    }

    @Test
    void anySpeakerRulesAlsoSeeTurnsOfUnknownSpeakers() {
        Interaction call = Dialogues.chat(Language.EN, "John Carter")
                .turn(Speaker.UNKNOWN, "what the f*ck", Language.EN).build();

        assertThat(step.findings(call)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("profanity.masked");
            assertThat(f.speaker()).isEqualTo(Speaker.UNKNOWN);
        });
    }

    @Test
    void booleanOperatorsSeeAllOfOneSpeakersTurnsWhileProximityStaysInATurn() {
        RuleSet set = Packs.of("""
                pack: {id: b, version: 1, language: en}
                rules:
                  - id: both.words
                    category: escalation
                    speaker: customer
                    query: '+cancel +contract'
                  - id: near.words
                    category: escalation
                    speaker: customer
                    query: '"cancel contract"~3'
                """);
        Interaction apart = Dialogues.chat(Language.EN, "John Carter")
                .customer("I will cancel it")
                .agent("Which contract?")
                .customer("The mobile contract").build();
        Interaction together = Dialogues.chat(Language.EN, "John Carter")
                .customer("I will cancel the whole contract").build();

        try (var b = new RuleMatchingStep(set, NORTHWIND)) {
            assertThat(b.findings(apart)).extracting(Finding::ruleId, Finding::turn).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("both.words", 0),
                    org.assertj.core.groups.Tuple.tuple("both.words", 2));
            assertThat(ruleIds(b.findings(together))).containsExactlyInAnyOrder("both.words", "near.words");
        }
    }

    @Test
    void matchesTheCompanyNameInAnotherRussianCase() {
        Interaction chat = Dialogues.chat(Language.RU, "Анна Иванова")
                .agent("Добрый день! Вы в «Связь-Плюсе», с вами Анны... Анна. Чем могу помочь?").build();

        assertThat(stepRu.findings(chat)).filteredOn(f -> f.ruleId().equals("greeting.ru")).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("Добрый день! Вы в «Связь-Плюсе»"));
    }

    @Test
    void plainQueryWordsMatchDisguisedSpellingsWhileMaskedRegexpsStillWork() {
        String pack = """
                pack: {id: swear, version: 1, language: en}
                rules:
                  - {id: plain.en, category: profanity, speaker: any, query: 'shit OR bitch'}
                """;
        String packRu = """
                pack: {id: swear-ru, version: 1, language: ru}
                rules:
                  - {id: plain.ru, category: profanity, speaker: any, query: 'хуй OR сука'}
                """;
        try (var swear = new RuleMatchingStep(Packs.of(pack, packRu), NORTHWIND)) {
            assertThat(ruleIds(swear.findings(Dialogues.chat(Language.EN, "John").customer("sh1t").customer("$hit")
                    .customer("b!tch").customer("shirt").build()))).containsExactly("plain.en", "plain.en", "plain.en");
            assertThat(swear.findings(Dialogues.chat(Language.RU, "Анна").customer("xуй").customer("cyкa")
                    .customer("суки").customer("сумка").build())).extracting(Finding::text)
                    .containsExactly("xуй", "cyкa", "суки");
        }
        assertThat(ruleIds(step.findings(Dialogues.chat(Language.EN, "John").customer("f*** this").build())))
                .contains("profanity.masked");
    }
}
