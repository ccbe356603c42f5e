package dev.vigil.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Turns a rule's query text into a Lucene query over speaker fields: fills the {@code ${...}} variables and parses the
 * result with Lucene's {@link StandardQueryParser} (phrases, boolean operators, proximity, prefixes, regular
 * expressions and {@code fn:} interval functions). Thread-safe: a parser is created per call.
 */
final class RuleQueryParser {
    static final String COMPANY = "company";
    static final String AGENT_FIRST_NAME = "agent.first_name";
    static final Set<String> VARIABLES = Set.of(COMPANY, AGENT_FIRST_NAME);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

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
        if (query.isBlank()) {
            throw new IllegalArgumentException("query is empty");
        }
        var parsed = new ArrayList<Query>();
        for (String field : fields) {
            var parser = new StandardQueryParser(analyzer);
            parser.setAllowLeadingWildcard(false);
            try {
                parsed.add(parser.parse(query, field));
            } catch (QueryNodeException | RuntimeException e) {
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

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }
}
