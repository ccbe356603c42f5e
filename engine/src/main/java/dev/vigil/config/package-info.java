/**
 * An inbox's configuration, loaded and validated by {@link dev.vigil.config.InboxLoader}: {@code vigil.yaml}
 * ({@link dev.vigil.config.InboxConfig}), the agent roster {@code agents.csv} ({@link dev.vigil.config.Roster}) and
 * the survey answers {@code surveys.csv} ({@link dev.vigil.config.Survey}). Every file is optional.
 *
 * <pre>{@code
 * Inbox inbox = InboxLoader.load(Path.of("inbox"));   // throws InvalidInboxException naming file, line, problem
 * ZoneId zone = inbox.config().timezone();           // for exports whose timestamps carry no offset
 * OptionalInt csat = inbox.survey("chat-0001").map(Survey::csat).orElse(OptionalInt.empty());
 * }</pre>
 *
 * <p>Unknown {@code vigil.yaml} keys and bad values are errors, so that a typo never silently falls back to a default.
 */
package dev.vigil.config;
