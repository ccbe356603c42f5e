package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvWritersTest {

    @Test
    void scorecardsCsvHasTheContractColumnsAndFixedDecimalsWhateverTheDefaultLocale() throws Exception {
        // given
        AgentScorecard card = new AgentScorecard("j.carter", "John Carter", "Billing", "2026-11-21", 12, 8, 3, 1,
                81.23456, 74.5, 88.0, 0.8333333, 1, 2, 3, OptionalDouble.of(4.25), List.of("closing", "empathy"),
                Map.of(), 2);
        Locale before = Locale.getDefault();
        StringWriter out = new StringWriter();

        // when
        try {
            Locale.setDefault(Locale.forLanguageTag("ru"));
            ScorecardsCsv.write(out, List.of(card));
        } finally {
            Locale.setDefault(before);
        }

        // then
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("agent_id,agent_name,team,period,interactions,chats,emails,calls,mean_score,"
                + "ci_low,ci_high,pass_rate,auto_fails,complaints,escalations,mean_csat,weakest_items,needs_review");
        assertThat(lines[1]).isEqualTo(
                "j.carter,John Carter,Billing,2026-11-21,12,8,3,1,81.23,74.50,88.00,0.833,1,2,3,4.25,closing;empathy,2");
        assertThat(lines).hasSize(2);
    }

    @Test
    void scorecardsCsvQuotesCommasQuotesAndKeepsCyrillic() throws Exception {
        // given
        AgentScorecard tricky = new AgentScorecard("a.ivanova", "Иванова, Анна \"Аня\"", "Поддержка", "2026-11-21",
                1, 1, 0, 0, 50, 50, 50, 0, 0, 0, 0, OptionalDouble.empty(), List.of(), Map.of(), 0);
        StringWriter out = new StringWriter();

        // when
        ScorecardsCsv.write(out, List.of(tricky));

        // then
        assertThat(out.toString()).contains("\"Иванова, Анна \"\"Аня\"\"\"");
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(1).get(1)).isEqualTo("Иванова, Анна \"Аня\"");
        assertThat(rows.get(1).get(2)).isEqualTo("Поддержка");
        assertThat(rows.get(1).get(15)).as("mean_csat without answers").isEmpty();
        assertThat(rows.get(1).get(16)).as("weakest_items").isEmpty();
        assertThat(rows.get(1).get(17)).as("needs_review").isEqualTo("0");
        assertThat(rows.get(1).size()).isEqualTo(18);
    }

    @Test
    void quarantineCsvHasFileStageReasonAndQuotesWhereNeeded() throws Exception {
        // given
        List<QuarantineEntry> entries = List.of(
                new QuarantineEntry("chats/broken.json", "ingest", "invalid JSON: unexpected end, line 3"),
                new QuarantineEntry("emails/письмо.eml", "ingest", "no \"From\" header"));
        StringWriter out = new StringWriter();

        // when
        QuarantineCsv.write(out, entries);

        // then
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).values()).containsExactly("file", "stage", "reason");
        assertThat(rows.get(1).values()).containsExactly("chats/broken.json", "ingest",
                "invalid JSON: unexpected end, line 3");
        assertThat(rows.get(2).values()).containsExactly("emails/письмо.eml", "ingest", "no \"From\" header");
        assertThat(out.toString()).startsWith("file,stage,reason\nchats/broken.json,ingest,\"invalid JSON:");
    }

    @Test
    void emptyQuarantineHasOnlyTheHeader() throws Exception {
        StringWriter out = new StringWriter();

        QuarantineCsv.write(out, List.of());

        assertThat(out.toString()).isEqualTo("file,stage,reason\n");
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
