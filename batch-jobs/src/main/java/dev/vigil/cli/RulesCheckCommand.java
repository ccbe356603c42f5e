package dev.vigil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vigil rules check [DIR]}: validates rule packs and scorecards and runs every rule's examples. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate rule packs and scorecards, and run every rule's must-match and must-not-match examples.")
public class RulesCheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "A folder with packs/ and scorecards/ (default: the packs shipped with Vigil).")
    Path dir;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("wired when the rules engine lands");
    }
}
