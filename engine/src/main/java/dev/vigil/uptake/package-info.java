/**
 * Training uptake: whether agents use what a training taught them. The QA team writes a training-uptake pack
 * ({@code <inbox>/trainings.yaml} or {@code trainings/*.yaml} beside the rule packs; see {@code docs/formats.md}) with
 * each training's day, attendees and techniques; each technique is a rule-language query with examples.
 *
 * <pre>{@code
 * TrainingSet trainings = TrainingLoader.load(inbox.root(), ruleSource);  // InvalidTrainingsException lists problems
 * RulesCheck.run(trainings.rules());                                       // runs every technique's examples
 * try (UptakeMatcher matcher = new UptakeMatcher(trainings, config.company())) {
 *     Map<String, Double> metrics = matcher.metrics(interaction);          // uptake.<training>.<technique>.<version>_count
 * }
 * UptakeTally tally = new UptakeTally(agentId, trainings, zone);
 * lines.forEach(tally::addLine);                                           // the agent's evaluations, each once
 * List<TrainingUptake> section = tally.result();                          // before/after shares per technique
 * }</pre>
 *
 * <p>Techniques are matched by the same {@link dev.vigil.rules.RuleMatchingStep} as the rule packs, over rule packs
 * generated from the trainings; their hits become metrics, never findings, so they never change a score.
 * {@link dev.vigil.engine.QaEngine} adds the metrics to every evaluation; the agent's report page shows the shares.
 *
 * <p>A metric's name holds its technique's {@link Technique#version()}, a hash of what the technique matches. An
 * evaluation whose uptake metrics differ from {@link TrainingSet#metrics(dev.vigil.model.Language)} was measured
 * before a training was added or a technique edited: the nightly job's publish step rebuilds its interaction from the
 * stored transcript ({@code EvaluationJson.interaction}) and measures it again with the same matcher.
 */
package dev.vigil.uptake;
