package dev.vigil.rules;

import java.util.List;

/** Loads rule packs written inline in tests. */
final class Packs {
    private Packs() {
    }

    static RuleSet of(String... yamlDocuments) {
        var resources = new java.util.ArrayList<RuleSource.NamedResource>();
        for (int i = 0; i < yamlDocuments.length; i++) {
            resources.add(new RuleSource.NamedResource("packs/test-" + i + ".yaml", yamlDocuments[i]));
        }
        return new RuleSet(new RulePackLoader().load(List.copyOf(resources)));
    }
}
