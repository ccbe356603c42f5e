package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.model.Category;
import dev.vigil.model.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulePackLoaderTest {
    private static InvalidRulesException loadFailure(String... yaml) {
        return catchThrowableOfType(() -> Packs.of(yaml), InvalidRulesException.class);
    }

    @Test
    void loadsAValidPackWithItsManifestContextAndRules() {
        RuleSet set = Packs.of("""
                pack: {id: core-en, version: 3, language: en, description: Core rules}
                example_context: {company: Northwind Telecom, company_aliases: [Northwind], agent_first_name: John}
                rules:
                  - id: greeting.scripted
                    category: greeting_ok
                    speaker: agent
                    severity: major
                    window: {first_agent_turns: 2}
                    parts:
                      greet: 'hello OR hi'
                      name: '${agent.first_name}'
                    examples:
                      match: ["Hello, John here"]
                      no_match: ["Hello"]
                """);

        RulePack pack = set.packs().get(0);
        assertThat(pack.id()).isEqualTo("core-en");
        assertThat(pack.version()).isEqualTo(3);
        assertThat(pack.language()).isEqualTo(Language.EN);
        assertThat(pack.exampleContext().company().allNames()).containsExactly("Northwind Telecom", "Northwind");
        assertThat(pack.exampleContext().agentFirstName()).contains("John");
        Rule rule = set.rule("greeting.scripted").orElseThrow();
        assertThat(rule.category()).isEqualTo(Category.GREETING_OK);
        assertThat(rule.speaker()).isEqualTo(RuleSpeaker.AGENT);
        assertThat(rule.severity()).isEqualTo(Severity.MAJOR);
        assertThat(rule.window()).contains(new RuleWindow(RuleWindow.Kind.FIRST_AGENT_TURNS, 2));
        assertThat(rule.scripted()).isTrue();
        assertThat(rule.parts()).extracting(RulePart::name).containsExactly("greet", "name");
        assertThat(rule.examples().noMatch()).containsExactly("Hello");
        assertThat(rule.file()).isEqualTo("packs/test-0.yaml");
    }

    @Test
    void reportsEveryBrokenRuleWithFileRuleAndProblem() {
        InvalidRulesException e = loadFailure("""
                pack: {id: broken, version: 1, language: en}
                rules:
                  - id: bad.query
                    category: complaint
                    speaker: customer
                    query: '"unclosed phrase'
                  - id: bad.category
                    category: grumbling
                    speaker: customer
                    query: 'angry'
                  - id: bad.speaker
                    category: complaint
                    speaker: supervisor
                    query: 'angry'
                  - id: bad.window
                    category: complaint
                    speaker: customer
                    window: {first_minutes: 2}
                    query: 'angry'
                  - id: bad.key
                    category: complaint
                    speaker: customer
                    querry: 'angry'
                  - id: bad.variable
                    category: greeting_ok
                    speaker: agent
                    parts: {name: '${agent.last_name}', greet: 'hello AND'}
                  - id: good.rule
                    category: complaint
                    speaker: customer
                    query: 'angry'
                """);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("packs/test-0.yaml: rule 'bad.query': cannot parse query"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("packs/test-0.yaml: rule 'bad.category': unknown category 'grumbling'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("packs/test-0.yaml: rule 'bad.speaker': unknown speaker 'supervisor'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("packs/test-0.yaml: rule 'bad.window': unknown window 'first_minutes'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("packs/test-0.yaml: rule 'bad.key': unknown key 'querry'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("packs/test-0.yaml: rule 'bad.variable': part 'name': unknown variable [${agent.last_name}]"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("packs/test-0.yaml: rule 'bad.variable': part 'greet': cannot parse query"));
        assertThat(e.problems()).noneMatch(p -> p.contains("good.rule"));
        assertThat(e.getMessage()).contains("rule 'bad.query'").contains("rule 'bad.key'");
    }

    @Test
    void requiresTheManifestAndReportsProblemsOfEveryFile() {
        InvalidRulesException e = loadFailure("""
                rules:
                  - id: a
                    category: complaint
                    speaker: customer
                    query: angry
                """, """
                pack: {id: x, version: one, language: fr, colour: blue}
                rules: []
                """);

        assertThat(e.problems()).contains(
                "packs/test-0.yaml: missing manifest 'pack' with id, version and language",
                "packs/test-1.yaml: pack.version must be a positive integer",
                "packs/test-1.yaml: pack.language: unsupported language 'fr' (supported: en, ru)");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("packs/test-1.yaml: unknown key 'pack.colour'"));
    }

    @Test
    void rejectsDuplicateRuleIdsAcrossPacks() {
        String pack = """
                pack: {id: %s, version: 1, language: %s}
                rules:
                  - id: complaint.generic
                    category: complaint
                    speaker: customer
                    query: angry
                """;

        InvalidRulesException e = loadFailure(pack.formatted("one", "en"), pack.formatted("two", "ru"));

        assertThat(e.problems()).containsExactly(
                "packs/test-1.yaml: rule 'complaint.generic': duplicate rule id (also in packs/test-0.yaml)");
    }

    @Test
    void rejectsARuleWithBothQueryAndPartsOrNeither() {
        InvalidRulesException e = loadFailure("""
                pack: {id: p, version: 1, language: en}
                rules:
                  - id: both
                    category: complaint
                    speaker: customer
                    query: angry
                    parts: {a: angry}
                  - id: neither
                    category: complaint
                    speaker: customer
                """);

        assertThat(e.problems()).containsExactly(
                "packs/test-0.yaml: rule 'both': needs exactly one of 'query', 'parts' or 'sequence'",
                "packs/test-0.yaml: rule 'neither': needs exactly one of 'query', 'parts' or 'sequence'");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheFileName() {
        InvalidRulesException e = loadFailure("pack: {id: p, version: 1\nrules: [");

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("packs/test-0.yaml: not valid YAML"));
    }

    @Test
    void loadsFromADirectorySource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("packs/ru"));
        java.nio.file.Files.writeString(dir.resolve("packs/ru/core.yaml"), """
                pack: {id: core-ru, version: 1, language: ru}
                rules:
                  - id: complaint.ru
                    category: complaint
                    speaker: customer
                    query: 'жалоб*'
                """);

        RuleSet set = RuleSet.load(RuleSource.directory(dir));

        assertThat(set.rules()).extracting(Rule::id, Rule::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("complaint.ru", "packs/ru/core.yaml"));
        assertThat(set.packs()).extracting(RulePack::language).containsExactly(Language.RU);
        assertThat(List.of(set.toString())).containsExactly("RuleSet[core-ru@1]");
    }
}
