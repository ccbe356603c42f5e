package dev.vigil.config;

import dev.vigil.model.CompanyProfile;
import dev.vigil.model.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one inbox, read from its {@code vigil.yaml} (all keys optional).
 *
 * @param company          the company profile used by scripted rules ({@code ${company}})
 * @param defaultLanguage  the language assumed when detection is unsure
 * @param scorecard        the scorecard id to use; empty means the default for the interaction's language
 * @param reportLanguage   the language of the HTML reports; empty means the default language
 * @param maxFileBytes     files larger than this are quarantined
 */
public record InboxConfig(CompanyProfile company, Language defaultLanguage, Optional<String> scorecard,
                          Optional<Language> reportLanguage, long maxFileBytes) {
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    public InboxConfig {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(reportLanguage, "reportLanguage");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
    }

    /** The defaults used when an inbox has no {@code vigil.yaml}. */
    public static InboxConfig defaults() {
        return new InboxConfig(new CompanyProfile("", java.util.List.of()), Language.EN, Optional.empty(),
                Optional.empty(), DEFAULT_MAX_FILE_BYTES);
    }

    public Language effectiveReportLanguage() {
        return reportLanguage.orElse(defaultLanguage);
    }
}
