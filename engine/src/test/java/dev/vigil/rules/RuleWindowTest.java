package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Language;
import dev.vigil.model.Turn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleWindowTest {
    // turns start every 10 s and last 5 s: customer, agent, customer, agent, agent, customer
    private final List<Turn> turns = Dialogues.chat(Language.EN, "John")
            .customer("c0").agent("a1").customer("c2").agent("a3").agent("a4").customer("c5").build().turns();
    private final Duration end = Duration.ofSeconds(55);

    @Test
    void firstAgentTurnsCoverTheDialogueUpToTheNthAgentTurn() {
        assertThat(new RuleWindow(RuleWindow.Kind.FIRST_AGENT_TURNS, 2).covers(turns, end))
                .containsExactly(true, true, true, true, false, false);
    }

    @Test
    void lastAgentTurnsCoverTheDialogueFromTheNthLastAgentTurn() {
        assertThat(new RuleWindow(RuleWindow.Kind.LAST_AGENT_TURNS, 2).covers(turns, end))
                .containsExactly(false, false, false, true, true, true);
    }

    @Test
    void firstSecondsCoverTurnsStartingInThem() {
        assertThat(new RuleWindow(RuleWindow.Kind.FIRST_SECONDS, 15).covers(turns, end))
                .containsExactly(true, true, false, false, false, false);
    }

    @Test
    void lastSecondsCoverTurnsEndingInThem() {
        assertThat(new RuleWindow(RuleWindow.Kind.LAST_SECONDS, 20).covers(turns, end))
                .containsExactly(false, false, false, false, true, true);
    }

    @Test
    void fractionWindowsCoverTurnsStartingInTheFirstOrEndingInTheLastPartOfTheDuration() {
        // 55 s: the first 20 % is 11 s, the last 30 % starts at 38.5 s (after turn 3 ends), the last 40 % at 33 s
        assertThat(new RuleWindow(RuleWindow.Kind.FIRST_FRACTION, 0.2).covers(turns, end))
                .containsExactly(true, true, false, false, false, false);
        assertThat(new RuleWindow(RuleWindow.Kind.LAST_FRACTION, 0.3).covers(turns, end))
                .containsExactly(false, false, false, false, true, true);
        assertThat(new RuleWindow(RuleWindow.Kind.LAST_FRACTION, 0.4).covers(turns, end))
                .containsExactly(false, false, false, true, true, true);
        assertThatThrownBy(() -> new RuleWindow(RuleWindow.Kind.LAST_FRACTION, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last_fraction");
    }

    @Test
    void rejectsANonPositiveSize() {
        assertThatThrownBy(() -> new RuleWindow(RuleWindow.Kind.FIRST_SECONDS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first_seconds");
    }
}
