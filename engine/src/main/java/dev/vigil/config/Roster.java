package dev.vigil.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The agents an inbox knows, looked up by id or by e-mail address (case-insensitive). Immutable and thread-safe. */
public final class Roster {
    private final Map<String, Agent> byId;
    private final Map<String, Agent> byEmail;
    private final boolean present;

    private Roster(Collection<Agent> agents, boolean present) {
        var ids = new LinkedHashMap<String, Agent>();
        var emails = new LinkedHashMap<String, Agent>();
        for (Agent a : agents) {
            ids.put(a.id(), a);
            a.email().ifPresent(e -> emails.put(e.toLowerCase(Locale.ROOT), a));
        }
        this.byId = Map.copyOf(ids);
        this.byEmail = Map.copyOf(emails);
        this.present = present;
    }

    public static Roster of(Collection<Agent> agents) {
        return new Roster(agents, true);
    }

    /** A roster for an inbox without {@code agents.csv}: every agent id is accepted as it is. */
    public static Roster absent() {
        return new Roster(java.util.List.of(), false);
    }

    /** Whether the inbox had an {@code agents.csv}; without one, agents cannot be checked. */
    public boolean isPresent() {
        return present;
    }

    public Optional<Agent> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Agent> byEmail(String email) {
        return Optional.ofNullable(byEmail.get(email.trim().toLowerCase(Locale.ROOT)));
    }

    public Collection<Agent> agents() {
        return byId.values();
    }
}
