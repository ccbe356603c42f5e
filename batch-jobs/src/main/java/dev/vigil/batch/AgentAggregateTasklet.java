package dev.vigil.batch;

import dev.vigil.config.Agent;
import dev.vigil.report.AgentRollup;
import dev.vigil.report.AgentScorecard;
import dev.vigil.report.EvaluationJson;
import dev.vigil.report.EvaluationSummary;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * The aggregate step: rolls the run's evaluations up into one scorecard per agent and stores it for the night, which
 * is what trends are drawn from. Streams evaluations ordered by agent; holds one agent's accumulator at a time.
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
        var rows = new ArrayList<VigilStore.AgentNight>();
        var current = new AgentRollup[1];
        store.forEachEvaluation(params.inboxKey(), params.night(), line -> {
            EvaluationSummary s = EvaluationJson.summary(line);
            if (current[0] == null || !current[0].agentId().equals(s.agentId())) {
                flush(current[0], rows);
                current[0] = newRollup(s.agentId());
            }
            current[0].add(s);
        });
        flush(current[0], rows);
        store.replaceAgentNights(params.inboxKey(), params.night(), rows);
        return RepeatStatus.FINISHED;
    }

    private AgentRollup newRollup(String agentId) {
        var agent = resources.inbox().roster().byId(agentId);
        return new AgentRollup(agentId, agent.map(Agent::name).orElse(agentId),
                agent.flatMap(Agent::team).orElse(""), params.night().toString());
    }

    private static void flush(AgentRollup rollup, List<VigilStore.AgentNight> rows) {
        if (rollup == null) {
            return;
        }
        AgentScorecard card = rollup.result();
        rows.add(new VigilStore.AgentNight(card.agentId(), java.time.LocalDate.parse(card.period()),
                card.interactions(), card.meanScore(), AgentScorecards.toJson(card)));
    }
}
