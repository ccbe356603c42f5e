package dev.vigil.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.Inbox;
import dev.vigil.config.InboxLoader;
import dev.vigil.engine.QaEngine;
import dev.vigil.ingest.Ingestor;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Interaction;
import dev.vigil.report.EvaluationJson;
import dev.vigil.rules.RuleSource;
import dev.vigil.rules.RulesCheck;
import dev.vigil.uptake.TechniqueUptake;
import dev.vigil.uptake.TrainingSet;
import dev.vigil.uptake.TrainingUptake;
import dev.vigil.uptake.UptakeShare;
import dev.vigil.uptake.UptakeTally;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The corpus's training-uptake pack ({@code inbox/trainings.yaml}, an empathy training on 2026-11-20) over the
 * corpus's chats and emails: its examples pass, the uptake metrics never change a score, and the attendees' use of
 * the techniques goes up after the training day.
 */
class UptakeCorpusTest {
    static Inbox inbox;
    static QaEngine plain;
    static QaEngine withTrainings;
    static final List<Evaluation> EVALUATED = new ArrayList<>();
    static final List<Evaluation> PLAIN = new ArrayList<>();

    @BeforeAll
    static void evaluateTheCorpus() throws Exception {
        inbox = InboxLoader.load(CorpusTest.INBOX);
        plain = QaEngine.load(RuleSource.classpath(), inbox.config());
        withTrainings = QaEngine.load(RuleSource.classpath(), inbox);
        Ingestor ingestor = new Ingestor(inbox);
        for (CorpusTest.Case c : CorpusTest.cases()) {
            Interaction i = ingestor.read(c.file());
            EVALUATED.add(withTrainings.evaluate(i));
            PLAIN.add(plain.evaluate(i));
        }
    }

    @AfterAll
    static void close() {
        plain.close();
        withTrainings.close();
    }

    @Test
    void theCorpusTrainingsLoadFromTheInboxAndTheirExamplesPass() {
        TrainingSet trainings = withTrainings.trainings();

        assertThat(trainings.trainings()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("empathy-nov");
            assertThat(t.techniques()).extracting(tech -> tech.id()).containsExactly("acknowledge", "ownership");
        });
        RulesCheck.Report report = RulesCheck.run(trainings.rules());
        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(plain.trainings().isEmpty()).isTrue();
        assertThat(InboxLoader.isInteractionFile(CorpusTest.INBOX, CorpusTest.INBOX.resolve("trainings.yaml")))
                .isFalse();
    }

    @Test
    void uptakeMetricsNeverChangeTheScoreOrTheFindings() {
        for (int k = 0; k < EVALUATED.size(); k++) {
            Evaluation with = EVALUATED.get(k);
            Evaluation without = PLAIN.get(k);
            String id = with.interaction().id();
            assertThat(with.score()).as(id).isEqualTo(without.score());
            assertThat(with.passed()).as(id).isEqualTo(without.passed());
            assertThat(with.findings()).as(id).isEqualTo(without.findings());
            assertThat(with.items()).as(id).isEqualTo(without.items());
            assertThat(with.metrics()).as(id).containsAllEntriesOf(without.metrics());
            assertThat(with.metrics().keySet()).as(id).filteredOn(m -> m.startsWith("uptake."))
                    .containsExactlyInAnyOrder(withTrainings.trainings().metricOf("empathy-nov", "acknowledge"),
                            withTrainings.trainings().metricOf("empathy-nov", "ownership"));
        }
    }

    @Test
    void theAttendeesUseTheTechniquesMoreAfterTheTrainingDay() {
        TrainingUptake carter = uptake("j.carter");
        TrainingUptake ivanova = uptake("a.ivanova");

        // before the day each has one synthetic chat (en-u01, ru-u01) with neither technique
        for (TrainingUptake t : List.of(carter, ivanova)) {
            TechniqueUptake acknowledge = t.techniques().get(0);
            TechniqueUptake ownership = t.techniques().get(1);
            assertThat(acknowledge.before()).isEqualTo(new UptakeShare(1, 0, 0));
            assertThat(ownership.before()).isEqualTo(new UptakeShare(1, 0, 0));
            assertThat(acknowledge.after().interactions()).isGreaterThan(1);
            assertThat(acknowledge.after().using()).isGreaterThanOrEqualTo(2); // the day's chats and en-u02 / ru-u02
            assertThat(ownership.after().using()).isGreaterThanOrEqualTo(1);
            assertThat(acknowledge.change().getAsDouble()).isPositive();
        }
        // d.mills did not attend
        assertThat(new UptakeTally("d.mills", withTrainings.trainings(), inbox.config().timezone()).result())
                .isEmpty();
    }

    private static TrainingUptake uptake(String agentId) {
        UptakeTally tally = new UptakeTally(agentId, withTrainings.trainings(), inbox.config().timezone());
        EVALUATED.forEach(e -> tally.addLine(EvaluationJson.line(e)));
        List<TrainingUptake> result = tally.result();
        assertThat(result).hasSize(1);
        return result.get(0);
    }
}
