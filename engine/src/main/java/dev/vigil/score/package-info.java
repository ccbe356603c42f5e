/**
 * Scorecards: weighted sections of items that turn an {@link dev.vigil.analyze.Analysis} into an
 * {@link dev.vigil.model.Evaluation} with a 0-100 score, a pass/fail verdict and a reason for every item.
 *
 * <pre>{@code
 * Scorecards cards = Scorecards.load(RuleSource.classpath(), knownRuleIds); // validates every file, all errors at once
 * Scorecard card = cards.choose(config.scorecard(), interaction.language()); // configured id, else default-<lang>
 * Evaluation evaluation = new ScorecardEvaluator(card).evaluate(analysis);   // pure and thread-safe
 * }</pre>
 *
 * <p>An item checks findings ({@code category:} or {@code rule:}, optionally by one {@code speaker:}, expected
 * {@code present} or {@code absent}) or a metric ({@code metric:} with {@code min:} and/or {@code max:}). It may
 * apply only {@code when:} some findings exist or only in some {@code channels:}, and it may {@code auto_fail:} the
 * whole interaction. The schema, the formula and a guide to writing scorecards are in {@code docs/scoring.md}.
 */
package dev.vigil.score;
