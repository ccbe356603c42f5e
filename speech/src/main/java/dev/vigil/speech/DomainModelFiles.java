package dev.vigil.speech;

import dev.vigil.model.Language;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A built domain language model: an ARPA trigram file and the extra pronunciations its words need.
 *
 * @param language      the language of its sentences
 * @param languageModel the ARPA file {@code <cache>/lm/<sha256>.lm}
 * @param dictionary    extra pronunciations {@code <cache>/lm/<sha256>.dict} (possibly empty), loaded as a Sphinx4
 *                      dictionary addendum
 * @param vocabulary    the model's words (without {@code <s>} and {@code </s>})
 * @param reused        whether the files came from the cache rather than being built now
 */
public record DomainModelFiles(Language language, Path languageModel, Path dictionary, Set<String> vocabulary,
                               boolean reused) {
    public DomainModelFiles {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(languageModel, "languageModel");
        Objects.requireNonNull(dictionary, "dictionary");
        vocabulary = Set.copyOf(vocabulary);
    }
}
