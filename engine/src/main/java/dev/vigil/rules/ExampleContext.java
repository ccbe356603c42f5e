package dev.vigil.rules;

import dev.vigil.model.CompanyProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * The variable values a pack's examples are evaluated with ({@code example_context} in the pack).
 *
 * @param company        fills {@code ${company}}
 * @param agentFirstName fills {@code ${agent.first_name}}
 */
public record ExampleContext(CompanyProfile company, Optional<String> agentFirstName) {
    public ExampleContext {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(agentFirstName, "agentFirstName");
    }

    /** No company and no agent name: variable-bearing rules cannot match. */
    public static ExampleContext empty() {
        return new ExampleContext(new CompanyProfile("", java.util.List.of()), Optional.empty());
    }
}
