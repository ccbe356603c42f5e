/**
 * Personal data: detection and redaction of payment card numbers (Luhn-checked, typed or read out as number words
 * in English and Russian), phone numbers, e-mail addresses, Russian passport, СНИЛС and ИНН numbers.
 *
 * <p>The {@link dev.vigil.ingest.Ingestor} redacts every conversation with a {@link dev.vigil.pii.Redactor} before
 * anything else sees it, so an interaction never holds a raw value: values become typed placeholders
 * ({@code [card]}, {@code [phone]}, {@code [email]}, {@code [passport]}, {@code [snils]}, {@code [inn]}); in a call a
 * spoken run of number words becomes one placeholder word with the run's timing. {@link dev.vigil.pii.PiiStep}, in
 * the engine's pipeline, turns each placeholder into a {@code pii} finding (signal {@code detector}, rule
 * {@code pii.card} …) so that evaluations and reports show that personal data was present.
 *
 * <pre>{@code
 * Redaction r = new Redactor().redact("call me on +7 912 345-67-89");
 * r.text();   // "call me on [phone]"
 * r.kinds();  // [PHONE]
 * }</pre>
 */
package dev.vigil.pii;
