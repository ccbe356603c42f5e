package dev.vigil.score;

import dev.vigil.analyze.Analysis;
import dev.vigil.model.Category;
import dev.vigil.model.Evaluation;
import dev.vigil.model.Finding;
import dev.vigil.model.ItemOutcome;
import dev.vigil.model.ItemResult;
import dev.vigil.model.SectionScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Scores analyses against one scorecard. Stateless apart from the scorecard, so one instance is thread-safe and
 * serves every worker.
 *
 * <p>Each item is passed, failed or not applicable (its {@code when} findings or its channel are absent, or its
 * metric was not measured). A section earns {@code weight × passed item weight / applicable item weight}; the score
 * is the sum of the sections' points over the sum of the weights of the sections with at least one applicable item,
 * times 100, rounded half-up to one decimal (100 when no item applies). The interaction passes when the rounded score
 * reaches the pass threshold and no auto-fail item failed. See {@code docs/scoring.md}.
 */
public final class ScorecardEvaluator {
    /** Prefix of the flags naming what a call's metadata lacked ({@code metadata_missing:started_at}). */
    public static final String METADATA_MISSING_FLAG = "metadata_missing:";

    /** The finding categories that {@link Evaluation#flags()} reports when found, by any speaker. */
    public static final Set<Category> FLAGGED_CATEGORIES =
            EnumSet.of(Category.COMPLAINT, Category.ESCALATION, Category.RUDENESS, Category.PROFANITY);
    /** The flag added when an auto-fail item failed. */
    public static final String AUTO_FAIL_FLAG = "auto_fail";

    private static final int QUOTE_LIMIT = 80;

    private final Scorecard scorecard;

    public ScorecardEvaluator(Scorecard scorecard) {
        this.scorecard = Objects.requireNonNull(scorecard, "scorecard");
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    /** Scores one analysis. Pure: the same analysis always gives the same evaluation. */
    public Evaluation evaluate(Analysis analysis) {
        List<Finding> findings = analysis.findings();
        var items = new ArrayList<ItemResult>();
        var sections = new ArrayList<SectionScore>();
        var missing = new LinkedHashSet<String>();
        double points = 0;
        double max = 0;
        boolean autoFail = false;
        boolean criticalFailed = false;
        for (ScorecardSection section : scorecard.sections()) {
            double applicable = 0;
            double passed = 0;
            for (ScorecardItem item : section.items()) {
                ItemResult r = judge(item, section, analysis);
                items.add(r);
                if (r.outcome() != ItemOutcome.NOT_APPLICABLE) {
                    applicable += item.weight();
                }
                if (r.outcome() == ItemOutcome.PASSED) {
                    passed += item.weight();
                }
                if (r.outcome() == ItemOutcome.FAILED) {
                    autoFail |= item.autoFail();
                    criticalFailed |= item.critical();
                    if (item.check() instanceof FindingCheck fc && fc.expect() == Expectation.PRESENT) {
                        missing.add(fc.selector().target());
                    }
                }
            }
            if (applicable > 0) {
                double earned = section.weight() * passed / applicable;
                points += earned;
                max += section.weight();
                sections.add(new SectionScore(section.id(), round1(earned), section.weight()));
            } else {
                sections.add(new SectionScore(section.id(), 0, 0));
            }
        }
        double score = max > 0 ? round1(100 * points / max) : 100.0;
        boolean passed = score >= scorecard.passThreshold() && !autoFail && !criticalFailed;
        var flags = new TreeSet<String>();
        for (Finding f : findings) {
            if (FLAGGED_CATEGORIES.contains(f.category())) {
                flags.add(f.category().code());
            }
        }
        if (autoFail) {
            flags.add(AUTO_FAIL_FLAG);
        }
        analysis.interaction().recording().ifPresent(r -> r.missingMetadata()
                .forEach(m -> flags.add(METADATA_MISSING_FLAG + m)));
        return new Evaluation(analysis.interaction(), score, passed, autoFail, scorecard.ref(), findings,
                List.copyOf(missing), sections, items, analysis.metrics(), List.copyOf(flags));
    }

    private ItemResult judge(ScorecardItem item, ScorecardSection section, Analysis analysis) {
        var channel = analysis.interaction().channel();
        if (!item.channels().isEmpty() && !item.channels().contains(channel)) {
            return notApplicable(item, section, "not applicable: channel " + channel.code());
        }
        if (item.when().isPresent()) {
            FindingSelector when = item.when().get();
            if (matching(analysis.findings(), when).isEmpty()) {
                return notApplicable(item, section, "not applicable: no " + when.describe());
            }
        }
        if (item.check() instanceof MetricCheck mc) {
            return judgeMetric(item, section, mc, analysis);
        }
        return judgeFindings(item, section, (FindingCheck) item.check(), analysis.findings());
    }

    private ItemResult judgeFindings(ScorecardItem item, ScorecardSection section, FindingCheck check,
                                     List<Finding> findings) {
        List<Integer> hits = matching(findings, check.selector());
        String what = check.selector().describe();
        if (check.expect() == Expectation.PRESENT) {
            return hits.isEmpty()
                    ? result(item, section, ItemOutcome.FAILED, "required " + what + " not found", hits)
                    : result(item, section, ItemOutcome.PASSED, what + " found" + evidence(findings, hits), hits);
        }
        return hits.isEmpty()
                ? result(item, section, ItemOutcome.PASSED, "no " + what + " found", hits)
                : result(item, section, ItemOutcome.FAILED, "forbidden " + what + " found" + evidence(findings, hits),
                        hits);
    }

    private ItemResult judgeMetric(ScorecardItem item, ScorecardSection section, MetricCheck check,
                                   Analysis analysis) {
        Double value = analysis.metrics().get(check.metric());
        if (value == null || value.isNaN()) {
            return notApplicable(item, section, "not applicable: " + check.metric() + " not measured");
        }
        String shown = check.metric() + " = " + measured(value);
        if (check.max().isPresent() && value > check.max().getAsDouble()) {
            return result(item, section, ItemOutcome.FAILED,
                    shown + ", over the maximum " + number(check.max().getAsDouble()), List.of());
        }
        if (check.min().isPresent() && value < check.min().getAsDouble()) {
            return result(item, section, ItemOutcome.FAILED,
                    shown + ", under the minimum " + number(check.min().getAsDouble()), List.of());
        }
        String bounds;
        if (check.min().isPresent() && check.max().isPresent()) {
            bounds = "within " + number(check.min().getAsDouble()) + ".." + number(check.max().getAsDouble());
        } else if (check.max().isPresent()) {
            bounds = "within the maximum " + number(check.max().getAsDouble());
        } else {
            bounds = "at least the minimum " + number(check.min().getAsDouble());
        }
        return result(item, section, ItemOutcome.PASSED, shown + ", " + bounds, List.of());
    }

    private static List<Integer> matching(List<Finding> findings, FindingSelector selector) {
        return IntStream.range(0, findings.size()).filter(i -> selector.matches(findings.get(i))).boxed().toList();
    }

    /** " in turn 3: \"that's your problem\"" for the first hit, and how many more there are. */
    private static String evidence(List<Finding> findings, List<Integer> hits) {
        Finding first = findings.get(hits.get(0));
        String text = first.text().strip().replaceAll("\\s+", " ");
        if (text.length() > QUOTE_LIMIT) {
            text = text.substring(0, QUOTE_LIMIT - 1) + "…";
        }
        String more = hits.size() > 1 ? " (and " + (hits.size() - 1) + " more)" : "";
        return " in turn " + first.turn() + ": \"" + text + "\"" + more;
    }

    private static ItemResult notApplicable(ScorecardItem item, ScorecardSection section, String reason) {
        return result(item, section, ItemOutcome.NOT_APPLICABLE, reason, List.of());
    }

    private static ItemResult result(ScorecardItem item, ScorecardSection section, ItemOutcome outcome,
                                     String reason, List<Integer> evidence) {
        boolean failed = outcome == ItemOutcome.FAILED;
        String why = failed && item.critical() && !item.autoFail() ? reason + " (critical: the interaction fails)"
                : reason;
        return new ItemResult(item.id(), section.id(), outcome, item.autoFail() && failed, why, evidence);
    }

    /** Rounds half-up to one decimal, as the score is shown. */
    static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** A whole number without decimals, other values with up to three (the metric's own precision). */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A measured value with at least one decimal and at most three, for example {@code 75.0} or {@code 0.553}. */
    private static String measured(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 1 ? d.setScale(1).toPlainString() : d.toPlainString();
    }

    @Override
    public String toString() {
        return "ScorecardEvaluator[" + scorecard.ref() + "]";
    }
}
