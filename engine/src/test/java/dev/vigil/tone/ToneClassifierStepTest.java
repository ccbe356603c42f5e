package dev.vigil.tone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.analyze.Analysis;
import dev.vigil.model.CharSpan;
import dev.vigil.model.Category;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Signal;
import dev.vigil.model.Speaker;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ToneClassifierStepTest {
    private static final ToneModel MODEL = ToneFixtures.complaintModel(ToneFixtures.COMPLAINT_EN);
    private static final String COMPLAINT = "Still no refund and nobody answers, my parcel is a week late.";

    @Test
    void flagsCustomerComplaintAsClassifierFindingWithCuesFromTheTurn() {
        // given
        Interaction chat = ToneFixtures.chat("Hello, how can I help?", COMPLAINT);
        var step = new ToneClassifierStep(ToneModels.of(List.of(MODEL)));

        // when
        List<Finding> findings = step.apply(Analysis.of(chat)).findings();

        // then
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.signal()).isEqualTo(Signal.CLASSIFIER);
        assertThat(f.category()).isEqualTo(Category.COMPLAINT);
        assertThat(f.ruleId()).isEqualTo("tone.complaint.en");
        assertThat(f.speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(f.turn()).isEqualTo(1);
        assertThat(f.text()).isEqualTo(COMPLAINT);
        assertThat(f.chars()).isEqualTo(new CharSpan(0, COMPLAINT.length()));
        assertThat(f.confidence()).isBetween(0.5, 1.0);
        assertThat(f.cues()).isNotEmpty().hasSizeLessThanOrEqualTo(ToneModel.MAX_CUES);
        String lower = COMPLAINT.toLowerCase(Locale.ROOT);
        assertThat(f.cues()).allSatisfy(cue -> assertThat(lower).contains(cue.toLowerCase(Locale.ROOT)));
    }

    @Test
    void cuesAreOrderedHeaviestFirst() {
        // given a turn whose words the model weighs differently
        ToneModel.Score score = MODEL.score(COMPLAINT);

        // then the first cue weighs at least as much as each later one when scored alone
        List<String> cues = score.cues();
        assertThat(cues.size()).isGreaterThan(1);
        double first = MODEL.score(cues.get(0)).probability();
        assertThat(MODEL.score(cues.get(cues.size() - 1)).probability()).isLessThanOrEqualTo(first);
    }

    @Test
    void leavesNeutralTurnsAndAgentTurnsAlone() {
        // given an agent who says the complaint words and a neutral customer
        Interaction chat = ToneFixtures.chat(COMPLAINT, "Thank you, could you tell me the opening hours?");

        // when
        List<Finding> findings = new ToneClassifierStep(ToneModels.of(List.of(MODEL)))
                .apply(Analysis.of(chat)).findings();

        // then: the model scores customer turns only, and the customer turn is no complaint
        assertThat(findings).isEmpty();
    }

    @Test
    void addsNothingToATurnThatARuleAlreadyFlaggedForTheCategory() {
        // given a rule finding of the category on the complaint turn
        Interaction chat = ToneFixtures.chat("Hello, how can I help?", COMPLAINT);
        var rule = new Finding("complaint.refund", Category.COMPLAINT, Speaker.CUSTOMER, 1,
                chat.turns().get(1).time(), new CharSpan(0, 9), "Still no ", 1.0);
        Analysis afterRules = Analysis.of(chat).withFindings(List.of(rule));

        // when
        List<Finding> findings = new ToneClassifierStep(ToneModels.of(List.of(MODEL))).apply(afterRules).findings();

        // then: union, the rule's finding stands alone
        assertThat(findings).containsExactly(rule);
    }

    @Test
    void emitsNothingBelowTheThreshold() {
        // given the same model with a threshold no probability reaches
        ToneModel strict = new ToneModel(ToneFixtures.COMPLAINT_EN.withThreshold(1.0), MODEL.doccat());
        Interaction chat = ToneFixtures.chat("Hello, how can I help?", "Is the shop open on Sunday?");

        // when
        List<Finding> findings = new ToneClassifierStep(ToneModels.of(List.of(strict)))
                .apply(Analysis.of(chat)).findings();

        // then
        assertThat(findings).isEmpty();
    }
}
