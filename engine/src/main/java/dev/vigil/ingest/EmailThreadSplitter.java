package dev.vigil.ingest;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an email body into the new message and its quoted history: {@code >}-quoted lines, "On ..., X wrote:",
 * «..., X писал(а):», «пишет:», "-----Original Message-----", «-----Исходное сообщение-----» and Outlook
 * "From: ... Sent: ..." blocks. Stateless and thread-safe.
 */
final class EmailThreadSplitter {
    /**
     * One part of a thread.
     *
     * @param depth  0 for the new message, 1 for the message it replies to, and so on
     * @param text   the part's own text, without quote markers and attribution lines
     * @param header the attribution line or header block that introduced it; empty for the new message or a bare
     *               {@code >} quote
     */
    record Part(int depth, String text, String header) {
    }

    private static final Pattern ON_WROTE = Pattern.compile("^\\s*On\\s.+\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_START = Pattern.compile("^\\s*On\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE_END = Pattern.compile(".*\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RU_WROTE = Pattern.compile(
            "^.{0,200}\\s(?:писал\\(а\\)|писала|писал|пишет|написал\\(а\\)|написала|написал)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*-{2,}\\s*(?:Original Message|Исходное сообщение|Пересылаемое сообщение|Forwarded message)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FROM_LINE = Pattern.compile("^\\s*(?:From|От)\\s*:\\s*\\S.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENT_LINE = Pattern.compile("^\\s*(?:Sent|Date|Отправлено|Дата)\\s*:\\s*\\S.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^\\s*(?:From|Sent|Date|To|Cc|Subject|От|Отправлено|Дата|Кому|Копия|Тема)\\s*:.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern QUOTED = Pattern.compile("^\\s*>.*$");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", Pattern.UNICODE_CHARACTER_CLASS);

    private EmailThreadSplitter() {
    }

    /** The parts of a body, the new message first, deeper quotes after. Blank parts are left out. */
    static List<Part> split(String body) {
        var parts = new ArrayList<Part>();
        split(List.of(body.split("\\R", -1)), 0, "", parts);
        return parts.stream().filter(p -> !p.text().isBlank()).toList();
    }

    /** Deeper quotes stay in the last part: real threads are far shallower, and recursion must stay bounded. */
    static final int MAX_DEPTH = 50;

    private static void split(List<String> lines, int depth, String header, List<Part> out) {
        for (int i = 0; i < lines.size() && depth < MAX_DEPTH; i++) {
            int headerLines = attribution(lines, i);
            if (headerLines > 0) {
                out.add(new Part(depth, join(lines.subList(0, i)), header));
                String nextHeader = join(lines.subList(i, i + headerLines));
                split(unquote(lines.subList(i + headerLines, lines.size())), depth + 1, nextHeader, out);
                return;
            }
            if (QUOTED.matcher(lines.get(i)).matches()) {
                int j = i;
                while (j < lines.size() && (QUOTED.matcher(lines.get(j)).matches()
                        || (lines.get(j).isBlank() && j + 1 < lines.size() && QUOTED.matcher(lines.get(j + 1)).matches()))) {
                    j++;
                }
                var own = new ArrayList<>(lines.subList(0, i));
                own.addAll(lines.subList(j, lines.size()));
                out.add(new Part(depth, join(own), header));
                split(unquote(lines.subList(i, j)), depth + 1, "", out);
                return;
            }
        }
        out.add(new Part(depth, join(lines), header));
    }

    /** How many lines at {@code i} form an attribution line or header block; 0 when none starts there. */
    private static int attribution(List<String> lines, int i) {
        String line = lines.get(i);
        if (ON_WROTE.matcher(line).matches()
                || (RU_WROTE.matcher(line).matches() && line.chars().anyMatch(c -> c == '@' || Character.isDigit(c)))) {
            return 1;
        }
        if (ON_START.matcher(line).matches() && i + 1 < lines.size() && WROTE_END.matcher(lines.get(i + 1)).matches()
                && !lines.get(i + 1).isBlank()) {
            return 2;
        }
        if (SEPARATOR.matcher(line).matches()) {
            return 1 + headerBlock(lines, i + 1);
        }
        if (FROM_LINE.matcher(line).matches()) {
            for (int k = i + 1; k < Math.min(lines.size(), i + 5) && HEADER_LINE.matcher(lines.get(k)).matches(); k++) {
                if (SENT_LINE.matcher(lines.get(k)).matches()) {
                    return headerBlock(lines, i);
                }
            }
        }
        return 0;
    }

    /** The number of header lines from {@code start}, plus the blank line that ends them. */
    private static int headerBlock(List<String> lines, int start) {
        int k = start;
        while (k < lines.size() && HEADER_LINE.matcher(lines.get(k)).matches()) {
            k++;
        }
        if (k < lines.size() && lines.get(k).isBlank()) {
            k++;
        }
        return k - start;
    }

    /** Removes one level of {@code >} when every non-blank line is quoted. */
    private static List<String> unquote(List<String> lines) {
        boolean allQuoted = lines.stream().filter(l -> !l.isBlank()).allMatch(l -> QUOTED.matcher(l).matches())
                && lines.stream().anyMatch(l -> !l.isBlank());
        if (!allQuoted) {
            return lines;
        }
        return lines.stream().map(l -> l.isBlank() ? "" : l.replaceFirst("^\\s*> ?", "")).toList();
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines).strip();
    }

    /** The first e-mail address in an attribution or header block. */
    static Optional<String> address(String header) {
        Matcher m = EMAIL.matcher(header);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12),
            Map.entry("янв", 1), Map.entry("фев", 2), Map.entry("мар", 3), Map.entry("апр", 4),
            Map.entry("мая", 5), Map.entry("май", 5), Map.entry("июн", 6), Map.entry("июл", 7),
            Map.entry("авг", 8), Map.entry("сен", 9), Map.entry("окт", 10), Map.entry("ноя", 11),
            Map.entry("дек", 12));
    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(AM|PM)?(?:\\s*([+-]\\d{2}:?\\d{2}))?";
    /** 21 Nov 2026 10:15, Sat, 21 Nov 2026 at 10:15, 21 ноября 2026 г. в 10:15. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})\\s+(\\p{L}{3})\\p{L}*\\.?\\s+(\\d{4})\\S*(?:\\s*г\\.)?,?\\s+(?:at\\s+|в\\s+)?" + TIME,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** November 21, 2026 10:15 AM; Nov 21, 2026 at 10:15. */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(\\p{L}{3})\\p{L}*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4}),?\\s+(?:at\\s+)?" + TIME,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** 21.11.2026, 10:15 and 21/11/2026 10:15 (day first). */
    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{1,2})[./](\\d{1,2})[./](\\d{4}),?\\s+(?:в\\s+|at\\s+)?" + TIME,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** 2026-11-21 10:15. */
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[T ,]+" + TIME);

    /** The date and time of an attribution or header block, read in {@code zone} unless it carries an offset. */
    static Optional<ZonedDateTime> date(String header, ZoneId zone) {
        try {
            Matcher m = DAY_MONTH_YEAR.matcher(header);
            if (m.find() && month(m.group(2)) > 0) {
                return at(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)), m, 4, zone);
            }
            m = MONTH_DAY_YEAR.matcher(header);
            if (m.find() && month(m.group(1)) > 0) {
                return at(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)), m, 4, zone);
            }
            m = NUMERIC.matcher(header);
            if (m.find()) {
                return at(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), m,
                        4, zone);
            }
            m = ISO.matcher(header);
            if (m.find()) {
                return at(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m,
                        4, zone);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int month(String name) {
        return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT), 0);
    }

    private static Optional<ZonedDateTime> at(int year, int month, int day, Matcher m, int g, ZoneId zone) {
        int hour = Integer.parseInt(m.group(g));
        int minute = Integer.parseInt(m.group(g + 1));
        int second = m.group(g + 2) == null ? 0 : Integer.parseInt(m.group(g + 2));
        String ampm = m.group(g + 3);
        if (ampm != null) {
            hour = hour % 12 + (ampm.equalsIgnoreCase("PM") ? 12 : 0);
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
        String offset = m.group(g + 4);
        ZoneId z = offset == null ? zone : ZoneOffset.of(offset.length() == 5
                ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
        return Optional.of(local.atZone(z));
    }
}
