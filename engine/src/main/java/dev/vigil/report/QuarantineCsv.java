package dev.vigil.report;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVPrinter;

/** Writes {@code quarantine.csv}: a header and one row per rejected input, columns {@code file,stage,reason}. */
public final class QuarantineCsv {
    static final String[] HEADER = {"file", "stage", "reason"};

    private QuarantineCsv() {
    }

    /**
     * Writes the header and the entries in the order given. The writer is flushed, not closed; the caller chooses
     * its encoding (UTF-8 in Vigil's outputs).
     */
    public static void write(Writer out, Iterable<QuarantineEntry> entries) throws IOException {
        CSVPrinter printer = ScorecardsCsv.FORMAT.builder().setHeader(HEADER).build().print(out);
        for (QuarantineEntry e : entries) {
            printer.printRecord(e.file(), e.stage(), e.reason());
        }
        printer.flush();
    }
}
