package dev.vigil.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.TimeSpan;
import dev.vigil.model.Word;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtterancesTest {
    private static Word w(String t, long start, long end) {
        return new Word(t, TimeSpan.ofMillis(start, end), 0.9);
    }

    @Test
    void splitsAtSilencesOfTheGapOrLonger() {
        var words = List.of(w("hello", 0, 400), w("there", 500, 900), w("how", 1600, 1800), w("are", 1850, 2000),
                w("you", 2600, 2900));
        List<Utterance> u = new Utterances(Duration.ofMillis(700)).split(words);
        assertThat(u).extracting(Utterance::text).containsExactly("hello there", "how are you");
        assertThat(u.get(0).time()).isEqualTo(TimeSpan.ofMillis(0, 900));
        assertThat(u.get(1).words()).hasSize(3);
    }

    @Test
    void shorterGapSplitsMore() {
        var words = List.of(w("hello", 0, 400), w("there", 500, 900), w("how", 1600, 1800));
        assertThat(new Utterances(Duration.ofMillis(100)).split(words)).hasSize(3);
    }

    @Test
    void noWordsNoUtterances() {
        assertThat(new Utterances().split(List.of())).isEmpty();
    }
}
