package dev.vigil.uptake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.model.Language;
import dev.vigil.rules.RuleSource;
import dev.vigil.rules.RulesCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoaderTest {
    static final String EMPATHY = """
            trainings:
              - id: empathy-nov
                title: Empathy workshop
                date: 2026-11-20
                languages: [en, ru]
                agents: [j.carter, a.ivanova]
                techniques:
                  - id: acknowledge
                    title: Acknowledge the frustration
                    query:
                      en: '"understand how frustrating"'
                      ru: '"понимаю неприятно"~3'
                    examples:
                      en:
                        match: ["I understand how frustrating this must be."]
                        no_match: ["I understand your question."]
                      ru:
                        match: ["Понимаю, как это неприятно."]
                        no_match: ["Понимаю ваш вопрос."]
              - id: hold-etiquette
                title: Asking before a hold
                date: 2026-11-25
                language: en
                techniques:
                  - id: ask
                    title: Ask permission to hold
                    query: '"may i put you on hold" OR "do you mind if i put you on hold"'
                    examples:
                      match: ["May I put you on hold for a minute?"]
                      no_match: ["I'll put you on hold now."]
            """;

    static TrainingSet load(String yaml) {
        return new TrainingLoader().load(List.of(new RuleSource.NamedResource("trainings.yaml", yaml)));
    }

    static InvalidTrainingsException failure(String yaml) {
        return catchThrowableOfType(() -> load(yaml), InvalidTrainingsException.class);
    }

    @Test
    void readsTrainingsWithTheirDaysAttendeesAndTechniquesPerLanguage() {
        TrainingSet set = load(EMPATHY);

        assertThat(set.trainings()).extracting(Training::id).containsExactly("empathy-nov", "hold-etiquette");
        Training empathy = set.training("empathy-nov").orElseThrow();
        assertThat(empathy.title()).isEqualTo("Empathy workshop");
        assertThat(empathy.date()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(empathy.attendees()).contains(Set.of("j.carter", "a.ivanova"));
        assertThat(empathy.attendedBy("j.carter")).isTrue();
        assertThat(empathy.attendedBy("d.mills")).isFalse();
        assertThat(empathy.techniques()).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Acknowledge the frustration");
            assertThat(t.languages()).containsExactlyInAnyOrder(Language.EN, Language.RU);
        });
        Training hold = set.training("hold-etiquette").orElseThrow();
        assertThat(hold.attendees()).isEmpty();
        assertThat(hold.attendedBy("anyone")).isTrue();
        assertThat(hold.techniques().get(0).languages()).containsExactly(Language.EN);
        assertThat(set.rules().packs()).hasSize(3);
    }

    @Test
    void runsEveryTechniquesExamplesWithTheRulesCheck() {
        RulesCheck.Report report = RulesCheck.run(load(EMPATHY).rules());

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.exampleCount()).isEqualTo(6);
    }

    @Test
    void reportsAFailingExampleWithItsTrainingAndTechnique() {
        RulesCheck.Report report = RulesCheck.run(load(EMPATHY.replace(
                "no_match: [\"I'll put you on hold now.\"]", "no_match: [\"May I put you on hold?\"]")).rules());

        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).contains("trainings.yaml: training 'hold-etiquette': rule "
                + "'hold-etiquette.ask.en': expected no match");
    }

    @Test
    void namesTheFileTrainingAndProblemOfEveryInvalidEntry() {
        InvalidTrainingsException e = failure("""
                trainings:
                  - id: t1
                    title: One
                    date: 2026-13-01
                    language: de
                    techniques: []
                  - id: t2
                    title: Two
                    date: 2026-11-20
                    language: en
                    techniques:
                      - id: a
                        title: A
                        query: '"thank you"'
                        category: empathy
                        examples: {match: ["thank you"]}
                      - id: b
                        title: B
                        query: '"thank you'
                        examples: {match: ["thank you"]}
                      - id: c
                        title: C
                        query: 'sorry'
                      - id: d
                        title: D
                        query: sorry
                        unles: [{query: not}]
                        examples: {match: ["sorry"]}
                """);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                        .startsWith("trainings.yaml: training 't1': date '2026-13-01' is not a day"))
                .anySatisfy(p -> assertThat(p).isEqualTo("trainings.yaml: training 't1': unsupported language 'de' "
                        + "(supported: en, ru)"))
                .anySatisfy(p -> assertThat(p).startsWith("trainings.yaml: training 't1': 'techniques' must be"))
                .anySatisfy(p -> assertThat(p).startsWith("trainings.yaml: training 't2': technique 'a': "
                        + "'category' cannot be set"))
                .anySatisfy(p -> assertThat(p).startsWith("trainings.yaml: training 't2': technique 'c': needs at "
                        + "least one 'match' example for en"));
        // the query and the unknown rule key are found by the rule pack loader once the rest is valid
        InvalidTrainingsException rules = failure("""
                trainings:
                  - id: t2
                    title: Two
                    date: 2026-11-20
                    language: en
                    techniques:
                      - id: b
                        title: B
                        query: '"thank you'
                        examples: {match: ["thank you"]}
                      - id: d
                        title: D
                        query: sorry
                        unles: [{query: not}]
                        examples: {match: ["sorry"]}
                """);
        assertThat(rules.problems()).anySatisfy(p -> assertThat(p)
                        .startsWith("trainings.yaml: training 't2': technique 'b' (en): "))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("trainings.yaml: training 't2': technique 'd' (en): unknown key 'unles'"));
    }

    @Test
    void refusesDuplicateTrainingIdsAcrossFilesAndQueriesForLanguagesTheTrainingLacks() {
        String valid = """
                trainings:
                  - id: same
                    title: Same
                    date: 2026-11-20
                    language: en
                    techniques:
                      - id: a
                        title: A
                        query: thanks
                        examples: {match: ["thanks"]}
                """;
        String one = """
                trainings:
                  - id: same
                    title: Same
                    date: 2026-11-20
                    language: en
                    techniques:
                      - id: a
                        title: A
                        query: {en: thanks, ru: спасибо}
                        examples: {match: ["thanks"]}
                """;
        InvalidTrainingsException duplicate = catchThrowableOfType(() -> new TrainingLoader().load(List.of(
                new RuleSource.NamedResource("trainings.yaml", valid),
                new RuleSource.NamedResource("trainings/other.yaml", valid))), InvalidTrainingsException.class);
        InvalidTrainingsException language = failure(one);

        assertThat(duplicate.problems()).containsExactly("trainings/other.yaml: training 'same': duplicate training "
                + "id (also in trainings.yaml)");
        assertThat(language.problems()).containsExactly("trainings.yaml: training 'same': technique 'a': 'query' is "
                + "given for ru, which is not a language of the training");
    }

    @Test
    void readsTheInboxFileAndTheRulesDirectorysTrainings(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("trainings.yaml"), EMPATHY);
        Path rules = Files.createDirectories(dir.resolve("rules/trainings"));
        Files.writeString(rules.resolve("greeting.yaml"), """
                trainings:
                  - id: greeting-dec
                    title: New greeting
                    date: 2026-12-01
                    language: ru
                    techniques:
                      - id: offer
                        title: Offer of help
                        query: '"чем могу помочь"'
                        examples: {match: ["Чем могу помочь?"], no_match: ["Помочь не могу."]}
                """);

        TrainingSet set = TrainingLoader.load(inbox, RuleSource.directory(dir.resolve("rules")));

        assertThat(set.trainings()).extracting(Training::id, Training::file).containsExactly(
                org.assertj.core.groups.Tuple.tuple("empathy-nov", "trainings.yaml"),
                org.assertj.core.groups.Tuple.tuple("hold-etiquette", "trainings.yaml"),
                org.assertj.core.groups.Tuple.tuple("greeting-dec", "trainings/greeting.yaml"));
        assertThat(TrainingLoader.load(dir.resolve("none"), RuleSource.directory(dir.resolve("rules/trainings"))
                ).isEmpty()).isTrue();
    }

    @Test
    void aTechniquesVersionChangesWithWhatItMatchesButNotWithItsTitleExamplesOrKeyOrder() {
        String version = version(EMPATHY);
        String retitled = EMPATHY.replace("title: Acknowledge the frustration", "title: Name the frustration")
                .replace("no_match: [\"I understand your question.\"]", "no_match: [\"I understand.\"]");
        String reordered = EMPATHY.replace("""
                        title: Acknowledge the frustration
                        query:
                          en: '"understand how frustrating"'
                          ru: '"понимаю неприятно"~3'
                """, """
                        query:
                          ru: '"понимаю неприятно"~3'
                          en: '"understand how frustrating"'
                        title: Acknowledge the frustration
                """);
        String requeried = EMPATHY.replace("'\"понимаю неприятно\"~3'", "'\"понимаю неприятно\"~4'");
        String windowed = EMPATHY.replace("        title: Acknowledge the frustration\n",
                "        title: Acknowledge the frustration\n        window: {first_agent_turns: 3}\n");

        assertThat(version).matches("[0-9a-f]{8}");
        assertThat(reordered).isNotEqualTo(EMPATHY);
        assertThat(List.of(version(retitled), version(reordered))).containsOnly(version);
        assertThat(List.of(version(requeried), version(windowed))).doesNotContain(version)
                .doesNotHaveDuplicates();
        // the metric names the version, and only its training's techniques change
        assertThat(load(requeried).metricOf("empathy-nov", "acknowledge")).isEqualTo(
                "uptake.empathy-nov.acknowledge." + version(requeried) + "_count");
        assertThat(load(requeried).metricOf("hold-etiquette", "ask"))
                .isEqualTo(load(EMPATHY).metricOf("hold-etiquette", "ask"));
    }

    private static String version(String yaml) {
        return load(yaml).training("empathy-nov").flatMap(t -> t.technique("acknowledge")).orElseThrow().version();
    }

    @Test
    void anEmptyFileHasNoTrainings() {
        assertThat(load("# nothing yet\n").isEmpty()).isTrue();
        assertThat(TrainingSet.parseMetric("uptake.empathy-nov.acknowledge.0a1b2c3d_count")).contains(
                new TrainingSet.MetricKey("empathy-nov", "acknowledge", "0a1b2c3d"));
        assertThat(TrainingSet.parseMetric("uptake.empathy-nov.acknowledge_count")).isEmpty(); // no version
        assertThat(TrainingSet.parseMetric("agent_turns")).isEqualTo(Optional.empty());
    }
}
