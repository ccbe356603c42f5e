package dev.vigil.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.rules.RuleSource.NamedResource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorecardLoaderTest {

    private final ScorecardLoader loader = new ScorecardLoader();

    private static final String EXAMPLE = """
            scorecard: {id: default-en, version: 1, language: en, title: "Default QA scorecard"}
            pass_threshold: 80            # percent
            sections:
              - id: professionalism
                title: Professionalism
                weight: 30
                items:
                  - id: greeting
                    title: Scripted greeting
                    category: greeting_ok
                    speaker: agent
                    expect: present
                  - id: no_profanity
                    title: No profanity from the agent
                    rule: profanity.en
                    speaker: agent
                    expect: absent
                    auto_fail: true
              - id: empathy
                weight: 20
                items:
                  - id: apology_when_complaint
                    category: apology
                    expect: present
                    weight: 2.5
                    when: {category: complaint, speaker: customer}
                  - id: fast_first_response
                    metric: first_response_s
                    max: 60
                    channels: [chat, email]
            """;

    /** Loads YAML expected to be invalid and returns its problems. */
    private List<String> problemsOf(String yaml) {
        return catchThrowableOfType(() -> loader.load("scorecards/bad.yaml", yaml, Set.of()),
                InvalidScorecardException.class).problems();
    }

    /** The example with one line replaced. */
    private static String exampleWith(String line, String replacement) {
        if (!EXAMPLE.contains(line)) {
            throw new IllegalArgumentException(line);
        }
        return EXAMPLE.replace(line, replacement);
    }

    @Test
    void readsEveryPartOfTheDocumentedSchema() {
        // when
        Scorecard card = loader.load("scorecards/default-en.yaml", EXAMPLE, Set.of());

        // then
        assertThat(card.ref()).isEqualTo("default-en@1");
        assertThat(card.language()).isEqualTo(Language.EN);
        assertThat(card.title()).isEqualTo("Default QA scorecard");
        assertThat(card.passThreshold()).isEqualTo(80.0);
        assertThat(card.sections()).extracting(ScorecardSection::id, ScorecardSection::title, ScorecardSection::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("professionalism", "Professionalism", 30.0),
                        org.assertj.core.groups.Tuple.tuple("empathy", "empathy", 20.0));
        assertThat(card.items()).extracting(ScorecardItem::id).containsExactly("greeting", "no_profanity",
                "apology_when_complaint", "fast_first_response");

        ScorecardItem greeting = card.items().get(0);
        assertThat(greeting.check()).isEqualTo(new FindingCheck(
                FindingSelector.category(Category.GREETING_OK).by(Speaker.AGENT), Expectation.PRESENT));
        assertThat(greeting.weight()).isEqualTo(1.0);
        assertThat(greeting.autoFail()).isFalse();
        assertThat(greeting.when()).isEmpty();
        assertThat(greeting.channels()).isEmpty();

        ScorecardItem profanity = card.items().get(1);
        assertThat(profanity.autoFail()).isTrue();
        assertThat(profanity.check()).isEqualTo(new FindingCheck(
                FindingSelector.rule("profanity.en").by(Speaker.AGENT), Expectation.ABSENT));

        ScorecardItem apology = card.items().get(2);
        assertThat(apology.title()).isEqualTo("apology_when_complaint");
        assertThat(apology.weight()).isEqualTo(2.5);
        assertThat(apology.when()).contains(FindingSelector.category(Category.COMPLAINT).by(Speaker.CUSTOMER));

        ScorecardItem fast = card.items().get(3);
        assertThat(fast.check()).isEqualTo(new MetricCheck("first_response_s", OptionalDouble.empty(),
                OptionalDouble.of(60)));
        assertThat(fast.channels()).containsExactlyInAnyOrder(Channel.CHAT, Channel.EMAIL);
    }

    @Test
    void rejectsAnUnknownCategoryNamingFileSectionAndItem() {
        List<String> problems = problemsOf(exampleWith("category: greeting_ok", "category: greting_ok"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .startsWith("scorecards/bad.yaml: section 'professionalism', item 'greeting': "
                        + "unknown category 'greting_ok'")
                .contains("greeting_ok, closing_ok");
    }

    @Test
    void rejectsAnItemNamingBothRuleAndCategory() {
        List<String> problems = problemsOf(exampleWith("category: greeting_ok",
                "category: greeting_ok\n        rule: greeting.scripted"));

        assertThat(problems).containsExactly("scorecards/bad.yaml: section 'professionalism', item 'greeting': "
                + "has both category and rule; give only one");
    }

    @Test
    void rejectsASectionWithoutWeight() {
        List<String> problems = problemsOf(exampleWith("    weight: 20\n", ""));

        assertThat(problems).containsExactly(
                "scorecards/bad.yaml: section 'empathy': 'weight' is missing (a positive number of points)");
    }

    @Test
    void rejectsAnUnknownKeyListingTheAllowedOnes() {
        List<String> problems = problemsOf(exampleWith("expect: absent", "expect: absent\n        autofail: true"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("scorecards/bad.yaml: section 'professionalism', item 'no_profanity': "
                + "unknown key 'autofail' (allowed: id, title, weight,").contains("auto_fail");
    }

    @Test
    void collectsEveryProblemOfEveryFileIntoOneException() {
        // given two broken files and one good one
        String first = exampleWith("version: 1", "version: 0").replace("expect: present\n        weight: 2.5",
                "expect: maybe\n        weight: -1");
        String second = """
                scorecard: {id: other, version: 1, language: fr}
                sections: []
                """;

        // when
        var e = catchThrowableOfType(() -> loader.loadAll(List.of(new NamedResource("scorecards/a.yaml", first),
                        new NamedResource("scorecards/b.yaml", second),
                        new NamedResource("scorecards/c.yaml", EXAMPLE.replace("default-en", "ok"))), Set.of()),
                InvalidScorecardException.class);

        // then
        assertThat(e.problems()).containsExactly(
                "scorecards/a.yaml: scorecard: 'version' must be a positive whole number, was 0",
                "scorecards/a.yaml: section 'empathy', item 'apology_when_complaint': "
                        + "'weight' must be a positive number, was -1",
                "scorecards/a.yaml: section 'empathy', item 'apology_when_complaint': "
                        + "'expect' must be present or absent, was \"maybe\"",
                "scorecards/b.yaml: scorecard: unsupported language 'fr' (supported: en, ru)",
                "scorecards/b.yaml: 'pass_threshold' is missing (a percentage from 0 to 100)",
                "scorecards/b.yaml: 'sections' is missing or not a non-empty list");
        assertThat(e).hasMessageStartingWith("6 problems in scorecards:\n  - scorecards/a.yaml");
    }

    @Test
    void checksRuleReferencesAgainstTheLoadedRules() {
        // when the rule is known, or the check is skipped, the card loads
        assertThat(loader.load("x.yaml", EXAMPLE, Set.of("profanity.en", "greeting.scripted")).items()).hasSize(4);
        assertThat(loader.load("x.yaml", EXAMPLE, Set.of()).items()).hasSize(4);

        // when the rule is not among the loaded ones, the typo fails on load
        assertThatThrownBy(() -> loader.load("x.yaml", EXAMPLE, Set.of("profanity.ru")))
                .isInstanceOf(InvalidScorecardException.class)
                .hasMessageContaining("x.yaml: section 'professionalism', item 'no_profanity': "
                        + "unknown rule 'profanity.en' (no loaded rule pack defines it)");
    }

    @Test
    void checksRuleReferencesInConditionsToo() {
        String yaml = exampleWith("when: {category: complaint, speaker: customer}",
                "when: {rule: complaint.generic, speaker: customer}");

        assertThatThrownBy(() -> loader.load("x.yaml", yaml, Set.of("profanity.en")))
                .hasMessageContaining("item 'apology_when_complaint', when: unknown rule 'complaint.generic'");
    }

    @Test
    void rejectsMetricItemsWithoutBoundsOrWithFindingKeys() {
        String yaml = exampleWith("max: 60", "speaker: agent");

        assertThat(problemsOf(yaml)).containsExactly(
                "scorecards/bad.yaml: section 'empathy', item 'fast_first_response': "
                        + "'speaker' does not apply to metric items",
                "scorecards/bad.yaml: section 'empathy', item 'fast_first_response': "
                        + "a metric item needs 'min', 'max' or both");
    }

    @Test
    void rejectsAMinimumAboveTheMaximum() {
        assertThat(problemsOf(exampleWith("max: 60", "max: 60\n        min: 90")))
                .containsExactly("scorecards/bad.yaml: section 'empathy', item 'fast_first_response': "
                        + "'min' 90.0 is above 'max' 60.0");
    }

    @Test
    void rejectsAFindingItemWithoutExpectation() {
        assertThat(problemsOf(exampleWith("        category: greeting_ok\n        speaker: agent\n        expect: present",
                "        category: greeting_ok\n        speaker: agent")))
                .containsExactly("scorecards/bad.yaml: section 'professionalism', item 'greeting': "
                        + "'expect' is missing (present or absent)");
    }

    @Test
    void rejectsDuplicateItemIdsAcrossSections() {
        assertThat(problemsOf(exampleWith("id: fast_first_response", "id: greeting")))
                .containsExactly("scorecards/bad.yaml: section 'empathy', item 'greeting': "
                        + "duplicate item id 'greeting' (item ids are unique within a scorecard)");
    }

    @Test
    void rejectsUnknownSpeakersAndChannels() {
        String yaml = exampleWith("speaker: agent\n        expect: present", "speaker: operator\n        expect: present")
                .replace("channels: [chat, email]", "channels: [chat, phone]");

        assertThat(problemsOf(yaml)).containsExactly(
                "scorecards/bad.yaml: section 'professionalism', item 'greeting': "
                        + "'speaker' must be agent, customer or unknown, was \"operator\"",
                "scorecards/bad.yaml: section 'empathy', item 'fast_first_response': "
                        + "unknown channel \"phone\" (one of: chat, email, call)");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheLine() {
        List<String> problems = problemsOf("scorecard: {id: x\nsections: [");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("scorecards/bad.yaml: line ").contains("not valid YAML");
    }

    @Test
    void rejectsDuplicateKeys() {
        List<String> problems = problemsOf(exampleWith("pass_threshold: 80", "pass_threshold: 80\npass_threshold: 70"));

        assertThat(problems).singleElement().asString().contains("Duplicate field 'pass_threshold'");
    }

    @Test
    void rejectsAnEmptyDocument() {
        assertThat(problemsOf("")).containsExactly(
                "scorecards/bad.yaml: expected a mapping with the keys [scorecard, pass_threshold, sections]");
    }

    @Test
    void rejectsTwoFilesWithTheSameScorecardId() {
        var e = catchThrowableOfType(() -> loader.loadAll(List.of(new NamedResource("scorecards/a.yaml", EXAMPLE),
                new NamedResource("scorecards/b.yaml", EXAMPLE)), Set.of()), InvalidScorecardException.class);

        assertThat(e.problems()).containsExactly(
                "scorecards/b.yaml: scorecard id 'default-en' is already used by scorecards/a.yaml");
    }

    @Test
    void keepsTitlesInAnyLanguage() {
        String yaml = EXAMPLE.replace("title: Scripted greeting", "title: Приветствие по скрипту")
                .replace("language: en", "language: ru");

        Scorecard card = loader.load("ru.yaml", yaml, Set.of());

        assertThat(card.language()).isEqualTo(Language.RU);
        assertThat(card.items().get(0).title()).isEqualTo("Приветствие по скрипту");
        assertThat(card.items().get(0).when()).isEqualTo(Optional.empty());
    }
}
