package dev.vigil.score;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.rules.RuleSource;
import dev.vigil.rules.RuleSource.NamedResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scorecard YAML (the schema is in {@code docs/scoring.md}) and validates it. Validation collects every
 * problem of every file, each naming the file, the section or item and the problem, and throws them together as
 * one {@link InvalidScorecardException}. Thread-safe.
 */
public final class ScorecardLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]*");
    private static final List<String> TOP_KEYS = List.of("scorecard", "pass_threshold", "sections");
    private static final List<String> HEADER_KEYS = List.of("id", "version", "language", "title");
    private static final List<String> SECTION_KEYS = List.of("id", "title", "weight", "items");
    private static final List<String> ITEM_KEYS = List.of("id", "title", "weight", "category", "rule", "metric",
            "speaker", "expect", "min", "max", "auto_fail", "critical", "when", "channels");
    private static final List<String> WHEN_KEYS = List.of("category", "rule", "speaker");

    private final ObjectMapper yaml;

    public ScorecardLoader() {
        yaml = new ObjectMapper(new YAMLFactory());
        yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Reads and validates one scorecard.
     *
     * @param name         the file name that errors mention, for example {@code scorecards/default-en.yaml}
     * @param content      the YAML text
     * @param knownRuleIds the ids of every loaded rule; {@code rule:} references must be among them. Empty skips
     *                     this check.
     * @throws InvalidScorecardException listing every problem
     */
    public Scorecard load(String name, String content, Set<String> knownRuleIds) {
        var problems = new ArrayList<String>();
        Optional<Scorecard> card = new DocumentValidator(name, knownRuleIds, problems).read(content);
        if (!problems.isEmpty() || card.isEmpty()) {
            throw new InvalidScorecardException(problems);
        }
        return card.get();
    }

    /**
     * Reads and validates several scorecards and checks that their ids are distinct.
     *
     * @throws InvalidScorecardException listing every problem of every file
     */
    public List<Scorecard> loadAll(List<NamedResource> resources, Set<String> knownRuleIds) {
        var problems = new ArrayList<String>();
        var cards = new ArrayList<Scorecard>();
        Map<String, String> fileById = new HashMap<>();
        for (NamedResource r : resources) {
            Optional<Scorecard> card = new DocumentValidator(r.name(), knownRuleIds, problems).read(r.content());
            if (card.isEmpty()) {
                continue;
            }
            String earlier = fileById.putIfAbsent(card.get().id(), r.name());
            if (earlier != null) {
                problems.add(r.name() + ": scorecard id '" + card.get().id() + "' is already used by " + earlier);
            } else {
                cards.add(card.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScorecardException(problems);
        }
        return List.copyOf(cards);
    }

    /** Reads and validates every scorecard of a rule source; see {@link #loadAll(List, Set)}. */
    public List<Scorecard> loadAll(RuleSource source, Set<String> knownRuleIds) {
        return loadAll(source.scorecards(), knownRuleIds);
    }

    /** Validates one file, adding its problems to a shared list. */
    private final class DocumentValidator {
        private final String file;
        private final Set<String> knownRuleIds;
        private final List<String> problems;
        private final Set<String> itemIds = new HashSet<>();

        DocumentValidator(String file, Set<String> knownRuleIds, List<String> problems) {
            this.file = file;
            this.knownRuleIds = Set.copyOf(knownRuleIds);
            this.problems = problems;
        }

        private void problem(String where, String what) {
            problems.add(file + ": " + (where.isEmpty() ? "" : where + ": ") + what);
        }

        Optional<Scorecard> read(String content) {
            int before = problems.size();
            JsonNode root;
            try {
                root = yaml.readTree(content);
            } catch (JsonProcessingException e) {
                var loc = e.getLocation();
                problem(loc == null ? "" : "line " + loc.getLineNr(), "not valid YAML: " + e.getOriginalMessage());
                return Optional.empty();
            }
            if (root == null || !root.isObject()) {
                problem("", "expected a mapping with the keys " + TOP_KEYS);
                return Optional.empty();
            }
            unknownKeys(root, TOP_KEYS, "");
            JsonNode header = root.path("scorecard");
            String id = "";
            int version = 0;
            Language language = Language.EN;
            String title = "";
            if (!header.isObject()) {
                problem("", "'scorecard' is missing or not a mapping (it needs id, version, language and title)");
            } else {
                unknownKeys(header, HEADER_KEYS, "scorecard");
                id = id(header, "scorecard");
                version = version(header);
                language = language(header);
                title = text(header, "title", "scorecard").orElse(id);
            }
            double threshold = passThreshold(root);
            var sections = new ArrayList<ScorecardSection>();
            JsonNode sectionNodes = root.path("sections");
            if (!sectionNodes.isArray() || sectionNodes.isEmpty()) {
                problem("", "'sections' is missing or not a non-empty list");
            } else {
                var sectionIds = new HashSet<String>();
                for (int i = 0; i < sectionNodes.size(); i++) {
                    section(sectionNodes.get(i), i, sectionIds).ifPresent(sections::add);
                }
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new Scorecard(id, version, language, title, threshold, sections));
        }

        private double passThreshold(JsonNode root) {
            JsonNode t = root.path("pass_threshold");
            if (t.isMissingNode()) {
                problem("", "'pass_threshold' is missing (a percentage from 0 to 100)");
                return 0;
            }
            if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 100) {
                problem("", "'pass_threshold' must be a number from 0 to 100, was " + t);
                return 0;
            }
            return t.asDouble();
        }

        private Optional<ScorecardSection> section(JsonNode node, int index, Set<String> sectionIds) {
            String where = "section " + (node.path("id").isTextual() ? "'" + node.get("id").asText() + "'"
                    : "#" + (index + 1));
            if (!node.isObject()) {
                problem(where, "expected a mapping with the keys " + SECTION_KEYS);
                return Optional.empty();
            }
            int before = problems.size();
            unknownKeys(node, SECTION_KEYS, where);
            String id = id(node, where);
            if (!id.isEmpty() && !sectionIds.add(id)) {
                problem(where, "duplicate section id '" + id + "'");
            }
            String title = text(node, "title", where).orElse(id);
            double weight = weight(node, where, true);
            var items = new ArrayList<ScorecardItem>();
            JsonNode itemNodes = node.path("items");
            if (!itemNodes.isArray() || itemNodes.isEmpty()) {
                problem(where, "'items' is missing or not a non-empty list");
            } else {
                for (int i = 0; i < itemNodes.size(); i++) {
                    item(itemNodes.get(i), i, where).ifPresent(items::add);
                }
            }
            return problems.size() > before ? Optional.empty()
                    : Optional.of(new ScorecardSection(id, title, weight, items));
        }

        private Optional<ScorecardItem> item(JsonNode node, int index, String section) {
            String where = section + ", item " + (node.path("id").isTextual() ? "'" + node.get("id").asText() + "'"
                    : "#" + (index + 1));
            if (!node.isObject()) {
                problem(where, "expected a mapping with the keys " + ITEM_KEYS);
                return Optional.empty();
            }
            int before = problems.size();
            unknownKeys(node, ITEM_KEYS, where);
            String id = id(node, where);
            if (!id.isEmpty() && !itemIds.add(id)) {
                problem(where, "duplicate item id '" + id + "' (item ids are unique within a scorecard)");
            }
            String title = text(node, "title", where).orElse(id);
            double weight = node.has("weight") ? weight(node, where, false) : 1.0;
            List<String> kinds = new ArrayList<>();
            for (String k : List.of("category", "rule", "metric")) {
                if (node.has(k)) {
                    kinds.add(k);
                }
            }
            Optional<ItemCheck> check = Optional.empty();
            if (kinds.isEmpty()) {
                problem(where, "needs one of 'category', 'rule' or 'metric'");
            } else if (kinds.size() > 1) {
                problem(where, "has both " + String.join(" and ", kinds) + "; give only one");
            } else if (kinds.get(0).equals("metric")) {
                check = metricCheck(node, where);
            } else {
                check = findingCheck(node, where);
            }
            boolean autoFail = flag(node, "auto_fail", where);
            boolean critical = flag(node, "critical", where);
            Optional<FindingSelector> when = Optional.empty();
            if (node.has("when")) {
                JsonNode w = node.get("when");
                if (!w.isObject()) {
                    problem(where, "'when' must be a mapping with 'category' or 'rule' and an optional 'speaker'");
                } else {
                    unknownKeys(w, WHEN_KEYS, where + ", when");
                    when = selector(w, where + ", when");
                }
            }
            Set<Channel> channels = channels(node, where);
            if (problems.size() > before || check.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ScorecardItem(id, title, weight, check.get(), autoFail, critical, when, channels));
        }

        private boolean flag(JsonNode node, String key, String where) {
            if (!node.has(key)) {
                return false;
            }
            if (!node.get(key).isBoolean()) {
                problem(where, "'" + key + "' must be true or false, was " + node.get(key));
                return false;
            }
            return node.get(key).asBoolean();
        }

        private Optional<ItemCheck> findingCheck(JsonNode node, String where) {
            for (String k : List.of("min", "max")) {
                if (node.has(k)) {
                    problem(where, "'" + k + "' applies to metric items only");
                }
            }
            Optional<FindingSelector> selector = selector(node, where);
            Optional<Expectation> expect = Optional.empty();
            JsonNode e = node.path("expect");
            if (e.isMissingNode()) {
                problem(where, "'expect' is missing (present or absent)");
            } else {
                expect = Arrays.stream(Expectation.values()).filter(x -> x.code().equals(e.asText())).findFirst();
                if (!e.isTextual() || expect.isEmpty()) {
                    problem(where, "'expect' must be present or absent, was " + e);
                }
            }
            if (selector.isEmpty() || expect.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FindingCheck(selector.get(), expect.get()));
        }

        private Optional<ItemCheck> metricCheck(JsonNode node, String where) {
            for (String k : List.of("speaker", "expect")) {
                if (node.has(k)) {
                    problem(where, "'" + k + "' does not apply to metric items");
                }
            }
            JsonNode m = node.get("metric");
            String metric = m.asText();
            if (!m.isTextual() || !METRIC.matcher(metric).matches()) {
                problem(where, "'metric' must be a metric name such as first_response_s, was " + m);
            }
            OptionalDouble min = bound(node, "min", where);
            OptionalDouble max = bound(node, "max", where);
            if (!node.has("min") && !node.has("max")) {
                problem(where, "a metric item needs 'min', 'max' or both");
                return Optional.empty();
            }
            if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
                problem(where, "'min' " + min.getAsDouble() + " is above 'max' " + max.getAsDouble());
                return Optional.empty();
            }
            if (min.isEmpty() && max.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new MetricCheck(metric, min, max));
        }

        private OptionalDouble bound(JsonNode node, String key, String where) {
            if (!node.has(key)) {
                return OptionalDouble.empty();
            }
            JsonNode b = node.get(key);
            if (!b.isNumber()) {
                problem(where, "'" + key + "' must be a number, was " + b);
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(b.asDouble());
        }

        private Optional<FindingSelector> selector(JsonNode node, String where) {
            boolean hasRule = node.has("rule");
            boolean hasCategory = node.has("category");
            if (hasRule == hasCategory) {
                problem(where, hasRule ? "has both rule and category; give only one"
                        : "needs 'category' or 'rule'");
                return Optional.empty();
            }
            int before = problems.size();
            Optional<String> rule = Optional.empty();
            var categories = new java.util.LinkedHashSet<Category>();
            if (hasRule) {
                JsonNode r = node.get("rule");
                if (!r.isTextual() || r.asText().isBlank()) {
                    problem(where, "'rule' must be a rule id, was " + r);
                } else if (!knownRuleIds.isEmpty() && !knownRuleIds.contains(r.asText())) {
                    problem(where, "unknown rule '" + r.asText() + "' (no loaded rule pack defines it)");
                } else {
                    rule = Optional.of(r.asText());
                }
            } else {
                JsonNode c = node.get("category");
                // one category, or a list meaning "any of these"
                for (JsonNode one : c.isArray() ? c : List.of(c)) {
                    try {
                        if (!one.isTextual()) {
                            throw new IllegalArgumentException("'category' must be a category name or a list of "
                                    + "them, was " + c);
                        }
                        categories.add(Category.fromCode(one.asText()));
                    } catch (IllegalArgumentException e) {
                        problem(where, e.getMessage());
                    }
                }
                if (c.isArray() && c.isEmpty()) {
                    problem(where, "'category' list is empty");
                }
            }
            Optional<Speaker> speaker = Optional.empty();
            if (node.has("speaker")) {
                JsonNode s = node.get("speaker");
                speaker = Arrays.stream(Speaker.values()).filter(x -> x.code().equals(s.asText())).findFirst();
                if (!s.isTextual() || speaker.isEmpty()) {
                    problem(where, "'speaker' must be agent, customer or unknown, was " + s);
                }
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new FindingSelector(rule, categories, speaker));
        }

        private Set<Channel> channels(JsonNode node, String where) {
            if (!node.has("channels")) {
                return Set.of();
            }
            JsonNode list = node.get("channels");
            if (!list.isArray() || list.isEmpty()) {
                problem(where, "'channels' must be a non-empty list of chat, email, call; was " + list);
                return Set.of();
            }
            Set<Channel> out = EnumSet.noneOf(Channel.class);
            for (JsonNode c : list) {
                Optional<Channel> ch = Arrays.stream(Channel.values()).filter(x -> x.code().equals(c.asText()))
                        .findFirst();
                if (!c.isTextual() || ch.isEmpty()) {
                    problem(where, "unknown channel " + c + " (one of: chat, email, call)");
                } else {
                    out.add(ch.get());
                }
            }
            return out;
        }

        private String id(JsonNode node, String where) {
            JsonNode id = node.path("id");
            if (id.isMissingNode()) {
                problem(where, "'id' is missing");
                return "";
            }
            if (!id.isTextual() || !ID.matcher(id.asText()).matches()) {
                problem(where, "'id' must be lower-case letters, digits, '_', '.' or '-', was " + id);
                return "";
            }
            return id.asText();
        }

        private int version(JsonNode header) {
            JsonNode v = header.path("version");
            if (v.isMissingNode()) {
                problem("scorecard", "'version' is missing (a positive whole number)");
                return 0;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
                problem("scorecard", "'version' must be a positive whole number, was " + v);
                return 0;
            }
            return v.asInt();
        }

        private Language language(JsonNode header) {
            JsonNode l = header.path("language");
            if (l.isMissingNode()) {
                problem("scorecard", "'language' is missing (en or ru)");
                return Language.EN;
            }
            try {
                if (!l.isTextual()) {
                    throw new IllegalArgumentException("'language' must be en or ru, was " + l);
                }
                return Language.fromCode(l.asText());
            } catch (IllegalArgumentException e) {
                problem("scorecard", e.getMessage());
                return Language.EN;
            }
        }

        private Optional<String> text(JsonNode node, String key, String where) {
            JsonNode t = node.path(key);
            if (t.isMissingNode()) {
                return Optional.empty();
            }
            if (!t.isTextual() || t.asText().isBlank()) {
                problem(where, "'" + key + "' must be non-empty text, was " + t);
                return Optional.empty();
            }
            return Optional.of(t.asText().strip());
        }

        private double weight(JsonNode node, String where, boolean required) {
            JsonNode w = node.path("weight");
            if (w.isMissingNode()) {
                if (required) {
                    problem(where, "'weight' is missing (a positive number of points)");
                }
                return 1;
            }
            if (!w.isNumber() || !(w.asDouble() > 0) || Double.isInfinite(w.asDouble())) {
                problem(where, "'weight' must be a positive number, was " + w);
                return 1;
            }
            return w.asDouble();
        }

        private void unknownKeys(JsonNode node, List<String> allowed, String where) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    problem(where, "unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
                }
            }
        }
    }
}
