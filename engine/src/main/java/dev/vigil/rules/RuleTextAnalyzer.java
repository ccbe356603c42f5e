package dev.vigil.rules;

import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import java.io.Reader;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analyzer of rule matching, for both the interaction's text and the rules' queries. Fields are named
 * {@code <speaker>_<language>} (for example {@code agent_en}, {@code customer_ru}); the language suffix picks the chain:
 * ё→е and ’→' folding, a tokenizer that keeps masked words ({@code f***}, {@code b!tch}, {@code с*ка}, {@code бл@})
 * whole, lower-casing, no stopwords (so "not" and «не» stay), and Snowball stemming (English or Russian); masked
 * words and the language's {@linkplain #protectedWords(Language) protected words} are not stemmed; a disguised spelling
 * ({@code sh1t}, {@code xуй}) adds its plain spelling at the same position; and with a {@link RuleMorphology} the
 * forms stemming cannot join (извините / приношу извинения, bad / worse) share a token. Values of one field
 * are separated by {@link #POSITION_GAP} positions, so phrases and proximity never cross turns. Thread-safe.
 */
public final class RuleTextAnalyzer extends Analyzer {
    /** Positions between two turns of one field: larger than any sensible slop. */
    public static final int POSITION_GAP = 100;
    /** Characters between two turns of one field, as Lucene adds them to offsets. */
    public static final int OFFSET_GAP = 1;

    private static final String WORD = "[\\p{L}\\p{M}\\p{N}]";
    private static final String MASK = "[*@$!#]";
    /**
     * A word: letters and digits, with inner apostrophes, inner mask characters, and trailing {@code *} or {@code @};
     * a leading {@code $} before a letter belongs to the word ({@code $hit}).
     */
    static final Pattern TOKEN = Pattern.compile("(?:\\$(?=\\p{L}))?"
            + WORD + "(?:" + WORD + "|'(?=" + WORD + ")|" + MASK + "+(?=" + WORD + ")|[*@]+(?!" + WORD + "))*");
    private static final NormalizeCharMap FOLDING;
    /**
     * Words the stemmer would merge with an unrelated word, kept whole (lower case, ё as е). Snowball maps «простите»
     * and «прости» to the stem of «просто», and «судя» to «суд»; protected, «простите» matches only «простите».
     */
    private static final CharArraySet PROTECTED_RU = CharArraySet.unmodifiableSet(
            new CharArraySet(List.of("простите", "прости", "судя"), false));
    private static final CharArraySet PROTECTED_EN = CharArraySet.EMPTY_SET;

    static {
        var b = new NormalizeCharMap.Builder();
        b.add("ё", "е");
        b.add("Ё", "Е");
        b.add("’", "'");
        b.add("ʼ", "'");
        FOLDING = b.build();
    }

    private final RuleMorphology morphology;

    /** The analyzer without morphology beyond stemming. */
    public RuleTextAnalyzer() {
        this(RuleMorphology.none());
    }

    /** The analyzer that also joins the forms of {@code morphology}, in text and queries alike. */
    public RuleTextAnalyzer(RuleMorphology morphology) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.morphology = java.util.Objects.requireNonNull(morphology, "morphology");
    }

    /** The field holding {@code speaker}'s turns in {@code language}. */
    public static String field(Speaker speaker, Language language) {
        return speaker.code() + "_" + language.code();
    }

    /**
     * The words of {@code language} that are indexed and queried unstemmed, in lower case with ё as е: a query word
     * from this set matches exactly that word form, and a stemmed query word never matches it.
     */
    public static Set<String> protectedWords(Language language) {
        var words = new TreeSet<String>();
        for (Object w : language == Language.EN ? PROTECTED_EN : PROTECTED_RU) {
            words.add(new String((char[]) w));
        }
        return Collections.unmodifiableSet(words);
    }

    static Language languageOf(String field) {
        int underscore = field.lastIndexOf('_');
        if (underscore < 0) {
            throw new IllegalArgumentException("field '" + field + "' has no language suffix");
        }
        return Language.fromCode(field.substring(underscore + 1));
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(FOLDING, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(FOLDING, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return components(languageOf(fieldName), morphology.map(languageOf(fieldName)));
    }

    /** The chain for one language: with a synonym map, its forms are joined after stemming (graph flattened). */
    static TokenStreamComponents components(Language language, java.util.Optional<SynonymMap> synonyms) {
        Tokenizer tokenizer = new PatternTokenizer(TOKEN, 0);
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new SpellingVariantFilter(stream, language);
        stream = new MaskedWordMarker(stream);
        stream = new SetKeywordMarkerFilter(stream, language == Language.EN ? PROTECTED_EN : PROTECTED_RU);
        if (language == Language.EN) {
            stream = new EnglishPossessiveFilter(stream);
            stream = new SnowballFilter(stream, new EnglishStemmer());
        } else {
            stream = new SnowballFilter(stream, new RussianStemmer());
        }
        if (synonyms.isPresent()) {
            stream = new FlattenGraphFilter(new SynonymGraphFilter(stream, synonyms.get(), false));
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    /** Reads text as this analyzer does before tokenizing (ё as е, typographic apostrophes as '). */
    static Reader fold(Reader reader) {
        return new MappingCharFilter(FOLDING, reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP;
    }

    @Override
    public int getOffsetGap(String fieldName) {
        return OFFSET_GAP;
    }

    /** Whether {@code text} yields at least one token (a turn without tokens is not indexed). */
    static boolean hasTokens(String text) {
        return TOKEN.matcher(text).find();
    }

    /**
     * The spelling a masked or disguised word stands for, when it differs: digits and symbols read as letters
     * ({@code sh1t}, {@code $hit}, {@code b!tch}), and in Russian, Latin look-alike letters read as Cyrillic
     * ({@code xуй}, {@code cyкa}). Empty when nothing changes or the result still holds other characters
     * ({@code f***}).
     */
    static java.util.Optional<String> spellingVariant(String word, Language language) {
        int letters = 0;
        boolean cyrillic = false;
        boolean allLookAlike = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                    cyrillic = true;
                } else if (LATIN_TO_CYRILLIC.indexOf(c) < 0) {
                    allLookAlike = false;
                }
            }
        }
        if (letters < 2) {
            return java.util.Optional.empty();
        }
        boolean toCyrillic = language == Language.RU && (cyrillic || allLookAlike);
        String from = toCyrillic ? CYRILLIC_FROM : LATIN_FROM;
        String to = toCyrillic ? CYRILLIC_TO : LATIN_TO;
        var sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int k = from.indexOf(c);
            char m = k >= 0 ? to.charAt(k) : c;
            if (!Character.isLetter(m)) {
                return java.util.Optional.empty();
            }
            sb.append(m);
        }
        String variant = sb.toString();
        return variant.equals(word) ? java.util.Optional.empty() : java.util.Optional.of(variant);
    }

    /** Latin letters that look like Cyrillic ones, lower case, and the Cyrillic letters at the same index. */
    private static final String LATIN_TO_CYRILLIC = "abcehkmoptxy";
    private static final String CYRILLIC_LOOK = "авсенкмортху";
    private static final String CYRILLIC_FROM = LATIN_TO_CYRILLIC + "0346@";
    private static final String CYRILLIC_TO = CYRILLIC_LOOK + "озчба";
    private static final String LATIN_FROM = "013457@$!";
    private static final String LATIN_TO = "oieastasi";

    /**
     * Adds the {@linkplain #spellingVariant spelling variant} of a word as a second token at the same position, so a
     * plain query word also matches its disguised spellings.
     */
    private static final class SpellingVariantFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final Language language;
        private State pending;
        private String variant;

        SpellingVariantFilter(TokenStream in, Language language) {
            super(in);
            this.language = language;
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (pending != null) {
                restoreState(pending);
                pending = null;
                term.setEmpty().append(variant);
                posInc.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            java.util.Optional<String> v = spellingVariant(term.toString(), language);
            if (v.isPresent()) {
                pending = captureState();
                variant = v.get();
            }
            return true;
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            pending = null;
        }
    }

    /** Marks words with mask characters as keywords, so the stemmer leaves {@code с*ка} and {@code f***} alone. */
    private static final class MaskedWordMarker extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

        MaskedWordMarker(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (!input.incrementToken()) {
                return false;
            }
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (c == '*' || c == '@' || c == '$' || c == '!' || c == '#') {
                    keyword.setKeyword(true);
                    break;
                }
            }
            return true;
        }
    }
}
