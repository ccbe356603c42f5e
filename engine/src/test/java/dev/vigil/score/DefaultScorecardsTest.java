package dev.vigil.score;

import static dev.vigil.score.Dialogues.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.analyze.Analysis;
import dev.vigil.analyze.TimingMetricsStep;
import dev.vigil.model.Category;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Finding;
import dev.vigil.model.ItemOutcome;
import dev.vigil.model.ItemResult;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.rules.RuleSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default scorecards shipped in the rules module, read from its source folder. */
class DefaultScorecardsTest {

    private static final Path DEFAULT_CONTENT = Path.of("..", "rules", "src", "main", "resources", "vigil");

    private static final Scorecards CARDS = Scorecards.load(RuleSource.directory(DEFAULT_CONTENT), Set.of());

    private static final Scorecard EN = CARDS.defaultFor(Language.EN);

    /** The synthetic chat of {@link Dialogues}, with its timing metrics and the given findings. */
    private static Evaluation scoreChat(List<Finding> findings, Map<String, Double> metricOverrides) {
        Analysis analysis = new TimingMetricsStep().apply(Analysis.of(Dialogues.chat()))
                .withFindings(findings).withMetrics(metricOverrides);
        return new ScorecardEvaluator(EN).evaluate(analysis);
    }

    private static final Finding GREETING = finding(Category.GREETING_OK, Speaker.AGENT, 0);
    private static final Finding CLOSING = finding(Category.CLOSING_OK, Speaker.AGENT, 5);
    private static final Finding COMPLAINT = finding(Category.COMPLAINT, Speaker.CUSTOMER, 1);

    @Test
    void defaultScorecardsOfBothLanguagesLoadAndAreValid() {
        assertThat(CARDS.all()).extracting(Scorecard::ref).contains("default-en@3", "default-ru@3");
        assertThat(CARDS.defaultFor(Language.RU).language()).isEqualTo(Language.RU);
        assertThat(EN.language()).isEqualTo(Language.EN);
        assertThat(EN.sections()).extracting(ScorecardSection::id)
                .containsExactly("responsiveness", "professionalism", "resolution", "ease", "empathy");
    }

    @Test
    void russianScorecardScoresExactlyLikeTheEnglishOne() {
        Scorecard ru = CARDS.defaultFor(Language.RU);

        assertThat(ru.passThreshold()).isEqualTo(EN.passThreshold());
        assertThat(ru.version()).isEqualTo(EN.version());
        assertThat(ru.sections()).hasSameSizeAs(EN.sections());
        for (int s = 0; s < EN.sections().size(); s++) {
            ScorecardSection en = EN.sections().get(s);
            ScorecardSection other = ru.sections().get(s);
            assertThat(other.id()).isEqualTo(en.id());
            assertThat(other.weight()).isEqualTo(en.weight());
            assertThat(other.title()).matches(".*\\p{IsCyrillic}.*");
            assertThat(other.items()).hasSameSizeAs(en.items());
            for (int i = 0; i < en.items().size(); i++) {
                ScorecardItem a = en.items().get(i);
                ScorecardItem b = other.items().get(i);
                assertThat(new ScorecardItem(b.id(), a.title(), b.weight(), b.check(), b.autoFail(), b.critical(), b.when(),
                        b.channels())).as("item %s apart from its title", a.id()).isEqualTo(a);
                assertThat(b.title()).matches(".*\\p{IsCyrillic}.*");
            }
        }
    }

    @Test
    void aTidyChatWithAllScriptsPassesWithFullMarks() {
        Evaluation e = scoreChat(List.of(GREETING, CLOSING), Map.of());

        assertThat(e.score()).isEqualTo(100.0);
        assertThat(e.passed()).isTrue();
        assertThat(e.scorecard()).isEqualTo("default-en@3");
        assertThat(e.metrics()).containsEntry("first_response_s", 0.0).containsEntry("mean_response_s", 10.0);
        assertThat(e.items()).filteredOn(i -> i.outcome() == ItemOutcome.NOT_APPLICABLE)
                .extracting(ItemResult::itemId)
                .containsExactlyInAnyOrder("first_response_email", "first_response_call", "reply_pace_email",
                        "no_dead_air_call", "hold_asked_call", "complaint_acknowledged", "apology_on_complaint", "empathy_on_complaint",
                        "resolution_confirmed");
    }

    @Test
    void aChatMissingOnlyTheClosingFailsAlthoughItsScoreIsAboveTheThreshold() {
        Evaluation e = scoreChat(List.of(GREETING), Map.of());

        assertThat(e.score()).isEqualTo(83.3);
        assertThat(e.passed()).isFalse();
        assertThat(e.autoFail()).isFalse();
        assertThat(e.missing()).containsExactly("closing_ok");
    }

    @Test
    void aChatMissingGreetingAndClosingFails() {
        Evaluation e = scoreChat(List.of(), Map.of());

        assertThat(e.score()).isEqualTo(66.7);
        assertThat(e.passed()).isFalse();
        assertThat(e.missing()).containsExactly("greeting_ok", "closing_ok");
    }

    @Test
    void aChatMissingTheClosingWithSlowRepliesFails() {
        Evaluation e = scoreChat(List.of(GREETING), Map.of("mean_response_s", 150.0));

        assertThat(e.score()).isEqualTo(77.8);
        assertThat(e.passed()).isFalse();
    }

    @Test
    void aComplaintLeftWithoutApologyOrEmpathyFails() {
        Evaluation e = scoreChat(List.of(GREETING, COMPLAINT, CLOSING), Map.of());

        assertThat(e.score()).isEqualTo(60.0);
        assertThat(e.passed()).isFalse();
        assertThat(e.missing()).containsExactly("resolution", "apology|empathy", "apology", "empathy");
        assertThat(e.flags()).containsExactly("complaint");
    }

    @Test
    void aComplaintMetWithApologyAndEmpathyPasses() {
        var findings = new ArrayList<>(List.of(GREETING, COMPLAINT, CLOSING));
        findings.add(finding(Category.APOLOGY, Speaker.AGENT, 2));
        findings.add(finding(Category.EMPATHY, Speaker.AGENT, 2));
        findings.add(finding(Category.RESOLUTION, Speaker.AGENT, 4));

        Evaluation e = scoreChat(findings, Map.of());

        assertThat(e.score()).isEqualTo(100.0);
        assertThat(e.sections()).extracting(s -> s.id() + " " + s.score() + "/" + s.max())
                .containsExactly("responsiveness 10.0/10.0", "professionalism 35.0/35.0", "resolution 20.0/20.0",
                        "ease 15.0/15.0",
                        "empathy 20.0/20.0");
    }

    @Test
    void profanityFromTheAgentFailsAnOtherwisePerfectChat() {
        var swearing = Dialogues.finding("profanity.en", Category.PROFANITY, Speaker.AGENT, 3, "d*mn");

        Evaluation e = scoreChat(List.of(GREETING, CLOSING, swearing), Map.of());

        assertThat(e.score()).isGreaterThanOrEqualTo(EN.passThreshold());
        assertThat(e.autoFail()).isTrue();
        assertThat(e.passed()).isFalse();
        assertThat(e.flags()).containsExactly("auto_fail", "profanity");
    }
}
