package dev.vigil.model;

import java.util.List;
import java.util.Objects;

/** The company the agents represent, from {@code vigil.yaml}: its name and the short names customers and agents use. */
public record CompanyProfile(String name, List<String> aliases) {
    public CompanyProfile {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }

    /** The name followed by its aliases. */
    public List<String> allNames() {
        var all = new java.util.ArrayList<String>();
        all.add(name);
        all.addAll(aliases);
        return List.copyOf(all);
    }
}
