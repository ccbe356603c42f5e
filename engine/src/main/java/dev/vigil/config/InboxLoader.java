package dev.vigil.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Loads an inbox's {@code vigil.yaml}, {@code agents.csv} and {@code surveys.csv}; {@code trainings.yaml} is
 * configuration too, read by {@code dev.vigil.uptake.TrainingLoader}. Stateless and thread-safe.
 */
public final class InboxLoader {
    static final String CONFIG_FILE = "vigil.yaml";
    static final String AGENTS_FILE = "agents.csv";
    static final String SURVEYS_FILE = "surveys.csv";
    /** The inbox's training-uptake pack, read by {@code dev.vigil.uptake.TrainingLoader}. */
    public static final String TRAININGS_FILE = "trainings.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new SimpleModule()
                    .addDeserializer(Language.class, new LanguageDeserializer())
                    .addDeserializer(ZoneId.class, new ZoneDeserializer())
                    .addKeyDeserializer(Language.class, new com.fasterxml.jackson.databind.KeyDeserializer() {
                        @Override
                        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                            try {
                                return Language.fromCode(key);
                            } catch (IllegalArgumentException e) {
                                throw JsonMappingException.from(ctxt, e.getMessage());
                            }
                        }
                    }));

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).build();

    private InboxLoader() {
    }

    /** Files at the inbox root that configure it rather than being interactions. */
    public static final Set<String> CONFIG_FILES = Set.of(CONFIG_FILE, "vigil.yml", AGENTS_FILE, SURVEYS_FILE,
            TRAININGS_FILE);

    /**
     * Whether a file of the inbox at {@code root} is an interaction to analyse: not one of the configuration files at
     * the root, not hidden (no part of its path starts with a dot), and not a call's sidecar.
     */
    public static boolean isInteractionFile(Path root, Path file) {
        Path rel = root.relativize(file);
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return !(rel.getNameCount() == 1 && CONFIG_FILES.contains(rel.toString()))
                && !dev.vigil.ingest.CallFiles.isSidecar(file);
    }

    /**
     * Loads the configuration of the inbox at {@code root}. Missing files mean defaults.
     *
     * @throws InvalidInboxException naming the file, line (when known) and problem when a file is invalid
     */
    public static Inbox load(Path root) {
        InboxConfig config = loadConfig(root.resolve(CONFIG_FILE));
        Roster roster = loadRoster(root.resolve(AGENTS_FILE));
        Map<String, Survey> surveys = loadSurveys(root.resolve(SURVEYS_FILE));
        return new Inbox(root, config, roster, surveys);
    }

    /** Reads {@code vigil.yaml}; a missing or empty file gives {@link InboxConfig#defaults()}. */
    static InboxConfig loadConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            return InboxConfig.defaults();
        }
        ConfigFile parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = YAML.createParser(reader)) {
            if (parser.nextToken() == null) {
                return InboxConfig.defaults(); // empty, or only comments
            }
            parsed = YAML.readValue(parser, ConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ", " (known keys: ", ")"));
            throw invalid(file, tokenLocation(e), "unknown key '" + path(e) + "'" + known);
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw invalid(file, tokenLocation(e), "expected a mapping of keys such as 'company:' and "
                        + "'language:' at the top level");
            }
            throw invalid(file, tokenLocation(e), "key '" + path(e) + "': " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw invalid(file, e.getLocation(), "invalid YAML: " + e.getOriginalMessage());
        } catch (CharacterCodingException e) {
            throw new InvalidInboxException(file, OptionalInt.empty(), "not valid UTF-8");
        } catch (IOException e) {
            throw new InvalidInboxException(file, OptionalInt.empty(), "cannot read: " + e.getMessage());
        }
        if (parsed == null) {
            return InboxConfig.defaults();
        }
        InboxConfig defaults = InboxConfig.defaults();
        CompanyProfile company = defaults.company();
        if (parsed.company() != null) {
            if (parsed.company().name() == null || parsed.company().name().isBlank()) {
                throw new InvalidInboxException(file, OptionalInt.empty(), "key 'company.name' is required under 'company'");
            }
            List<String> aliases = parsed.company().aliases() == null ? List.of() : parsed.company().aliases();
            if (aliases.stream().anyMatch(a -> a == null || a.isBlank())) {
                throw new InvalidInboxException(file, OptionalInt.empty(), "key 'company.aliases' has a blank alias");
            }
            company = new CompanyProfile(parsed.company().name().trim(), aliases.stream().map(String::trim).toList());
        }
        long maxBytes = parsed.maxFileMb() == null ? defaults.maxFileBytes()
                : Math.round(parsed.maxFileMb() * 1024 * 1024);
        return new InboxConfig(company,
                Optional.ofNullable(parsed.language()).orElse(defaults.defaultLanguage()),
                Optional.ofNullable(parsed.scorecard()).map(String::trim).filter(s -> !s.isEmpty()),
                Optional.ofNullable(parsed.reportLanguage()),
                maxBytes,
                Optional.ofNullable(parsed.timezone()).orElse(defaults.timezone()),
                callSettings(file, parsed.calls, parsed.speech));
    }

    /** The {@code calls:} and {@code speech:} keys, with defaults for what is absent. */
    private static CallSettings callSettings(Path file, CallsFile calls, SpeechFile speech) {
        CallSettings d = CallSettings.defaults();
        var models = new java.util.EnumMap<Language, SpeechModelPaths>(Language.class);
        if (speech != null && speech.models != null) {
            Path base = file.toAbsolutePath().getParent();
            speech.models.forEach((language, m) -> {
                if (m == null || m.acousticModel == null || m.acousticModel.isBlank()) {
                    throw new InvalidInboxException(file, OptionalInt.empty(), "key 'speech.models."
                            + language.code() + ".acoustic_model' is required (the folder of a CMU Sphinx acoustic "
                            + "model)");
                }
                models.put(language, new SpeechModelPaths(base.resolve(m.acousticModel.trim()),
                        Optional.ofNullable(m.dictionary).map(String::trim).map(base::resolve),
                        Optional.ofNullable(m.languageModel).map(String::trim).map(base::resolve)));
            });
        }
        double domainWeight = speech == null || speech.domainWeight == null ? d.domainWeight() : speech.domainWeight;
        if (!(domainWeight > 0 && domainWeight <= 1)) {
            throw new InvalidInboxException(file, OptionalInt.empty(), "key 'speech.domain_weight': " + domainWeight
                    + " is not above 0 and at most 1");
        }
        if (calls == null) {
            return new CallSettings(d.layout(), d.deadAir(), d.holdMinimum(), d.minConfidence(), d.maxDuration(),
                    d.maxFileBytes(), models, domainWeight);
        }
        if (calls.minConfidence != null && (calls.minConfidence < 0 || calls.minConfidence > 1)) {
            throw new InvalidInboxException(file, OptionalInt.empty(), "key 'calls.min_confidence': "
                    + calls.minConfidence + " is not between 0 and 1");
        }
        return new CallSettings(
                calls.channels == null ? d.layout() : layout(file, calls.channels),
                calls.deadAirS == null ? d.deadAir() : seconds(calls.deadAirS),
                calls.holdMinS == null ? d.holdMinimum() : seconds(calls.holdMinS),
                calls.minConfidence == null ? d.minConfidence() : calls.minConfidence,
                calls.maxDurationMin == null ? d.maxDuration() : seconds(calls.maxDurationMin * 60),
                calls.maxFileMb == null ? d.maxFileBytes() : Math.round(calls.maxFileMb * 1024 * 1024),
                models, domainWeight);
    }

    private static java.time.Duration seconds(double s) {
        return java.time.Duration.ofMillis(Math.round(s * 1000));
    }

    /**
     * The contract's channel layout: {@code mono}, or a mapping {@code {left: agent, right: customer}} (either side
     * may be the agent).
     */
    static dev.vigil.model.ChannelLayout layout(Path file, Object channels) {
        return dev.vigil.model.ChannelLayout.parse(channels).orElseThrow(() -> new InvalidInboxException(file,
                OptionalInt.empty(), "key 'calls.channels': expected 'mono' or {left: agent, right: customer} (or the "
                + "reverse), got " + channels));
    }

    /** Reads {@code agents.csv}; a missing file gives {@link Roster#absent()}. */
    static Roster loadRoster(Path file) {
        if (!Files.isRegularFile(file)) {
            return Roster.absent();
        }
        var agents = new LinkedHashMap<String, Agent>();
        readCsv(file, Set.of("agent_id", "name"), Set.of("agent_id", "name", "email", "team", "language"), row -> {
            String id = row.required("agent_id");
            if (agents.containsKey(id)) {
                throw row.invalid("duplicate agent_id '" + id + "'");
            }
            Optional<String> email = row.optional("email");
            if (email.isPresent() && !email.get().contains("@")) {
                throw row.invalid("email '" + email.get() + "' is not an e-mail address");
            }
            Optional<Language> language;
            try {
                language = row.optional("language").map(Language::fromCode);
            } catch (IllegalArgumentException e) {
                throw row.invalid(e.getMessage());
            }
            agents.put(id, new Agent(id, row.required("name"), email, row.optional("team"), language));
        });
        return Roster.of(agents.values());
    }

    /** Reads {@code surveys.csv}; a missing file gives no surveys. */
    static Map<String, Survey> loadSurveys(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        var surveys = new LinkedHashMap<String, Survey>();
        readCsv(file, Set.of("interaction_id"), Set.of("interaction_id", "csat", "nps", "ces"), row -> {
            String id = row.required("interaction_id");
            if (surveys.containsKey(id)) {
                throw row.invalid("duplicate interaction_id '" + id + "'");
            }
            try {
                surveys.put(id, new Survey(id, row.integer("csat"), row.integer("nps"), row.integer("ces")));
            } catch (IllegalArgumentException e) {
                if (e instanceof InvalidInboxException inv) {
                    throw inv;
                }
                throw row.invalid(e.getMessage());
            }
        });
        return surveys;
    }

    private interface RowHandler {
        void accept(Row row);
    }

    /** One CSV record with its file and line, for precise errors. */
    private record Row(Path file, CSVRecord record, int line) {
        String required(String column) {
            return optional(column).orElseThrow(() -> invalid("column '" + column + "' is empty"));
        }

        Optional<String> optional(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return Optional.empty();
            }
            return Optional.of(record.get(column).trim()).filter(v -> !v.isEmpty());
        }

        OptionalInt integer(String column) {
            Optional<String> v = optional(column);
            if (v.isEmpty()) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(v.get()));
            } catch (NumberFormatException e) {
                throw invalid(column + " '" + v.get() + "' is not a whole number");
            }
        }

        InvalidInboxException invalid(String problem) {
            return new InvalidInboxException(file, OptionalInt.of(line), problem);
        }
    }

    private static void readCsv(Path file, Set<String> required, Set<String> known, RowHandler handler) {
        try (var in = BOMInputStream.builder().setPath(file).get();
             var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
             CSVParser parser = CSV.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            var missing = new TreeSet<>(required);
            missing.removeAll(header);
            if (!missing.isEmpty()) {
                throw new InvalidInboxException(file, OptionalInt.of(1), "missing column(s) " + missing
                        + " in the header (expected " + String.join(",", orderedKnown(known, required)) + ")");
            }
            var unknown = new ArrayList<>(header);
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw new InvalidInboxException(file, OptionalInt.of(1), "unknown column(s) " + unknown
                        + " in the header (expected " + String.join(",", orderedKnown(known, required)) + ")");
            }
            long previousEnd = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                int line = (int) previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                handler.accept(new Row(file, record, line));
            }
        } catch (InvalidInboxException e) {
            throw e;
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            String problem = cause instanceof CharacterCodingException ? "not valid UTF-8"
                    : "cannot read: " + cause.getMessage();
            throw new InvalidInboxException(file, OptionalInt.empty(), problem);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports malformed quoting and duplicate headers this way
            throw new InvalidInboxException(file, OptionalInt.empty(), "invalid CSV: " + e.getMessage());
        }
    }

    private static List<String> orderedKnown(Set<String> known, Set<String> required) {
        var list = new ArrayList<>(required.stream().sorted().toList());
        known.stream().sorted().filter(k -> !required.contains(k)).forEach(list::add);
        return list;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Where the offending token starts; the exception's own location can be the end of the value. */
    private static JsonLocation tokenLocation(JsonMappingException e) {
        if (e.getProcessor() instanceof JsonParser p && p.currentTokenLocation() != null) {
            return p.currentTokenLocation();
        }
        return e.getLocation();
    }

    private static InvalidInboxException invalid(Path file, JsonLocation location, String problem) {
        OptionalInt line = location == null || location.getLineNr() <= 0 ? OptionalInt.empty()
                : OptionalInt.of(location.getLineNr());
        return new InvalidInboxException(file, line, problem);
    }

    /** The shape of {@code vigil.yaml}; a plain class so that Jackson reports unknown keys where they are. */
    @SuppressWarnings("unused")
    private static final class ConfigFile {
        @JsonProperty("company") CompanyFile company;
        @JsonProperty("language") Language language;
        @JsonProperty("scorecard") String scorecard;
        @JsonProperty("report_language") Language reportLanguage;
        @JsonProperty("max_file_mb") @JsonDeserialize(using = PositiveNumberDeserializer.class) Double maxFileMb;
        @JsonProperty("timezone") ZoneId timezone;
        @JsonProperty("calls") CallsFile calls;
        @JsonProperty("speech") SpeechFile speech;

        CompanyFile company() {
            return company;
        }

        Language language() {
            return language;
        }

        String scorecard() {
            return scorecard;
        }

        Language reportLanguage() {
            return reportLanguage;
        }

        Double maxFileMb() {
            return maxFileMb;
        }

        ZoneId timezone() {
            return timezone;
        }
    }

    /** The {@code calls:} key. */
    @SuppressWarnings("unused")
    private static final class CallsFile {
        @JsonProperty("channels") Object channels;
        @JsonProperty("dead_air_s") @JsonDeserialize(using = PositiveNumberDeserializer.class) Double deadAirS;
        @JsonProperty("hold_min_s") @JsonDeserialize(using = PositiveNumberDeserializer.class) Double holdMinS;
        @JsonProperty("min_confidence") Double minConfidence;
        @JsonProperty("max_duration_min") @JsonDeserialize(using = PositiveNumberDeserializer.class)
        Double maxDurationMin;
        @JsonProperty("max_file_mb") @JsonDeserialize(using = PositiveNumberDeserializer.class) Double maxFileMb;
    }

    /** The {@code speech:} key. */
    @SuppressWarnings("unused")
    private static final class SpeechFile {
        @JsonProperty("models") Map<Language, ModelFile> models;
        @JsonProperty("domain_weight") Double domainWeight;
    }

    @SuppressWarnings("unused")
    private static final class ModelFile {
        @JsonProperty("acoustic_model") String acousticModel;
        @JsonProperty("dictionary") String dictionary;
        @JsonProperty("language_model") String languageModel;
    }

    @SuppressWarnings("unused")
    private static final class CompanyFile {
        @JsonProperty("name") String name;
        @JsonProperty("aliases") List<String> aliases;

        String name() {
            return name;
        }

        List<String> aliases() {
            return aliases;
        }
    }

    private static final class LanguageDeserializer extends JsonDeserializer<Language> {
        @Override
        public Language deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Language.fromCode(text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }

    private static final class ZoneDeserializer extends JsonDeserializer<ZoneId> {
        @Override
        public ZoneId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return ZoneId.of(text == null ? "" : text.trim());
            } catch (DateTimeException e) {
                throw JsonMappingException.from(p, "unknown time zone '" + text
                        + "' (use a region such as Europe/Moscow or an offset such as +03:00)");
            }
        }
    }

    private static final class PositiveNumberDeserializer extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            double value;
            try {
                value = p.getValueAsDouble(Double.NaN);
            } catch (IOException e) {
                value = Double.NaN;
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw JsonMappingException.from(p, "'" + p.getText() + "' is not a positive number");
            }
            return value;
        }
    }
}
