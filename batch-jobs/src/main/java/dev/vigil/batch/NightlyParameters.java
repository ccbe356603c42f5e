package dev.vigil.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;

/**
 * The typed job parameters of {@code nightly-qa}. The inbox and the night identify the job instance, so running the
 * same night again is the same instance; the output folder and rules folder do not.
 *
 * @param inbox the inbox folder, absolute and normalised
 * @param night the night the files belong to
 * @param out   where outputs are published
 * @param rules a directory of rule packs and scorecards, or empty for the defaults
 */
public record NightlyParameters(Path inbox, LocalDate night, Path out, String rules) {
    public static final String INBOX = "inbox";
    public static final String NIGHT = "date";
    public static final String OUT = "out";
    public static final String RULES = "rules";

    public NightlyParameters {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(night, "night");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(rules, "rules");
        inbox = inbox.toAbsolutePath().normalize();
        out = out.toAbsolutePath().normalize();
    }

    public static NightlyParameters from(JobParameters p) {
        return new NightlyParameters(Path.of(p.getString(INBOX)), p.getLocalDate(NIGHT), Path.of(p.getString(OUT)),
                Objects.requireNonNullElse(p.getString(RULES), ""));
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(INBOX, inbox.toString(), true)
                .addLocalDate(NIGHT, night, true)
                .addString(OUT, out.toString(), false)
                .addString(RULES, rules, false)
                .toJobParameters();
    }

    /** The key of this run in the store. */
    public String inboxKey() {
        return inbox.toString();
    }
}
