package dev.vigil.batch;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the night's progress on the terminal: a progress bar while files are analysed when a console is attached,
 * otherwise a line every 10 %. Thread-safe.
 */
public class ProgressReporter {
    private final PrintStream out;
    private final boolean interactive;
    private ProgressBar bar;
    private long total;
    private long done;
    private long nextLine;

    public ProgressReporter(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** A reporter that prints nothing, for tests and benchmarks. */
    public static ProgressReporter silent() {
        return new ProgressReporter(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    public synchronized void scanned(int files, int toAnalyse) {
        out.printf("Scanned %d files: %d to analyse, %d already evaluated on earlier nights%n", files, toAnalyse,
                Math.max(0, files - toAnalyse));
        total = toAnalyse;
        done = 0;
        nextLine = Math.max(1, total / 10);
        if (interactive && toAnalyse > 0) {
            bar = new ProgressBarBuilder().setTaskName("Analysing").setInitialMax(toAnalyse)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                    .setUnit(" files", 1).showSpeed().build();
        }
    }

    public synchronized void analysed(int n) {
        done += n;
        if (bar != null) {
            bar.stepBy(n);
        } else if (done >= nextLine || done == total) {
            out.printf("Analysed %d/%d%n", done, total);
            nextLine = done + Math.max(1, total / 10);
        }
    }

    public synchronized void stage(String message) {
        finishBar();
        out.println(message);
    }

    public synchronized void finishBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
