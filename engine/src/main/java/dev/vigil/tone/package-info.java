/**
 * The statistical tone classifier, Vigil's second signal next to the rules: OpenNLP document categorizers that score
 * customer turns for {@code complaint} and agent turns for {@code rudeness}, in English and Russian.
 *
 * <p>Models are trained at build time by {@link dev.vigil.tone.ToneTrainer} from the labelled examples in the rules
 * module ({@code vigil-tone/<lang>/<category>.tsv}) and ship in the {@code vigil-rules} jar; {@code vigil-tone/tone.yaml}
 * says which models are enabled and from what probability a turn gets a finding. Features are stemmed words and word
 * pairs ({@link dev.vigil.tone.ToneFeatures}).
 *
 * <pre>{@code
 * ToneModels models = ToneModels.classpath();                 // enabled models; ToneModels.none() for rules only
 * AnalysisStep tone = new ToneClassifierStep(models);          // after the rules step
 * ToneModel.Score s = models.models().get(0).score("Still no refund after three weeks!");
 * s.probability(); s.cues();                                   // 0.93, [no refund, refund, weeks, ...]
 * }</pre>
 */
package dev.vigil.tone;
