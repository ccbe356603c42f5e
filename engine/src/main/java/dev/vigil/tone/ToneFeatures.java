package dev.vigil.tone;

import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.rules.RuleTextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The features the tone classifier sees in a text, analysed as the rules analyse it: a bag of Snowball-stemmed,
 * lower-cased words ({@code w=stem}), of the first {@value #PREFIX} letters of longer stems ({@code p=deb}, which joins
 * derived forms such as «дебил» and «дебильный» that stemming keeps apart) and of adjacent word pairs
 * ({@code b=stem_stem}), each with the words of the text it came from. Training and scoring use this one class, so a
 * model always sees the features it was trained on. Thread-safe (a new token stream per call).
 */
public final class ToneFeatures {
    /** Letters of a stem that make its prefix feature: joins derived forms stemming keeps apart (дебил, дебильный). */
    static final int PREFIX = 4;
    /** The rules' own analysis (folding, masked and disguised words, protected words, Snowball), without morphology. */
    private static final RuleTextAnalyzer ANALYZER = new RuleTextAnalyzer();

    /**
     * One feature of a text.
     *
     * @param name  the feature as the model knows it, for example {@code w=delay} or {@code b=never_again}
     * @param words the words of the text it stands for, as written, for example {@code never again}
     */
    public record Feature(String name, String words) {
        public Feature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(words, "words");
        }
    }

    private ToneFeatures() {
    }

    /** Every feature of {@code text} in {@code language}, in text order, repeated as often as it occurs. */
    public static List<Feature> of(String text, Language language) {
        List<String[]> tokens = tokens(text, language);
        var out = new ArrayList<Feature>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            String[] t = tokens.get(i);
            out.add(new Feature("w=" + t[0], t[1]));
            if (t[0].length() > PREFIX) {
                out.add(new Feature("p=" + t[0].substring(0, PREFIX), t[1]));
            }
            if (i + 1 < tokens.size()) {
                String[] next = tokens.get(i + 1);
                out.add(new Feature("b=" + t[0] + "_" + next[0], t[1] + " " + next[1]));
            }
        }
        return out;
    }

    /** The feature names of {@code text}, as the model is trained on and scores them. */
    public static String[] names(String text, Language language) {
        return of(text, language).stream().map(Feature::name).toArray(String[]::new);
    }

    /**
     * {stem, word as written} per word, analysed exactly as the rules analyse text ({@link RuleTextAnalyzer}); a
     * disguised spelling's plain form ({@code sh1t} → shit) is left out, so each word counts once; numbers become
     * {@code #}.
     */
    private static List<String[]> tokens(String text, Language language) {
        var out = new ArrayList<String[]>();
        try (TokenStream stream = ANALYZER.tokenStream(RuleTextAnalyzer.field(Speaker.CUSTOMER, language), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() == 0) {
                    continue;
                }
                String stem = term.toString();
                if (stem.chars().allMatch(Character::isDigit)) {
                    stem = "#";
                }
                int start = Math.max(0, Math.min(offset.startOffset(), text.length()));
                int end = Math.max(start, Math.min(offset.endOffset(), text.length()));
                out.add(new String[] {stem, text.substring(start, end)});
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tokenise text", e); // a StringReader does not fail
        }
        return out;
    }
}
