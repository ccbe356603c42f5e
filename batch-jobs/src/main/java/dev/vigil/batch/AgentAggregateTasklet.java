package dev.vigil.batch;

import dev.vigil.report.EvaluationJson;
import dev.vigil.report.TeamRollup;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * The aggregate step: rolls the run's evaluations up into one scorecard per agent and stores it for the night, which
 * is what trends are drawn from. Streams the evaluations; keeps one small accumulator per agent. Interactions sent
 * to human review are counted ({@code needs_review}) and kept out of the mean score that trends weight by the
 * auto-scored interactions.
 */
public class AgentAggregateTasklet implements Tasklet {
    private final VigilStore store;
    private final NightlyParameters params;
    private final NightlyResources resources;

    public AgentAggregateTasklet(VigilStore store, NightlyParameters params, NightlyResources resources) {
        this.store = store;
        this.params = params;
        this.resources = resources;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var team = new TeamRollup(params.night().toString(), resources.inbox().roster());
        store.forEachEvaluation(params.inboxKey(), params.night(), line -> team.add(EvaluationJson.summary(line)));
        store.replaceAgentNights(params.inboxKey(), params.night(), team.scorecards().stream()
                .map(card -> new VigilStore.AgentNight(card.agentId(), params.night(), card.interactions(),
                        card.needsReview(), card.meanScore(), AgentScorecards.toJson(card)))
                .toList());
        return RepeatStatus.FINISHED;
    }
}
