package dev.vigil.rules;

import dev.vigil.model.Speaker;
import dev.vigil.model.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The part of an interaction where a rule's hits count: the first or last N agent turns, or the first or last N
 * seconds. Agent-turn windows cover the dialogue up to and including the N-th agent turn (or from the N-th last
 * agent turn to the end), so customer turns in between belong to the window too.
 *
 * @param kind  which end of the interaction and which unit
 * @param value a positive number of agent turns or seconds
 */
public record RuleWindow(Kind kind, int value) {
    /** The window's unit and end, named as in rule packs. */
    public enum Kind {
        FIRST_AGENT_TURNS, LAST_AGENT_TURNS, FIRST_SECONDS, LAST_SECONDS;

        /** The key used in rule packs, for example {@code first_agent_turns}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RuleWindow {
        Objects.requireNonNull(kind, "kind");
        if (value <= 0) {
            throw new IllegalArgumentException("window " + kind.key() + " must be positive, was " + value);
        }
    }

    /**
     * Which turns of {@code turns} lie inside this window.
     *
     * @param turns the interaction's turns, turn {@code i} at index {@code i}
     * @param end   the end of the interaction, measured from its start
     * @return one flag per turn
     */
    public boolean[] covers(List<Turn> turns, Duration end) {
        boolean[] in = new boolean[turns.size()];
        switch (kind) {
            case FIRST_AGENT_TURNS -> {
                int agentTurns = 0;
                for (int i = 0; i < turns.size() && agentTurns < value; i++) {
                    in[i] = true;
                    if (turns.get(i).speaker() == Speaker.AGENT) {
                        agentTurns++;
                    }
                }
            }
            case LAST_AGENT_TURNS -> {
                int agentTurns = 0;
                for (int i = turns.size() - 1; i >= 0 && agentTurns < value; i--) {
                    in[i] = true;
                    if (turns.get(i).speaker() == Speaker.AGENT) {
                        agentTurns++;
                    }
                }
            }
            case FIRST_SECONDS -> {
                Duration limit = Duration.ofSeconds(value);
                for (int i = 0; i < turns.size(); i++) {
                    in[i] = turns.get(i).time().start().compareTo(limit) < 0;
                }
            }
            case LAST_SECONDS -> {
                Duration from = end.minusSeconds(value);
                for (int i = 0; i < turns.size(); i++) {
                    in[i] = turns.get(i).time().end().compareTo(from) > 0;
                }
            }
        }
        return in;
    }

    @Override
    public String toString() {
        return kind.key() + ": " + value;
    }
}
