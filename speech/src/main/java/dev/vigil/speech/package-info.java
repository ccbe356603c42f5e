/**
 * Speech to text for calls.
 *
 * <ul>
 *   <li>{@link dev.vigil.speech.SphinxTranscriber} ({@link dev.vigil.speech.Transcriber}): words with times and
 *       posterior confidences per channel; one pooled Sphinx4 recogniser per worker thread. Check configured models
 *       first with {@code new SpeechModels(settings.models()).check()}.</li>
 *   <li>{@link dev.vigil.speech.Utterances}: splits a channel's words into turns at silences.</li>
 *   <li>{@link dev.vigil.speech.SpeakerSeparator}: speaker clusters (at most two) of a mono recording.</li>
 *   <li>{@link dev.vigil.speech.DomainLanguageModel} with {@link dev.vigil.speech.DomainCorpus}: the cached trigram
 *       domain model ({@code vigil lm build}), interpolated with the general model by the transcriber.</li>
 *   <li>{@link dev.vigil.speech.WordErrorRate}: WER and keyword hits for the ASR benchmark.</li>
 * </ul>
 *
 * <pre>{@code
 * try (var t = new SphinxTranscriber(new SpeechModels(settings.models()), Map.of(Language.EN, domainFiles),
 *         CallSettings.DEFAULT_DOMAIN_WEIGHT, DecoderBeams.DEFAULT)) {
 *     List<Utterance> turns = new Utterances().split(t.transcribe(channel, Language.EN));
 * }
 * }</pre>
 */
package dev.vigil.speech;
