package dev.vigil.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a text: card numbers (Luhn), phone numbers, e-mail addresses, Russian passports, СНИЛС and
 * ИНН, typed with digits or spoken as number words. Values must stand as whole words (no letter or digit glued to
 * them) and pass their format and checksum; numbers right after words such as "order", «заказ», "ticket", «тариф»
 * are left alone. Stateless and thread-safe.
 *
 * <p>{@link #find(String)} is for written text, where a checksum is required. {@link #findSpoken(List)} is for the
 * recognised words of a call: recognition errors break checksums, so there any spoken run of 10–12 digits counts as
 * a phone number and of 13–19 digits as a card number, even when its check digit is wrong.
 */
public final class PiiDetector {
    private static final String SEP = "[ \\u00A0\\-]";
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}_%+\\-]+(?:\\.[\\p{L}\\p{N}_%+\\-]+)*@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?)*\\.\\p{L}{2,}");
    /** Digit groups joined by single spaces or dashes: the raw material of cards, ИНН and bare numbers. */
    private static final Pattern CHAIN = Pattern.compile("\\d+(?:" + SEP + "\\d+)*");
    private static final Pattern GROUP = Pattern.compile("\\d+");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+\\d[\\d \\u00A0\\-().]{6,22}\\d");
    private static final Pattern RUSSIAN = Pattern.compile(
            "[78]" + SEP + "?(?:\\(\\d{3}\\)|\\d{3})" + SEP + "?\\d{3}" + SEP + "?\\d{2}" + SEP + "?\\d{2}");
    private static final Pattern RUSSIAN_LOCAL = Pattern.compile(
            "(?:\\(\\d{3}\\)" + SEP + "?|\\d{3}" + SEP + ")\\d{3}" + SEP + "\\d{2}" + SEP + "\\d{2}");
    private static final Pattern US = Pattern.compile(
            "(?:1[ \\-.])?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[\\-. ])[2-9]\\d{2}[\\-. ]\\d{4}");
    private static final Pattern SNILS = Pattern.compile("\\d{3}[\\- ]\\d{3}[\\- ]\\d{3}[ \\-]\\d{2}");
    private static final Pattern PASSPORT = Pattern.compile(
            "\\d{2} ?\\d{2}(?: ?(?:№|N|No\\.?|номер) ?| )?\\d{6}", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PASSPORT_WORDS = Pattern.compile(
            "сери[яию]\\s*(\\d{2} ?\\d{2})\\s*,?\\s*(?:номер|№|N)\\s*(\\d{6})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SPACED_PASSPORT = Pattern.compile("\\d{2} \\d{2} \\d{6}");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern JOINABLE_GAP = Pattern.compile("[ \\t\\u00A0,.;:\\-–—]{1,4}");

    /** Words after which a number is an order, ticket, tariff or similar reference, not personal data. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<!\\p{L})(?:order|ticket|tracking|invoice|case|ref|reference|contract|tariff|plan|code|item|sku|"
                    + "build|version|serial|"
                    + "заказ\\p{L}*|заявк\\p{L}*|обращени\\p{L}*|трек\\p{L}*|накладн\\p{L}*|договор\\p{L}*|"
                    + "тариф\\p{L}*|код\\p{L}*|артикул\\p{L}*)"
                    + "(?:\\s+(?:number|no\\.?|id|номер))?\\s*(?:№|#|n|no\\.?)?\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern INN_WORD = keyword("инн|inn|taxpayer|налогоплательщик");
    private static final Pattern SNILS_WORD = keyword("снилс|snils|страхов");
    private static final Pattern PASSPORT_WORD = keyword("паспорт|passport|сери[яию]");

    /** The longest number looked at (a card has at most 19 digits). */
    private static final int MAX_DIGITS = 19;

    /** How far before a value its keyword («ИНН», «паспорт») may stand, in characters. */
    static final int KEYWORD_REACH = 40;

    private static Pattern keyword(String words) {
        return Pattern.compile("(?<![\\p{L}])(?:" + words + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The detector; it has no configuration. */
    public PiiDetector() {
    }

    /** Finds personal data in written text; spans do not overlap and are in text order. */
    public List<PiiSpan> find(String text) {
        var candidates = new ArrayList<PiiSpan>();
        emails(text, candidates);
        chains(text, candidates);
        phones(text, candidates);
        snils(text, candidates);
        passports(text, candidates);
        spoken(text, candidates);
        return resolve(candidates);
    }

    /**
     * Finds personal data spoken in a call's recognised words, given as their texts in order.
     *
     * @return spans over word indexes: {@code [start, end)} are the first and one past the last word
     */
    public List<PiiSpan> findSpoken(List<String> words) {
        var tokens = new ArrayList<String>();
        for (String w : words) {
            tokens.add(w.strip());
        }
        boolean[] joinable = new boolean[tokens.size()];
        java.util.Arrays.fill(joinable, true);
        var out = new ArrayList<PiiSpan>();
        for (SpokenNumbers.Run run : SpokenNumbers.runs(tokens, joinable)) {
            String before = String.join(" ", tokens.subList(Math.max(0, run.first() - 8), run.first()));
            classifySpoken(run.digits(), before, true).ifPresent(k -> out.add(new PiiSpan(k, run.first(),
                    run.last() + 1)));
        }
        return out;
    }

    private static void emails(String text, List<PiiSpan> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            if (boundaryBefore(text, m.start()) && boundaryAfter(text, m.end())) {
                out.add(new PiiSpan(PiiKind.EMAIL, m.start(), m.end()));
            }
        }
    }

    /** Cards, ИНН and bare СНИЛС over group-aligned windows of digit chains. */
    private static void chains(String text, List<PiiSpan> out) {
        Matcher m = CHAIN.matcher(text);
        while (m.find()) {
            var starts = new ArrayList<Integer>();
            var ends = new ArrayList<Integer>();
            Matcher g = GROUP.matcher(text).region(m.start(), m.end());
            while (g.find()) {
                starts.add(g.start());
                ends.add(g.end());
            }
            for (int a = 0; a < starts.size(); a++) {
                int s = starts.get(a);
                if (!boundaryBefore(text, s)) {
                    continue;
                }
                var lengths = new ArrayList<Integer>();
                var digits = new StringBuilder();
                for (int b = a; b < starts.size() && digits.length() <= MAX_DIGITS; b++) {
                    lengths.add(ends.get(b) - starts.get(b));
                    digits.append(text, starts.get(b), ends.get(b));
                    int e = ends.get(b);
                    if (digits.length() <= MAX_DIGITS && boundaryAfter(text, e)) {
                        classifyChain(text, s, digits.toString(), List.copyOf(lengths))
                                .ifPresent(k -> out.add(new PiiSpan(k, s, e)));
                    }
                }
            }
        }
    }

    private static java.util.Optional<PiiKind> classifyChain(String text, int start, String digits,
                                                             List<Integer> groups) {
        boolean reference = isReference(text, start);
        if (!reference && isCard(digits) && cardGroups(groups) && !(groups.size() == 1 && startsWithDate(digits))) {
            return java.util.Optional.of(PiiKind.CARD);
        }
        if (groups.size() != 1) {
            return java.util.Optional.empty();
        }
        if (digits.length() == 11 && Checksums.snils(digits) && near(SNILS_WORD, text, start)) {
            return java.util.Optional.of(PiiKind.SNILS);
        }
        if (Checksums.inn(digits) && (near(INN_WORD, text, start) || digits.length() == 12 && !reference)) {
            return java.util.Optional.of(PiiKind.INN);
        }
        return java.util.Optional.empty();
    }

    /** 13–19 digits, an issuer's first digit (2–6) and the Luhn check. */
    static boolean isCard(String digits) {
        return digits.length() >= 13 && digits.length() <= 19 && digits.charAt(0) >= '2' && digits.charAt(0) <= '6'
                && Checksums.luhn(digits);
    }

    /**
     * Whether an unbroken number starts with a date {@code yyyyMMdd} of the 20th or 21st century: a timestamp or a
     * build number, as no card issuer's numbers start with 19 or 20.
     */
    private static boolean startsWithDate(String digits) {
        if (digits.length() < 8 || !(digits.startsWith("19") || digits.startsWith("20"))) {
            return false;
        }
        int month = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** As cards are written: one block, or a first block of 4 and blocks of 4–6 (the last may be shorter). */
    private static boolean cardGroups(List<Integer> groups) {
        if (groups.size() == 1) {
            return true;
        }
        if (groups.get(0) != 4) {
            return false;
        }
        for (int i = 1; i < groups.size(); i++) {
            int n = groups.get(i);
            if (n > 6 || n < 4 && i < groups.size() - 1) {
                return false;
            }
        }
        return true;
    }

    private static void phones(String text, List<PiiSpan> out) {
        for (Pattern p : List.of(INTERNATIONAL, RUSSIAN, RUSSIAN_LOCAL, US)) {
            Matcher m = p.matcher(text);
            int from = 0;
            while (from < text.length() && m.find(from)) {
                int s = m.start();
                int e = m.end();
                from = s + 1;
                // a closing parenthesis the international pattern took from the prose after the number
                while (e > s && !Character.isDigit(text.charAt(e - 1))) {
                    e--;
                }
                if (!boundaryBefore(text, s) || !boundaryAfter(text, e) || isReference(text, s)) {
                    continue;
                }
                if (p == INTERNATIONAL) {
                    e = internationalEnd(text, s, e);
                    if (e < 0) {
                        continue;
                    }
                }
                String raw = text.substring(s, e);
                String digits = digits(raw);
                boolean ok = p == INTERNATIONAL ? digits.length() >= 8 && digits.length() <= 15
                        && !raw.contains("  ") && balanced(raw)
                        : p == RUSSIAN ? !digits.equals(raw) || digits.charAt(1) == '9'
                        : balanced(raw);
                if (ok) {
                    out.add(new PiiSpan(PiiKind.PHONE, s, e));
                }
            }
        }
    }

    /**
     * The end of the longest prefix of {@code [s, e)} that ends a digit group at a word boundary and holds at most 15
     * digits (E.164), or -1: "+7 912 345 67 89 12 05" is a number followed by a date.
     */
    private static int internationalEnd(String text, int s, int e) {
        int count = 0;
        int best = -1;
        for (int i = s; i < e; i++) {
            if (Character.isDigit(text.charAt(i))) {
                count++;
                if (count > 15) {
                    break;
                }
                if ((i + 1 == e || !Character.isDigit(text.charAt(i + 1))) && boundaryAfter(text, i + 1)
                        && balanced(text.substring(s, i + 1))) {
                    best = i + 1;
                }
            }
        }
        return best;
    }

    private static boolean balanced(String raw) {
        int depth = 0;
        for (char c : raw.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static void snils(String text, List<PiiSpan> out) {
        Matcher m = SNILS.matcher(text);
        while (m.find()) {
            if (boundaryBefore(text, m.start()) && boundaryAfter(text, m.end())
                    && Checksums.snils(digits(m.group()))) {
                out.add(new PiiSpan(PiiKind.SNILS, m.start(), m.end()));
            }
        }
    }

    private static void passports(String text, List<PiiSpan> out) {
        Matcher w = PASSPORT_WORDS.matcher(text);
        while (w.find()) {
            if (boundaryAfter(text, w.end())) {
                out.add(new PiiSpan(PiiKind.PASSPORT, w.start(1), w.end()));
            }
        }
        Matcher m = PASSPORT.matcher(text);
        while (m.find()) {
            if (!boundaryBefore(text, m.start()) || !boundaryAfter(text, m.end())) {
                continue;
            }
            if (near(PASSPORT_WORD, text, m.start()) || SPACED_PASSPORT.matcher(m.group()).matches()
                    && !isReference(text, m.start())) {
                out.add(new PiiSpan(PiiKind.PASSPORT, m.start(), m.end()));
            }
        }
    }

    /** Numbers written as words: "four one one one …", «восемь девятьсот двенадцать …». */
    private static void spoken(String text, List<PiiSpan> out) {
        var tokens = new ArrayList<String>();
        var starts = new ArrayList<Integer>();
        var ends = new ArrayList<Integer>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
            starts.add(m.start());
            ends.add(m.end());
        }
        boolean[] joinable = new boolean[tokens.size()];
        for (int i = 1; i < tokens.size(); i++) {
            joinable[i] = JOINABLE_GAP.matcher(text.substring(ends.get(i - 1), starts.get(i))).matches();
        }
        for (SpokenNumbers.Run run : SpokenNumbers.runs(tokens, joinable)) {
            int s = starts.get(run.first());
            String before = text.substring(Math.max(0, s - KEYWORD_REACH), s);
            classifySpoken(run.digits(), before, false)
                    .ifPresent(k -> out.add(new PiiSpan(k, s, ends.get(run.last()))));
        }
    }

    /**
     * What a spoken digit string is. Spoken runs of 10–11 digits are phone numbers unless a checksum and keyword say
     * otherwise; {@code lenient} (recognised speech) also takes 13–19 digits failing the Luhn check as a card.
     */
    private static java.util.Optional<PiiKind> classifySpoken(String digits, String before, boolean lenient) {
        int n = digits.length();
        if (isReference(before, before.length())) {
            return java.util.Optional.empty();
        }
        if (isCard(digits) || lenient && n >= 13 && n <= 19) {
            return java.util.Optional.of(PiiKind.CARD);
        }
        if (n == 11 && Checksums.snils(digits) && SNILS_WORD.matcher(before).find()) {
            return java.util.Optional.of(PiiKind.SNILS);
        }
        if ((n == 10 || n == 12) && Checksums.inn(digits) && INN_WORD.matcher(before).find()) {
            return java.util.Optional.of(PiiKind.INN);
        }
        if (n == 10 && PASSPORT_WORD.matcher(before).find()) {
            return java.util.Optional.of(PiiKind.PASSPORT);
        }
        if (n == 10 || n == 11 || lenient && n == 12) {
            return java.util.Optional.of(PiiKind.PHONE);
        }
        if (n == 12 && Checksums.inn(digits)) {
            return java.util.Optional.of(PiiKind.INN);
        }
        return java.util.Optional.empty();
    }

    /** Keeps the strongest candidates: by kind (e-mail, card, СНИЛС, ИНН, passport, phone), then the longest. */
    private static List<PiiSpan> resolve(List<PiiSpan> candidates) {
        var ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparingInt((PiiSpan s) -> rank(s.kind())).thenComparing(PiiSpan::length,
                Comparator.reverseOrder()).thenComparingInt(PiiSpan::start));
        var kept = new ArrayList<PiiSpan>();
        for (PiiSpan c : ordered) {
            if (kept.stream().noneMatch(c::overlaps)) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(PiiSpan::start));
        return kept;
    }

    private static int rank(PiiKind kind) {
        return switch (kind) {
            case EMAIL -> 0;
            case CARD -> 1;
            case SNILS -> 2;
            case INN -> 3;
            case PASSPORT -> 4;
            case PHONE -> 5;
        };
    }

    private static boolean near(Pattern keyword, String text, int start) {
        return keyword.matcher(text.substring(Math.max(0, start - KEYWORD_REACH), start)).find();
    }

    private static boolean isReference(String text, int start) {
        return REFERENCE.matcher(text.substring(Math.max(0, start - 30), start).toLowerCase(Locale.ROOT)).find();
    }

    /**
     * No letter, digit or glue right before {@code i}: {@code +}, {@code @}, a digit's {@code ,} or {@code :}, or a
     * letter's or digit's {@code .}, {@code /} or {@code -} ({@code 3.14}, {@code TP-415}).
     */
    private static boolean boundaryBefore(String text, int i) {
        if (i == 0) {
            return true;
        }
        char c = text.charAt(i - 1);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '+' || c == '@') {
            return false;
        }
        if (i < 2) {
            return true;
        }
        char glued = text.charAt(i - 2);
        return !((c == ',' || c == ':') && Character.isDigit(glued)
                || (c == '.' || c == '/' || c == '-') && Character.isLetterOrDigit(glued));
    }

    /** No letter or digit right after {@code i}, nor a separator followed by a digit ({@code .5}, {@code /27}). */
    private static boolean boundaryAfter(String text, int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '@') {
            return false;
        }
        return !((c == '.' || c == ',' || c == '/' || c == ':' || c == '-') && i + 1 < text.length()
                && Character.isDigit(text.charAt(i + 1)));
    }

    private static String digits(String s) {
        var b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
