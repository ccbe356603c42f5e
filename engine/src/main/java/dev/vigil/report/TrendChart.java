package dev.vigil.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Lays out the inline SVG of an agent's score trend: a 0-100 axis, one point per night, oldest on the left. */
final class TrendChart {
    static final int WIDTH = 1040;
    static final int HEIGHT = 250;
    private static final int LEFT = 44;
    private static final int RIGHT = 20;
    private static final int TOP = 22;
    private static final int BOTTOM = 36;
    private static final int MAX_X_LABELS = 8;
    private static final int MAX_VALUE_LABELS = 14;

    record Point(String x, String y, String labelY, String value, String tooltip, boolean labelled) {
    }

    record GridLine(String y, String labelY, String label) {
    }

    record XLabel(String x, String label) {
    }

    record View(int width, int height, String plotLeft, String plotRight, String baseline, String line, String area,
                List<Point> points, List<GridLine> grid, List<XLabel> xLabels, boolean empty) {
    }

    private TrendChart() {
    }

    /** {@code tooltip} receives date, formatted score and interaction count. */
    static View layout(List<TrendPoint> trend, Locale locale, TooltipFormat tooltip) {
        List<TrendPoint> sorted = new ArrayList<>(trend);
        sorted.sort(Comparator.comparing(TrendPoint::night));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double bottom = TOP + plotH;
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
        List<Point> points = new ArrayList<>();
        List<XLabel> labels = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = sorted.size();
        for (int i = 0; i < n; i++) {
            TrendPoint p = sorted.get(i);
            double x = n == 1 ? LEFT + plotW / 2 : LEFT + i * plotW / (n - 1);
            double score = Math.max(0, Math.min(100, p.meanScore()));
            double y = TOP + (100 - score) / 100 * plotH;
            String value = String.format(locale, "%.1f", p.meanScore());
            points.add(new Point(num(x), num(y), num(y - 9), value,
                    tooltip.format(day.format(p.night()), value, p.interactions()), n <= MAX_VALUE_LABELS));
            line.append(i == 0 ? "" : " ").append(num(x)).append(',').append(num(y));
        }
        for (int i : labelledIndexes(n)) {
            labels.add(new XLabel(points.get(i).x(), day.format(sorted.get(i).night())));
        }
        String area = "";
        if (n > 1) {
            area = "M" + points.get(0).x() + "," + num(bottom) + " L" + line.toString().replace(" ", " L")
                    + " L" + points.get(n - 1).x() + "," + num(bottom) + " Z";
        }
        List<GridLine> grid = new ArrayList<>();
        for (int v = 0; v <= 100; v += 25) {
            double y = TOP + (100 - v) / 100.0 * plotH;
            grid.add(new GridLine(num(y), num(y + 4), Integer.toString(v)));
        }
        return new View(WIDTH, HEIGHT, num(LEFT), num(WIDTH - RIGHT), num(bottom), line.toString(), area, points,
                grid, labels, n == 0);
    }

    /** Every {@code step}-th index and the last one, dropping a neighbour too close to the last. */
    static List<Integer> labelledIndexes(int n) {
        List<Integer> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        int step = Math.max(1, (int) Math.ceil(n / (double) MAX_X_LABELS));
        for (int i = 0; i < n; i += step) {
            out.add(i);
        }
        int last = out.get(out.size() - 1);
        if (last != n - 1) {
            if (n - 1 - last <= step / 2.0 && out.size() > 1) {
                out.remove(out.size() - 1);
            }
            out.add(n - 1);
        }
        return out;
    }

    /** Formats a point's tooltip from its date, value and interaction count. */
    interface TooltipFormat {
        String format(String date, String value, int interactions);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
