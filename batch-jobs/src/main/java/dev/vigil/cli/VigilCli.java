package dev.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: speech and text QA for contact centres. */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "Vigil 0.1.0",
        description = "Quality monitoring for customer-service chats, emails and calls.",
        subcommands = {NightlyCommand.class, AnalyzeCommand.class, RulesCommand.class, EvalCommand.class,
                BenchmarkCommand.class, LmCommand.class, CommandLine.HelpCommand.class})
public class VigilCli {
    public static void main(String[] args) {
        CommandLine cli = commandLine();
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(exit);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        var cli = new CommandLine(new VigilCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("vigil: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cli;
    }
}
