package dev.vigil.rules;

import dev.vigil.model.Speaker;
import dev.vigil.model.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The part of an interaction where a rule's hits count: the first or last N agent turns, the first or last N
 * seconds, or the first or last fraction of the interaction's duration. Agent-turn windows cover the dialogue up to and
 * including the N-th agent turn (or from the N-th last agent turn to the end), so customer turns in between belong to
 * the window too. Time windows hold the turns that start in the first part or end in the last part.
 *
 * @param kind  which end of the interaction and which unit
 * @param value a positive whole number of agent turns or seconds, or a fraction in (0, 1]
 */
public record RuleWindow(Kind kind, double value) {
    /** The window's unit and end, named as in rule packs. */
    public enum Kind {
        FIRST_AGENT_TURNS, LAST_AGENT_TURNS, FIRST_SECONDS, LAST_SECONDS, FIRST_FRACTION, LAST_FRACTION;

        /** The key used in rule packs, for example {@code first_agent_turns}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the value is a fraction of the duration rather than a whole number. */
        public boolean fraction() {
            return this == FIRST_FRACTION || this == LAST_FRACTION;
        }
    }

    public RuleWindow {
        Objects.requireNonNull(kind, "kind");
        if (kind.fraction() ? !(value > 0 && value <= 1) : value <= 0 || value != Math.rint(value)) {
            throw new IllegalArgumentException("window " + kind.key() + " must be "
                    + (kind.fraction() ? "a fraction above 0 and at most 1" : "a positive whole number")
                    + ", was " + value);
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
            case FIRST_SECONDS, FIRST_FRACTION -> {
                Duration limit = kind == Kind.FIRST_SECONDS ? Duration.ofSeconds((long) value) : part(end);
                for (int i = 0; i < turns.size(); i++) {
                    in[i] = turns.get(i).time().start().compareTo(limit) < 0;
                }
            }
            case LAST_SECONDS, LAST_FRACTION -> {
                Duration from = kind == Kind.LAST_SECONDS ? end.minusSeconds((long) value) : end.minus(part(end));
                for (int i = 0; i < turns.size(); i++) {
                    in[i] = turns.get(i).time().end().compareTo(from) > 0;
                }
            }
        }
        return in;
    }

    private Duration part(Duration end) {
        return Duration.ofNanos(Math.round(end.toNanos() * value));
    }

    @Override
    public String toString() {
        return kind.key() + ": " + (kind.fraction() ? String.valueOf(value) : String.valueOf((long) value));
    }
}
