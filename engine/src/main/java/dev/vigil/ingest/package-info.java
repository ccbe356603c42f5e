/**
 * Ingestion: one inbox file in, one {@link dev.vigil.model.Interaction} out, or a
 * {@link dev.vigil.ingest.RejectedInputException} naming the stage and a reason a person can act on.
 *
 * <pre>{@code
 * Inbox inbox = InboxLoader.load(Path.of("inbox"));
 * Ingestor ingestor = new Ingestor(inbox);          // thread-safe: share it between workers
 * try {
 *     Interaction interaction = ingestor.read(Path.of("inbox/chats/chat-0001.json"));
 * } catch (RejectedInputException e) {
 *     quarantine.add(e.file(), e.stage(), e.reason());   // the run goes on
 * }
 * }</pre>
 *
 * <p>The {@link dev.vigil.ingest.Ingestor} checks size and type (Apache Tika detection), then hands the bytes to the
 * {@link dev.vigil.ingest.InteractionReader} for the format: chat JSON, plain-text, HTML and CSV chat exports, and
 * {@code .eml} emails split into the new message and its quoted history. Readers return a
 * {@link dev.vigil.ingest.Conversation}; the ingestor adds time offsets, per-turn and per-interaction language
 * ({@link dev.vigil.ingest.LanguageDetector}) and the survey CSAT. {@link dev.vigil.ingest.InputFormats} lists the
 * readers and the refused formats (audio, Outlook {@code .msg}); see {@code docs/formats.md} for examples.
 */
package dev.vigil.ingest;
