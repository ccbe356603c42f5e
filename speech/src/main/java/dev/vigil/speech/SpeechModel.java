package dev.vigil.speech;

import dev.vigil.model.Language;
import java.util.Objects;

/**
 * A checked, loadable CMU Sphinx model for one language. Locations are Sphinx4 resource strings: {@code resource:/...}
 * for the bundled en-us model, {@code file:/...} URLs for user-supplied folders.
 *
 * @param language       the language it recognises
 * @param acousticModel  the acoustic model folder
 * @param dictionary     the pronunciation dictionary
 * @param languageModel  the general language model ({@code .lm}, {@code .bin} or {@code .dmp})
 * @param description    where it came from, for messages and reports
 */
public record SpeechModel(Language language, String acousticModel, String dictionary, String languageModel,
                          String description) {
    /** The en-us model bundled in the {@code sphinx4-data} jar. */
    public static final SpeechModel BUNDLED_EN_US = new SpeechModel(Language.EN,
            "resource:/edu/cmu/sphinx/models/en-us/en-us",
            "resource:/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict",
            "resource:/edu/cmu/sphinx/models/en-us/en-us.lm.bin",
            "bundled CMU Sphinx en-us model (sphinx4-data)");

    public SpeechModel {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(acousticModel, "acousticModel");
        Objects.requireNonNull(dictionary, "dictionary");
        Objects.requireNonNull(languageModel, "languageModel");
        Objects.requireNonNull(description, "description");
    }
}
