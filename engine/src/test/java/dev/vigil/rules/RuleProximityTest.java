package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Finding;
import dev.vigil.model.Language;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** "A before B within N words" and NEAR, through Lucene's intervals and sloppy phrases. */
class RuleProximityTest {
    private static final String PACK = """
            pack: {id: near, version: 1, language: en}
            rules:
              - id: ordered
                category: escalation
                speaker: customer
                query: 'fn:maxgaps(2 fn:ordered(speak manager))'
              - id: near
                category: escalation
                speaker: customer
                query: 'fn:maxgaps(2 fn:unordered(cancel contract))'
              - id: sloppy
                category: escalation
                speaker: customer
                query: '"cancel contract"~3'
            """;

    @AutoClose
    private final InlineRules rules = new InlineRules(PACK);

    private List<String> rules(String text) {
        return rules.findings(Dialogues.chat(Language.EN, "John").customer(text).build()).stream()
                .map(Finding::ruleId).sorted().toList();
    }

    @Test
    void orderedMatchesABeforeBWithinNWordsOnly() {
        assertThat(rules("I want to speak to your manager")).contains("ordered");
        assertThat(rules("I want to speak to a manager")).contains("ordered");
        assertThat(rules("My manager asked me to speak to you")).doesNotContain("ordered");
        assertThat(rules("I want to speak with someone who is a manager")).doesNotContain("ordered");
    }

    @Test
    void unorderedAndSloppyPhrasesMatchInEitherOrderWithinTheDistance() {
        assertThat(rules("I will cancel my contract")).contains("near", "sloppy");
        assertThat(rules("The contract? Just cancel it.")).contains("near", "sloppy");
        assertThat(rules("Cancel the order, the old one, and then the contract")).doesNotContain("near", "sloppy");
    }
}
