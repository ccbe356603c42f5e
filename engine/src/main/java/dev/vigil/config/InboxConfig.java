package dev.vigil.config;

import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Language;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one inbox, read from its {@code vigil.yaml} (all keys optional).
 *
 * @param company          the company profile used by scripted rules ({@code ${company}})
 * @param defaultLanguage  the language assumed when detection is unsure
 * @param scorecard        the scorecard id to use; empty means the default for the interaction's language
 * @param reportLanguage   the language of the HTML reports; empty means the default language
 * @param maxFileBytes     files larger than this (in bytes) are quarantined
 * @param timezone         the zone of timestamps written without an offset in exports (plain text, CSV, chat JSON)
 * @param calls            how call recordings are read and measured, and the speech models
 */
public record InboxConfig(CompanyProfile company, Language defaultLanguage, Optional<String> scorecard,
                          Optional<Language> reportLanguage, long maxFileBytes, ZoneId timezone,
                          CallSettings calls) {
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    public InboxConfig {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(reportLanguage, "reportLanguage");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(calls, "calls");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
    }

    /** The settings with timestamps without an offset read as UTC (the signature before {@code timezone} was added). */
    public InboxConfig(CompanyProfile company, Language defaultLanguage, Optional<String> scorecard,
                       Optional<Language> reportLanguage, long maxFileBytes) {
        this(company, defaultLanguage, scorecard, reportLanguage, maxFileBytes, ZoneOffset.UTC,
                CallSettings.defaults());
    }

    /** The defaults used when an inbox has no {@code vigil.yaml}. */
    public static InboxConfig defaults() {
        return new InboxConfig(new CompanyProfile("", java.util.List.of()), Language.EN, Optional.empty(),
                Optional.empty(), DEFAULT_MAX_FILE_BYTES, ZoneOffset.UTC, CallSettings.defaults());
    }

    public Language effectiveReportLanguage() {
        return reportLanguage.orElse(defaultLanguage);
    }
}
