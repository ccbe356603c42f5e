package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Category;
import dev.vigil.model.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The default packs shipped in this module: they load, every example passes, and index.txt lists every file. */
class DefaultPacksTest {
    private static final Path CONTENT = Path.of("src/main/resources/vigil");
    private static final Set<Category> REQUIRED = EnumSet.of(Category.GREETING_OK, Category.CLOSING_OK,
            Category.COMPLAINT, Category.APOLOGY, Category.EMPATHY, Category.RUDENESS, Category.PROFANITY,
            Category.ESCALATION);

    @Test
    void everyExampleOfEveryDefaultPackPasses() {
        RuleSet rules = RuleSet.load(RuleSource.classpath());

        RulesCheck.Report report = RulesCheck.run(rules);

        assertThat(report.failed()).as(report.summary()).isEmpty();
        assertThat(report.exampleCount()).isGreaterThan(100);
    }

    @Test
    void everyRuleHasAtLeastThreeMatchAndThreeNoMatchExamples() {
        RuleSet rules = RuleSet.load(RuleSource.classpath());

        assertThat(rules.rules()).allSatisfy(rule -> {
            assertThat(rule.examples().match()).as(rule.id() + " match examples").hasSizeGreaterThanOrEqualTo(3);
            assertThat(rule.examples().noMatch()).as(rule.id() + " no_match examples").hasSizeGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void coversTheRequiredCategoriesInEnglishAndRussian() {
        RuleSet rules = RuleSet.load(RuleSource.classpath());

        for (Language language : Language.values()) {
            Set<Category> covered = rules.rules().stream().filter(r -> r.language() == language)
                    .map(Rule::category).collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
            assertThat(covered).as("categories in " + language).containsAll(REQUIRED);
        }
    }

    @Test
    void indexListsExactlyTheYamlFilesPresent() throws IOException {
        List<String> listed = Arrays.stream(Files.readString(CONTENT.resolve("index.txt")).split("\\R"))
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        List<String> present;
        try (Stream<Path> files = Files.walk(CONTENT)) {
            present = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
                            || p.getParent().getFileName().toString().equals(RuleSource.MORPHOLOGY))
                    .map(p -> CONTENT.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }

        assertThat(listed).containsExactlyElementsOf(present);
    }

    @Test
    void directoryAndClasspathSourcesLoadTheSamePacks() {
        RuleSet fromClasspath = RuleSet.load(RuleSource.classpath());
        RuleSet fromDirectory = RuleSet.load(RuleSource.directory(CONTENT));

        assertThat(fromDirectory.rules()).extracting(Rule::id)
                .containsExactlyInAnyOrderElementsOf(fromClasspath.rules().stream().map(Rule::id).toList());
    }
}
