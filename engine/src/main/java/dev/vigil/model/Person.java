package dev.vigil.model;

import java.util.Objects;
import java.util.Optional;

/** An agent or customer: a stable id and, where known, a display name. */
public record Person(String id, Optional<String> name) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public static Person of(String id, String name) {
        return new Person(id, Optional.ofNullable(name).filter(n -> !n.isBlank()));
    }

    /** The first word of the name ("Анна" of "Анна Иванова"); empty when there is no name. */
    public Optional<String> firstName() {
        return name.map(n -> n.trim().split("\\s+")[0]);
    }
}
