package dev.vigil.pii;

import java.util.Random;

/**
 * Synthetic values with valid checksums, made at test time from a seed so that no real-looking number is kept in
 * the repository.
 */
final class PiiSamples {
    private final Random random;

    PiiSamples(long seed) {
        random = new Random(seed);
    }

    /** A Luhn-valid number of {@code length} digits starting with {@code prefix}. */
    String card(String prefix, int length) {
        var b = new StringBuilder(prefix);
        while (b.length() < length - 1) {
            b.append(random.nextInt(10));
        }
        for (int d = 0; d < 10; d++) {
            if (Checksums.luhn(b.toString() + d)) {
                return b.append(d).toString();
            }
        }
        throw new AssertionError("no Luhn digit");
    }

    /** A 16-digit card number in four blocks of four, separated by {@code sep}. */
    String card16(String sep) {
        return blocks(card("4", 16), sep, 4, 4, 4, 4);
    }

    /** 11 digits with a valid СНИЛС check number. */
    String snils() {
        while (true) {
            var b = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                b.append(random.nextInt(10));
            }
            for (int c = 0; c < 100; c++) {
                String candidate = b + String.format("%02d", c);
                if (Checksums.snils(candidate)) {
                    return candidate;
                }
            }
        }
    }

    /** An ИНН of 10 or 12 digits with valid check digits. */
    String inn(int length) {
        while (true) {
            var b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append(random.nextInt(10));
            }
            if (Checksums.inn(b.toString())) {
                return b.toString();
            }
        }
    }

    /** {@code n} random digits. */
    String digits(int n) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    /** Splits {@code digits} into blocks of the given sizes joined by {@code sep}. */
    static String blocks(String digits, String sep, int... sizes) {
        var b = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            if (at > 0) {
                b.append(sep);
            }
            b.append(digits, at, at + size);
            at += size;
        }
        return b.toString();
    }

    /** The digits as English words, one per digit ("four one one …"), with "oh" for zero when asked. */
    static String english(String digits, boolean oh) {
        String[] names = {oh ? "oh" : "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        return spell(digits, names);
    }

    /** The digits as Russian words, one per digit. */
    static String russian(String digits) {
        return spell(digits, new String[] {"ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь",
                "восемь", "девять"});
    }

    private static String spell(String digits, String[] names) {
        var b = new StringBuilder();
        for (char c : digits.toCharArray()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(names[c - '0']);
        }
        return b.toString();
    }
}
