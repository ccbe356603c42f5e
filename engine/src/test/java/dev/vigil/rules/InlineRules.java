package dev.vigil.rules;

import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import java.util.List;

/** A rule matcher over packs written inline in a test (company "N"); mark the field {@code @AutoClose}. */
final class InlineRules implements AutoCloseable {
    private final RuleMatchingStep step;

    InlineRules(String... packs) {
        step = new RuleMatchingStep(Packs.of(packs), new CompanyProfile("N", List.of()));
    }

    /** Every finding of the packs in {@code chat}. */
    List<Finding> findings(Interaction chat) {
        return step.findings(chat);
    }

    /** The findings of one rule in {@code chat}. */
    List<Finding> findings(Interaction chat, String ruleId) {
        return step.findings(chat).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Override
    public void close() {
        step.close();
    }
}
