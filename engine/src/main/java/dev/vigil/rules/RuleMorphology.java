package dev.vigil.rules;

import dev.vigil.model.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;

/**
 * Word forms that stemming cannot join, per language: suppletive forms and aspect pairs (извините / извиняюсь /
 * прошу прощения; человек / люди; bad / worse / worst). Read from {@code morphology/<lang>.txt} in Solr synonym format
 * with Lucene's {@link SolrSynonymParser}: each line {@code a, b, c} is one group whose entries are analysed (stemmed)
 * like the text and all share the first entry's token, added at the same position while the original words stay.
 * {@link RuleTextAnalyzer} applies it to text and queries alike, so a one-word query of a group matches every form of
 * the group. Immutable and thread-safe.
 */
public final class RuleMorphology {
    private static final RuleMorphology NONE = new RuleMorphology(Map.of());

    private final Map<Language, SynonymMap> maps;

    private RuleMorphology(Map<Language, SynonymMap> maps) {
        this.maps = Map.copyOf(maps);
    }

    /** No forms beyond stemming. */
    public static RuleMorphology none() {
        return NONE;
    }

    /**
     * Parses morphology files named {@code morphology/<lang>.txt}.
     *
     * @param files    the files' names and contents
     * @param problems where a problem is added, as {@code <file>: <problem>}
     */
    static RuleMorphology load(List<RuleSource.NamedResource> files, List<String> problems) {
        var maps = new EnumMap<Language, SynonymMap>(Language.class);
        for (RuleSource.NamedResource file : files) {
            String base = file.name().substring(file.name().lastIndexOf('/') + 1);
            Language language;
            try {
                language = Language.fromCode(base.replaceFirst("\\.txt$", ""));
            } catch (IllegalArgumentException e) {
                problems.add(file.name() + ": a morphology file is named <language>.txt (en.txt or ru.txt)");
                continue;
            }
            if (maps.containsKey(language)) {
                problems.add(file.name() + ": a second morphology file for " + language.code());
                continue;
            }
            try {
                maps.put(language, parse(language, file.content()));
            } catch (ParseException e) {
                problems.add(file.name() + ": line " + e.getErrorOffset() + ": " + causeOf(e));
            } catch (IOException | RuntimeException e) {
                problems.add(file.name() + ": " + e.getMessage());
            }
        }
        return new RuleMorphology(maps);
    }

    /**
     * Morphology from texts in Solr synonym format, one per language.
     *
     * @throws InvalidRulesException when a text cannot be parsed
     */
    public static RuleMorphology of(Map<Language, String> texts) {
        var problems = new java.util.ArrayList<String>();
        RuleMorphology m = load(texts.entrySet().stream().map(e -> new RuleSource.NamedResource(
                RuleSource.MORPHOLOGY + "/" + e.getKey().code() + ".txt", e.getValue())).toList(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return m;
    }

    private static String causeOf(ParseException e) {
        Throwable c = e.getCause();
        return c != null && c.getMessage() != null ? c.getMessage() : String.valueOf(e.getMessage());
    }

    private static SynonymMap parse(Language language, String text) throws IOException, ParseException {
        Analyzer stemming = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return RuleTextAnalyzer.components(language, Optional.empty());
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return RuleTextAnalyzer.fold(reader);
            }
        };
        try (stemming) {
            var parser = new GroupParser(stemming);
            parser.parse(new StringReader(text));
            return parser.build();
        }
    }

    /** The synonym map of {@code language}, when its file exists. */
    Optional<SynonymMap> map(Language language) {
        return Optional.ofNullable(maps.get(language));
    }

    /** Whether a morphology file was loaded for {@code language}. */
    public boolean covers(Language language) {
        return maps.containsKey(language);
    }

    @Override
    public String toString() {
        return "RuleMorphology" + maps.keySet();
    }

    /**
     * Solr format without expansion (every entry maps to the group's first entry), but keeping the original words, so
     * a query of one exact form still finds that form.
     */
    private static final class GroupParser extends SolrSynonymParser {
        GroupParser(Analyzer analyzer) {
            super(true, false, analyzer);
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (!input.equals(output)) {
                super.add(input, output, true);
            }
        }
    }
}
