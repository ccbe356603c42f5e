package dev.vigil.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.TimeSpan;
import dev.vigil.model.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = new Redactor();
    private final PiiSamples samples = new PiiSamples(42);

    private String redact(String text) {
        return redactor.redact(text).text();
    }

    @Test
    void replacesCardNumbersWrittenWithSpacesDashesOrNothing() {
        String card = samples.card("4", 16);
        assertThat(redact("my card is " + PiiSamples.blocks(card, " ", 4, 4, 4, 4) + ", thanks"))
                .isEqualTo("my card is [card], thanks");
        assertThat(redact("карта " + PiiSamples.blocks(card, "-", 4, 4, 4, 4) + ".")).isEqualTo("карта [card].");
        assertThat(redact(card)).isEqualTo("[card]");
        String amex = samples.card("37", 15);
        assertThat(redact("Amex " + PiiSamples.blocks(amex, " ", 4, 6, 5))).isEqualTo("Amex [card]");
    }

    @Test
    void keepsTheExpiryDateNextToACardNumber() {
        String card = samples.card16(" ");
        assertThat(redact(card + " 12/27")).isEqualTo("[card] 12/27");
    }

    @Test
    void leavesNumbersThatFailTheLuhnCheck() {
        String card = samples.card("4", 16);
        String broken = card.substring(0, 15) + (card.charAt(15) - '0' + 1) % 10;
        assertThat(redactor.redact("card " + broken).changed()).isFalse();
    }

    @Test
    void replacesCardNumbersReadOutInEnglishWords() {
        String card = samples.card("4", 16).replace('0', '7');
        card = samples.card("5", 16);
        String spoken = PiiSamples.english(card, true);
        assertThat(redact("Sure, it's " + spoken + ", expiry next year."))
                .isEqualTo("Sure, it's [card], expiry next year.");
        assertThat(redact("number " + PiiSamples.english(card, false).replace(" ", ", ")))
                .isEqualTo("number [card]");
    }

    @Test
    void readsDoubleAndTripleDigits() {
        // find a card with a doubled digit to say "double"
        String card;
        int at;
        do {
            card = samples.card("4", 16);
            at = -1;
            for (int i = 1; i < 15; i++) {
                if (card.charAt(i) == card.charAt(i + 1) && card.charAt(i) != card.charAt(i - 1)
                        && (i + 2 >= card.length() || card.charAt(i + 2) != card.charAt(i))) {
                    at = i;
                    break;
                }
            }
        } while (at < 0);
        String spoken = PiiSamples.english(card.substring(0, at), false) + " double "
                + PiiSamples.english(card.substring(at, at + 1), false) + " "
                + PiiSamples.english(card.substring(at + 2), false);
        assertThat(redact("it is " + spoken)).isEqualTo("it is [card]");
    }

    @Test
    void replacesCardNumbersReadOutInRussianWords() {
        String card = samples.card("2", 16);
        assertThat(redact("номер карты " + PiiSamples.russian(card) + ", срок до декабря"))
                .isEqualTo("номер карты [card], срок до декабря");
    }

    @Test
    void replacesPhonesDictatedInRussianGroups() {
        assertThat(redact("запишите: восемь девятьсот двенадцать триста сорок пять шестьдесят семь восемьдесят девять"))
                .isEqualTo("запишите: [phone]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+7 912 345-67-89", "+7 (912) 345-67-89", "8 (912) 345-67-89", "8-912-345-67-89",
            "89123456789", "+79123456789", "(912) 345-67-89", "+44 20 7946 0958", "+1 (415) 555-0123",
            "(415) 555-0123", "415-555-0123", "415.555.0123", "1-800-555-0199"})
    void replacesPhoneNumbersInInternationalRussianAndUsFormats(String phone) {
        assertThat(redact("call me on " + phone + " tonight")).isEqualTo("call me on [phone] tonight");
    }

    @Test
    void replacesEmailAddresses() {
        assertThat(redact("write to jane.doe+billing@mail.example.com.")).isEqualTo("write to [email].");
        assertThat(redact("почта: иван@пример.рф")).isEqualTo("почта: [email]");
    }

    @Test
    void replacesPassportNumbersNearTheWordOrInTheirSpacedFormat() {
        assertThat(redact("паспорт 4507 123456")).isEqualTo("паспорт [passport]");
        assertThat(redact("паспортные данные: 4507123456")).isEqualTo("паспортные данные: [passport]");
        assertThat(redact("серия 4507 номер 123456 выдан")).isEqualTo("серия [passport] выдан");
        assertThat(redact("вот: 45 07 123456")).isEqualTo("вот: [passport]");
        assertThat(redact("passport no. 45 07 № 123456")).isEqualTo("passport no. [passport]");
    }

    @Test
    void replacesSnilsWithAValidCheckNumber() {
        String snils = samples.snils();
        String formatted = snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " "
                + snils.substring(9);
        assertThat(redact("СНИЛС " + formatted)).isEqualTo("СНИЛС [snils]");
        assertThat(redact("мой снилс " + snils)).isEqualTo("мой снилс [snils]");
        String wrong = formatted.substring(0, formatted.length() - 1)
                + (formatted.charAt(formatted.length() - 1) - '0' + 1) % 10;
        assertThat(redact("СНИЛС " + wrong)).isEqualTo("СНИЛС " + wrong);
    }

    @Test
    void replacesInnWithValidCheckDigits() {
        String inn10 = samples.inn(10);
        String inn12 = samples.inn(12);
        assertThat(redact("ИНН " + inn10)).isEqualTo("ИНН [inn]");
        assertThat(redact("ИНН организации: " + inn10 + ", КПП")).isEqualTo("ИНН организации: [inn], КПП");
        assertThat(redact("мой " + inn12 + " вот")).isEqualTo("мой [inn] вот");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Your order 4111111111111111 has shipped",
            "заказ № 5500000000000004 отправлен",
            "Order #123456789012 is ready",
            "The meeting is on 2026-11-21 at 10:15, see you",
            "Встреча 21.11.2026 в 10:15",
            "You paid $1,234.56 on 12/05/2026",
            "Сумма 1 500 000 000 000 руб.",
            "Тариф 300-500-1000 подключён",
            "tariff code TP-415-555-0123",
            "ticket 4155550123",
            "ИНН не нужен, счёт 40702810900000012345",
            "Call at 10:30 or 11:45 please",
            "between 1 and 2 pm, two or three times, one two three",
            "version 3.14.159.26535 and build 20261121103000",
            "the price is 4 500 руб., скидка 15 %",
            "номер обращения 7707083893",
            "SKU 2200 1234 5678 9010"})
    void leavesOrderNumbersDatesTimesAmountsAndCodesAlone(String text) {
        assertThat(redactor.redact(text).kinds()).as(text).isEmpty();
    }

    @Test
    void mergesASpokenCardIntoOnePlaceholderWordThatKeepsItsTiming() {
        String card = samples.card("4", 16);
        var words = new ArrayList<Word>();
        words.add(word("my", 0));
        words.add(word("card", 1));
        words.add(word("is", 2));
        int t = 3;
        for (String w : PiiSamples.english(card, true).split(" ")) {
            words.add(word(w, t++));
        }
        words.add(word("thanks", t));

        List<Word> redacted = redactor.redactWords(words);

        assertThat(redacted).extracting(Word::text).containsExactly("my", "card", "is", "[card]", "thanks");
        assertThat(redacted.get(3).time()).isEqualTo(new TimeSpan(Duration.ofSeconds(3), Duration.ofSeconds(3 + 16)
                .minusMillis(500)));
    }

    @Test
    void takesASpokenSixteenDigitRunAsACardEvenWhenRecognitionBrokeTheChecksum() {
        String card = samples.card("4", 16);
        String broken = card.substring(0, 15) + (card.charAt(15) - '0' + 1) % 10;
        var words = new ArrayList<Word>();
        int t = 0;
        for (String w : PiiSamples.russian(broken).split(" ")) {
            words.add(word(w, t++));
        }
        assertThat(redactor.redactWords(words)).extracting(Word::text).containsExactly("[card]");
    }

    @Test
    void scrubbedExceptionsKeepTheirClassAndFramesButNotTheValue() {
        String card = samples.card16(" ");
        var original = new IllegalStateException("bad token '" + card + "'",
                new java.io.IOException("near " + card));
        Throwable scrubbed = redactor.scrub(original);
        assertThat(scrubbed.toString()).isEqualTo("java.lang.IllegalStateException: bad token '[card]'");
        assertThat(scrubbed.getCause().getMessage()).isEqualTo("near [card]");
        assertThat(scrubbed.getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void messagesAlsoLoseLongNumbersGluedToOtherCharactersButKeepDatesAndTimes() {
        String card = samples.card16(" ");
        assertThat(redactor.redactMessage("Unrecognized token 'x" + card + "x'"))
                .isEqualTo("Unrecognized token 'x[number]x'");
        assertThat(redactor.redactMessage("invalid timestamp '2026-11-21 10:15:04Z' at line 12"))
                .isEqualTo("invalid timestamp '2026-11-21 10:15:04Z' at line 12");
    }

    private static Word word(String text, int second) {
        return new Word(text, new TimeSpan(Duration.ofSeconds(second), Duration.ofSeconds(second).plusMillis(500)),
                0.9);
    }
}
