package dev.vigil.speech;

import dev.vigil.config.Inbox;
import dev.vigil.ingest.CallFiles;
import dev.vigil.ingest.Ingestor;
import dev.vigil.ingest.InputFormats;
import dev.vigil.ingest.LanguageDetector;
import dev.vigil.model.Language;
import dev.vigil.rules.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Speech for one inbox: the transcriber with the inbox's configured models and a domain language model, and an
 * ingestor that reads calls as well as chats and emails. The one place the nightly job, {@code vigil analyze} and
 * {@code vigil lm build} get these from, so that they all build the same domain model (and so share its cache).
 */
public final class InboxSpeech {
    private InboxSpeech() {
    }

    /**
     * The in-domain English sentences: every example of the rule packs, the text of an inbox's chats, emails and
     * {@code .txt} scripts, and extra text files.
     */
    public static List<String> domainSentences(RuleSource rules, Optional<Path> inbox, List<Path> texts) {
        var out = new ArrayList<>(DomainCorpus.ruleExamples(rules, Language.EN));
        inbox.ifPresent(i -> out.addAll(DomainCorpus.inboxText(i, Language.EN)));
        for (Path t : texts) {
            out.addAll(DomainCorpus.scriptText(t, Language.EN));
        }
        return out;
    }

    /**
     * The transcriber for an inbox: its configured models, checked now, and, when the inbox holds any recording, the
     * English domain model built from the rule packs and the inbox's text (or reused from {@code cacheDir/lm}).
     *
     * @throws TranscriptionException naming the key, the path and what is missing when a configured model is broken
     */
    public static SphinxTranscriber transcriber(Inbox inbox, RuleSource rules, Path cacheDir)
            throws TranscriptionException {
        SpeechModels models = new SpeechModels(inbox.config().calls().models());
        models.check();
        Map<Language, DomainModelFiles> domain = hasRecordings(inbox.root())
                ? Map.of(Language.EN, DomainLanguageModel.build(
                        domainSentences(rules, Optional.of(inbox.root()), List.of()), cacheDir))
                : Map.of();
        return new SphinxTranscriber(models, domain, inbox.config().calls().domainWeight(), DecoderBeams.DEFAULT);
    }

    /** An ingestor that reads calls with {@code transcriber} as well as every text format. */
    public static Ingestor ingestor(Inbox inbox, Transcriber transcriber) {
        return new Ingestor(inbox, InputFormats.standard().with(new CallReader(transcriber)),
                LanguageDetector.standard());
    }

    private static boolean hasRecordings(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(f -> Files.isRegularFile(f) && CallFiles.isAudio(f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
