package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Personal data never leaves the ingestor: a corpus of synthetic card numbers, phones, e-mail addresses, passport,
 * СНИЛС and ИНН numbers, generated here from a seed (nothing real-looking is kept in the repository), goes through
 * the whole nightly job in chats of every format, an e-mail, numbers read out as words and malformed files; then no
 * output file, no database row (Spring Batch's tables included) and no log line holds any of the values, raw or as
 * bare digits, while the evaluations report that personal data was present.
 */
@SpringBootTest(classes = VigilBatchApplication.class, properties = {"vigil.threads=2", "vigil.chunk-size=3",
        "logging.level.dev.vigil=DEBUG", "logging.level.org.springframework.batch=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] EN_DIGITS = {"oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    static final String[] RU_DIGITS = {"ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь",
            "девять"};

    @TempDir
    static Path dataDir;

    @TempDir
    Path work;

    @Autowired
    NightlyRunner runner;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("vigil.data-dir", () -> dataDir.toString());
    }

    /** The values planted in the inbox, each as written there. */
    final Map<String, String> planted = new LinkedHashMap<>();
    final Random random = new Random(20261121);

    @Test
    void noPlantedValueReachesAnyOutputFileDatabaseRowOrLogLine(CapturedOutput log) throws Exception {
        Path inbox = work.resolve("inbox");
        Path out = work.resolve("out");
        writeInbox(inbox);

        var result = runner.run(new NightlyParameters(inbox, LocalDate.of(2026, 11, 21), out, ""));

        assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(log.getAll()).as("the job's logging is captured").contains("scan: ");
        // the interactions were evaluated and the malformed files quarantined: the search below covers both paths
        List<JsonNode> evaluations = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("evaluations.jsonl"))) {
            evaluations.add(JSON.readTree(line));
        }
        String quarantine = Files.readString(out.resolve("quarantine.csv"));
        assertThat(evaluations).as(quarantine).hasSize(7);
        assertThat(quarantine)
                .contains("bad-from.json").contains("bad-csat.json").contains("bad-token.json");

        // personal data was reported, by placeholder only
        var piiRules = new TreeSet<String>();
        for (JsonNode e : evaluations) {
            for (JsonNode f : e.path("findings")) {
                if (f.path("category").asText().equals("pii")) {
                    assertThat(f.path("signal").asText()).isEqualTo("detector");
                    assertThat(f.path("text").asText()).matches("\\[(card|phone|email|passport|snils|inn)]");
                    piiRules.add(f.path("rule").asText());
                }
            }
        }
        assertThat(piiRules).containsExactly("pii.card", "pii.email", "pii.inn", "pii.passport", "pii.phone",
                "pii.snils");
        JsonNode spoken = evaluations.stream().filter(e -> e.path("interaction_id").asText().equals("spoken"))
                .findFirst().orElseThrow();
        assertThat(spoken.path("findings").findValuesAsText("rule")).contains("pii.card", "pii.phone");

        // nothing anywhere holds a value
        Map<String, String> haystacks = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                haystacks.put("output " + out.relativize(f), Files.readString(f, StandardCharsets.ISO_8859_1)
                        + "\n" + Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        haystacks.putAll(databaseRows());
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                haystacks.put("database file " + dataDir.relativize(f),
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                                + new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        haystacks.put("log", log.getAll());
        assertThat(haystacks.keySet()).anyMatch(k -> k.startsWith("table BATCH_STEP_EXECUTION_CONTEXT"))
                .anyMatch(k -> k.startsWith("table VIGIL_ITEM")).anyMatch(k -> k.startsWith("output transcripts/"))
                .anyMatch(k -> k.startsWith("output reports/interactions/"));

        var leaks = new ArrayList<String>();
        for (var value : planted.entrySet()) {
            for (String form : forms(value.getValue())) {
                for (var h : haystacks.entrySet()) {
                    if (h.getValue().contains(form)) {
                        leaks.add(value.getKey() + " '" + form + "' in " + h.getKey());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** The value as written, lower-cased, and as bare digits when it has enough of them to be recognisable. */
    static Set<String> forms(String value) {
        var forms = new LinkedHashSet<String>();
        forms.add(value);
        forms.add(value.toLowerCase(java.util.Locale.ROOT));
        String digits = value.replaceAll("\\D", "");
        if (digits.length() >= 7) {
            forms.add(digits);
        }
        return forms;
    }

    /**
     * Every row of every table, Vigil's and Spring Batch's, as text; serialized execution contexts are also decoded
     * from Base64 so that Java-serialised strings inside them are searched too.
     */
    Map<String, String> databaseRows() {
        var jdbc = new JdbcTemplate(dataSource);
        var rows = new LinkedHashMap<String, String>();
        List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", String.class);
        assertThat(tables).contains("VIGIL_ITEM", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION_CONTEXT");
        for (String table : tables) {
            var text = new StringBuilder();
            jdbc.query("SELECT * FROM " + table, rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    String v = rs.getString(c);
                    if (v == null) {
                        continue;
                    }
                    text.append(v).append('\t');
                    if (rs.getMetaData().getColumnName(c).endsWith("CONTEXT")) {
                        try {
                            byte[] decoded = Base64.getDecoder().decode(v.strip());
                            text.append(new String(decoded, StandardCharsets.ISO_8859_1)).append('\t');
                        } catch (IllegalArgumentException notBase64) {
                            // stored as plain text: already searched
                        }
                    }
                }
                text.append('\n');
            });
            rows.put("table " + table, text.toString());
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The synthetic corpus

    void writeInbox(Path inbox) throws Exception {
        Files.createDirectories(inbox.resolve("chats"));
        Files.createDirectories(inbox.resolve("emails"));
        Files.writeString(inbox.resolve("vigil.yaml"), "company:\n  name: Northwind Telecom\nlanguage: en\n");
        Files.writeString(inbox.resolve("agents.csv"), """
                agent_id,name,email,team,language
                j.carter,John Carter,john.carter@northwind.example,Billing,en
                a.ivanova,Анна Иванова,anna.ivanova@northwind.example,Billing,ru
                """);

        String visa = plant("visa", blocks(card("4", 16), " ", 4, 4, 4, 4));
        String master = plant("mastercard", blocks(card("5", 16), "-", 4, 4, 4, 4));
        String mir = plant("mir", card("2200", 16));
        String amex = plant("amex", blocks(card("37", 15), " ", 4, 6, 5));
        String ruPhone = plant("ru phone", "+7 (9" + digits(2) + ") " + digits(3) + "-" + digits(2) + "-" + digits(2));
        String ruPhone8 = plant("ru phone 8", "8 9" + digits(2) + " " + digits(3) + " " + digits(2) + " " + digits(2));
        String usPhone = plant("us phone", "(" + (2 + random.nextInt(8)) + digits(2) + ") " + (2 + random.nextInt(8))
                + digits(2) + "-" + digits(4));
        String email = plant("email", "cust" + digits(5) + ".name@mail.example");
        String ruEmail = plant("ru email", "klient" + digits(4) + "@pochta.example");
        String sender = plant("sender", "sender" + digits(5) + "@home.example");
        String passport = plant("passport", digits(2) + " " + digits(2) + " " + digits(6));
        String passportWords = digits(4);
        String passportNumber = digits(6);
        plant("passport in words", passportWords + " номер " + passportNumber);
        String snilsDigits = snils();
        String snils = plant("snils", snilsDigits.substring(0, 3) + "-" + snilsDigits.substring(3, 6) + "-"
                + snilsDigits.substring(6, 9) + " " + snilsDigits.substring(9));
        String inn10 = plant("inn 10", inn(10));
        String inn12 = plant("inn 12", inn(12));
        String spokenCard = card("4", 16);
        plant("spoken card", spokenCard);
        String spokenCardWords = plant("spoken card words", spell(spokenCard, EN_DIGITS));
        String spokenPhone = "89" + digits(9);
        plant("spoken phone", spokenPhone);
        String spokenPhoneWords = plant("spoken phone words", spell(spokenPhone, RU_DIGITS));
        String badFrom = plant("bad from", card("5", 16));
        String badCsat = plant("bad csat", "+7 9" + digits(2) + " " + digits(3) + " " + digits(2) + " " + digits(2));
        String badToken = plant("bad token", card("4", 16));

        chat(inbox.resolve("chats/en-json.json"), "en-json", "j.carter", email,
                "customer", "Hi, my card is " + visa + " and it was charged twice",
                "agent", "I can see it. Is your phone still " + usPhone + "?",
                "customer", "Yes. Also the Amex " + amex + " and please mail " + email);
        chat(inbox.resolve("chats/ru-json.json"), "ru-json", "a.ivanova", ruPhone,
                "customer", "Здравствуйте, карта " + master + ", телефон " + ruPhone,
                "agent", "Назовите, пожалуйста, паспорт и СНИЛС",
                "customer", "Паспорт " + passport + ", СНИЛС " + snils + ", ИНН " + inn10 + ", почта " + ruEmail);
        Files.writeString(inbox.resolve("chats/ru-export.csv"), """
                timestamp,speaker,name,text
                2026-11-21T11:00:00Z,customer,Ольга,"Мой ИНН %s, карта %s"
                2026-11-21T11:00:20Z,agent,Анна Иванова,"Спасибо, серия %s номер %s записана"
                """.formatted(inn12, mir, passportWords, passportNumber));
        Files.writeString(inbox.resolve("chats/en-export.html"), """
                <html><head><meta charset="utf-8"><meta name="vigil:agent-id" content="j.carter"></head><body>
                <div class="message customer"><time datetime="2026-11-21T12:00:00Z"></time>
                  <span class="author">Dana</span><p class="text">Call me back on %s please</p></div>
                <div class="message agent"><time datetime="2026-11-21T12:00:40Z"></time>
                  <span class="author">John</span><p class="text">Sure, Northwind Telecom will call you.</p></div>
                </body></html>
                """.formatted(ruPhone8));
        Files.writeString(inbox.resolve("chats/en-text.txt"), """
                [2026-11-21 13:00:00] Agent John Carter: Hello, how can I help?
                [2026-11-21 13:00:30] Customer Sam Lee: card %s, phone %s
                """.formatted(visa, usPhone));
        chat(inbox.resolve("chats/spoken.json"), "spoken", "j.carter", "cust-1",
                "agent", "Please read me the card number",
                "customer", "Sure, it's " + spokenCardWords + ", thanks",
                "agent", "И телефон?",
                "customer", "Записывайте: " + spokenPhoneWords);
        Files.writeString(inbox.resolve("emails/en-mail.eml"), ("""
                From: Pat Jones <%s>
                To: John Carter <john.carter@northwind.example>
                Subject: Refund
                Date: Sat, 21 Nov 2026 09:00:00 +0000
                Content-Type: text/plain; charset=utf-8

                Hello John,

                please refund to %s. My phone is %s, my e-mail %s.

                Pat

                On Fri, 20 Nov 2026 at 16:05, John Carter <john.carter@northwind.example> wrote:
                > Dear customer, please send us your card number.
                """.formatted(sender, master, ruPhone, sender)).replace("\n", "\r\n"));

        // malformed files whose rejection could quote a value
        Files.writeString(inbox.resolve("chats/bad-from.json"), "{\"agent\": {\"id\": \"j.carter\"}, \"messages\": "
                + "[{\"at\": \"2026-11-21T10:00:00Z\", \"from\": \"" + badFrom + "\", \"text\": \"hi\"}]}");
        Files.writeString(inbox.resolve("chats/bad-csat.json"), "{\"agent\": {\"id\": \"j.carter\"}, \"csat\": \""
                + badCsat + "\", \"messages\": [{\"at\": \"2026-11-21T10:00:00Z\", \"from\": \"customer\", "
                + "\"text\": \"hi\"}]}");
        Files.writeString(inbox.resolve("chats/bad-token.json"), "{\"agent\": {\"id\": \"j.carter\"}, \"messages\": "
                + "[{\"at\": \"2026-11-21T10:00:00Z\", \"from\": \"customer\", \"text\": x" + badToken + "y}]}");
    }

    private String plant(String name, String value) {
        planted.put(name, value);
        return value;
    }

    private static void chat(Path file, String id, String agent, String customer, String... turns) throws Exception {
        ObjectNode chat = JSON.createObjectNode();
        chat.put("id", id);
        chat.putObject("agent").put("id", agent);
        chat.putObject("customer").put("id", customer);
        ArrayNode messages = chat.putArray("messages");
        for (int i = 0; i < turns.length; i += 2) {
            messages.addObject().put("at", "2026-11-21T10:0" + (i / 2) + ":00Z").put("from", turns[i])
                    .put("text", turns[i + 1]);
        }
        Files.writeString(file, JSON.writeValueAsString(chat));
    }

    String digits(int n) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    /** A Luhn-valid number of {@code length} digits starting with {@code prefix}. */
    String card(String prefix, int length) {
        String body = prefix + digits(length - 1 - prefix.length());
        for (int d = 0; d < 10; d++) {
            if (luhn(body + d)) {
                return body + d;
            }
        }
        throw new AssertionError("no check digit");
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    /** 11 digits whose last two are the СНИЛС check number of the first nine. */
    String snils() {
        String body = digits(9);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (9 - i);
        }
        int check = sum % 101 == 100 ? 0 : sum % 101;
        return body + String.format("%02d", check);
    }

    /** An ИНН of 10 or 12 digits with its check digits. */
    String inn(int length) {
        int[] w10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int[] w11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        int[] w12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        String body = digits(length == 10 ? 9 : 10);
        if (length == 10) {
            return body + check(body, w10);
        }
        String eleven = body + check(body, w11);
        return eleven + check(eleven, w12);
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }

    static String blocks(String digits, String sep, int... sizes) {
        var b = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            b.append(at > 0 ? sep : "").append(digits, at, at + size);
            at += size;
        }
        return b.toString();
    }

    static String spell(String digits, String[] names) {
        var b = new StringBuilder();
        for (char c : digits.toCharArray()) {
            b.append(b.length() > 0 ? " " : "").append(names[c - '0']);
        }
        return b.toString();
    }
}
