/**
 * Rule packs and rule matching: YAML packs of Lucene queries, validated on load and matched against interactions
 * with a Lucene {@link org.apache.lucene.monitor.Monitor}.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.load(RuleSource.classpath());          // throws InvalidRulesException listing every problem
 * try (RuleMatchingStep step = new RuleMatchingStep(rules, config.company())) {
 *     AnalysisPipeline pipeline = AnalysisPipeline.of(List.of(step));
 *     List<Finding> findings = pipeline.run(interaction).findings();
 * }
 * RulesCheck.Report report = RulesCheck.run(rules);              // runs every rule's examples
 * }</pre>
 *
 * <p>A pack has a manifest ({@code pack: {id, version, language}}), an optional {@code example_context}, optional
 * named queries ({@code define}, used as {@code ${name}}) and a list of {@link dev.vigil.rules.Rule}s. A rule has one
 * {@code query}, several named {@code parts} (all must hit inside its {@link dev.vigil.rules.RuleWindow}), or a
 * {@link dev.vigil.rules.RuleSequence} across turns; optionally {@link dev.vigil.rules.RuleUnless} queries that cancel
 * nearby hits (negation, hedging), {@code min_count}, {@code absent} and {@code typos}; a contract
 * {@link dev.vigil.model.Category}, a {@link dev.vigil.rules.RuleSpeaker} and examples (turns or dialogues).
 * {@link dev.vigil.rules.RuleMorphology} joins word forms stemming cannot. Queries use Lucene's standard query syntax and the variables
 * {@code ${company}} and {@code ${agent.first_name}}; text is analysed by {@link dev.vigil.rules.RuleTextAnalyzer}
 * (no stopwords, Snowball stemming, masked swear words kept whole). Boolean operators see all of one speaker's turns
 * of the interaction; phrases, proximity and {@code fn:} intervals stay inside one turn. See {@code docs/rules.md}.
 *
 * <p>Build one {@link dev.vigil.rules.RuleMatchingStep} at start-up and share it between threads; close it at the
 * end, because its monitor owns a background thread.
 */
package dev.vigil.rules;
