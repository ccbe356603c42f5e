package dev.vigil.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Category;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads and validates rule pack YAML. Every problem of every pack is collected (a broken query never hides the next
 * one) and reported together in one {@link InvalidRulesException}. Thread-safe.
 */
public final class RulePackLoader {
    private static final Set<String> TOP_KEYS = Set.of("pack", "example_context", "define", "rules");
    private static final Set<String> PACK_KEYS = Set.of("id", "version", "language", "description");
    private static final Set<String> CONTEXT_KEYS = Set.of("company", "company_aliases", "agent_first_name");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "category", "speaker", "severity",
            "window", "query", "parts", "sequence", "unless", "min_count", "absent", "typos", "examples");
    private static final Set<String> UNLESS_KEYS = Set.of("query", "before", "after");
    private static final Set<String> SEQUENCE_KEYS = Set.of("anchor", "followed_by", "preceded_by", "within",
            "missing");
    private static final Set<String> STEP_KEYS = Set.of("query", "category", "rule", "speaker");
    private static final Set<String> WITHIN_KEYS = Set.of("turns", "seconds");
    private static final java.util.regex.Pattern DIALOGUE_LINE =
            java.util.regex.Pattern.compile("(?is)\\s*(agent|customer)\\s*:(.*)");
    private static final java.util.regex.Pattern DEFINE_NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.\\-]+");
    private static final Set<String> EXAMPLE_KEYS = Set.of("match", "no_match");
    private static final RuleQueryParser.Variables CHECK_VALUES =
            new RuleQueryParser.Variables(List.of("Example Company"), Optional.of("Name"));

    private final RuleQueryParser parser = new RuleQueryParser(new RuleTextAnalyzer());

    /**
     * Loads every pack of {@code resources}.
     *
     * @throws InvalidRulesException listing every problem as {@code <file>: rule '<id>': <problem>}
     */
    public List<RulePack> load(List<RuleSource.NamedResource> resources) {
        var problems = new ArrayList<String>();
        var packs = new ArrayList<RulePack>();
        var ruleFiles = new HashMap<String, String>();
        var packFiles = new HashMap<String, String>();
        for (RuleSource.NamedResource resource : resources) {
            Optional<RulePack> pack = loadOne(resource, problems);
            pack.ifPresent(p -> {
                String other = packFiles.putIfAbsent(p.id(), p.file());
                if (other != null) {
                    problems.add(p.file() + ": pack id '" + p.id() + "' is also used by " + other);
                }
                for (Rule r : p.rules()) {
                    String first = ruleFiles.putIfAbsent(r.id(), r.file());
                    if (first != null) {
                        problems.add(r.file() + ": rule '" + r.id() + "': duplicate rule id (also in " + first + ")");
                    }
                }
                packs.add(p);
            });
        }
        checkSequenceReferences(packs, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return List.copyOf(packs);
    }

    /** Sequence steps naming a rule must name a query or parts rule of some loaded pack. */
    private static void checkSequenceReferences(List<RulePack> packs, List<String> problems) {
        var rules = new HashMap<String, Rule>();
        packs.forEach(p -> p.rules().forEach(r -> rules.putIfAbsent(r.id(), r)));
        for (RulePack pack : packs) {
            for (Rule r : pack.rules()) {
                if (r.sequence().isEmpty()) {
                    continue;
                }
                RuleSequence seq = r.sequence().get();
                for (var step : List.of(Map.entry("anchor", seq.anchor()), Map.entry(seq.direction().key(),
                        seq.other()))) {
                    if (step.getValue().kind() != RuleStep.Kind.RULE) {
                        continue;
                    }
                    Rule target = rules.get(step.getValue().value());
                    String where = r.file() + ": rule '" + r.id() + "': sequence." + step.getKey() + ": ";
                    if (target == null) {
                        problems.add(where + "unknown rule '" + step.getValue().value() + "'");
                    } else if (target.sequence().isPresent()) {
                        problems.add(where + "rule '" + target.id() + "' is itself a sequence; refer to a query "
                                + "or parts rule");
                    }
                }
            }
        }
    }

    private Optional<RulePack> loadOne(RuleSource.NamedResource resource, List<String> problems) {
        String file = resource.name();
        Optional<JsonNode> parsed = resource.yaml(problems);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = parsed.get();
        if (!root.isObject()) {
            problems.add(file + ": expected a mapping with 'pack' and 'rules'");
            return Optional.empty();
        }
        int before = problems.size();
        unknownKeys(root, TOP_KEYS, file + ": ", "", problems);
        JsonNode manifest = root.path("pack");
        String id = "";
        int version = 0;
        Language language = null;
        String description = "";
        if (!manifest.isObject()) {
            problems.add(file + ": missing manifest 'pack' with id, version and language");
        } else {
            unknownKeys(manifest, PACK_KEYS, file + ": ", "pack.", problems);
            id = text(manifest, "id").orElse("");
            if (id.isBlank()) {
                problems.add(file + ": pack.id is missing");
            }
            JsonNode v = manifest.path("version");
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() <= 0) {
                problems.add(file + ": pack.version must be a positive integer");
            } else {
                version = v.intValue();
            }
            Optional<String> lang = text(manifest, "language");
            if (lang.isEmpty()) {
                problems.add(file + ": pack.language is missing (en or ru)");
            } else {
                try {
                    language = Language.fromCode(lang.get());
                } catch (IllegalArgumentException e) {
                    problems.add(file + ": pack.language: " + e.getMessage());
                }
            }
            description = text(manifest, "description").orElse("");
        }
        ExampleContext context = exampleContext(root.path("example_context"), file, problems);
        Map<String, String> defines = defines(root.path("define"), file, problems);
        JsonNode rulesNode = root.path("rules");
        var rules = new ArrayList<Rule>();
        if (!rulesNode.isArray()) {
            problems.add(file + ": 'rules' must be a list of rules");
        } else {
            var seen = new HashMap<String, Integer>();
            int n = 0;
            for (JsonNode ruleNode : rulesNode) {
                n++;
                Optional<Rule> rule = rule(ruleNode, n, file, id, language == null ? Language.EN : language, defines,
                        problems);
                rule.ifPresent(r -> {
                    if (seen.merge(r.id(), 1, Integer::sum) > 1) {
                        problems.add(file + ": rule '" + r.id() + "': duplicate rule id in this pack");
                    } else {
                        rules.add(r);
                    }
                });
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RulePack(id, version, language, description, file, context, rules));
    }

    private static Map<String, String> defines(JsonNode node, String file, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problems.add(file + ": define must map names to queries");
            return Map.of();
        }
        var out = new java.util.LinkedHashMap<String, String>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            if (!DEFINE_NAME.matcher(name).matches()) {
                problems.add(file + ": define '" + name + "': a name may hold only letters, digits, '.', '_' and '-'");
            } else if (RuleQueryParser.VARIABLES.contains(name)) {
                problems.add(file + ": define '" + name + "': the name is a built-in variable");
            } else if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                problems.add(file + ": define '" + name + "': must be a non-empty query string");
            } else {
                out.put(name, e.getValue().textValue());
            }
        }
        return out;
    }

    private ExampleContext exampleContext(JsonNode node, String file, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return ExampleContext.empty();
        }
        if (!node.isObject()) {
            problems.add(file + ": example_context must be a mapping");
            return ExampleContext.empty();
        }
        unknownKeys(node, CONTEXT_KEYS, file + ": ", "example_context.", problems);
        List<String> aliases = strings(node.path("company_aliases"), file + ": example_context.company_aliases",
                problems);
        return new ExampleContext(new CompanyProfile(text(node, "company").orElse(""), aliases),
                text(node, "agent_first_name"));
    }

    private Optional<Rule> rule(JsonNode node, int n, String file, String packId, Language language,
                                Map<String, String> defines, List<String> problems) {
        if (!node.isObject()) {
            problems.add(file + ": rule #" + n + ": expected a mapping");
            return Optional.empty();
        }
        Optional<String> idText = text(node, "id");
        String id = idText.orElse("#" + n);
        String where = file + ": rule '" + id + "': ";
        int before = problems.size();
        if (idText.isEmpty() || idText.get().isBlank()) {
            problems.add(file + ": rule #" + n + ": missing 'id'");
        } else if (!id.matches("[\\p{L}\\p{N}_.\\-]+")) {
            problems.add(where + "id may hold only letters, digits, '.', '_' and '-'");
        }
        unknownKeys(node, RULE_KEYS, where, "", problems);

        Category category = null;
        Optional<String> cat = text(node, "category");
        if (cat.isEmpty()) {
            problems.add(where + "missing 'category'");
        } else {
            try {
                category = Category.fromCode(cat.get());
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        boolean isSequence = node.has("sequence");
        RuleSpeaker speaker = null;
        Optional<String> sp = text(node, "speaker");
        if (sp.isEmpty()) {
            if (!isSequence) {
                problems.add(where + "missing 'speaker' (agent, customer or any)");
            }
        } else {
            speaker = speaker(sp.get(), where, "", problems).orElse(null);
        }
        Severity severity = Severity.MINOR;
        Optional<String> sev = text(node, "severity");
        if (sev.isPresent()) {
            try {
                severity = Severity.fromCode(sev.get());
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        Optional<RuleWindow> window = window(node.path("window"), where, problems);
        int typos = 0;
        if (node.has("typos")) {
            JsonNode t = node.get("typos");
            if (!t.isInt() || t.intValue() < 0 || t.intValue() > 1) {
                problems.add(where + "typos must be 0 or 1");
            } else {
                typos = t.intValue();
            }
        }

        var parts = new ArrayList<RulePart>();
        boolean scripted = node.has("parts");
        Optional<RuleSequence> sequence = Optional.empty();
        int kinds = (node.has("query") ? 1 : 0) + (scripted ? 1 : 0) + (isSequence ? 1 : 0);
        if (kinds != 1) {
            problems.add(where + "needs exactly one of 'query', 'parts' or 'sequence'");
        } else if (scripted) {
            JsonNode partsNode = node.get("parts");
            if (!partsNode.isObject() || partsNode.isEmpty()) {
                problems.add(where + "'parts' must map part names to queries");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = partsNode.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (!e.getValue().isTextual()) {
                        problems.add(where + "part '" + e.getKey() + "' must be a query string");
                    } else {
                        parts.add(new RulePart(e.getKey(), define(e.getValue().textValue(), defines, where,
                                problems)));
                    }
                }
            }
        } else if (isSequence) {
            sequence = sequence(node.get("sequence"), speaker, where, defines, parts, problems);
            if (speaker == null) {
                speaker = sequence.map(s -> s.anchor().speaker()).orElse(RuleSpeaker.ANY);
            }
        } else if (!node.get("query").isTextual()) {
            problems.add(where + "'query' must be a string");
        } else {
            parts.add(new RulePart("query", define(node.get("query").textValue(), defines, where, problems)));
        }
        List<RuleUnless> unless = unless(node.path("unless"), where, defines, problems);
        int minCount = 1;
        if (node.has("min_count")) {
            JsonNode m = node.get("min_count");
            if (!m.isInt() || m.intValue() < 1) {
                problems.add(where + "min_count must be a positive integer");
            } else if (!node.has("query")) {
                problems.add(where + "min_count applies only to a rule with 'query'");
            } else {
                minCount = m.intValue();
            }
        }
        boolean absent = false;
        if (node.has("absent")) {
            JsonNode a = node.get("absent");
            if (!a.isBoolean()) {
                problems.add(where + "absent must be true or false");
            } else if (a.booleanValue() && !node.has("query")) {
                problems.add(where + "absent applies only to a rule with 'query'");
            } else if (a.booleanValue() && node.has("min_count")) {
                problems.add(where + "absent and min_count cannot be combined");
            } else {
                absent = a.booleanValue();
            }
        }
        if (isSequence && !unless.isEmpty()) {
            problems.add(where + "unless applies to 'query' and 'parts' rules, not to a sequence");
        }

        RuleSpeaker fieldsOf = speaker == null ? RuleSpeaker.ANY : speaker;
        for (RulePart part : parts) {
            String label = scripted ? "part '" + part.name() + "': " : isSequence ? part.name() + ": " : "";
            checkQuery(part.query(), part.speaker().orElse(fieldsOf), language, typos, where + label, problems);
        }
        for (RuleUnless u : unless) {
            checkQuery(u.query(), fieldsOf, language, 0, where + "unless: ", problems);
        }

        RuleExamples examples = new RuleExamples(List.of(), List.of());
        JsonNode ex = node.path("examples");
        if (!ex.isMissingNode() && !ex.isNull()) {
            if (!ex.isObject()) {
                problems.add(where + "'examples' must be a mapping with 'match' and 'no_match'");
            } else {
                unknownKeys(ex, EXAMPLE_KEYS, where, "examples.", problems);
                examples = new RuleExamples(examples(ex.path("match"), where + "examples.match", problems),
                        examples(ex.path("no_match"), where + "examples.no_match", problems));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Rule(id, category, speaker, severity, window, parts, scripted, examples, language,
                packId, file, unless, minCount, absent, typos, sequence));
    }

    private void checkQuery(String query, RuleSpeaker speaker, Language language, int typos, String where,
                            List<String> problems) {
        List<String> unknown = RuleQueryParser.unknownVariables(query);
        if (!unknown.isEmpty()) {
            problems.add(where + "unknown variable " + unknown.stream().map(u -> "${" + u + "}").toList()
                    + " (known: ${company}, ${agent.first_name} and the pack's 'define' names)");
            return;
        }
        try {
            parser.parse(RuleQueryParser.resolve(query, CHECK_VALUES).orElseThrow(),
                    RuleMatchingStep.fields(speaker, language), typos);
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
        }
    }

    private static String define(String query, Map<String, String> defines, String where, List<String> problems) {
        try {
            return RuleQueryParser.substituteDefines(query, defines);
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return query;
        }
    }

    private static Optional<RuleSpeaker> speaker(String code, String where, String label, List<String> problems) {
        try {
            return Optional.of(RuleSpeaker.fromCode(code));
        } catch (IllegalArgumentException e) {
            problems.add(where + label + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<RuleUnless> unless(JsonNode node, String where, Map<String, String> defines,
                                           List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(where + "unless must be a list of {query, before, after}");
            return List.of();
        }
        var out = new ArrayList<RuleUnless>();
        int i = 0;
        for (JsonNode u : node) {
            i++;
            String label = where + "unless #" + i + ": ";
            if (!u.isObject()) {
                problems.add(label + "expected a mapping {query, before, after}");
                continue;
            }
            unknownKeys(u, UNLESS_KEYS, label, "", problems);
            if (!u.path("query").isTextual()) {
                problems.add(label + "'query' must be a query string");
                continue;
            }
            int[] distance = new int[2];
            String[] keys = {"before", "after"};
            boolean ok = true;
            for (int k = 0; k < 2; k++) {
                JsonNode v = u.path(keys[k]);
                if (v.isMissingNode()) {
                    continue;
                }
                if (!v.isInt() || v.intValue() < 0 || v.intValue() >= RuleTextAnalyzer.POSITION_GAP) {
                    problems.add(label + keys[k] + " must be a whole number of words from 0 to "
                            + (RuleTextAnalyzer.POSITION_GAP - 1));
                    ok = false;
                } else {
                    distance[k] = v.intValue();
                }
            }
            if (ok) {
                out.add(new RuleUnless(define(u.get("query").textValue(), defines, label, problems), distance[0],
                        distance[1]));
            }
        }
        return out;
    }

    private static Optional<RuleSequence> sequence(JsonNode node, RuleSpeaker ruleSpeaker, String where,
                                                   Map<String, String> defines, List<RulePart> parts,
                                                   List<String> problems) {
        String label = where + "sequence: ";
        if (!node.isObject()) {
            problems.add(label + "expected a mapping {anchor, followed_by|preceded_by, within, missing}");
            return Optional.empty();
        }
        int before = problems.size();
        unknownKeys(node, SEQUENCE_KEYS, where, "sequence.", problems);
        if (node.has("followed_by") == node.has("preceded_by")) {
            problems.add(label + "needs exactly one of 'followed_by' or 'preceded_by'");
            return Optional.empty();
        }
        RuleSequence.Direction direction = node.has("followed_by") ? RuleSequence.Direction.FOLLOWED_BY
                : RuleSequence.Direction.PRECEDED_BY;
        if (!node.has("anchor")) {
            problems.add(label + "missing 'anchor'");
            return Optional.empty();
        }
        Optional<RuleStep> anchor = step(node.get("anchor"), "anchor", Optional.ofNullable(ruleSpeaker), where,
                defines, parts, problems);
        Optional<RuleStep> other = step(node.get(direction.key()), direction.key(), Optional.empty(), where, defines,
                parts, problems);
        if (ruleSpeaker != null && anchor.isPresent() && anchor.get().speaker() != ruleSpeaker) {
            problems.add(label + "the anchor's speaker differs from the rule's speaker");
        }
        OptionalInt turns = OptionalInt.empty();
        Optional<Duration> time = Optional.empty();
        JsonNode within = node.path("within");
        if (!within.isMissingNode()) {
            if (!within.isObject() || within.isEmpty()) {
                problems.add(label + "within must be a mapping with 'turns' and/or 'seconds'");
            } else {
                unknownKeys(within, WITHIN_KEYS, where, "sequence.within.", problems);
                JsonNode t = within.path("turns");
                if (!t.isMissingNode()) {
                    if (!t.isInt() || t.intValue() < 0) {
                        problems.add(label + "within.turns must be a whole number of turns (0 = the same turn)");
                    } else {
                        turns = OptionalInt.of(t.intValue());
                    }
                }
                JsonNode s = within.path("seconds");
                if (!s.isMissingNode()) {
                    if (!s.isNumber() || s.doubleValue() < 0) {
                        problems.add(label + "within.seconds must be a number of seconds, at least 0");
                    } else {
                        time = Optional.of(Duration.ofMillis(Math.round(s.doubleValue() * 1000)));
                    }
                }
            }
        }
        boolean missing = false;
        JsonNode m = node.path("missing");
        if (!m.isMissingNode()) {
            if (!m.isBoolean()) {
                problems.add(label + "missing must be true or false");
            } else {
                missing = m.booleanValue();
            }
        }
        if (problems.size() > before || anchor.isEmpty() || other.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleSequence(anchor.get(), direction, other.get(), turns, time, missing));
    }

    private static Optional<RuleStep> step(JsonNode node, String name, Optional<RuleSpeaker> defaultSpeaker,
                                           String where, Map<String, String> defines, List<RulePart> parts,
                                           List<String> problems) {
        String label = where + "sequence." + name + ": ";
        if (node == null || !node.isObject()) {
            problems.add(label + "expected a mapping with one of query, category or rule, and a speaker");
            return Optional.empty();
        }
        unknownKeys(node, STEP_KEYS, where, "sequence." + name + ".", problems);
        RuleSpeaker speaker = defaultSpeaker.orElse(RuleSpeaker.ANY);
        if (node.has("speaker")) {
            Optional<RuleSpeaker> s = speaker(node.path("speaker").asText(), where, "sequence." + name + ": ",
                    problems);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            speaker = s.get();
        }
        int kinds = (node.has("query") ? 1 : 0) + (node.has("category") ? 1 : 0) + (node.has("rule") ? 1 : 0);
        if (kinds != 1) {
            problems.add(label + "needs exactly one of 'query', 'category' or 'rule'");
            return Optional.empty();
        }
        if (node.has("query")) {
            if (!node.get("query").isTextual()) {
                problems.add(label + "'query' must be a string");
                return Optional.empty();
            }
            String query = define(node.get("query").textValue(), defines, label, problems);
            parts.add(new RulePart(name, query, Optional.of(speaker)));
            return Optional.of(new RuleStep(RuleStep.Kind.QUERY, query, speaker));
        }
        if (node.has("category")) {
            String code = node.get("category").asText();
            try {
                Category.fromCode(code);
            } catch (IllegalArgumentException e) {
                problems.add(label + e.getMessage());
                return Optional.empty();
            }
            return Optional.of(new RuleStep(RuleStep.Kind.CATEGORY, code, speaker));
        }
        return Optional.of(new RuleStep(RuleStep.Kind.RULE, node.get("rule").asText(), speaker));
    }

    /** Each example is a string (one turn) or a list of {@code "agent: ..."} / {@code "customer: ..."} lines. */
    private static List<RuleExample> examples(JsonNode node, String where, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(where + " must be a list of strings or of dialogues (lists of 'agent: ...' lines)");
            return List.of();
        }
        var out = new ArrayList<RuleExample>();
        for (JsonNode v : node) {
            if (v.isTextual()) {
                out.add(RuleExample.turn(v.textValue()));
            } else if (v.isArray() && !v.isEmpty()) {
                var lines = new ArrayList<RuleExample.Line>();
                for (JsonNode line : v) {
                    java.util.regex.Matcher m = line.isTextual() ? DIALOGUE_LINE.matcher(line.textValue()) : null;
                    if (m == null || !m.matches()) {
                        problems.add(where + ": dialogue line " + line + " must start with 'agent:' or 'customer:'");
                        return List.of();
                    }
                    Speaker speaker = m.group(1).equalsIgnoreCase("agent") ? Speaker.AGENT : Speaker.CUSTOMER;
                    lines.add(new RuleExample.Line(Optional.of(speaker), m.group(2).strip()));
                }
                out.add(new RuleExample(lines));
            } else {
                problems.add(where + " must be a list of strings or of dialogues (lists of 'agent: ...' lines)");
                return List.of();
            }
        }
        return out;
    }

    private static Optional<RuleWindow> window(JsonNode node, String where, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String kinds = "first_agent_turns, last_agent_turns, first_seconds, last_seconds, first_fraction or "
                + "last_fraction";
        if (!node.isObject() || node.size() != 1) {
            problems.add(where + "window must have exactly one of " + kinds);
            return Optional.empty();
        }
        var entry = node.fields().next();
        RuleWindow.Kind kind = null;
        for (RuleWindow.Kind k : RuleWindow.Kind.values()) {
            if (k.key().equals(entry.getKey())) {
                kind = k;
            }
        }
        if (kind == null) {
            problems.add(where + "unknown window '" + entry.getKey() + "' (one of " + kinds + ")");
            return Optional.empty();
        }
        JsonNode v = entry.getValue();
        if (kind.fraction()) {
            if (!v.isNumber() || !(v.doubleValue() > 0 && v.doubleValue() <= 1)) {
                problems.add(where + "window " + kind.key() + " must be a fraction above 0 and at most 1");
                return Optional.empty();
            }
            return Optional.of(new RuleWindow(kind, v.doubleValue()));
        }
        if (!v.isInt() || v.intValue() <= 0) {
            problems.add(where + "window " + kind.key() + " must be a positive integer");
            return Optional.empty();
        }
        return Optional.of(new RuleWindow(kind, v.intValue()));
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String where, String prefix,
                                    List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(where + "unknown key '" + prefix + key + "' (allowed: "
                        + allowed.stream().sorted().map(k -> prefix + k).toList() + ")");
            }
        }
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode node, String where, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(where + " must be a list of strings");
            return List.of();
        }
        var out = new ArrayList<String>();
        for (JsonNode v : node) {
            if (!v.isTextual()) {
                problems.add(where + " must be a list of strings");
                return List.of();
            }
            out.add(v.textValue());
        }
        return out;
    }
}
