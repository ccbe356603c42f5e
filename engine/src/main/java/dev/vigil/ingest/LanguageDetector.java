package dev.vigil.ingest;

import dev.vigil.model.Language;
import dev.vigil.model.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Objects;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects English or Russian per text and per interaction. Text is decided by its script (Cyrillic against Latin
 * letters) when the script is clear or the text is short, because statistical models are wrong on short chat lines
 * ("Добрый день" comes out as Chechen); long text of mixed script by OpenNLP's langdetect model, falling back to the
 * script when the model names a third language.
 * Text without letters gets the caller's default. The model is loaded once; instances are immutable and thread-safe.
 */
public final class LanguageDetector {
    /** Texts with fewer letters than this are decided by script alone. */
    public static final int SHORT_TEXT_LETTERS = 60;
    /** From this share of one script among the letters, the script decides without the model. */
    public static final double CLEAR_SCRIPT_SHARE = 0.9;
    /** The model's resource inside {@code opennlp-models-langdetect}. */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    private static final class Shared {
        static final LanguageDetector INSTANCE = new LanguageDetector(loadModel());
    }

    private final LanguageDetectorModel model;

    private LanguageDetector(LanguageDetectorModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The detector with the bundled model, loaded on first use and shared. */
    public static LanguageDetector standard() {
        return Shared.INSTANCE;
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE
                        + " not on the classpath (opennlp-models-langdetect)");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load language model " + MODEL_RESOURCE, e);
        }
    }

    /** The language of one text; {@code fallback} when it has no Cyrillic or Latin letters or they are even. */
    public Language detect(String text, Language fallback) {
        LetterCount count = LetterCount.of(text);
        if (count.total() >= SHORT_TEXT_LETTERS && !count.isClear()) {
            // a fresh LanguageDetectorME per call: the model is thread-safe, the ME wrapper is not documented so
            String lang = new LanguageDetectorME(model).predictLanguage(text).getLang();
            if (lang.equals("eng")) {
                return Language.EN;
            }
            if (lang.equals("rus")) {
                return Language.RU;
            }
        }
        return count.majority(fallback);
    }

    /**
     * The language of an interaction: the turns' languages weighted by their letters; {@code fallback} when the
     * turns have no letters or the weights are even.
     */
    public Language dominant(Collection<Turn> turns, Language fallback) {
        long en = 0;
        long ru = 0;
        for (Turn t : turns) {
            long letters = LetterCount.of(t.text()).total();
            if (t.language() == Language.RU) {
                ru += letters;
            } else {
                en += letters;
            }
        }
        if (en == ru) {
            return fallback;
        }
        return ru > en ? Language.RU : Language.EN;
    }

    /** Cyrillic and Latin letters of a text. */
    record LetterCount(int cyrillic, int latin) {
        static LetterCount of(String text) {
            int cyr = 0;
            int lat = 0;
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                if (Character.isLetter(c)) {
                    Character.UnicodeScript script = Character.UnicodeScript.of(c);
                    if (script == Character.UnicodeScript.CYRILLIC) {
                        cyr++;
                    } else if (script == Character.UnicodeScript.LATIN) {
                        lat++;
                    }
                }
            }
            return new LetterCount(cyr, lat);
        }

        int total() {
            return cyrillic + latin;
        }

        /** Whether one script has at least {@link #CLEAR_SCRIPT_SHARE} of the letters. */
        boolean isClear() {
            return Math.max(cyrillic, latin) >= CLEAR_SCRIPT_SHARE * total();
        }

        Language majority(Language fallback) {
            if (cyrillic == latin) {
                return fallback;
            }
            return cyrillic > latin ? Language.RU : Language.EN;
        }
    }
}
