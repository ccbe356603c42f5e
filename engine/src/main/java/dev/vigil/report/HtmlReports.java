package dev.vigil.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.vigil.analyze.AcousticMetricsStep;
import dev.vigil.analyze.TimingMetricsStep;
import dev.vigil.model.Channel;
import dev.vigil.model.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders Vigil's static HTML reports: the team index, one page per agent and one per interaction, in English or
 * Russian. Pages are self-contained apart from the shared stylesheet ({@link #writeAssets(Path)}) and a call's
 * recording, link each other relatively, work from {@code file://} without a network, and are deterministic: the
 * same input gives byte-identical HTML. Every text from the data is HTML-escaped. Thread-safe after construction.
 *
 * <p>Layout under {@code <out>/reports/}: {@code index.html}, {@code agents/<agent_id>.html},
 * {@code interactions/<id>.html}, {@code audio/<id>.<ext>} (calls' recordings, see {@link CallAudio}),
 * {@code assets/vigil.css}; {@link #fileName(String)} makes an id safe as a file name. Times are shown in UTC.
 *
 * <p><b>Calls.</b> A call's page has an HTML5 audio player; every element with a {@code data-start} attribute
 * (seconds) — a finding's row, its evidence links, its highlighted text, every recognised word and every turn's
 * start — plays the recording from there when clicked (a few lines of inline script, no external code). Words whose
 * confidence is below {@link #DOUBTFUL_WORD} are shown as doubtful; every word's tooltip gives its confidence. The
 * call's acoustic and timing metrics ({@link #isCallMetric(String)}) get a table of their own.
 *
 * <p><b>Human review.</b> A page whose line carries {@code needs_review} shows a "needs human review" banner with the
 * reason instead of the pass/fail verdict; agent and team pages count such interactions and list them separately.
 */
public final class HtmlReports {
    private static final String RESOURCES = "/dev/vigil/report/";
    private static final String CSS = "vigil.css";
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Words recognised with a confidence below this are shown as doubtful. */
    public static final double DOUBTFUL_WORD = 0.5;

    /** Call metrics in the order the call-metrics table shows them; other call metrics follow by name. */
    static final List<String> CALL_METRICS = List.of(TimingMetricsStep.DURATION_S,
            AcousticMetricsStep.TRANSCRIPT_CONFIDENCE, AcousticMetricsStep.AGENT_TALK_RATIO,
            AcousticMetricsStep.TALK_LISTEN_RATIO, AcousticMetricsStep.SILENCE_RATIO, AcousticMetricsStep.DEAD_AIR_COUNT,
            AcousticMetricsStep.DEAD_AIR_S, AcousticMetricsStep.DEAD_AIR_MAX_S, AcousticMetricsStep.OVERTALK_COUNT,
            AcousticMetricsStep.OVERTALK_S, AcousticMetricsStep.AGENT_FIRST_WORDS_S,
            AcousticMetricsStep.AGENT_SPEECH_RATE_WPM, AcousticMetricsStep.HOLD_COUNT, AcousticMetricsStep.HOLD_S,
            AcousticMetricsStep.HOLD_MAX_S, AcousticMetricsStep.HOLD_NOT_ASKED_COUNT,
            AcousticMetricsStep.HOLD_NOT_THANKED_COUNT, AcousticMetricsStep.AGENT_RAISED_VOICE_COUNT,
            AcousticMetricsStep.CUSTOMER_RAISED_VOICE_COUNT);

    private final Map<String, String> titles;
    private final Language ui;
    private final Locale locale;
    private final Messages msg;
    private final Map<String, Object> messageTree;
    private final Template interactionTemplate;
    private final Template agentTemplate;
    private final Template indexTemplate;

    /** Loads the templates and the texts of {@code ui}, the language of the report's labels. */
    public HtmlReports(Language ui) {
        this(ui, Map.of());
    }

    /**
     * Like {@link #HtmlReports(Language)}, with the scorecard's own titles for its sections and items, keyed
     * {@code section.<id>} and {@code item.<id>}; ids without a title fall back to the built-in labels, then the id.
     */
    public HtmlReports(Language ui, Map<String, String> titles) {
        this.titles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(titles));
        this.ui = ui;
        this.locale = ui.locale();
        this.msg = Messages.of(ui);
        this.messageTree = msg.tree();
        Mustache.Compiler compiler = Mustache.compiler().zeroIsFalse(true).emptyStringIsFalse(true).withLoader(name -> reader(name + ".mustache"));
        this.interactionTemplate = compile(compiler, "interaction");
        this.agentTemplate = compile(compiler, "agent");
        this.indexTemplate = compile(compiler, "index");
    }

    /** Writes the shared stylesheet to {@code reportsDir/assets/vigil.css}, creating folders as needed. */
    public static void writeAssets(Path reportsDir) throws IOException {
        Path assets = Files.createDirectories(reportsDir.resolve("assets"));
        try (InputStream in = HtmlReports.class.getResourceAsStream(RESOURCES + CSS)) {
            if (in == null) {
                throw new IllegalStateException("missing report resource " + CSS);
            }
            Files.write(assets.resolve(CSS), in.readAllBytes());
        }
    }

    /**
     * The file name of an interaction's or agent's page: the id with characters that are unsafe in file names
     * ({@code / \ : * ? " < > |}, controls, a leading dot) replaced by {@code _}, plus {@code .html}.
     */
    public static String fileName(String id) {
        return OutputNames.stem(id) + ".html";
    }

    /** The path of an interaction's page under the reports folder. */
    public static Path interactionFile(Path reportsDir, String interactionId) {
        return reportsDir.resolve("interactions").resolve(fileName(interactionId));
    }

    /**
     * The file name of a call's recording under {@code reports/audio/}: the id made safe ({@link OutputNames#stem})
     * and {@code .<extension>}, lower case.
     */
    public static String audioName(String interactionId, String extension) {
        return OutputNames.stem(interactionId) + "." + extension.toLowerCase(Locale.ROOT);
    }

    /** The path of a call's recording under the reports folder. */
    public static Path audioFile(Path reportsDir, String interactionId, String extension) {
        return reportsDir.resolve("audio").resolve(audioName(interactionId, extension));
    }

    /**
     * Whether a metric is one of a call's acoustic and timing metrics: {@code silence_ratio}, {@code dead_air_*},
     * {@code overtalk_*}, talk ratios, {@code agent_speech_rate_wpm}, {@code agent_first_words_s}, {@code hold_*},
     * {@code *_raised_voice_count}, {@code transcript_confidence} and {@code duration_s}.
     */
    public static boolean isCallMetric(String name) {
        return CALL_METRICS.contains(name) || name.startsWith("dead_air_") || name.startsWith("overtalk_")
                || name.startsWith("hold_") || name.endsWith("_raised_voice_count")
                || (name.contains("talk") && name.endsWith("_ratio"));
    }

    /** The path of an agent's page under the reports folder. */
    public static Path agentFile(Path reportsDir, String agentId) {
        return reportsDir.resolve("agents").resolve(fileName(agentId));
    }

    // ---------------------------------------------------------------- interaction page

    /**
     * The page of one interaction ({@code reports/interactions/<id>.html}): its header and score, the scorecard items
     * with their reasons, the findings, and the transcript with each finding's text highlighted.
     *
     * @param evaluationLine its {@code evaluations.jsonl} line ({@link EvaluationJson#line})
     * @param transcriptJson its {@code transcripts/<id>.json} object ({@link EvaluationJson#transcript})
     * @throws IllegalArgumentException when either is not valid JSON or lacks a contract field
     */
    public String interactionPage(String evaluationLine, String transcriptJson) {
        return interactionPage(evaluationLine, transcriptJson, Optional.empty());
    }

    /**
     * Like {@link #interactionPage(String, String)}, for a call whose recording was published as
     * {@code reports/audio/<audioName>} ({@link #audioName}); the page's player refers to it relatively. A call without
     * a recording gets the page without a player, saying so.
     */
    public String interactionPage(String evaluationLine, String transcriptJson, Optional<String> audioName) {
        JsonNode e = EvaluationJson.parse(evaluationLine);
        JsonNode t = EvaluationJson.parse(transcriptJson);
        String id = EvaluationJson.text(e, "interaction_id");
        String agentId = EvaluationJson.text(e, "agent_id");
        Channel channel = Channel.fromCode(EvaluationJson.text(e, "channel"));
        Instant started = Instant.parse(EvaluationJson.text(e, "started_at"));
        boolean passed = e.path("passed").asBoolean();
        boolean autoFail = e.path("auto_fail").asBoolean();
        boolean call = channel == Channel.CALL;
        Optional<String> review = EvaluationJson.review(e);

        int turnCount = t.path("turns").size();
        List<FindingRow> findings = new ArrayList<>();
        Map<Integer, List<TranscriptMarkup.Highlight>> highlights = new LinkedHashMap<>();
        Set<String> categories = new LinkedHashSet<>();
        int number = 0;
        for (JsonNode f : e.path("findings")) {
            number++;
            String category = f.path("category").asText();
            String rule = f.path("rule").asText();
            int turn = f.path("turn").asInt();
            categories.add(category);
            double confidence = f.path("confidence").asDouble();
            long startMs = f.path("start_ms").asLong();
            String start = call ? seconds(startMs) : "";
            String tooltip = rule + " · " + categoryLabel(category)
                    + (call ? " · " + msg.format("label.findingConfidence", percent(confidence, 0)) : "");
            highlights.computeIfAbsent(turn, k -> new ArrayList<>()).add(new TranscriptMarkup.Highlight(
                    f.path("char_start").asInt(), f.path("char_end").asInt(), category, tooltip, start));
            findings.add(new FindingRow(number, rule, category, categoryLabel(category),
                    speakerLabel(f.path("speaker").asText()),
                    turn >= 0 && turn < turnCount ? "#turn-" + turn : "", turn + 1,
                    call ? clock(startMs) : offset(startMs), f.path("text").asText(),
                    percent(confidence, 0), start, call && confidence < DOUBTFUL_WORD));
        }
        List<ItemRow> items = new ArrayList<>();
        for (JsonNode item : e.path("items")) {
            String outcome = item.path("outcome").asText();
            List<TurnLink> evidence = new ArrayList<>();
            for (JsonNode ev : item.path("evidence")) {
                int index = ev.asInt();
                if (index >= 0 && index < findings.size() && !findings.get(index).turnHref().isEmpty()) {
                    FindingRow f = findings.get(index);
                    evidence.add(new TurnLink(f.turnHref(), msg.format("label.turnN", f.turnNumber()),
                            f.categoryLabel(), f.start()));
                }
            }
            items.add(new ItemRow(itemLabel(item.path("id").asText()), sectionLabel(item.path("section").asText()),
                    outcome, msg.getOrDefault("outcome." + outcome, outcome), item.path("auto_fail").asBoolean(),
                    item.path("reason").asText(), evidence));
        }
        List<Bar> sections = new ArrayList<>();
        for (JsonNode s : e.path("sections")) {
            double max = s.path("max").asDouble();
            double score = s.path("score").asDouble();
            if (max > 0) {
                sections.add(bar(sectionLabel(s.path("id").asText()), 100 * score / max,
                        number(score, 1) + " / " + number(max, 1)));
            } else {
                sections.add(new Bar(sectionLabel(s.path("id").asText()), "0", msg.get("label.notApplicable"),
                        "na"));
            }
        }
        List<Metric> metrics = new ArrayList<>();
        Map<String, Metric> callMetrics = new java.util.TreeMap<>(Comparator
                .comparingInt((String name) -> CALL_METRICS.contains(name) ? CALL_METRICS.indexOf(name)
                        : CALL_METRICS.size())
                .thenComparing(Comparator.naturalOrder()));
        e.path("metrics").fields().forEachRemaining(m -> {
            Metric row = new Metric(msg.getOrDefault("metric." + m.getKey(), m.getKey()),
                    m.getValue().isNull() ? "—" : metricValue(m.getKey(), m.getValue().asDouble()), m.getKey());
            if (call && isCallMetric(m.getKey())) {
                callMetrics.put(m.getKey(), row);
            } else {
                metrics.add(row);
            }
        });
        if (call && !callMetrics.containsKey("duration_s") && e.hasNonNull("duration_s")) {
            callMetrics.put("duration_s", new Metric(msg.get("metric.duration_s"),
                    metricValue("duration_s", e.get("duration_s").asDouble()), "duration_s"));
        }

        String agentName = e.hasNonNull("agent_name") ? e.get("agent_name").asText() : agentId;
        List<TurnView> turns = new ArrayList<>();
        String interactionLanguage = t.path("language").asText();
        int index = 0;
        for (JsonNode turn : t.path("turns")) {
            String speaker = turn.path("speaker").asText();
            long startMs = turn.path("start_ms").asLong();
            Instant at = started.plusMillis(startMs);
            String language = turn.path("language").asText(interactionLanguage);
            String who = speakerLabel(speaker) + ("agent".equals(speaker) && !agentName.equals(agentId)
                    ? " · " + agentName : "");
            String text = turn.path("text").asText();
            turns.add(new TurnView("turn-" + index, index + 1, speakerClass(speaker), who,
                    channel == Channel.EMAIL ? DATE_TIME.format(at) : CLOCK.format(at),
                    call ? clock(startMs) : offset(startMs),
                    TranscriptMarkup.highlight(text, highlights.getOrDefault(index, List.of()),
                            call ? placedWords(text, turn.path("words")) : List.of()),
                    language.equals(interactionLanguage) ? "" : language, !language.equals(interactionLanguage),
                    call ? seconds(startMs) : ""));
            index++;
        }
        List<String> attachments = new ArrayList<>();
        for (JsonNode a : t.path("attachments")) {
            attachments.add(a.path("name").asText() + " (" + a.path("media_type").asText() + ", "
                    + bytes(a.path("size_bytes").asLong()) + ")");
        }

        Map<String, Object> page = base(msg.format("title.interaction", id), "../");
        page.put("id", id);
        page.put("agentId", agentId);
        page.put("agentName", agentName);
        page.put("agentHref", "../agents/" + href(agentId));
        page.put("channel", channelLabel(channel));
        page.put("language", languageLabel(EvaluationJson.text(e, "language")));
        page.put("date", DATE_TIME.format(started) + " UTC");
        page.put("duration", duration(Duration.ofMillis(Math.round(e.path("duration_s").asDouble() * 1000))));
        page.put("scorecard", e.path("scorecard").asText());
        page.put("source", e.path("source").asText(""));
        page.put("hasSource", e.hasNonNull("source"));
        page.put("score", number(e.path("score").asDouble(), 1));
        page.put("review", review.isPresent());
        page.put("reviewBanner", review.map(r -> msg.format("review.banner", r)).orElse(""));
        page.put("reviewScore", msg.format("review.computedScore", number(e.path("score").asDouble(), 1)));
        page.put("passed", passed);
        page.put("autoFail", autoFail);
        page.put("hasCsat", e.hasNonNull("csat"));
        page.put("csat", e.path("csat").asText(""));
        page.put("flags", chips(EvaluationJson.strings(e.path("flags"))));
        page.put("hasFlags", !e.path("flags").isEmpty());
        page.put("missing", EvaluationJson.strings(e.path("missing")));
        page.put("hasMissing", !e.path("missing").isEmpty());
        page.put("sections", sections);
        page.put("hasSections", !sections.isEmpty());
        page.put("metrics", metrics);
        page.put("hasMetrics", !metrics.isEmpty());
        page.put("isCall", call);
        page.put("callMetrics", List.copyOf(callMetrics.values()));
        page.put("hasCallMetrics", !callMetrics.isEmpty());
        page.put("hasAudio", call && audioName.isPresent());
        page.put("audioSrc", audioName.map(a -> "../audio/" + encode(a)).orElse(""));
        page.put("doubtfulThreshold", number(DOUBTFUL_WORD, 1));
        page.put("items", items);
        page.put("hasItems", !items.isEmpty());
        page.put("findings", findings);
        page.put("hasFindings", !findings.isEmpty());
        page.put("legend", chips(List.copyOf(categories)));
        page.put("turns", turns);
        page.put("attachments", attachments);
        page.put("hasAttachments", !attachments.isEmpty());
        return interactionTemplate.execute(page);
    }

    // ---------------------------------------------------------------- agent page

    /**
     * The page of one agent ({@code reports/agents/<agent_id>.html}): score with its confidence interval, pass rate,
     * trend, section scores, weakest items, counts, the interactions to review, and the training uptake (one table per
     * attended training: each technique's share of interactions using it before and after the day, and the change).
     */
    public String agentPage(AgentPage p) {
        AgentScorecard c = p.card();
        List<Bar> sections = new ArrayList<>();
        // in the scorecard's order where the titles give it, then by id
        List<String> order = new ArrayList<>(titles.keySet());
        c.sectionPercent().entrySet().stream()
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Double> e) -> {
                    int i = order.indexOf("section." + e.getKey());
                    return i < 0 ? Integer.MAX_VALUE : i;
                }).thenComparing(Map.Entry::getKey))
                .forEach(e -> sections.add(bar(sectionLabel(e.getKey()), e.getValue(),
                        percent(e.getValue() / 100, 0))));
        List<FlaggedRow> flagged = rows(p.flagged(), "../", Map.of());
        List<FlaggedRow> review = rows(p.review(), "../", Map.of());
        TrendChart.View chart = TrendChart.layout(p.trend(), locale, (date, value, n) ->
                msg.format("chart.tooltip", date, value, n));

        Map<String, Object> page = base(msg.format("title.agent", c.agentName()), "../");
        page.put("night", p.night());
        page.put("card", cardView(c, ""));
        page.put("chart", chart);
        page.put("hasTrend", !chart.empty());
        page.put("sections", sections);
        page.put("hasSections", !sections.isEmpty());
        page.put("weakest", c.weakestItems().stream().map(this::itemLabel).toList());
        page.put("hasWeakest", !c.weakestItems().isEmpty());
        page.put("flagged", flagged);
        page.put("hasFlagged", !flagged.isEmpty());
        page.put("review", review);
        page.put("hasReview", !review.isEmpty());
        List<UptakeView> uptake = p.uptake().stream().map(this::uptakeView).toList();
        page.put("uptake", uptake);
        page.put("hasUptake", !uptake.isEmpty());
        return agentTemplate.execute(page);
    }

    /** One training's table: each technique's share before and after the day, and the change in points. */
    private UptakeView uptakeView(dev.vigil.uptake.TrainingUptake t) {
        List<TechniqueRow> rows = new ArrayList<>();
        for (dev.vigil.uptake.TechniqueUptake tech : t.techniques()) {
            String change = "—";
            String direction = "none";
            if (tech.change().isPresent()) {
                double points = 100 * tech.change().getAsDouble();
                long rounded = Math.round(points);
                change = msg.format("fmt.points", (rounded > 0 ? "+" : rounded < 0 ? "−" : "±")
                        + number(Math.abs(points), 0));
                direction = rounded > 0 ? "up" : rounded < 0 ? "down" : "flat";
            }
            rows.add(new TechniqueRow(tech.title(), shareView(tech.before()), shareView(tech.after()), change,
                    direction));
        }
        return new UptakeView(t.title(), msg.format("uptake.trainingDay", t.date().toString()), rows,
                t.hasInteractions());
    }

    private ShareView shareView(dev.vigil.uptake.UptakeShare s) {
        if (s.interactions() == 0) {
            return new ShareView(msg.get("uptake.noInteractions"), "", "", false);
        }
        return new ShareView(msg.format("uptake.share", s.using(), s.interactions()),
                percent(s.rate().getAsDouble(), 0), msg.format("uptake.uses", s.uses()), true);
    }

    /** Rows of interactions to look at, oldest first (ties by id); {@code names} maps agent ids to names. */
    private List<FlaggedRow> rows(List<FlaggedInteraction> list, String root, Map<String, String> names) {
        return list.stream()
                .sorted(Comparator.comparing(FlaggedInteraction::startedAt).thenComparing(FlaggedInteraction::id))
                .map(f -> new FlaggedRow(f.id(), root + "interactions/" + href(f.id()),
                        DATE_TIME.format(f.startedAt()), channelLabel(f.channel()), number(f.score(), 1),
                        f.passed(), chips(f.flags()), f.review().orElse(""),
                        names.getOrDefault(f.agentId(), f.agentId()),
                        f.agentId().isEmpty() ? "" : root + "agents/" + href(f.agentId())))
                .toList();
    }

    // ---------------------------------------------------------------- index page

    /** The team page ({@code reports/index.html}): totals and a table of every agent, linking to their pages. */
    public String indexPage(TeamPage p) {
        List<CardView> agents = p.agents().stream()
                .sorted(Comparator.comparing(AgentScorecard::agentName).thenComparing(AgentScorecard::agentId))
                .map(c -> cardView(c, "agents/"))
                .toList();
        TeamTotals totals = TeamTotals.of(p.agents());
        Map<String, String> names = new LinkedHashMap<>();
        p.agents().forEach(c -> names.put(c.agentId(), c.agentName()));
        List<FlaggedRow> review = rows(p.review(), "", names);
        Map<String, Object> page = base(msg.format("title.team", p.night()), "");
        page.put("review", review);
        page.put("hasReview", !review.isEmpty());
        page.put("needsReview", totals.needsReview());
        page.put("night", p.night());
        page.put("agents", agents);
        page.put("hasAgents", !agents.isEmpty());
        page.put("agentCount", agents.size());
        page.put("interactions", p.interactions());
        page.put("meanScore", totals.meanScore().isEmpty() ? "—" : number(totals.meanScore().getAsDouble(), 1));
        page.put("meanBand", totals.meanScore().isEmpty() ? "na" : band(totals.meanScore().getAsDouble()));
        page.put("passRate", totals.passRate().isEmpty() ? "—" : percent(totals.passRate().getAsDouble(), 0));
        page.put("autoFails", totals.autoFails());
        page.put("complaints", totals.complaints());
        page.put("csatPairs", p.csat().pairs());
        page.put("csatCorrelation", p.csat().pearson().isPresent() ? number(p.csat().pearson().getAsDouble(), 2)
                : "—");
        page.put("escalations", totals.escalations());
        page.put("quarantined", p.quarantined());
        page.put("hasQuarantine", p.quarantined() > 0);
        return indexTemplate.execute(page);
    }

    // ---------------------------------------------------------------- view models (read by the templates)

    record Chip(String code, String label) {
    }

    record Bar(String label, String width, String value, String band) {
    }

    record Metric(String label, String value, String name) {
    }

    record TurnLink(String href, String label, String title, String start) {
    }

    record FindingRow(int number, String rule, String category, String categoryLabel, String speaker,
                      String turnHref, int turnNumber, String time, String text, String confidence, String start,
                      boolean doubtful) {
    }

    record ItemRow(String id, String section, String outcome, String outcomeLabel, boolean autoFail, String reason,
                   List<TurnLink> evidence) {
    }

    record TurnView(String anchor, int number, String speakerClass, String speaker, String clock, String offset,
                    String html, String language, boolean otherLanguage, String start) {
    }

    record FlaggedRow(String id, String href, String date, String channel, String score, boolean passed,
                      List<Chip> flags, String reason, String agentName, String agentHref) {
    }

    record ShareView(String count, String percent, String uses, boolean known) {
    }

    record TechniqueRow(String title, ShareView before, ShareView after, String change, String direction) {
    }

    record UptakeView(String title, String day, List<TechniqueRow> rows, boolean hasInteractions) {
    }

    record CardView(String id, String name, String href, String team, boolean hasTeam, String period,
                    int interactions, int chats, int emails, int calls, String meanScore, String meanSort,
                    String ci, String ciLow, String ciHigh, String band, String passRate, String passSort,
                    int autoFails, int complaints, int escalations, String csat, String csatSort, String weakest,
                    boolean single, int needsReview, int scored) {
    }

    private CardView cardView(AgentScorecard c, String hrefPrefix) {
        String csat = c.meanCsat().isPresent() ? number(c.meanCsat().getAsDouble(), 1) : "—";
        return new CardView(c.agentId(), c.agentName(), hrefPrefix + href(c.agentId()), c.team(),
                !c.team().isEmpty(), c.period(), c.interactions(), c.chats(), c.emails(), c.calls(),
                number(c.meanScore(), 1), sortKey(c.meanScore()),
                msg.format("label.ciRange", number(c.ciLow(), 1), number(c.ciHigh(), 1)),
                number(c.ciLow(), 1), number(c.ciHigh(), 1), band(c.meanScore()),
                percent(c.passRate(), 0), sortKey(c.passRate()), c.autoFails(), c.complaints(), c.escalations(),
                csat, c.meanCsat().isPresent() ? sortKey(c.meanCsat().getAsDouble()) : "-1",
                String.join(", ", c.weakestItems().stream().map(this::itemLabel).toList()), c.scored() < 2,
                c.needsReview(), c.scored());
    }

    private Map<String, Object> base(String title, String root) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("lang", ui.code());
        page.put("title", title);
        page.put("root", root);
        page.put("msg", messageTree);
        return page;
    }

    private List<Chip> chips(List<String> codes) {
        return codes.stream().map(c -> new Chip(c, categoryLabel(c))).toList();
    }

    private Bar bar(String label, double pct, String value) {
        double clamped = Math.max(0, Math.min(100, pct));
        return new Bar(label, String.format(Locale.ROOT, "%.1f", clamped), value, band(clamped));
    }

    /** Display bands only (not the scorecard's pass threshold): 80 and above good, 60 and above fair. */
    private static String band(double score) {
        return score >= 80 ? "good" : score >= 60 ? "fair" : "poor";
    }

    private String categoryLabel(String code) {
        return msg.getOrDefault("category." + code, code);
    }

    private String sectionLabel(String id) {
        return titles.getOrDefault("section." + id, msg.getOrDefault("section." + id, id));
    }

    private String itemLabel(String id) {
        return titles.getOrDefault("item." + id, id);
    }

    private String speakerLabel(String code) {
        return msg.getOrDefault("speaker." + code, code);
    }

    private static String speakerClass(String code) {
        return switch (code) {
            case "agent", "customer" -> code;
            default -> "unknown";
        };
    }

    private String channelLabel(Channel c) {
        return msg.get("channel." + c.code());
    }

    private String languageLabel(String code) {
        return msg.getOrDefault("language." + code, code);
    }

    private String number(double value, int decimals) {
        return String.format(locale, "%." + decimals + "f", value);
    }

    private String percent(double share, int decimals) {
        return msg.format("fmt.percent", number(share * 100, decimals));
    }

    private String metricValue(String name, double value) {
        if (name.equals("talk_listen_ratio")) {
            return number(value, 2);
        }
        if (name.endsWith("_ratio") || name.equals("transcript_confidence")) {
            return percent(value, 0);
        }
        if (name.endsWith("_wpm")) {
            return msg.format("fmt.wpm", number(value, 0));
        }
        if (name.endsWith("_s")) {
            return msg.format("fmt.seconds", number(value, 1));
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%d", (long) value) : number(value, 2);
    }

    private static String sortKey(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private String bytes(long size) {
        if (size < 1024) {
            return msg.format("fmt.bytes", size);
        }
        return msg.format("fmt.kilobytes", number(size / 1024.0, size < 10 * 1024 ? 1 : 0));
    }

    /** The recognised words of a transcript turn, located in its text, with their tooltips. */
    private List<TranscriptMarkup.PlacedWord> placedWords(String text, JsonNode words) {
        List<TranscriptMarkup.TimedWord> timed = new ArrayList<>();
        for (JsonNode w : words) {
            timed.add(new TranscriptMarkup.TimedWord(w.path("w").asText(), w.path("start_ms").asLong(),
                    w.path("confidence").asDouble(1)));
        }
        List<int[]> spans = TranscriptMarkup.locate(text, timed);
        List<TranscriptMarkup.PlacedWord> placed = new ArrayList<>();
        for (int k = 0; k < timed.size(); k++) {
            int[] span = spans.get(k);
            if (span != null) {
                TranscriptMarkup.TimedWord w = timed.get(k);
                placed.add(new TranscriptMarkup.PlacedWord(span[0], span[1], seconds(w.startMs()),
                        w.confidence() < DOUBTFUL_WORD, msg.format("word.confidence", number(w.confidence(), 2))));
            }
        }
        return placed;
    }

    /** Milliseconds as seconds with 3 decimals, for {@code data-start}. */
    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** A call's time as {@code mm:ss} ({@code h:mm:ss} from an hour). */
    private static String clock(long ms) {
        long s = Math.max(0, ms) / 1000;
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    private static String offset(long ms) {
        return duration(Duration.ofMillis(ms));
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The file name of an id's page, percent-encoded for use in a relative link. */
    static String href(String id) {
        return encode(fileName(id));
    }

    private static String encode(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Template compile(Mustache.Compiler compiler, String name) {
        try (Reader r = reader(name + ".mustache")) {
            return compiler.compile(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    private static Reader reader(String name) {
        InputStream in = HtmlReports.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("missing report resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
