package dev.vigil.speech;

import dev.vigil.config.Inbox;
import dev.vigil.config.InboxLoader;
import dev.vigil.ingest.CallFiles;
import dev.vigil.ingest.Ingestor;
import dev.vigil.ingest.RejectedInputException;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Turn;
import dev.vigil.rules.Rule;
import dev.vigil.rules.RulePack;
import dev.vigil.rules.RulePackLoader;
import dev.vigil.rules.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Collects the in-domain sentences a {@link DomainLanguageModel} is built from: the example turns of the rule packs,
 * the text of the chats and emails in an inbox, and plain-text scripts. Stateless.
 */
public final class DomainCorpus {

    private DomainCorpus() {
    }

    /** The match and no-match examples of every pack in {@code language}, one sentence each. */
    public static List<String> ruleExamples(RuleSource rules, Language language) {
        var out = new ArrayList<String>();
        for (RulePack pack : new RulePackLoader().load(rules.packs())) {
            if (pack.language() != language) {
                continue;
            }
            for (Rule r : pack.rules()) {
                r.examples().match().forEach(t -> out.addAll(sentences(t, language)));
                r.examples().noMatch().forEach(t -> out.addAll(sentences(t, language)));
            }
        }
        return out;
    }

    /**
     * The sentences of every chat and email of an inbox whose turns are in {@code language}, plus any {@code .txt}
     * file the ingestor does not take (call scripts). Files that cannot be read are skipped.
     */
    public static List<String> inboxText(Path inboxDir, Language language) {
        Inbox inbox = InboxLoader.load(inboxDir);
        var ingestor = new Ingestor(inbox);
        var out = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(inboxDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
                if (CallFiles.isAudio(f) || !InboxLoader.isInteractionFile(inboxDir, f)) {
                    continue;
                }
                try {
                    Interaction i = ingestor.read(f);
                    for (Turn t : i.turns()) {
                        if (t.language() == language) {
                            out.addAll(sentences(t.text(), language));
                        }
                    }
                } catch (RejectedInputException e) {
                    if (ext.equals("txt")) {
                        try {
                            out.addAll(scriptText(f, language));
                        } catch (UncheckedIOException unreadable) {
                            // not UTF-8 text: neither a chat nor a script, so it adds nothing
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inboxDir, e);
        }
        return out;
    }

    /** The sentences of a plain-text script. */
    public static List<String> scriptText(Path file, Language language) {
        try {
            return sentences(Files.readString(file, StandardCharsets.UTF_8), language);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Splits text into sentences with the JDK's sentence iterator for the language. */
    public static List<String> sentences(String text, Language language) {
        BreakIterator it = BreakIterator.getSentenceInstance(language.locale());
        it.setText(text);
        var out = new ArrayList<String>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
