package dev.vigil.tone;

import dev.vigil.model.Category;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import java.util.Objects;

/**
 * One tone model as {@code tone.yaml} declares it: which category it detects in whose turns of which language, whether
 * it runs, and from what probability its verdict becomes a finding.
 *
 * @param language  the language of the turns it scores (and of its training data)
 * @param category  what it detects, for example {@link Category#COMPLAINT}
 * @param speaker   whose turns it scores: complaints are customers', rudeness is agents'
 * @param enabled   whether the engine loads and runs it; a disabled model is still trained, for measuring
 * @param threshold the probability of the category, in (0, 1], from which a turn gets a finding
 */
public record ToneModelSpec(Language language, Category category, Speaker speaker, boolean enabled,
                            double threshold) {
    public ToneModelSpec {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(speaker, "speaker");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], not " + threshold);
        }
    }

    /** The model's name, {@code <lang>-<category>}, for example {@code en-complaint}. */
    public String name() {
        return language.code() + "-" + category.code();
    }

    /** The model's file name, for example {@code en-complaint.bin}. */
    public String modelFile() {
        return name() + ".bin";
    }

    /** The training data's path relative to the tone folder, for example {@code en/complaint.tsv}. */
    public String dataFile() {
        return language.code() + "/" + category.code() + ".tsv";
    }

    /** The rule id its findings carry, for example {@code tone.complaint.en}. */
    public String ruleId() {
        return "tone." + category.code() + "." + language.code();
    }

    /** The same model with another threshold, for measuring. */
    public ToneModelSpec withThreshold(double t) {
        return new ToneModelSpec(language, category, speaker, enabled, t);
    }
}
