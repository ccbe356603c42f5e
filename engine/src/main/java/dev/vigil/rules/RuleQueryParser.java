package dev.vigil.rules;

import dev.vigil.model.Language;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a rule's query text into a Lucene query over speaker fields: fills the {@code ${...}} variables and parses the
 * result with Lucene's {@link StandardQueryParser} (phrases, boolean operators, proximity, prefixes, regular
 * expressions and {@code fn:} interval functions). Thread-safe: a parser is created per call.
 */
final class RuleQueryParser {
    static final String COMPANY = "company";
    static final String AGENT_FIRST_NAME = "agent.first_name";
    static final Set<String> VARIABLES = Set.of(COMPANY, AGENT_FIRST_NAME);
    /** The shortest query word (in letters) that {@code typos} makes fuzzy. */
    static final int TYPO_MIN_LENGTH = 6;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    /** How deep {@code define} names may refer to other names. */
    private static final int MAX_DEFINE_DEPTH = 8;

    private final Analyzer analyzer;

    RuleQueryParser(Analyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /**
     * The values of the variables for one interaction.
     *
     * @param companyNames   the company's name and aliases, blanks removed
     * @param agentFirstName the agent's first name
     */
    record Variables(List<String> companyNames, Optional<String> agentFirstName) {
        Variables {
            companyNames = companyNames.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
            agentFirstName = agentFirstName.map(String::strip).filter(n -> !n.isEmpty());
        }
    }

    /** The variable names {@code query} uses that Vigil does not know. */
    static List<String> unknownVariables(String query) {
        var unknown = new ArrayList<String>();
        Matcher m = VARIABLE.matcher(query);
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /**
     * Substitutes a pack's {@code define} names in {@code query}, textually, including names used inside other
     * definitions. Built-in variables and unknown names are left as they are.
     *
     * @throws IllegalArgumentException when definitions refer to each other in a cycle
     */
    static String substituteDefines(String query, Map<String, String> defines) {
        String current = query;
        for (int depth = 0; depth <= MAX_DEFINE_DEPTH; depth++) {
            Matcher m = VARIABLE.matcher(current);
            var sb = new StringBuilder();
            boolean replaced = false;
            while (m.find()) {
                String value = defines.get(m.group(1));
                if (value == null) {
                    m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
                } else {
                    m.appendReplacement(sb, Matcher.quoteReplacement(value));
                    replaced = true;
                }
            }
            m.appendTail(sb);
            if (!replaced) {
                return sb.toString();
            }
            current = sb.toString();
        }
        throw new IllegalArgumentException("define names refer to each other too deeply (a cycle?)");
    }

    /**
     * Fills the variables of {@code query}: {@code ${company}} becomes the company's names as quoted phrases joined by
     * OR, {@code ${agent.first_name}} the quoted first name.
     *
     * @return the query text, or empty when a variable it uses has no value (the query then cannot match)
     */
    static Optional<String> resolve(String query, Variables values) {
        return resolveCompany(query, values.companyNames()).flatMap(q -> resolveAgent(q, values.agentFirstName()));
    }

    /** Fills {@code ${company}} only; empty when the query uses it and there is no name. */
    static Optional<String> resolveCompany(String query, List<String> companyNames) {
        List<String> names = companyNames.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        return substitute(query, COMPANY, names.isEmpty() ? Optional.empty()
                : Optional.of("(" + String.join(" OR ", names.stream().map(RuleQueryParser::quote).toList()) + ")"));
    }

    /** Fills {@code ${agent.first_name}} only; empty when the query uses it and there is no name. */
    static Optional<String> resolveAgent(String query, Optional<String> agentFirstName) {
        return substitute(query, AGENT_FIRST_NAME,
                agentFirstName.map(String::strip).filter(n -> !n.isEmpty()).map(RuleQueryParser::quote));
    }

    /** Whether {@code query} uses {@code ${agent.first_name}}. */
    static boolean usesAgent(String query) {
        return query.contains("${" + AGENT_FIRST_NAME + "}");
    }

    private static Optional<String> substitute(String query, String variable, Optional<String> value) {
        String placeholder = "${" + variable + "}";
        if (!query.contains(placeholder)) {
            return Optional.of(query);
        }
        return value.map(v -> query.replace(placeholder, v));
    }

    private static String quote(String phrase) {
        return "\"" + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Parses a query without variables once per field and ORs the results, so the query holds within any one field.
     *
     * @throws IllegalArgumentException with the parser's message when the syntax is wrong
     */
    Query parse(String query, List<String> fields) {
        return parse(query, fields, 0);
    }

    /**
     * As {@link #parse(String, List)}; with {@code typos} 1, every plain query word of at least
     * {@value #TYPO_MIN_LENGTH} letters (also inside exact phrases) matches with one edit, through Lucene's
     * {@link FuzzyQuery}. Prefixes, regular expressions, masked and protected words, {@code fn:} functions and
     * sloppy phrases are left exact.
     */
    Query parse(String query, List<String> fields, int typos) {
        if (query.isBlank()) {
            throw new IllegalArgumentException("query is empty");
        }
        var parsed = new ArrayList<Query>();
        for (String field : fields) {
            var parser = new StandardQueryParser(analyzer);
            parser.setAllowLeadingWildcard(false);
            try {
                Query q = parser.parse(query, field);
                parsed.add(typos > 0 ? fuzzy(q, longWords(query, field), typos) : q);
            } catch (QueryNodeException | java.io.IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot parse query '" + query.strip() + "': " + message(e), e);
            }
        }
        if (parsed.size() == 1) {
            return parsed.get(0);
        }
        var b = new BooleanQuery.Builder();
        parsed.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
        return b.build();
    }

    /** The analysed terms of the plain words of {@code query} that are long enough for typos. */
    private Set<String> longWords(String query, String field) throws java.io.IOException {
        Language language = RuleTextAnalyzer.languageOf(field);
        Set<String> protectedWords = RuleTextAnalyzer.protectedWords(language);
        var out = new HashSet<String>();
        Matcher m = WORD.matcher(query);
        while (m.find()) {
            String word = m.group();
            boolean masked = word.chars().anyMatch(c -> !Character.isLetter(c));
            int end = m.end();
            boolean prefix = end < query.length() && (query.charAt(end) == '*' || query.charAt(end) == '?');
            boolean lookAhead = end < query.length() && (query.charAt(end) == ':' || query.charAt(end) == '(');
            if (masked || prefix || lookAhead || word.codePointCount(0, word.length()) < TYPO_MIN_LENGTH
                    || protectedWords.contains(word.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е'))) {
                continue;
            }
            try (TokenStream ts = analyzer.tokenStream(field, word)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    out.add(term.toString());
                }
                ts.end();
            }
        }
        return out;
    }

    private static final Pattern WORD = Pattern.compile("(?<![/\\w*?~])[\\p{L}]+(?![\\w/])");

    /** {@code q} with its eligible terms made fuzzy; only plain terms and exact phrases are rewritten. */
    static Query fuzzy(Query q, Set<String> eligible, int edits) {
        if (q instanceof TermQuery t) {
            return eligible.contains(t.getTerm().text()) ? fuzzyTerm(t.getTerm(), edits) : q;
        }
        if (q instanceof BoostQuery b) {
            return new BoostQuery(fuzzy(b.getQuery(), eligible, edits), b.getBoost());
        }
        if (q instanceof BooleanQuery b) {
            var builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                builder.add(fuzzy(c.getQuery(), eligible, edits), c.getOccur());
            }
            return builder.build();
        }
        if (q instanceof PhraseQuery p && p.getSlop() == 0) {
            Term[] terms = p.getTerms();
            int[] positions = p.getPositions();
            boolean any = false;
            for (int i = 0; i < terms.length; i++) {
                any |= eligible.contains(terms[i].text());
                if (positions[i] != i) {
                    return q; // gaps: keep Lucene's own phrase
                }
            }
            if (!any || terms.length < 2) {
                return q;
            }
            SpanQuery[] clauses = new SpanQuery[terms.length];
            for (int i = 0; i < terms.length; i++) {
                clauses[i] = eligible.contains(terms[i].text())
                        ? new SpanMultiTermQueryWrapper<>(fuzzyTerm(terms[i], edits)) : new SpanTermQuery(terms[i]);
            }
            return new SpanNearQuery(clauses, 0, true);
        }
        return q;
    }

    private static FuzzyQuery fuzzyTerm(Term term, int edits) {
        return new FuzzyQuery(term, edits, 1, 50, true);
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }
}
