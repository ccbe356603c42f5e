package dev.vigil.tone;

import dev.vigil.model.Language;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The features the tone classifier sees in a text: a bag of Snowball-stemmed, lower-cased words ({@code w=stem}), of the
 * first {@value #PREFIX} letters of longer stems ({@code p=deb}, which joins derived forms such as «дебил» and
 * «дебильный» that stemming keeps apart) and of adjacent word pairs ({@code b=stem_stem}), each with the words of the
 * text it came from. Training and scoring use
 * this one class, so a model always sees the features it was trained on. Thread-safe (a new token stream per call).
 */
public final class ToneFeatures {
    /** A word: letters and digits with inner apostrophes, or a masked word such as {@code f***} or {@code б**}. */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}]|'(?=\\p{L})|[*@$!#]+(?=\\p{L})|\\*+(?![\\p{L}\\p{N}]))*");
    private static final NormalizeCharMap FOLDING;
    /** Letters of a stem that make its prefix feature: joins derived forms stemming keeps apart (дебил, дебильный). */
    static final int PREFIX = 4;

    static {
        var b = new NormalizeCharMap.Builder();
        b.add("ё", "е");
        b.add("Ё", "Е");
        b.add("’", "'");
        b.add("ʼ", "'");
        FOLDING = b.build();
    }

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

    /** {stem, word as written} per token; numbers become {@code #}. */
    private static List<String[]> tokens(String text, Language language) {
        var out = new ArrayList<String[]>();
        var tokenizer = new PatternTokenizer(TOKEN, 0);
        tokenizer.setReader(new MappingCharFilter(FOLDING, new StringReader(text)));
        SnowballStemmer stemmer = language == Language.RU ? new RussianStemmer() : new EnglishStemmer();
        try (TokenStream stream = new SnowballFilter(new LowerCaseFilter(tokenizer), stemmer)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
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
