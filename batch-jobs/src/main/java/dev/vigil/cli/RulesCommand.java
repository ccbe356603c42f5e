package dev.vigil.cli;

import picocli.CommandLine.Command;

/** {@code vigil rules}: work with rule packs. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Validate rule packs and run their examples.",
        subcommands = {RulesCheckCommand.class})
public class RulesCommand {
}
