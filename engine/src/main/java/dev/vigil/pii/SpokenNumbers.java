package dev.vigil.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads numbers spoken or written as words, digit by digit ("four one one one", "oh", "double five", «четыре один
 * один») or in the groups Russians dictate phones in («девятьсот двенадцать триста сорок пять»), into digit strings.
 * Stateless and thread-safe.
 */
final class SpokenNumbers {
    /** A run of number words: tokens {@code first..last} (inclusive) say {@code digits}. */
    record Run(int first, int last, String digits) {
    }

    private enum Type { UNIT, TEEN, TENS, HUNDREDS, HUNDRED, REPEAT, ZERO_LETTER }

    private record Entry(Type type, int value) {
    }

    private static final Map<String, Entry> WORDS = words();

    private SpokenNumbers() {
    }

    private static Map<String, Entry> words() {
        var m = new java.util.HashMap<String, Entry>();
        String[][] units = {
                {"zero", "nought", "ноль", "нуль"}, {"one", "один", "одна", "одну"}, {"two", "два", "две"},
                {"three", "три"}, {"four", "четыре"}, {"five", "пять"}, {"six", "шесть"}, {"seven", "семь"},
                {"eight", "восемь"}, {"nine", "девять"}};
        for (int d = 0; d < units.length; d++) {
            for (String w : units[d]) {
                m.put(w, new Entry(Type.UNIT, d));
            }
        }
        String[][] teens = {
                {"ten", "десять"}, {"eleven", "одиннадцать"}, {"twelve", "двенадцать"}, {"thirteen", "тринадцать"},
                {"fourteen", "четырнадцать"}, {"fifteen", "пятнадцать"}, {"sixteen", "шестнадцать"},
                {"seventeen", "семнадцать"}, {"eighteen", "восемнадцать"}, {"nineteen", "девятнадцать"}};
        for (int i = 0; i < teens.length; i++) {
            for (String w : teens[i]) {
                m.put(w, new Entry(Type.TEEN, 10 + i));
            }
        }
        String[][] tens = {
                {"twenty", "двадцать"}, {"thirty", "тридцать"}, {"forty", "сорок"}, {"fifty", "пятьдесят"},
                {"sixty", "шестьдесят"}, {"seventy", "семьдесят"}, {"eighty", "восемьдесят"},
                {"ninety", "девяносто"}};
        for (int i = 0; i < tens.length; i++) {
            for (String w : tens[i]) {
                m.put(w, new Entry(Type.TENS, 20 + 10 * i));
            }
        }
        String[] hundreds = {"сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
                "девятьсот"};
        for (int i = 0; i < hundreds.length; i++) {
            m.put(hundreds[i], new Entry(Type.HUNDREDS, 100 * (i + 1)));
        }
        m.put("hundred", new Entry(Type.HUNDRED, 100));
        m.put("double", new Entry(Type.REPEAT, 2));
        m.put("triple", new Entry(Type.REPEAT, 3));
        m.put("oh", new Entry(Type.ZERO_LETTER, 0));
        m.put("o", new Entry(Type.ZERO_LETTER, 0));
        return Map.copyOf(m);
    }

    /** The token as looked up: lower case, ё as е. */
    static String normal(String token) {
        return token.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** Whether the token is a number word (not a digit string). */
    static boolean isNumberWord(String token) {
        return WORDS.containsKey(normal(token));
    }

    /**
     * The runs of number words among {@code tokens}. A run continues over tokens where {@code joinable[i]} is true
     * (the gap before token {@code i} is only spaces or light punctuation) and may include digit strings of up to 4
     * digits; it holds at least two number words. "oh" counts as zero only inside a run, never first.
     */
    static List<Run> runs(List<String> tokens, boolean[] joinable) {
        var out = new ArrayList<Run>();
        int i = 0;
        while (i < tokens.size()) {
            Entry e = WORDS.get(normal(tokens.get(i)));
            if (e == null || e.type() == Type.ZERO_LETTER || e.type() == Type.HUNDRED) {
                i++;
                continue;
            }
            var digits = new StringBuilder();
            int words = 0;
            int j = i;
            int last = i - 1;
            while (j < tokens.size() && (j == i || joinable[j])) {
                int consumed = group(tokens, joinable, j, digits);
                if (consumed == 0) {
                    break;
                }
                for (int k = j; k < j + consumed; k++) {
                    if (WORDS.containsKey(normal(tokens.get(k)))) {
                        words++;
                    }
                }
                j += consumed;
                last = j - 1;
            }
            if (words >= 2 && last >= i) {
                out.add(new Run(i, last, digits.toString()));
                i = last + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Appends the digits of the group starting at token {@code i}; returns how many tokens it took (0: none). */
    private static int group(List<String> tokens, boolean[] joinable, int i, StringBuilder digits) {
        String t = tokens.get(i);
        if (t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (t.length() > 4) {
                return 0;
            }
            digits.append(t);
            return 1;
        }
        Entry e = WORDS.get(normal(t));
        if (e == null) {
            return 0;
        }
        Entry next = entry(tokens, joinable, i + 1);
        switch (e.type()) {
            case ZERO_LETTER, UNIT -> {
                if (e.type() == Type.UNIT && next != null && next.type() == Type.HUNDRED && e.value() > 0) {
                    return 2 + rest(tokens, joinable, i + 2, e.value() * 100, digits);
                }
                digits.append(e.value());
                return 1;
            }
            case TEEN -> {
                digits.append(e.value());
                return 1;
            }
            case TENS -> {
                if (next != null && next.type() == Type.UNIT && next.value() > 0) {
                    digits.append(e.value() + next.value());
                    return 2;
                }
                digits.append(e.value());
                return 1;
            }
            case HUNDREDS -> {
                return 1 + rest(tokens, joinable, i + 1, e.value(), digits);
            }
            case REPEAT -> {
                if (next != null && (next.type() == Type.UNIT || next.type() == Type.ZERO_LETTER)) {
                    digits.append(String.valueOf(next.value()).repeat(e.value()));
                    return 2;
                }
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }

    /** After a hundreds value: an optional tens (+ unit), teen or unit; appends the three digits. */
    private static int rest(List<String> tokens, boolean[] joinable, int i, int hundreds, StringBuilder digits) {
        Entry a = entry(tokens, joinable, i);
        int used = 0;
        int value = hundreds;
        if (a != null && a.type() == Type.TENS) {
            value += a.value();
            used = 1;
            Entry b = entry(tokens, joinable, i + 1);
            if (b != null && b.type() == Type.UNIT && b.value() > 0) {
                value += b.value();
                used = 2;
            }
        } else if (a != null && (a.type() == Type.TEEN || a.type() == Type.UNIT && a.value() > 0)) {
            value += a.value();
            used = 1;
        }
        digits.append(value);
        return used;
    }

    private static Entry entry(List<String> tokens, boolean[] joinable, int i) {
        return i < tokens.size() && joinable[i] ? WORDS.get(normal(tokens.get(i))) : null;
    }
}
