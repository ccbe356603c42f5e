package dev.vigil.score;

import static dev.vigil.score.Dialogues.analysis;
import static dev.vigil.score.Dialogues.finding;
import static dev.vigil.score.Dialogues.scorecard;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.analyze.Analysis;
import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.Evaluation;
import dev.vigil.model.ItemOutcome;
import dev.vigil.model.ItemResult;
import dev.vigil.model.SectionScore;
import dev.vigil.model.Speaker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardEvaluatorTest {

    private static final Scorecard PROFESSIONALISM = scorecard("""
            scorecard: {id: test, version: 3, language: en, title: Test}
            pass_threshold: 80
            sections:
              - id: professionalism
                weight: 30
                items:
                  - id: greeting
                    category: greeting_ok
                    speaker: agent
                    expect: present
                  - id: closing
                    rule: closing.scripted
                    speaker: agent
                    expect: present
                  - id: no_rudeness
                    category: rudeness
                    speaker: agent
                    expect: absent
                  - id: no_profanity
                    category: profanity
                    speaker: agent
                    expect: absent
                    auto_fail: true
            """);

    private static ItemResult item(Evaluation e, String id) {
        return e.items().stream().filter(i -> i.itemId().equals(id)).findFirst().orElseThrow();
    }

    private static Evaluation evaluate(Scorecard card, Analysis analysis) {
        return new ScorecardEvaluator(card).evaluate(analysis);
    }

    @Test
    void passesRequiredItemWhenTheAgentSaidIt() {
        // given
        var greeting = finding(Category.GREETING_OK, Speaker.AGENT, 0);

        // when
        Evaluation e = evaluate(PROFESSIONALISM, analysis(List.of(greeting)));

        // then
        ItemResult r = item(e, "greeting");
        assertThat(r.outcome()).isEqualTo(ItemOutcome.PASSED);
        assertThat(r.reason()).isEqualTo("greeting_ok by agent found in turn 0: "
                + "\"Good morning, Northwind Telecom, Sam speaking, how can I help?\"");
        assertThat(r.evidence()).containsExactly(0);
        assertThat(e.missing()).doesNotContain("greeting_ok");
    }

    @Test
    void failsRequiredItemAndListsItsCategoryOrRuleAsMissing() {
        // given no findings at all

        // when
        Evaluation e = evaluate(PROFESSIONALISM, analysis(List.of()));

        // then
        assertThat(item(e, "greeting").outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(item(e, "greeting").reason()).isEqualTo("required greeting_ok by agent not found");
        assertThat(item(e, "closing").reason()).isEqualTo("required closing.scripted by agent not found");
        assertThat(e.missing()).containsExactly("greeting_ok", "closing.scripted");
    }

    @Test
    void ignoresFindingsOfTheOtherSpeaker() {
        // given a greeting said by the customer and a closing from another rule
        var customerGreeting = finding(Category.GREETING_OK, Speaker.CUSTOMER, 1);
        var otherClosing = finding("closing.short", Category.CLOSING_OK, Speaker.AGENT, 5, "Goodbye.");

        // when
        Evaluation e = evaluate(PROFESSIONALISM, analysis(List.of(customerGreeting, otherClosing)));

        // then
        assertThat(item(e, "greeting").outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(item(e, "closing").outcome()).isEqualTo(ItemOutcome.FAILED);
    }

    @Test
    void failsForbiddenItemQuotingTheEvidence() {
        // given
        var greeting = finding(Category.GREETING_OK, Speaker.AGENT, 0);
        var rude = finding("rudeness.blame", Category.RUDENESS, Speaker.AGENT, 3, "that's your problem");

        // when
        Evaluation e = evaluate(PROFESSIONALISM, analysis(List.of(greeting, rude)));

        // then
        ItemResult r = item(e, "no_rudeness");
        assertThat(r.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(r.reason()).isEqualTo("forbidden rudeness by agent found in turn 3: \"that's your problem\"");
        assertThat(r.evidence()).containsExactly(1);
        assertThat(e.findings().get(1)).isEqualTo(rude);
        assertThat(r.autoFail()).isFalse();
        assertThat(e.missing()).containsExactly("closing.scripted");
    }

    @Test
    void countsFurtherEvidenceInTheReason() {
        var rude1 = finding("rudeness.blame", Category.RUDENESS, Speaker.AGENT, 3, "that's your problem");
        var rude2 = finding("rudeness.blame", Category.RUDENESS, Speaker.AGENT, 5, "Goodbye.");

        Evaluation e = evaluate(PROFESSIONALISM, analysis(List.of(rude2, rude1)));

        assertThat(item(e, "no_rudeness").reason()).endsWith("turn 3: \"that's your problem\" (and 1 more)");
        assertThat(item(e, "no_rudeness").evidence()).containsExactly(0, 1);
    }

    @Test
    void autoFailItemFailsTheInteractionWhateverTheScore() {
        // given every other item passes
        var findings = List.of(
                finding(Category.GREETING_OK, Speaker.AGENT, 0),
                finding("closing.scripted", Category.CLOSING_OK, Speaker.AGENT, 5, "Goodbye."),
                finding("profanity.en", Category.PROFANITY, Speaker.AGENT, 3, "d**n"));

        // when
        Evaluation e = evaluate(PROFESSIONALISM, analysis(findings));

        // then 3 of 4 items pass: 75.0, and the interaction fails because of the auto-fail
        assertThat(e.score()).isEqualTo(75.0);
        assertThat(e.autoFail()).isTrue();
        assertThat(e.passed()).isFalse();
        assertThat(item(e, "no_profanity").autoFail()).isTrue();
        assertThat(item(e, "greeting").autoFail()).isFalse();
        assertThat(e.flags()).containsExactly("auto_fail", "profanity");
    }

    @Test
    void autoFailItemThatPassesDoesNotFailTheInteraction() {
        var findings = List.of(
                finding(Category.GREETING_OK, Speaker.AGENT, 0),
                finding("closing.scripted", Category.CLOSING_OK, Speaker.AGENT, 5, "Goodbye."),
                finding("profanity.en", Category.PROFANITY, Speaker.CUSTOMER, 1, "d**n"));

        Evaluation e = evaluate(PROFESSIONALISM, analysis(findings));

        assertThat(e.score()).isEqualTo(100.0);
        assertThat(e.autoFail()).isFalse();
        assertThat(e.passed()).isTrue();
        assertThat(item(e, "no_profanity").autoFail()).isFalse();
        assertThat(e.flags()).containsExactly("profanity");
        assertThat(e.scorecard()).isEqualTo("test@3");
    }

    private static final Scorecard CRITICAL = scorecard("""
            scorecard: {id: critical, version: 1, language: en}
            pass_threshold: 50
            sections:
              - id: script
                weight: 10
                items:
                  - id: greeting
                    category: greeting_ok
                    speaker: agent
                    expect: present
                    critical: true
                  - {id: closing, category: closing_ok, speaker: agent, expect: present}
                  - {id: no_rudeness, category: rudeness, speaker: agent, expect: absent}
              - id: empathy
                weight: 10
                items:
                  - id: acknowledged
                    category: [apology, empathy]
                    speaker: agent
                    expect: present
                    critical: true
                    when: {category: complaint, speaker: customer}
            """);

    @Test
    void criticalItemFailsTheInteractionAboveTheThresholdWithoutTheAutoFailFlag() {
        // given only the critical greeting is missing: 2 of 3 items, 66.7, above the threshold of 50
        var findings = List.of(finding(Category.CLOSING_OK, Speaker.AGENT, 5));

        Evaluation e = evaluate(CRITICAL, analysis(findings));

        assertThat(e.score()).isEqualTo(66.7);
        assertThat(e.passed()).isFalse();
        assertThat(e.autoFail()).isFalse();
        assertThat(e.flags()).doesNotContain("auto_fail");
        assertThat(item(e, "greeting").reason()).contains("critical");
    }

    @Test
    void categoryListIsSatisfiedByAnyOfItsCategories() {
        // given a complaint acknowledged with empathy only
        var findings = List.of(finding(Category.GREETING_OK, Speaker.AGENT, 0),
                finding(Category.COMPLAINT, Speaker.CUSTOMER, 1), finding(Category.EMPATHY, Speaker.AGENT, 2));

        Evaluation e = evaluate(CRITICAL, analysis(findings));

        assertThat(item(e, "acknowledged").outcome()).isEqualTo(ItemOutcome.PASSED);
        assertThat(e.passed()).isTrue();

        // and without either, the critical item fails and names both categories
        Evaluation bare = evaluate(CRITICAL, analysis(List.of(finding(Category.GREETING_OK, Speaker.AGENT, 0),
                finding(Category.COMPLAINT, Speaker.CUSTOMER, 1))));
        assertThat(item(bare, "acknowledged").outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(item(bare, "acknowledged").reason()).contains("apology or empathy");
        assertThat(bare.passed()).isFalse();
        assertThat(bare.missing()).contains("apology|empathy");
    }

    private static final Scorecard EMPATHY = scorecard("""
            scorecard: {id: empathy, version: 1, language: en}
            pass_threshold: 50
            sections:
              - id: professionalism
                weight: 40
                items:
                  - {id: greeting, category: greeting_ok, speaker: agent, expect: present}
              - id: empathy
                weight: 20
                items:
                  - id: apology_when_complaint
                    category: apology
                    speaker: agent
                    expect: present
                    when: {category: complaint, speaker: customer}
            """);

    @Test
    void conditionalItemIsNotApplicableWithoutItsConditionAndLeavesTheScoreAlone() {
        // given a greeting and no complaint
        var greeting = finding(Category.GREETING_OK, Speaker.AGENT, 0);

        // when
        Evaluation e = evaluate(EMPATHY, analysis(List.of(greeting)));

        // then the empathy section drops out of the denominator
        ItemResult r = item(e, "apology_when_complaint");
        assertThat(r.outcome()).isEqualTo(ItemOutcome.NOT_APPLICABLE);
        assertThat(r.reason()).isEqualTo("not applicable: no complaint by customer");
        assertThat(e.sections()).containsExactly(new SectionScore("professionalism", 40, 40),
                new SectionScore("empathy", 0, 0));
        assertThat(e.score()).isEqualTo(100.0);
        assertThat(e.missing()).isEmpty();
    }

    @Test
    void conditionalItemAppliesWhenTheCustomerComplained() {
        // given a complaint and no apology
        var greeting = finding(Category.GREETING_OK, Speaker.AGENT, 0);
        var complaint = finding(Category.COMPLAINT, Speaker.CUSTOMER, 1);

        // when
        Evaluation e = evaluate(EMPATHY, analysis(List.of(greeting, complaint)));

        // then
        assertThat(item(e, "apology_when_complaint").outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(e.sections()).containsExactly(new SectionScore("professionalism", 40, 40),
                new SectionScore("empathy", 0, 20));
        assertThat(e.score()).isEqualTo(66.7);
        assertThat(e.missing()).containsExactly("apology");
        assertThat(e.flags()).containsExactly("complaint");
    }

    @Test
    void conditionalItemIgnoresTheConditionCategoryFromTheWrongSpeaker() {
        var agentComplaint = finding(Category.COMPLAINT, Speaker.AGENT, 2);

        Evaluation e = evaluate(EMPATHY, analysis(List.of(agentComplaint)));

        assertThat(item(e, "apology_when_complaint").outcome()).isEqualTo(ItemOutcome.NOT_APPLICABLE);
    }

    private static final Scorecard TIMING = scorecard("""
            scorecard: {id: timing, version: 1, language: en}
            pass_threshold: 80
            sections:
              - id: responsiveness
                weight: 10
                items:
                  - {id: fast_first_response, metric: first_response_s, max: 60}
                  - {id: enough_agent_talk, metric: agent_talk_ratio, min: 0.3, max: 0.7}
                  - {id: chat_only, metric: duration_s, max: 600, channels: [chat]}
            """);

    @Test
    void metricItemFailsOverItsMaximum() {
        Evaluation e = evaluate(TIMING, analysis(List.of(),
                Map.of("first_response_s", 75.0, "agent_talk_ratio", 0.5, "duration_s", 50.0)));

        assertThat(item(e, "fast_first_response").outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(item(e, "fast_first_response").reason()).isEqualTo("first_response_s = 75.0, over the maximum 60");
        assertThat(item(e, "enough_agent_talk").reason()).isEqualTo("agent_talk_ratio = 0.5, within 0.3..0.7");
        assertThat(e.score()).isEqualTo(66.7);
        assertThat(e.missing()).isEmpty();
        assertThat(e.metrics()).containsEntry("first_response_s", 75.0).containsEntry("duration_s", 50.0);
    }

    @Test
    void metricItemFailsUnderItsMinimumAndPassesAtTheBound() {
        Evaluation e = evaluate(TIMING, analysis(List.of(),
                Map.of("first_response_s", 60.0, "agent_talk_ratio", 0.125)));

        assertThat(item(e, "fast_first_response").outcome()).isEqualTo(ItemOutcome.PASSED);
        assertThat(item(e, "fast_first_response").reason()).isEqualTo("first_response_s = 60.0, within the maximum 60");
        assertThat(item(e, "enough_agent_talk").reason()).isEqualTo("agent_talk_ratio = 0.125, under the minimum 0.3");
    }

    @Test
    void metricItemIsNotApplicableWhenTheMetricWasNotMeasured() {
        Evaluation e = evaluate(TIMING, analysis(List.of(), Map.of("agent_talk_ratio", 0.5)));

        assertThat(item(e, "fast_first_response").outcome()).isEqualTo(ItemOutcome.NOT_APPLICABLE);
        assertThat(item(e, "fast_first_response").reason()).isEqualTo("not applicable: first_response_s not measured");
        assertThat(e.score()).isEqualTo(100.0);
    }

    @Test
    void channelRestrictedItemIsNotApplicableInOtherChannels() {
        var email = Analysis.of(Dialogues.interaction(Channel.EMAIL)).withMetrics(Map.of("duration_s", 9000.0));

        Evaluation e = evaluate(TIMING, email);

        assertThat(item(e, "chat_only").outcome()).isEqualTo(ItemOutcome.NOT_APPLICABLE);
        assertThat(item(e, "chat_only").reason()).isEqualTo("not applicable: channel email");
        assertThat(evaluate(TIMING, analysis(List.of(), Map.of("duration_s", 9000.0))).items())
                .filteredOn(i -> i.itemId().equals("chat_only")).extracting(ItemResult::outcome)
                .containsExactly(ItemOutcome.FAILED);
    }

    private static final Scorecard WEIGHTED = scorecard("""
            scorecard: {id: weighted, version: 1, language: en}
            pass_threshold: 40
            sections:
              - id: a
                weight: 30
                items:
                  - {id: a_heavy, category: greeting_ok, expect: present, weight: 2}
                  - {id: a_light, category: closing_ok, expect: present}
              - id: b
                weight: 20
                items:
                  - {id: b_only, category: empathy, expect: present}
              - id: c
                weight: 50
                items:
                  - {id: c_conditional, category: apology, expect: present, when: {category: complaint}}
            """);

    @Test
    void weighsItemsWithinSectionsAndSectionsWithinTheScore() {
        // given a passes its heavy item only, b fails, c is not applicable
        var greeting = finding(Category.GREETING_OK, Speaker.AGENT, 0);

        // when
        Evaluation e = evaluate(WEIGHTED, analysis(List.of(greeting)));

        // then a = 30 * 2/3 = 20, b = 0, c drops out: 20 / (30 + 20) = 40 %
        assertThat(e.sections()).containsExactly(new SectionScore("a", 20, 30), new SectionScore("b", 0, 20),
                new SectionScore("c", 0, 0));
        assertThat(e.score()).isEqualTo(40.0);
        assertThat(e.passed()).as("a score equal to the threshold passes").isTrue();
    }

    @Test
    void failsJustBelowTheThreshold() {
        // given a passes its light item only: 30 * 1/3 = 10 of 50 = 20 %
        var closing = finding(Category.CLOSING_OK, Speaker.AGENT, 5);

        Evaluation e = evaluate(WEIGHTED, analysis(List.of(closing)));

        assertThat(e.score()).isEqualTo(20.0);
        assertThat(e.passed()).isFalse();
        assertThat(e.autoFail()).isFalse();
        assertThat(e.flags()).isEmpty();
    }

    @Test
    void roundsTheScoreAndSectionPointsHalfUpToOneDecimal() {
        // given one of three equally weighted items passes
        var metrics = Map.of("first_response_s", 75.0, "agent_talk_ratio", 0.5, "duration_s", 700.0);

        // when
        Evaluation e = evaluate(TIMING, analysis(List.of(), metrics));

        // then 10 * 1/3 = 3.33 points, 33.33 %
        assertThat(e.sections()).containsExactly(new SectionScore("responsiveness", 3.3, 10));
        assertThat(e.score()).isEqualTo(33.3);
        assertThat(ScorecardEvaluator.round1(200.0 / 3)).isEqualTo(66.7);
        assertThat(ScorecardEvaluator.round1(12.25)).isEqualTo(12.3);
        assertThat(ScorecardEvaluator.round1(79.95)).isEqualTo(80.0);
    }

    @Test
    void scoresOneHundredWhenNoItemApplies() {
        Evaluation e = evaluate(TIMING, analysis(List.of()));

        assertThat(e.score()).isEqualTo(100.0);
        assertThat(e.passed()).isTrue();
        assertThat(e.sections()).containsExactly(new SectionScore("responsiveness", 0, 0));
        assertThat(e.items()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.NOT_APPLICABLE);
    }

    @Test
    void flagsAttentionCategoriesOnceEachInAlphabeticalOrder() {
        var findings = List.of(
                finding(Category.ESCALATION, Speaker.CUSTOMER, 4),
                finding(Category.COMPLAINT, Speaker.CUSTOMER, 1),
                finding(Category.COMPLAINT, Speaker.CUSTOMER, 4),
                finding(Category.GREETING_OK, Speaker.AGENT, 0),
                finding(Category.TRANSFER, Speaker.AGENT, 2));

        Evaluation e = evaluate(WEIGHTED, analysis(findings));

        assertThat(e.flags()).containsExactly("complaint", "escalation");
        assertThat(e.findings()).hasSize(5);
        assertThat(e.interaction().id()).isEqualTo("test-001");
    }
}
