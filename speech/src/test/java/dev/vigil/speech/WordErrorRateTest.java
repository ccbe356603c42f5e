package dev.vigil.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordErrorRateTest {
    @Test
    void countsSubstitutionsDeletionsAndInsertions() {
        assertThat(WordErrorRate.of("the cat sat on the mat", "the cat sat on the mat").errors()).isZero();
        assertThat(WordErrorRate.of("the cat sat on the mat", "the bat sat on mat").errors()).isEqualTo(2);
        assertThat(WordErrorRate.of("a b", "a x b y").errors()).isEqualTo(2);
        assertThat(WordErrorRate.of("one two three four", "").rate()).isEqualTo(1.0);
        assertThat(WordErrorRate.of("ten of clubs", "ten of clubs please").rate()).isEqualTo(1.0 / 3);
    }

    @Test
    void normalisesLikeTheReferences() {
        assertThat(WordErrorRate.normalise("My Neighbor's dog (laughs) barked, loudly!"))
                .containsExactly("my", "neighbors", "dog", "barked", "loudly");
    }

    @Test
    void keywordHitsCountEachHypothesisWordOnce() {
        assertThat(WordErrorRate.keywordHits(List.of("cancel", "account", "account"), List.of("cancel", "account")))
                .isEqualTo(2);
    }
}
