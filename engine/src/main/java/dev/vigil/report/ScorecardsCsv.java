package dev.vigil.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code scorecards.csv}: a header and one row per agent.
 *
 * <p>Columns: {@code agent_id, agent_name, team, period, interactions, chats, emails, calls, mean_score, ci_low,
 * ci_high, pass_rate, auto_fails, complaints, escalations, mean_csat, weakest_items, needs_review}. Numbers use
 * {@link Locale#ROOT} with fixed decimals: scores and CSAT with 2, {@code pass_rate} (a share in [0, 1]) with 3.
 * {@code mean_csat} is empty when no interaction had a survey answer; {@code weakest_items} is joined with
 * {@code ;}. Fields are quoted only where needed (RFC 4180); records end with {@code \n}.
 *
 * <p>{@code interactions} and the channel counts include the interactions sent to human review;
 * {@code needs_review} (the last column, added after the contract's columns) counts them. Every score column
 * ({@code mean_score}, the interval, {@code pass_rate}, {@code auto_fails}, {@code complaints},
 * {@code escalations}, {@code weakest_items}) is over the auto-scored interactions only.
 */
public final class ScorecardsCsv {
    static final String[] HEADER = {"agent_id", "agent_name", "team", "period", "interactions", "chats", "emails",
        "calls", "mean_score", "ci_low", "ci_high", "pass_rate", "auto_fails", "complaints", "escalations",
        "mean_csat", "weakest_items", "needs_review"};
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private ScorecardsCsv() {
    }

    /**
     * Writes the header and the scorecards in the order given. The writer is flushed, not closed; the caller chooses
     * its encoding (UTF-8 in Vigil's outputs).
     */
    public static void write(Writer out, Iterable<AgentScorecard> scorecards) throws IOException {
        CSVPrinter printer = FORMAT.builder().setHeader(HEADER).build().print(out);
        for (AgentScorecard c : scorecards) {
            printer.printRecord(c.agentId(), c.agentName(), c.team(), c.period(), c.interactions(), c.chats(),
                    c.emails(), c.calls(), fixed(c.meanScore(), 2), fixed(c.ciLow(), 2), fixed(c.ciHigh(), 2),
                    fixed(c.passRate(), 3), c.autoFails(), c.complaints(), c.escalations(),
                    c.meanCsat().isPresent() ? fixed(c.meanCsat().getAsDouble(), 2) : "",
                    String.join(";", c.weakestItems()), c.needsReview());
        }
        printer.flush();
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
