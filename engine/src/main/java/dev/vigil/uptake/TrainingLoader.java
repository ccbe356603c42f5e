package dev.vigil.uptake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.config.InboxLoader;
import dev.vigil.model.Category;
import dev.vigil.model.Language;
import dev.vigil.rules.InvalidRulesException;
import dev.vigil.rules.RulePack;
import dev.vigil.rules.RulePackLoader;
import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and validates training-uptake packs: {@code <inbox>/trainings.yaml} and {@code trainings/*.yaml} of a rules
 * directory. Each technique becomes an ordinary rule (speaker agent) of a generated rule pack per training and
 * language, which {@link RulePackLoader} validates like any pack, so a technique's query has the whole rule language
 * and the same analysis as the rule packs. Every problem of every file is collected and reported together, as
 * {@code <file>: training '<id>': <problem>}. Thread-safe.
 */
public final class TrainingLoader {
    /** The training-uptake pack an inbox may hold at its root. */
    public static final String INBOX_FILE = InboxLoader.TRAININGS_FILE;

    /**
     * The category the generated rules carry. Technique findings never leave the {@link UptakeMatcher}: they are
     * counted into metrics, never added to an evaluation's findings, so this category never reaches a scorecard.
     */
    static final Category TECHNIQUE_CATEGORY = Category.EMPATHY;

    private static final Set<String> TOP_KEYS = Set.of("trainings");
    private static final Set<String> TRAINING_KEYS = Set.of("id", "title", "date", "language", "languages", "agents",
            "techniques", "example_context", "define");
    /** Rule keys a technique may not set: the generated rule fixes them. */
    private static final Set<String> FIXED_RULE_KEYS = Set.of("category", "speaker", "severity", "description");
    private static final Set<String> EXAMPLE_KEYS = Set.of("match", "no_match");
    private static final String ID = "[A-Za-z0-9_-]+";

    /** Writes maps with sorted keys, for {@link #version}. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final YAMLMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * The trainings of an inbox: its {@code trainings.yaml} (named so in messages) and the {@code trainings/*.yaml}
     * of the rule source. Neither is required.
     *
     * @throws InvalidTrainingsException listing every problem
     */
    public static TrainingSet load(Path inboxRoot, RuleSource source) {
        var resources = new ArrayList<RuleSource.NamedResource>();
        Path file = inboxRoot.resolve(INBOX_FILE);
        if (Files.isRegularFile(file)) {
            try {
                resources.add(new RuleSource.NamedResource(INBOX_FILE, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        resources.addAll(source.trainings());
        return new TrainingLoader().load(resources);
    }

    /**
     * Loads every training of {@code resources}.
     *
     * @throws InvalidTrainingsException listing every problem as {@code <file>: training '<id>': <problem>}
     */
    public TrainingSet load(List<RuleSource.NamedResource> resources) {
        var problems = new ArrayList<String>();
        var drafts = new ArrayList<Draft>();
        var seen = new HashMap<String, String>();
        for (RuleSource.NamedResource resource : resources) {
            for (Draft d : file(resource, problems)) {
                String other = seen.putIfAbsent(d.id, d.file);
                if (other != null) {
                    problems.add(d.where() + "duplicate training id (also in " + other + ")");
                } else {
                    drafts.add(d);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTrainingsException(problems);
        }
        if (drafts.isEmpty()) {
            return TrainingSet.empty();
        }
        var packs = new ArrayList<RuleSource.NamedResource>();
        var ruleNames = new LinkedHashMap<String, String>();
        for (Draft d : drafts) {
            for (var e : d.packs.entrySet()) {
                try {
                    packs.add(new RuleSource.NamedResource(d.where().substring(0, d.where().length() - 2),
                            yaml.writeValueAsString(e.getValue())));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException("cannot write the generated pack of training " + d.id, ex);
                }
            }
            d.techniques.forEach(t -> t.ruleIds().forEach((language, ruleId) ->
                    ruleNames.put(ruleId, "technique '" + t.id() + "' (" + language.code() + ")")));
        }
        List<RulePack> loaded;
        try {
            loaded = new RulePackLoader().load(packs);
        } catch (InvalidRulesException e) {
            throw new InvalidTrainingsException(e.problems().stream().map(p -> rename(p, ruleNames)).toList());
        }
        List<Training> trainings = drafts.stream().map(d -> new Training(d.id, d.title, d.date, d.attendees,
                d.techniques, d.file)).toList();
        return new TrainingSet(trainings, new RuleSet(loaded));
    }

    /** Speaks of techniques rather than of the generated rules in a rule loader's problem. */
    private static String rename(String problem, Map<String, String> ruleNames) {
        for (var e : ruleNames.entrySet()) {
            String rule = "rule '" + e.getKey() + "'";
            if (problem.contains(rule)) {
                return problem.replace(rule, e.getValue());
            }
        }
        return problem;
    }

    /** One training read from a file, with its generated rule packs (one per language). */
    private static final class Draft {
        String file;
        String id;
        String title;
        LocalDate date;
        Optional<Set<String>> attendees = Optional.empty();
        List<Technique> techniques = new ArrayList<>();
        Map<Language, ObjectNode> packs = new EnumMap<>(Language.class);

        String where() {
            return file + ": training '" + id + "': ";
        }
    }

    private List<Draft> file(RuleSource.NamedResource resource, List<String> problems) {
        String file = resource.name();
        Optional<JsonNode> parsed = resource.yaml(problems);
        if (parsed.isEmpty()) {
            return List.of();
        }
        JsonNode root = parsed.get();
        if (root.isMissingNode() || root.isNull()) {
            return List.of(); // empty, or only comments
        }
        if (!root.isObject()) {
            problems.add(file + ": expected a mapping with 'trainings:' (a list of trainings)");
            return List.of();
        }
        unknownKeys(root, TOP_KEYS, file + ": ", problems);
        JsonNode list = root.path("trainings");
        if (!list.isArray()) {
            problems.add(file + ": 'trainings' must be a list of trainings");
            return List.of();
        }
        var out = new ArrayList<Draft>();
        int n = 0;
        for (JsonNode node : list) {
            n++;
            training(node, n, file, problems).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Draft> training(JsonNode node, int n, String file, List<String> problems) {
        if (!node.isObject()) {
            problems.add(file + ": training #" + n + ": expected a mapping");
            return Optional.empty();
        }
        var d = new Draft();
        d.file = file;
        Optional<String> id = text(node, "id");
        int before = problems.size();
        if (id.isEmpty() || id.get().isBlank()) {
            d.id = "#" + n;
            problems.add(file + ": training #" + n + ": missing 'id'");
        } else {
            d.id = id.get();
            if (!d.id.matches(ID)) {
                problems.add(d.where() + "id may hold only letters, digits, '_' and '-'");
            }
        }
        String where = d.where();
        unknownKeys(node, TRAINING_KEYS, where, problems);
        d.title = text(node, "title").filter(t -> !t.isBlank()).orElseGet(() -> {
            problems.add(where + "missing 'title'");
            return "";
        });
        Optional<String> date = text(node, "date");
        if (date.isEmpty()) {
            problems.add(where + "missing 'date' (the training day, YYYY-MM-DD)");
        } else {
            try {
                d.date = LocalDate.parse(date.get().trim());
            } catch (DateTimeParseException e) {
                problems.add(where + "date '" + date.get() + "' is not a day written YYYY-MM-DD");
            }
        }
        List<Language> languages = languages(node, where, problems);
        JsonNode agents = node.path("agents");
        if (!agents.isMissingNode() && !agents.isNull()) {
            List<String> ids = strings(agents, where + "'agents'", problems);
            if (agents.isArray() && ids.isEmpty()) {
                problems.add(where + "'agents' is empty; leave it out when everyone attended");
            } else if (ids.stream().anyMatch(String::isBlank)) {
                problems.add(where + "'agents' has a blank agent id");
            } else {
                d.attendees = Optional.of(new LinkedHashSet<>(ids.stream().map(String::trim).toList()));
            }
        }
        JsonNode techniques = node.path("techniques");
        if (!techniques.isArray() || techniques.isEmpty()) {
            problems.add(where + "'techniques' must be a non-empty list of techniques");
        } else if (!languages.isEmpty()) {
            for (Language language : languages) {
                ObjectNode pack = JsonNodeFactory.instance.objectNode();
                pack.putObject("pack").put("id", "training." + d.id + "." + language.code()).put("version", 1)
                        .put("language", language.code()).put("description", d.title);
                if (node.has("example_context")) {
                    pack.set("example_context", node.get("example_context"));
                }
                if (node.has("define")) {
                    pack.set("define", node.get("define"));
                }
                pack.putArray("rules");
                d.packs.put(language, pack);
            }
            var ids = new HashMap<String, Integer>();
            int k = 0;
            for (JsonNode t : techniques) {
                k++;
                technique(t, k, d, languages, problems).ifPresent(tech -> {
                    if (ids.merge(tech.id(), 1, Integer::sum) > 1) {
                        problems.add(where + "technique '" + tech.id() + "': duplicate technique id");
                    } else {
                        d.techniques.add(tech);
                    }
                });
            }
        }
        return problems.size() > before ? Optional.empty() : Optional.of(d);
    }

    private static List<Language> languages(JsonNode node, String where, List<String> problems) {
        boolean one = node.has("language");
        boolean many = node.has("languages");
        if (one == many) {
            problems.add(where + "needs exactly one of 'language' (en or ru) or 'languages' (a list)");
            return List.of();
        }
        List<String> codes = one ? text(node, "language").map(List::of).orElse(List.of())
                : strings(node.get("languages"), where + "'languages'", problems);
        var out = new ArrayList<Language>();
        for (String code : codes) {
            try {
                Language l = Language.fromCode(code);
                if (!out.contains(l)) {
                    out.add(l);
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        if (out.isEmpty() && (one || node.get("languages").isArray())) {
            problems.add(where + "no language given (en or ru)");
        }
        return out;
    }

    private Optional<Technique> technique(JsonNode node, int n, Draft d, List<Language> languages,
                                          List<String> problems) {
        String trainingWhere = d.where();
        if (!node.isObject()) {
            problems.add(trainingWhere + "technique #" + n + ": expected a mapping");
            return Optional.empty();
        }
        int before = problems.size();
        Optional<String> idText = text(node, "id");
        String id = idText.orElse("#" + n);
        String where = trainingWhere + "technique '" + id + "': ";
        if (idText.isEmpty() || idText.get().isBlank()) {
            problems.add(trainingWhere + "technique #" + n + ": missing 'id'");
        } else if (!id.matches(ID)) {
            problems.add(where + "id may hold only letters, digits, '_' and '-'");
        }
        String title = text(node, "title").filter(t -> !t.isBlank()).orElseGet(() -> {
            problems.add(where + "missing 'title'");
            return "";
        });
        for (String fixed : FIXED_RULE_KEYS) {
            if (node.has(fixed)) {
                problems.add(where + "'" + fixed + "' cannot be set: a technique is always the agent's, is never "
                        + "scored and takes its title as description");
            }
        }
        Map<Language, JsonNode> queries = perLanguage(node.path("query"), languages, where + "'query'", problems);
        JsonNode examplesNode = node.path("examples");
        Map<Language, JsonNode> examples = new EnumMap<>(Language.class);
        if (examplesNode.isObject() && isLanguageMap(examplesNode)) {
            examples = perLanguage(examplesNode, languages, where + "'examples'", problems);
        } else if (!examplesNode.isMissingNode() && !examplesNode.isNull()) {
            if (languages.size() > 1) {
                problems.add(where + "'examples' must be given per language ({en: {match: [...]}, ru: {...}}) "
                        + "when the training has several languages");
            } else {
                examples.put(languages.get(0), examplesNode);
            }
        }
        Set<Language> applies = new TreeSet<>(queries.isEmpty() ? languages : queries.keySet());
        var ruleIds = new EnumMap<Language, String>(Language.class);
        ObjectNode matches = JsonNodeFactory.instance.objectNode(); // what the version is a hash of
        for (Language language : applies) {
            JsonNode ex = examples.get(language);
            if (ex == null || !ex.isObject() || !ex.path("match").isArray() || ex.path("match").isEmpty()) {
                problems.add(where + "needs at least one 'match' example for " + language.code()
                        + (languages.size() > 1 ? " (examples." + language.code() + ".match)" : " (examples.match)"));
                continue;
            }
            unknownKeys(ex, EXAMPLE_KEYS, where + "examples: ", problems);
            String ruleId = d.id + "." + id + "." + language.code();
            ObjectNode rule = JsonNodeFactory.instance.objectNode();
            rule.put("id", ruleId);
            rule.put("description", title);
            rule.put("category", TECHNIQUE_CATEGORY.code());
            rule.put("speaker", "agent");
            rule.put("severity", "info");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                String key = field.getKey();
                if (!key.equals("id") && !key.equals("title") && !key.equals("examples") && !key.equals("query")
                        && !FIXED_RULE_KEYS.contains(key)) {
                    rule.set(key, field.getValue()); // window, unless, typos, ...: the rule loader validates them
                }
            }
            if (queries.containsKey(language)) {
                rule.set("query", queries.get(language));
            }
            ObjectNode matched = rule.deepCopy();
            matched.remove(List.of("description", "examples"));
            matches.set(language.code(), matched);
            rule.set("examples", ex);
            ((ArrayNode) d.packs.get(language).get("rules")).add(rule);
            ruleIds.put(language, ruleId);
        }
        if (problems.size() > before || ruleIds.isEmpty()) {
            return Optional.empty();
        }
        d.packs.values().stream().findFirst().map(p -> p.get("define")).ifPresent(define -> matches.set("define",
                define));
        return Optional.of(new Technique(id, title, ruleIds, version(matches)));
    }

    /**
     * The first 8 hex digits of the SHA-256 of {@code node} written with sorted keys: the same for the same
     * definitions however their keys are ordered in the YAML.
     */
    private static String version(JsonNode node) {
        try {
            Object plain = CANONICAL.treeToValue(node, Object.class);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(plain));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a technique's definition", e);
        }
    }

    /** Whether a mapping is keyed by language codes rather than being one value for every language. */
    private static boolean isLanguageMap(JsonNode node) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (EXAMPLE_KEYS.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value given once for the training's only language, or as a mapping from language code to value. Empty when
     * the key is absent.
     */
    private static Map<Language, JsonNode> perLanguage(JsonNode node, List<Language> languages, String where,
                                                       List<String> problems) {
        var out = new EnumMap<Language, JsonNode>(Language.class);
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            if (languages.size() != 1) {
                problems.add(where + " must be given per language ({en: ..., ru: ...}) when the training has "
                        + "several languages");
            } else {
                out.put(languages.get(0), node);
            }
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            try {
                Language l = Language.fromCode(e.getKey());
                if (!languages.contains(l)) {
                    problems.add(where + " is given for " + l.code() + ", which is not a language of the training");
                } else {
                    out.put(l, e.getValue());
                }
            } catch (IllegalArgumentException ex) {
                problems.add(where + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String where, List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(where + "unknown key '" + key + "' (allowed: " + new TreeSet<>(allowed) + ")");
            }
        }
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode node, String where, List<String> problems) {
        if (!node.isArray()) {
            problems.add(where + " must be a list");
            return List.of();
        }
        var out = new ArrayList<String>();
        for (JsonNode v : node) {
            if (!v.isValueNode() || v.isNull()) {
                problems.add(where + " must be a list of plain values");
                return List.of();
            }
            out.add(v.asText());
        }
        return out;
    }
}
