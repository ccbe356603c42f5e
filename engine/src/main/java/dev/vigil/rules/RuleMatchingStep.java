package dev.vigil.rules;

import dev.vigil.analyze.Analysis;
import dev.vigil.analyze.AnalysisStep;
import dev.vigil.analyze.Product;
import dev.vigil.model.CharSpan;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;

/**
 * The analysis step that matches rule packs against an interaction with one Lucene {@link Monitor} and turns the hits
 * into {@link Finding}s.
 *
 * <p>Each interaction becomes one Lucene document with one field per speaker and language ({@code agent_en},
 * {@code customer_ru}, ...); each turn is one more value of its field, {@link RuleTextAnalyzer#POSITION_GAP}
 * positions after the previous one, so phrases and proximity stay inside a turn while boolean operators see all of one
 * speaker's turns. A pack of language L applies to turns detected as L. Hit offsets are mapped back to the turn.
 * Windows filter the hits; a rule with parts fires only when every part has a hit inside its window; one finding is
 * made per rule and turn, spanning that turn's hits.
 *
 * <p>{@code ${company}} is filled in once, when the step is built. Queries with {@code ${agent.first_name}} are
 * registered in the same monitor once per distinct agent first name, on first use, and forgotten
 * least-recently-used beyond {@value #MAX_AGENT_NAMES} names; so every query takes the same matching path.
 *
 * <p>Thread-safe: build it once and share it. It owns a Lucene monitor whose purge thread is not a daemon:
 * {@link #close()} it when done, or the JVM will not exit on its own.
 */
public final class RuleMatchingStep implements AnalysisStep, AutoCloseable {
    /** How many distinct agent first names keep their resolved queries registered. */
    public static final int MAX_AGENT_NAMES = 4096;

    private final RuleSet ruleSet;
    private final CompanyProfile company;
    private final RuleQueryParser parser;
    private final Monitor monitor;
    private final Set<String> usedFields;
    private final List<AgentPart> agentParts;
    private final int maxAgentNames;
    private final Map<String, QueryRef> queries = new ConcurrentHashMap<>();
    private final Map<String, String> matchErrors = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, List<String>> variableSets = new LinkedHashMap<>(16, 0.75f, true);

    /** Which rule part a registered monitor query stands for; {@code variableKey} is empty for fixed queries. */
    private record QueryRef(Rule rule, int part, String variableKey) {
    }

    /** A rule part whose query (company already filled in) still needs the agent's first name. */
    private record AgentPart(Rule rule, int part, String query) {
    }

    /** A hit mapped back to its turn: character offsets into the turn's text. */
    private record TurnHit(int turn, int start, int end) {
    }

    /**
     * Compiles every rule once.
     *
     * @param rules   validated rule packs
     * @param company the company that {@code ${company}} stands for
     */
    public RuleMatchingStep(RuleSet rules, CompanyProfile company) {
        this(rules, company, MAX_AGENT_NAMES);
    }

    /** As {@link #RuleMatchingStep(RuleSet, CompanyProfile)}, keeping at most {@code maxAgentNames} names registered. */
    RuleMatchingStep(RuleSet rules, CompanyProfile company, int maxAgentNames) {
        if (maxAgentNames < 1) {
            throw new IllegalArgumentException("maxAgentNames must be positive");
        }
        this.maxAgentNames = maxAgentNames;
        this.ruleSet = Objects.requireNonNull(rules, "rules");
        this.company = Objects.requireNonNull(company, "company");
        RuleTextAnalyzer analyzer = new RuleTextAnalyzer();
        this.parser = new RuleQueryParser(analyzer);
        this.usedFields = new HashSet<>();
        var fixed = new ArrayList<MonitorQuery>();
        var perAgent = new ArrayList<AgentPart>();
        for (Rule rule : rules.rules()) {
            List<String> fields = fields(rule.speaker(), rule.language());
            usedFields.addAll(fields);
            for (int i = 0; i < rule.parts().size(); i++) {
                Optional<String> query = RuleQueryParser.resolveCompany(rule.parts().get(i).query(), company.allNames());
                if (query.isEmpty()) {
                    continue; // no company name configured: this part cannot match
                }
                if (RuleQueryParser.usesAgent(query.get())) {
                    perAgent.add(new AgentPart(rule, i, query.get()));
                } else {
                    String id = rule.id() + "#" + i;
                    queries.put(id, new QueryRef(rule, i, ""));
                    fixed.add(new MonitorQuery(id, parser.parse(query.get(), fields)));
                }
            }
        }
        this.agentParts = List.copyOf(perAgent);
        try {
            this.monitor = new Monitor(analyzer);
            monitor.register(fixed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the rule monitor", e);
        }
    }

    /** The fields a rule of {@code speaker} and {@code language} searches. */
    static List<String> fields(RuleSpeaker speaker, Language language) {
        return switch (speaker) {
            case AGENT -> List.of(RuleTextAnalyzer.field(Speaker.AGENT, language));
            case CUSTOMER -> List.of(RuleTextAnalyzer.field(Speaker.CUSTOMER, language));
            case ANY -> List.of(RuleTextAnalyzer.field(Speaker.AGENT, language),
                    RuleTextAnalyzer.field(Speaker.CUSTOMER, language),
                    RuleTextAnalyzer.field(Speaker.UNKNOWN, language));
        };
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Set<Product> requires() {
        return EnumSet.noneOf(Product.class);
    }

    @Override
    public Set<Product> produces() {
        return EnumSet.of(Product.FINDINGS);
    }

    @Override
    public Analysis apply(Analysis analysis) {
        return analysis.withFindings(findings(analysis.interaction()));
    }

    /**
     * Rules whose query failed while matching some interaction, with the first error seen. A failing rule never stops
     * the others: it just produces no finding for that interaction.
     */
    public Map<String, String> matchErrors() {
        return Map.copyOf(matchErrors);
    }

    /** The rule set this step matches. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Every finding of every rule on {@code interaction}, ordered by turn, offset and rule id. */
    public List<Finding> findings(Interaction interaction) {
        Document doc = new Document();
        // per field: {offset where the turn's text starts in the field, turn index}, in field order
        Map<String, List<int[]>> placed = new HashMap<>();
        for (Turn turn : interaction.turns()) {
            String field = RuleTextAnalyzer.field(turn.speaker(), turn.language());
            if (!usedFields.contains(field) || !RuleTextAnalyzer.hasTokens(turn.text())) {
                continue; // a value without tokens would not advance Lucene's offsets
            }
            List<int[]> values = placed.computeIfAbsent(field, f -> new ArrayList<>());
            int base = 0;
            if (!values.isEmpty()) {
                int[] last = values.get(values.size() - 1);
                base = last[0] + interaction.turns().get(last[1]).text().length() + RuleTextAnalyzer.OFFSET_GAP;
            }
            values.add(new int[] {base, turn.index()});
            doc.add(new TextField(field, turn.text(), Field.Store.NO));
        }
        if (placed.isEmpty()) {
            return List.of();
        }
        Map<String, int[][]> layout = new HashMap<>();
        placed.forEach((field, values) -> layout.put(field, values.toArray(new int[0][])));

        String key = variableKey(interaction);
        Map<QueryRef, List<TurnHit>> hits = new IdentityHashMap<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (!agentParts.isEmpty()) {
                registerVariables(key, interaction);
            }
            hits = match(doc, layout, key);
            if (agentParts.isEmpty() || stillRegistered(key)) {
                break;
            }
        }
        return findings(interaction, hits);
    }

    private Map<QueryRef, List<TurnHit>> match(Document doc, Map<String, int[][]> layout, String key) {
        MatchingQueries<HighlightsMatch> matches;
        try {
            matches = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("rule matching failed", e);
        }
        matches.getErrors().forEach((id, error) -> {
            QueryRef ref = queries.get(id);
            matchErrors.putIfAbsent(ref == null ? id : ref.rule().id(), String.valueOf(error.getMessage()));
        });
        Map<QueryRef, List<TurnHit>> hits = new IdentityHashMap<>();
        for (HighlightsMatch match : matches.getMatches()) {
            QueryRef ref = queries.get(match.getQueryId());
            if (ref == null || (!ref.variableKey().isEmpty() && !ref.variableKey().equals(key))) {
                continue;
            }
            List<TurnHit> list = hits.computeIfAbsent(ref, r -> new ArrayList<>());
            for (Map.Entry<String, java.util.Set<HighlightsMatch.Hit>> e : match.getHits().entrySet()) {
                int[][] entries = layout.get(e.getKey());
                if (entries == null) {
                    continue;
                }
                for (HighlightsMatch.Hit hit : e.getValue()) {
                    int slot = slotOf(entries, hit.startOffset);
                    int base = entries[slot][0];
                    list.add(new TurnHit(entries[slot][1], hit.startOffset - base, hit.endOffset - base));
                }
            }
        }
        return hits;
    }

    private static int slotOf(int[][] entries, int offset) {
        int lo = 0;
        int hi = entries.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (entries[mid][0] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private List<Finding> findings(Interaction interaction, Map<QueryRef, List<TurnHit>> hits) {
        Map<Rule, List<TurnHit>[]> byRule = new IdentityHashMap<>(); // records hash deeply: compare by identity
        for (var e : hits.entrySet()) {
            Rule rule = e.getKey().rule();
            @SuppressWarnings("unchecked")
            List<TurnHit>[] parts = byRule.computeIfAbsent(rule, r -> new List[r.parts().size()]);
            int p = e.getKey().part();
            if (parts[p] == null) {
                parts[p] = new ArrayList<>();
            }
            parts[p].addAll(e.getValue());
        }
        List<Turn> turns = interaction.turns();
        Duration end = interaction.duration();
        for (Turn t : turns) {
            if (t.time().end().compareTo(end) > 0) {
                end = t.time().end();
            }
        }
        Map<RuleWindow, boolean[]> windows = new HashMap<>();
        var out = new ArrayList<Finding>();
        for (var e : byRule.entrySet()) {
            Rule rule = e.getKey();
            Optional<boolean[]> covered = Optional.empty();
            if (rule.window().isPresent()) {
                Duration interactionEnd = end;
                covered = Optional.of(windows.computeIfAbsent(rule.window().get(),
                        w -> w.covers(turns, interactionEnd)));
            }
            TreeMap<Integer, int[]> spans = new TreeMap<>();
            boolean everyPart = true;
            for (List<TurnHit> partHits : e.getValue()) {
                boolean partHit = false;
                if (partHits != null) {
                    for (TurnHit h : partHits) {
                        if (covered.isPresent() && !covered.get()[h.turn()]) {
                            continue;
                        }
                        partHit = true;
                        spans.merge(h.turn(), new int[] {h.start(), h.end()},
                                (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                    }
                }
                everyPart &= partHit;
            }
            if (!everyPart) {
                continue;
            }
            for (var span : spans.entrySet()) {
                out.add(finding(rule, turns.get(span.getKey()), span.getValue()[0], span.getValue()[1]));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Finding::turn).thenComparingInt(f -> f.chars().start())
                .thenComparing(Finding::ruleId));
        return List.copyOf(out);
    }

    private static Finding finding(Rule rule, Turn turn, int start, int end) {
        String text = turn.text();
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        CharSpan chars = new CharSpan(s, e);
        TimeSpan time = turn.time();
        double confidence = 1.0;
        if (!turn.words().isEmpty()) {
            List<Word> overlapping = wordsOverlapping(turn, s, e);
            if (!overlapping.isEmpty()) {
                confidence = overlapping.stream().mapToDouble(Word::confidence).average().orElse(1.0);
                time = new TimeSpan(overlapping.get(0).time().start(),
                        overlapping.get(overlapping.size() - 1).time().end());
            }
        }
        return new Finding(rule.id(), rule.category(), turn.speaker(), turn.index(), time, chars, chars.of(text),
                confidence);
    }

    /** The recognised words whose text, found in order in the turn's text, overlaps {@code [start, end)}. */
    private static List<Word> wordsOverlapping(Turn turn, int start, int end) {
        var out = new ArrayList<Word>();
        String lower = turn.text().toLowerCase(java.util.Locale.ROOT);
        int cursor = 0;
        for (Word w : turn.words()) {
            String token = w.text().strip().toLowerCase(java.util.Locale.ROOT);
            if (token.isEmpty()) {
                continue;
            }
            int at = lower.indexOf(token, cursor);
            if (at < 0) {
                continue;
            }
            cursor = at + token.length();
            if (at < end && cursor > start) {
                out.add(w);
            }
        }
        return out;
    }

    private String variableKey(Interaction interaction) {
        return interaction.agent().firstName().orElse("").strip().toLowerCase(java.util.Locale.ROOT);
    }

    private void registerVariables(String key, Interaction interaction) {
        synchronized (variableSets) {
            if (variableSets.get(key) != null) {
                return;
            }
            var registered = new ArrayList<MonitorQuery>();
            for (AgentPart part : agentParts) {
                Optional<String> resolved = RuleQueryParser.resolveAgent(part.query(), interaction.agent().firstName());
                if (resolved.isEmpty()) {
                    continue; // the agent has no name: this part cannot match
                }
                Rule rule = part.rule();
                String id = rule.id() + "#" + part.part() + "@" + key;
                try {
                    registered.add(new MonitorQuery(id,
                            parser.parse(resolved.get(), fields(rule.speaker(), rule.language()))));
                    queries.put(id, new QueryRef(rule, part.part(), key));
                } catch (IllegalArgumentException e) {
                    // a name the parser cannot use: this part cannot match for this agent
                }
            }
            try {
                monitor.register(registered);
                variableSets.put(key, registered.stream().map(MonitorQuery::getId).toList());
                if (variableSets.size() > maxAgentNames) {
                    String eldest = variableSets.keySet().iterator().next();
                    List<String> ids = variableSets.remove(eldest);
                    monitor.deleteById(ids);
                    ids.forEach(queries::remove);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot register rules for agent '" + key + "'", e);
            }
        }
    }

    private boolean stillRegistered(String key) {
        synchronized (variableSets) {
            return variableSets.containsKey(key);
        }
    }

    /** Releases the monitor and its background thread. */
    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the rule monitor", e);
        }
    }

    @Override
    public String toString() {
        return "RuleMatchingStep" + ruleSet.packs().stream().map(RulePack::id).toList();
    }
}
