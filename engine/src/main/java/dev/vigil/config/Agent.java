package dev.vigil.config;

import dev.vigil.model.Language;
import java.util.Objects;
import java.util.Optional;

/** One row of {@code agents.csv}: {@code agent_id,name,email,team,language}. */
public record Agent(String id, String name, Optional<String> email, Optional<String> team, Optional<Language> language) {
    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(language, "language");
    }
}
