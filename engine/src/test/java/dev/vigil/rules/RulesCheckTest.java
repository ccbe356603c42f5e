package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesCheckTest {
    @Test
    void reportsFailingExamplesWithExpectedAndActual() {
        RuleSet set = Packs.of("""
                pack: {id: p, version: 1, language: en}
                example_context: {company: Northwind, agent_first_name: John}
                rules:
                  - id: complaint.unhappy
                    category: complaint
                    speaker: customer
                    query: 'unhappy OR "not happy"'
                    examples:
                      match: ["I am unhappy", "I am really upset"]
                      no_match: ["I am happy", "I am not unhappy at all"]
                  - id: greeting.named
                    category: greeting_ok
                    speaker: agent
                    parts: {name: '${agent.first_name}', company: '${company}'}
                    examples:
                      match: ["John from Northwind"]
                      no_match: ["Mary from Northwind"]
                """);

        RulesCheck.Report report = RulesCheck.run(set);

        assertThat(report.passed()).isFalse();
        assertThat(report.exampleCount()).isEqualTo(6);
        assertThat(report.failed()).singleElement().satisfies(r -> {
            assertThat(r.ruleId()).isEqualTo("complaint.unhappy");
            assertThat(r.failures()).extracting(RulesCheck.ExampleFailure::text, RulesCheck.ExampleFailure::expectedMatch,
                            RulesCheck.ExampleFailure::actualMatch)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("I am really upset", true, false),
                            org.assertj.core.groups.Tuple.tuple("I am not unhappy at all", false, true));
            assertThat(r.failures().get(1).evidence()).contains("unhappy");
        });
        assertThat(report.summary()).contains("packs/test-0.yaml: rule 'complaint.unhappy': expected match, got none")
                .endsWith("2 rules, 6 examples, 2 failed");
    }
}
