package dev.vigil.report;

import java.util.OptionalDouble;

/**
 * Streams (QA score, CSAT) pairs and gives their Pearson correlation: a QA score that does not move with what
 * customers say is suspect. Interactions without a survey, and interactions sent to human review (their score does
 * not stand), are skipped. Not thread-safe; feed it from one thread.
 */
public final class CsatCorrelation {
    /** Fewer pairs than this give no correlation: it would be noise. */
    public static final int MIN_PAIRS = 5;

    private long n;
    private double sumX;
    private double sumY;
    private double sumXx;
    private double sumYy;
    private double sumXy;

    /** Adds one interaction; one without CSAT or sent to human review is ignored. */
    public CsatCorrelation add(EvaluationSummary s) {
        if (s.csat().isPresent() && s.autoScored()) {
            double x = s.score();
            double y = s.csat().getAsInt();
            n++;
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumYy += y * y;
            sumXy += x * y;
        }
        return this;
    }

    /** How many interactions had a survey. */
    public long pairs() {
        return n;
    }

    /** Pearson's r in [-1, 1]; empty with fewer than {@link #MIN_PAIRS} pairs or when either side does not vary. */
    public OptionalDouble pearson() {
        if (n < MIN_PAIRS) {
            return OptionalDouble.empty();
        }
        double cov = n * sumXy - sumX * sumY;
        double varX = n * sumXx - sumX * sumX;
        double varY = n * sumYy - sumY * sumY;
        if (varX <= 0 || varY <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(-1, Math.min(1, cov / Math.sqrt(varX * varY))));
    }
}
