package dev.vigil.cli;

import dev.vigil.rules.RuleSource;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code vigil rules}: work with rule packs. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Validate rule packs and run their examples.",
        subcommands = {RulesCheckCommand.class})
public class RulesCommand {
    /** The rule source for an optional folder: the folder, or the default packs. */
    static RuleSource source(Path dir) {
        return dir == null ? RuleSource.classpath() : RuleSource.directory(dir);
    }
}
