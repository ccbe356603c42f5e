package dev.vigil.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbox folder with its configuration, roster and survey answers loaded. Immutable and thread-safe.
 *
 * @param root    the inbox folder
 * @param config  {@code vigil.yaml}, or the defaults
 * @param roster  {@code agents.csv}, or {@link Roster#absent()}
 * @param surveys {@code surveys.csv} rows by interaction id; empty without the file
 */
public record Inbox(Path root, InboxConfig config, Roster roster, Map<String, Survey> surveys) {
    public Inbox {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(roster, "roster");
        surveys = Map.copyOf(surveys);
    }

    /** An inbox without survey answers. */
    public Inbox(Path root, InboxConfig config, Roster roster) {
        this(root, config, roster, Map.of());
    }

    /** The survey answers for an interaction, if {@code surveys.csv} has them. */
    public Optional<Survey> survey(String interactionId) {
        return Optional.ofNullable(surveys.get(interactionId));
    }
}
