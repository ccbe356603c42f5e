package dev.vigil.cli;

import dev.vigil.model.Language;
import dev.vigil.rules.RuleSource;
import dev.vigil.speech.DomainCorpus;
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
    /** The default cache folder: {@code ~/.cache/vigil}. */
    static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "vigil");
    }

    /** The in-domain sentences: rule pack examples, optionally an inbox's chats, emails and scripts, and text files. */
    static List<String> sentences(Optional<Path> rules, Optional<Path> inbox, List<Path> texts) {
        var out = new ArrayList<>(DomainCorpus.ruleExamples(RuleSource.directoryOrDefault(rules), Language.EN));
        inbox.ifPresent(i -> out.addAll(DomainCorpus.inboxText(i, Language.EN)));
        for (Path t : texts) {
            out.addAll(DomainCorpus.scriptText(t, Language.EN));
        }
        return out;
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

        @Option(names = "--cache", description = "Cache folder (default: ~/.cache/vigil).")
        Path cache;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<String> sentences = sentences(Optional.ofNullable(rules), Optional.ofNullable(inbox), texts);
            DomainModelFiles files = DomainLanguageModel.build(sentences, cache == null ? defaultCache() : cache);
            out.printf("%s domain language model: %d sentences, %d words%n", files.reused() ? "Reused" : "Built",
                    sentences.size(), files.vocabulary().size());
            out.println("  language model: " + files.languageModel());
            out.println("  extra pronunciations: " + files.dictionary());
            return 0;
        }
    }
}
