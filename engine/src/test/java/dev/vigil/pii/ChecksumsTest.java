package dev.vigil.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
    @Test
    void luhnAcceptsAValidNumberAndRejectsEverySingleDigitChange() {
        String card = new PiiSamples(1).card("5", 16);
        assertThat(Checksums.luhn(card)).isTrue();
        for (int i = 0; i < card.length(); i++) {
            char other = (char) ('0' + (card.charAt(i) - '0' + 1) % 10);
            String changed = card.substring(0, i) + other + card.substring(i + 1);
            assertThat(Checksums.luhn(changed)).as("digit %d changed", i).isFalse();
        }
    }

    @Test
    void snilsCheckNumberFollowsTheMod101Rule() {
        // weights 9..1 over 000000001 give 1; over 100000000 give 9 -> check numbers 01 and 09
        assertThat(Checksums.snils("00000000101")).isTrue();
        assertThat(Checksums.snils("10000000009")).isTrue();
        assertThat(Checksums.snils("10000000008")).isFalse();
        // 999999999: sum 405, 405 mod 101 = 1
        assertThat(Checksums.snils("99999999901")).isTrue();
        assertThat(Checksums.snils("00000000000")).isFalse();
    }

    @Test
    void innCheckDigitsAreVerifiedForBothLengths() {
        PiiSamples samples = new PiiSamples(2);
        String ten = samples.inn(10);
        String twelve = samples.inn(12);
        assertThat(Checksums.inn(ten)).isTrue();
        assertThat(Checksums.inn(twelve)).isTrue();
        assertThat(Checksums.inn(ten.substring(0, 9) + (ten.charAt(9) - '0' + 1) % 10)).isFalse();
        assertThat(Checksums.inn(twelve.substring(0, 11) + (twelve.charAt(11) - '0' + 1) % 10)).isFalse();
        assertThat(Checksums.inn("12345")).isFalse();
        // 10-digit weights 2,4,10,3,5,9,4,6,8 over 100000000 give 2 -> check digit 2
        assertThat(Checksums.inn("1000000002")).isTrue();
    }
}
