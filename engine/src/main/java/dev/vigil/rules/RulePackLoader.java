package dev.vigil.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.model.Category;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates rule pack YAML. Every problem of every pack is collected (a broken query never hides the next
 * one) and reported together in one {@link InvalidRulesException}. Thread-safe.
 */
public final class RulePackLoader {
    private static final Set<String> TOP_KEYS = Set.of("pack", "example_context", "rules");
    private static final Set<String> PACK_KEYS = Set.of("id", "version", "language", "description");
    private static final Set<String> CONTEXT_KEYS = Set.of("company", "company_aliases", "agent_first_name");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "category", "speaker", "severity",
            "window", "query", "parts", "examples");
    private static final Set<String> EXAMPLE_KEYS = Set.of("match", "no_match");
    private static final RuleQueryParser.Variables CHECK_VALUES =
            new RuleQueryParser.Variables(List.of("Example Company"), Optional.of("Name"));

    private final YAMLMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
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
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return List.copyOf(packs);
    }

    private Optional<RulePack> loadOne(RuleSource.NamedResource resource, List<String> problems) {
        String file = resource.name();
        JsonNode root;
        try {
            root = yaml.readTree(resource.content());
        } catch (JsonProcessingException e) {
            problems.add(file + ": not valid YAML: " + e.getOriginalMessage());
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
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
        JsonNode rulesNode = root.path("rules");
        var rules = new ArrayList<Rule>();
        if (!rulesNode.isArray()) {
            problems.add(file + ": 'rules' must be a list of rules");
        } else {
            var seen = new HashMap<String, Integer>();
            int n = 0;
            for (JsonNode ruleNode : rulesNode) {
                n++;
                Optional<Rule> rule = rule(ruleNode, n, file, id, language == null ? Language.EN : language, problems);
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
                                List<String> problems) {
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
        RuleSpeaker speaker = null;
        Optional<String> sp = text(node, "speaker");
        if (sp.isEmpty()) {
            problems.add(where + "missing 'speaker' (agent, customer or any)");
        } else {
            try {
                speaker = RuleSpeaker.fromCode(sp.get());
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
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

        var parts = new ArrayList<RulePart>();
        boolean scripted = node.has("parts");
        if (node.has("query") == scripted) {
            problems.add(where + "needs exactly one of 'query' or 'parts'");
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
                        parts.add(new RulePart(e.getKey(), e.getValue().textValue()));
                    }
                }
            }
        } else if (!node.get("query").isTextual()) {
            problems.add(where + "'query' must be a string");
        } else {
            parts.add(new RulePart("query", node.get("query").textValue()));
        }
        RuleSpeaker fieldsOf = speaker == null ? RuleSpeaker.ANY : speaker;
        for (RulePart part : parts) {
            String label = scripted ? "part '" + part.name() + "': " : "";
            List<String> unknown = RuleQueryParser.unknownVariables(part.query());
            if (!unknown.isEmpty()) {
                problems.add(where + label + "unknown variable " + unknown.stream().map(u -> "${" + u + "}").toList()
                        + " (known: ${company}, ${agent.first_name})");
                continue;
            }
            try {
                parser.parse(RuleQueryParser.resolve(part.query(), CHECK_VALUES).orElseThrow(),
                        RuleMatchingStep.fields(fieldsOf, language));
            } catch (IllegalArgumentException e) {
                problems.add(where + label + e.getMessage());
            }
        }

        RuleExamples examples = new RuleExamples(List.of(), List.of());
        JsonNode ex = node.path("examples");
        if (!ex.isMissingNode() && !ex.isNull()) {
            if (!ex.isObject()) {
                problems.add(where + "'examples' must be a mapping with 'match' and 'no_match'");
            } else {
                unknownKeys(ex, EXAMPLE_KEYS, where, "examples.", problems);
                examples = new RuleExamples(strings(ex.path("match"), where + "examples.match", problems),
                        strings(ex.path("no_match"), where + "examples.no_match", problems));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Rule(id, category, speaker, severity, window, parts, scripted, examples, language,
                packId, file));
    }

    private static Optional<RuleWindow> window(JsonNode node, String where, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String kinds = "first_agent_turns, last_agent_turns, first_seconds or last_seconds";
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
        if (!entry.getValue().isInt() || entry.getValue().intValue() <= 0) {
            problems.add(where + "window " + kind.key() + " must be a positive integer");
            return Optional.empty();
        }
        return Optional.of(new RuleWindow(kind, entry.getValue().intValue()));
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
