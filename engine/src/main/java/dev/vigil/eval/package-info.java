/**
 * Measures Vigil against human labels: {@link dev.vigil.eval.LabelEvaluation} reads an {@code evaluations.jsonl}
 * and a {@code labels.csv} ({@code interaction_id,category,expected}) and computes precision, recall and F1 per
 * category.
 *
 * <pre>{@code
 * EvaluationReport report = LabelEvaluation.evaluate(Path.of("out/evaluations.jsonl"), Path.of("labels.csv"), Split.ALL,
 *         EnumSet.allOf(Signal.class));
 * System.out.print(report.toMarkdown());
 * }</pre>
 */
package dev.vigil.eval;
