package dev.vigil.config;

import java.nio.file.Path;
import java.util.Objects;

/** An inbox folder with its configuration and roster loaded. */
public record Inbox(Path root, InboxConfig config, Roster roster) {
    public Inbox {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(roster, "roster");
    }
}
