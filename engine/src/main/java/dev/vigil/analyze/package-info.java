/**
 * The analysis pipeline: a list of small {@link dev.vigil.analyze.AnalysisStep}s over one interaction. Each step
 * declares what it requires and produces; {@link dev.vigil.analyze.AnalysisPipeline} checks this when it is built,
 * so a misconfigured pipeline fails at start-up and never halfway through the night.
 *
 * <pre>{@code
 * AnalysisPipeline pipeline = AnalysisPipeline.of(List.of(new TimingMetricsStep(), ruleMatchingStep));
 * Analysis analysis = pipeline.run(interaction);
 * }</pre>
 */
package dev.vigil.analyze;
