package dev.vigil.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Language;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScorecardsTest {

    private static Scorecard card(String id, String language) {
        return Dialogues.scorecard("""
                scorecard: {id: %s, version: 2, language: %s}
                pass_threshold: 80
                sections:
                  - id: s
                    weight: 1
                    items:
                      - {id: greeting, category: greeting_ok, expect: present}
                """.formatted(id, language));
    }

    private final Scorecards cards = Scorecards.of(List.of(card("default-en", "en"), card("default-ru", "ru"),
            card("retention-en", "en")));

    @Test
    void choosesTheLanguagesDefaultWhenNoneIsConfigured() {
        assertThat(cards.choose(Optional.empty(), Language.RU).id()).isEqualTo("default-ru");
        assertThat(cards.choose(Optional.empty(), Language.EN).id()).isEqualTo("default-en");
    }

    @Test
    void choosesTheConfiguredScorecardWhateverTheLanguage() {
        assertThat(cards.choose(Optional.of("retention-en"), Language.RU).ref()).isEqualTo("retention-en@2");
    }

    @Test
    void namesTheAvailableScorecardsWhenAnIdIsUnknown() {
        assertThatThrownBy(() -> cards.byId("retention"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scorecard 'retention' (available: default-en, default-ru, retention-en)");
        assertThat(cards.find("retention")).isEmpty();
    }

    @Test
    void failsClearlyWhenALanguageHasNoDefault() {
        Scorecards onlyEnglish = Scorecards.of(List.of(card("default-en", "en")));

        assertThatThrownBy(() -> onlyEnglish.defaultFor(Language.RU))
                .hasMessage("unknown scorecard 'default-ru' (available: default-en)");
    }

    @Test
    void rejectsTwoScorecardsWithTheSameId() {
        assertThatThrownBy(() -> Scorecards.of(List.of(card("x", "en"), card("x", "ru"))))
                .hasMessage("two scorecards have the id 'x'");
    }
}
