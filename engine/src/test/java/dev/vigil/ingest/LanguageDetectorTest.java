package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    private final LanguageDetector detector = LanguageDetector.standard();

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "Добрый день | RU",
            "Спасибо! | RU",
            "Да | RU",
            "Hi | EN",
            "ok | EN",
            "Thanks, bye! | EN",
            "Ок, спасибо, всё работает, bye | RU",
            "Sure, номер 12 | RU",
            "Yes, I got the SMS from Связь | EN"})
    void detectsShortLinesByScript(String text, Language expected) {
        assertThat(detector.detect(text, expected == Language.EN ? Language.RU : Language.EN)).isEqualTo(expected);
    }

    @Test
    void usesTheFallbackForTextWithoutLetters() {
        assertThat(detector.detect("+7 (900) 123-45-67 :)", Language.RU)).isEqualTo(Language.RU);
        assertThat(detector.detect("12345", Language.EN)).isEqualTo(Language.EN);
        assertThat(detector.detect("", Language.RU)).isEqualTo(Language.RU);
    }

    @Test
    void detectsLongTextWithTheModel() {
        String ru = "Здравствуйте! Я хотел бы узнать, почему у меня списали деньги за услугу, которую я не подключал. "
                + "Пожалуйста, проверьте мой договор и верните средства как можно скорее.";
        String en = "Hello, I would like to know why I was charged for a service that I never ordered. Please check "
                + "my contract and refund the money as soon as possible.";

        assertThat(detector.detect(ru, Language.EN)).isEqualTo(Language.RU);
        assertThat(detector.detect(en, Language.RU)).isEqualTo(Language.EN);
    }

    @Test
    void weighsTurnsByLettersForTheInteractionLanguage() {
        var turns = List.of(
                turn(0, "Hi", Language.EN),
                turn(1, "Здравствуйте, у меня не работает интернет с утра", Language.RU),
                turn(2, "ok", Language.EN));

        assertThat(detector.dominant(turns, Language.EN)).isEqualTo(Language.RU);
        assertThat(detector.dominant(List.of(turn(0, "123", Language.EN)), Language.RU)).isEqualTo(Language.RU);
    }

    private static Turn turn(int i, String text, Language l) {
        return new Turn(i, Speaker.CUSTOMER, TimeSpan.ZERO, text, l, List.of());
    }
}
