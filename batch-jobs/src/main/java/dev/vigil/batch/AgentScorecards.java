package dev.vigil.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.vigil.report.AgentScorecard;

/** Stores an {@link AgentScorecard} as JSON in the database and reads it back. Thread-safe. */
final class AgentScorecards {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

    private AgentScorecards() {
    }

    static String toJson(AgentScorecard card) {
        try {
            return JSON.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the scorecard of " + card.agentId(), e);
        }
    }

    static AgentScorecard fromJson(String json) {
        try {
            return JSON.readValue(json, AgentScorecard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored agent scorecard is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
