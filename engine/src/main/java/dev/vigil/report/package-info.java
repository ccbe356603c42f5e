/**
 * Vigil's outputs: the contract's {@code evaluations.jsonl} lines and transcripts, the per-agent roll-up behind
 * {@code scorecards.csv}, {@code quarantine.csv}, and the static HTML reports.
 *
 * <p>Everything works from the JSON strings the nightly job stores, one interaction at a time, so a night never has
 * to fit in memory, and every writer is deterministic (same input, byte-identical output).
 *
 * <p>An evaluation sent to human review ({@code needs_review} on its line) keeps its computed score on its own page
 * but is left out of every roll-up statistic and counted in {@link AgentScorecard#needsReview()} instead.
 *
 * <pre>{@code
 * String line = EvaluationJson.line(evaluation);                  // store it; append to evaluations.jsonl
 * String transcript = EvaluationJson.transcript(evaluation.interaction());
 *
 * TeamRollup team = new TeamRollup("2026-11-21", roster);         // then stream the night back
 * for (String l : storedLines) team.add(EvaluationJson.summary(l));
 * ScorecardsCsv.write(writer, team.scorecards());
 *
 * HtmlReports html = new HtmlReports(Language.RU);                // labels in Russian
 * HtmlReports.writeAssets(reportsDir);
 * Files.writeString(HtmlReports.interactionFile(reportsDir, id), html.interactionPage(line, transcript));
 * Optional<String> audio = CallAudio.publish(inbox.resolve(path), reportsDir, id);   // a call: player + recording
 * Files.writeString(HtmlReports.interactionFile(reportsDir, id), html.interactionPage(line, transcript, audio));
 * Files.writeString(HtmlReports.agentFile(reportsDir, agentId), html.agentPage(new AgentPage(card, night, trend, flagged)));
 * Files.writeString(reportsDir.resolve("index.html"), html.indexPage(new TeamPage(night, team.scorecards(), n, rejected, csat)));
 * }</pre>
 */
package dev.vigil.report;
