package dev.vigil.cli;

import dev.vigil.model.Language;
import dev.vigil.rules.RuleSource;
import dev.vigil.speech.InboxSpeech;
import dev.vigil.speech.DomainLanguageModel;
import dev.vigil.speech.DomainModelFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil lm}: the domain language model for call transcription. */
@Command(name = "lm", mixinStandardHelpOptions = true, description = "Domain language model for call transcription.",
        subcommands = {LmCommand.Build.class})
public class LmCommand {
    /** The default cache folder: the nightly job's data folder, whose {@code lm/} the job reads. */
    static Path defaultCache() {
        return Path.of("vigil-data");
    }

    /** {@code vigil lm build}: builds (or finds in the cache) the English domain model and prints its files. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build the English domain language model from the rule packs' examples, the inbox's chats, "
                    + "emails and .txt scripts, and any --text files. Cached by content hash under --cache/lm/.")
    static class Build implements Callable<Integer> {
        @Option(names = "--inbox", description = "Inbox folder whose chats, emails and .txt scripts are added.")
        Path inbox;

        @Option(names = "--rules", description = "Rules folder (default: the packs shipped with Vigil).")
        Path rules;

        @Option(names = "--text", description = "Extra plain-text files (call scripts), one sentence per line or prose.")
        List<Path> texts = new ArrayList<>();

        @Option(names = "--cache", description = "Cache folder (default: vigil-data, the nightly job's --db, so the job reuses the model).")
        Path cache;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<String> sentences = InboxSpeech.domainSentences(RuleSource.directoryOrDefault(Optional.ofNullable(rules)),
                    Optional.ofNullable(inbox), texts);
            DomainModelFiles files = DomainLanguageModel.build(sentences, cache == null ? defaultCache() : cache);
            out.printf("%s domain language model: %d sentences, %d words%n", files.reused() ? "Reused" : "Built",
                    sentences.size(), files.vocabulary().size());
            out.println("  language model: " + files.languageModel());
            out.println("  extra pronunciations: " + files.dictionary());
            return 0;
        }
    }
}
