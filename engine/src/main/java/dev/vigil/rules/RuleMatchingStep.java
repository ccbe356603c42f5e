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
    private final List<Rule> absentRules;
    private final List<Rule> sequenceRules;
    private final int maxAgentNames;
    private final Map<String, QueryRef> queries = new ConcurrentHashMap<>();
    private final Map<String, String> matchErrors = new ConcurrentHashMap<>();
    private final Map<String, RuleHits.Rewrite[]> rewrites = new ConcurrentHashMap<>();
    private final org.apache.lucene.monitor.MatcherFactory<RuleHits> matcher = RuleHits.matcher(rewrites);
    private final LinkedHashMap<String, List<String>> variableSets = new LinkedHashMap<>(16, 0.75f, true);

    /** Which query of a rule a registered monitor query stands for. */
    private enum Role { PART, UNLESS }

    /**
     * Which rule query a registered monitor query stands for; {@code variableKey} is empty for fixed queries.
     * {@code index} is the part's or the unless query's index.
     */
    private record QueryRef(Rule rule, Role role, int index, String variableKey) {
    }

    /** A rule query whose text (company already filled in) still needs the agent's first name. */
    private record AgentPart(Rule rule, Role role, int index, String query, List<String> fields, int typos) {
    }

    /**
     * A hit mapped back to its turn: character offsets into the turn's text, the field and the word positions in it.
     */
    private record TurnHit(int turn, int start, int end, String field, int startPosition, int endPosition) {
    }

    /** The hits of one rule's parts and unless queries in one interaction. */
    private static final class RuleHitSet {
        final List<TurnHit>[] parts;
        final List<TurnHit>[] unless;

        @SuppressWarnings("unchecked")
        RuleHitSet(Rule rule) {
            parts = new List[rule.parts().size()];
            unless = new List[rule.unless().size()];
        }
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
        RuleTextAnalyzer analyzer = new RuleTextAnalyzer(rules.morphology());
        this.parser = new RuleQueryParser(analyzer);
        this.usedFields = new HashSet<>();
        var fixed = new ArrayList<MonitorQuery>();
        var perAgent = new ArrayList<AgentPart>();
        for (Rule rule : rules.rules()) {
            for (int i = 0; i < rule.parts().size(); i++) {
                RulePart part = rule.parts().get(i);
                List<String> fields = fields(rule.speakerOf(part), rule.language());
                usedFields.addAll(fields);
                compile(rule, Role.PART, i, part.query(), fields, rule.typos(), fixed, perAgent);
            }
            List<String> ruleFields = fields(rule.speaker(), rule.language());
            usedFields.addAll(ruleFields);
            for (int i = 0; i < rule.unless().size(); i++) {
                compile(rule, Role.UNLESS, i, rule.unless().get(i).query(), ruleFields, 0, fixed, perAgent);
            }
        }
        this.agentParts = List.copyOf(perAgent);
        this.absentRules = rules.rules().stream().filter(Rule::absent).toList();
        this.sequenceRules = rules.rules().stream().filter(r -> r.sequence().isPresent()).toList();
        try {
            this.monitor = new Monitor(analyzer);
            monitor.register(fixed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the rule monitor", e);
        }
    }

    private void compile(Rule rule, Role role, int index, String text, List<String> fields, int typos,
                         List<MonitorQuery> fixed, List<AgentPart> perAgent) {
        Optional<String> query = RuleQueryParser.resolveCompany(text, company.allNames());
        if (query.isEmpty()) {
            return; // no company name configured: this query cannot match
        }
        if (RuleQueryParser.usesAgent(query.get())) {
            perAgent.add(new AgentPart(rule, role, index, query.get(), fields, typos));
        } else {
            String id = queryId(rule, role, index);
            queries.put(id, new QueryRef(rule, role, index, ""));
            fixed.add(new MonitorQuery(id, parser.parse(query.get(), fields, typos)));
        }
    }

    private static String queryId(Rule rule, Role role, int index) {
        return rule.id() + (role == Role.PART ? "#" : "#unless") + index;
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
        if (placed.isEmpty() && absentRules.isEmpty()) {
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
        MatchingQueries<RuleHits> matches;
        try {
            matches = monitor.match(doc, matcher);
        } catch (IOException e) {
            throw new UncheckedIOException("rule matching failed", e);
        }
        matches.getErrors().forEach((id, error) -> {
            QueryRef ref = queries.get(id);
            matchErrors.putIfAbsent(ref == null ? id : ref.rule().id(), String.valueOf(error.getMessage()));
        });
        Map<QueryRef, List<TurnHit>> hits = new IdentityHashMap<>();
        for (RuleHits match : matches.getMatches()) {
            QueryRef ref = queries.get(match.getQueryId());
            if (ref == null || (!ref.variableKey().isEmpty() && !ref.variableKey().equals(key))) {
                continue;
            }
            List<TurnHit> list = hits.computeIfAbsent(ref, r -> new ArrayList<>());
            for (RuleHits.Hit hit : match.hits()) {
                int[][] entries = layout.get(hit.field());
                if (entries == null) {
                    continue;
                }
                int slot = slotOf(entries, hit.startOffset());
                int base = entries[slot][0];
                list.add(new TurnHit(entries[slot][1], hit.startOffset() - base, hit.endOffset() - base, hit.field(),
                        hit.startPosition(), hit.endPosition()));
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
        Map<Rule, RuleHitSet> byRule = new IdentityHashMap<>(); // records hash deeply: compare by identity
        for (var e : hits.entrySet()) {
            QueryRef ref = e.getKey();
            RuleHitSet set = byRule.computeIfAbsent(ref.rule(), RuleHitSet::new);
            List<TurnHit>[] slots = ref.role() == Role.PART ? set.parts : set.unless;
            if (slots[ref.index()] == null) {
                slots[ref.index()] = new ArrayList<>();
            }
            slots[ref.index()].addAll(e.getValue());
        }
        List<Turn> turns = interaction.turns();
        Duration end = interaction.duration();
        for (Turn t : turns) {
            if (t.time().end().compareTo(end) > 0) {
                end = t.time().end();
            }
        }
        Duration interactionEnd = end;
        Map<RuleWindow, boolean[]> windows = new HashMap<>();
        java.util.function.Function<Rule, Optional<boolean[]>> coverage = rule -> rule.window()
                .map(w -> windows.computeIfAbsent(w, k -> k.covers(turns, interactionEnd)));
        var out = new ArrayList<Finding>();
        for (var e : byRule.entrySet()) {
            Rule rule = e.getKey();
            if (rule.sequence().isPresent() || rule.absent()) {
                continue;
            }
            Optional<boolean[]> covered = coverage.apply(rule);
            RuleHitSet set = e.getValue();
            TreeMap<Integer, int[]> spans = new TreeMap<>();
            boolean everyPart = true;
            int count = 0;
            for (List<TurnHit> partHits : set.parts) {
                List<TurnHit> kept = kept(rule, partHits, set, covered);
                count += kept.size();
                everyPart &= !kept.isEmpty();
                kept.forEach(h -> merge(spans, h.turn(), h.start(), h.end()));
            }
            if (!everyPart || count < rule.minCount()) {
                continue;
            }
            for (var span : spans.entrySet()) {
                out.add(finding(rule, turns.get(span.getKey()), span.getValue()[0], span.getValue()[1]));
            }
        }
        for (Rule rule : absentRules) {
            Optional<boolean[]> covered = coverage.apply(rule);
            RuleHitSet set = byRule.get(rule);
            if (set != null && !kept(rule, set.parts[0], set, covered).isEmpty()) {
                continue;
            }
            for (Turn t : turns) {
                if ((covered.isEmpty() || covered.get()[t.index()]) && t.language() == rule.language()
                        && says(rule.speaker(), t.speaker()) && RuleTextAnalyzer.hasTokens(t.text())) {
                    out.add(finding(rule, t, 0, 0));
                    break;
                }
            }
        }
        if (!sequenceRules.isEmpty()) {
            List<Finding> plain = List.copyOf(out);
            for (Rule rule : sequenceRules) {
                RuleHitSet set = byRule.computeIfAbsent(rule, RuleHitSet::new);
                sequence(rule, set, plain, turns, coverage.apply(rule), out);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Finding::turn).thenComparingInt(f -> f.chars().start())
                .thenComparing(Finding::ruleId));
        return List.copyOf(out);
    }

    private static void merge(TreeMap<Integer, int[]> spans, int turn, int start, int end) {
        spans.merge(turn, new int[] {start, end}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }

    private static boolean says(RuleSpeaker ruleSpeaker, Speaker speaker) {
        return switch (ruleSpeaker) {
            case AGENT -> speaker == Speaker.AGENT;
            case CUSTOMER -> speaker == Speaker.CUSTOMER;
            case ANY -> true;
        };
    }

    /** The hits inside the window that no unless query cancels. */
    private static List<TurnHit> kept(Rule rule, List<TurnHit> hits, RuleHitSet set, Optional<boolean[]> covered) {
        if (hits == null) {
            return List.of();
        }
        var out = new ArrayList<TurnHit>(hits.size());
        for (TurnHit h : hits) {
            if (covered.isPresent() && !covered.get()[h.turn()]) {
                continue;
            }
            if (!cancelled(rule, h, set)) {
                out.add(h);
            }
        }
        return out;
    }

    private static boolean cancelled(Rule rule, TurnHit h, RuleHitSet set) {
        for (int i = 0; i < set.unless.length; i++) {
            if (set.unless[i] == null) {
                continue;
            }
            RuleUnless unless = rule.unless().get(i);
            for (TurnHit u : set.unless[i]) {
                if (u.turn() != h.turn() || !u.field().equals(h.field())) {
                    continue;
                }
                boolean overlaps = u.startPosition() <= h.endPosition() && u.endPosition() >= h.startPosition();
                boolean before = u.endPosition() < h.startPosition()
                        && h.startPosition() - u.endPosition() <= unless.before();
                boolean after = u.startPosition() > h.endPosition()
                        && u.startPosition() - h.endPosition() <= unless.after();
                if (overlaps || before || after) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds the findings of a sequence rule, from its inline step hits and the other rules' findings. */
    private static void sequence(Rule rule, RuleHitSet set, List<Finding> plain, List<Turn> turns,
                                 Optional<boolean[]> covered, List<Finding> out) {
        RuleSequence seq = rule.sequence().orElseThrow();
        TreeMap<Integer, int[]> anchors = occurrences(rule, seq.anchor(), "anchor", set, plain, turns);
        if (anchors.isEmpty()) {
            return;
        }
        TreeMap<Integer, int[]> others = occurrences(rule, seq.other(), seq.direction().key(), set, plain, turns);
        boolean after = seq.direction() == RuleSequence.Direction.FOLLOWED_BY;
        // spoken[i]: how many turns before turn i the other step's speaker said
        int[] spoken = new int[turns.size() + 1];
        for (int i = 0; i < turns.size(); i++) {
            spoken[i + 1] = spoken[i] + (says(seq.other().speaker(), turns.get(i).speaker()) ? 1 : 0);
        }
        for (var anchor : anchors.entrySet()) {
            int a = anchor.getKey();
            if (covered.isPresent() && !covered.get()[a]) {
                continue;
            }
            var candidates = after ? others.tailMap(a, true) : others.headMap(a, true).descendingMap();
            boolean found = false;
            for (int b : candidates.keySet()) {
                // the other speaker's turns after the anchor up to b, or from b up to the anchor
                int turnGap = after ? spoken[b + 1] - spoken[a + 1] : spoken[a] - spoken[b];
                Duration timeGap = after ? turns.get(b).time().start().minus(turns.get(a).time().end())
                        : turns.get(a).time().start().minus(turns.get(b).time().end());
                boolean byTurns = seq.withinTurns().isPresent() && turnGap <= seq.withinTurns().getAsInt();
                boolean byTime = seq.withinTime().isPresent() && timeGap.compareTo(seq.withinTime().get()) <= 0;
                boolean unlimited = seq.withinTurns().isEmpty() && seq.withinTime().isEmpty();
                if (unlimited || byTurns || byTime) {
                    found = true;
                    break;
                }
                if ((seq.withinTurns().isEmpty() || turnGap > seq.withinTurns().getAsInt())
                        && (seq.withinTime().isEmpty() || timeGap.compareTo(seq.withinTime().get()) > 0)) {
                    break; // turns only get further away
                }
            }
            if (found != seq.missing()) {
                out.add(finding(rule, turns.get(a), anchor.getValue()[0], anchor.getValue()[1]));
            }
        }
    }

    /** Where a step occurs: turn index to the character span of its evidence in that turn. */
    private static TreeMap<Integer, int[]> occurrences(Rule rule, RuleStep step, String partName, RuleHitSet set,
                                                       List<Finding> plain, List<Turn> turns) {
        var spans = new TreeMap<Integer, int[]>();
        switch (step.kind()) {
            case QUERY -> {
                int i = rule.partIndex(partName);
                if (i >= 0 && set.parts[i] != null) {
                    for (TurnHit h : set.parts[i]) {
                        merge(spans, h.turn(), h.start(), h.end());
                    }
                }
            }
            case CATEGORY, RULE -> {
                for (Finding f : plain) {
                    boolean wanted = step.kind() == RuleStep.Kind.RULE ? f.ruleId().equals(step.value())
                            : f.category().code().equals(step.value());
                    if (wanted && says(step.speaker(), f.speaker()) && f.turn() < turns.size()) {
                        merge(spans, f.turn(), f.chars().start(), f.chars().end());
                    }
                }
            }
        }
        return spans;
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
                    continue; // the agent has no name: this query cannot match
                }
                String id = queryId(part.rule(), part.role(), part.index()) + "@" + key;
                try {
                    registered.add(new MonitorQuery(id, parser.parse(resolved.get(), part.fields(), part.typos())));
                    queries.put(id, new QueryRef(part.rule(), part.role(), part.index(), key));
                } catch (IllegalArgumentException e) {
                    // a name the parser cannot use: this query cannot match for this agent
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
                    ids.forEach(rewrites::remove);
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
