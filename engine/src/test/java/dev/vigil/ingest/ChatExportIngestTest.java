package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.model.Channel;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/** Chat JSON and the plain-text, HTML and CSV chat exports. */
class ChatExportIngestTest {
    @TempDir
    Path root;

    private Interaction read(InboxFixture inbox, String name) throws RejectedInputException {
        return inbox.ingestor().read(inbox.path(name));
    }

    @Test
    void readsChatJsonAsTheContractDescribesIt() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("chats/day1/c.json", """
                \uFEFF{
                  "id": "chat-2026-11-21-0001",
                  "channel": "chat",
                  "started_at": "2026-11-21T09:12:00Z",
                  "language": "ru",
                  "agent": {"id": "a.ivanova"},
                  "customer": {"id": "cust-1042", "name": "Пётр"},
                  "messages": [
                    {"at": "2026-11-21T09:12:03Z", "from": "agent", "text": "Здравствуйте! Меня зовут Анна, компания «Связь-Плюс». Чем могу помочь?"},
                    {"at": "2026-11-21T09:12:40Z", "from": "customer", "text": "Hi, у меня не работает интернет"},
                    {"at": "2026-11-21T09:13:10Z", "from": "agent", "text": "ok"}
                  ],
                  "csat": 4,
                  "extra_field_from_a_newer_exporter": true
                }
                """);

        Interaction chat = read(inbox, "chats/day1/c.json");

        assertThat(chat.id()).isEqualTo("chat-2026-11-21-0001");
        assertThat(chat.channel()).isEqualTo(Channel.CHAT);
        assertThat(chat.language()).isEqualTo(Language.RU);
        assertThat(chat.agent().id()).isEqualTo("a.ivanova");
        assertThat(chat.agent().name()).contains("Анна Иванова"); // from the roster: the file has none
        assertThat(chat.customer()).hasValueSatisfying(c -> {
            assertThat(c.id()).isEqualTo("cust-1042");
            assertThat(c.name()).contains("Пётр");
        });
        assertThat(chat.startedAt()).isEqualTo(Instant.parse("2026-11-21T09:12:00Z"));
        assertThat(chat.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(chat.turns().get(1).time()).isEqualTo(TimeSpan.ofMillis(40_000, 40_000));
        assertThat(chat.turns()).extracting(Turn::language).containsExactly(Language.RU, Language.RU, Language.EN);
        assertThat(chat.duration()).isEqualTo(Duration.ofSeconds(70));
        assertThat(chat.csat()).isEqualTo(OptionalInt.of(4));
        assertThat(chat.source()).isEqualTo(java.nio.file.Path.of("chats/day1/c.json")); // relative to the inbox
    }

    @Test
    void detectsTheLanguageAndTakesCsatFromSurveysWhenTheChatHasNeither() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root)
                .file("surveys.csv", "interaction_id,csat,nps,ces\nen-7,2,3,6\n")
                .file("chats/en-7.json", """
                        {"agent": {"id": "j.carter", "name": "Johnny"},
                         "messages": [
                           {"at": "2026-11-21T10:00:05+01:00", "from": "customer", "text": "Добрый день"},
                           {"at": "2026-11-21T10:00:20+01:00", "from": "agent", "text": "Good morning, Northwind Telecom, John speaking, how can I help?"},
                           {"at": "2026-11-21T10:01:00+01:00", "from": "customer", "text": "My router keeps dropping the connection every evening."}]}
                        """);

        Interaction chat = read(inbox, "chats/en-7.json");

        assertThat(chat.id()).isEqualTo("en-7");
        assertThat(chat.language()).isEqualTo(Language.EN);
        assertThat(chat.turns().get(0).language()).isEqualTo(Language.RU);
        assertThat(chat.agent().name()).contains("Johnny");
        assertThat(chat.startedAt()).isEqualTo(Instant.parse("2026-11-21T09:00:05Z"));
        assertThat(chat.csat()).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void readsAPlainTextExportWithContinuationLinesInTheInboxTimeZone() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("vigil.yaml", "timezone: Europe/London\n")
                .file("chats/en-text-1.txt", """
                        Chat transcript, exported 2026-11-21
                        [2026-11-21 10:15:04] Agent John Carter: Good morning, Northwind Telecom, John speaking.
                        How can I help?
                        [2026-11-21 10:15:30] Customer Mary Smith: Hi, my bill is wrong.
                        [2026-11-21 10:16:02] operator John Carter: Let me check that for you.

                        [2026-11-21 10:17:45] CLIENT Mary Smith: Thanks
                        """);

        Interaction chat = read(inbox, "chats/en-text-1.txt");

        assertThat(chat.id()).isEqualTo("en-text-1");
        assertThat(chat.agent().id()).isEqualTo("j.carter");
        assertThat(chat.customer()).hasValueSatisfying(c -> assertThat(c.name()).contains("Mary Smith"));
        assertThat(chat.startedAt()).isEqualTo(Instant.parse("2026-11-21T10:15:04Z"));
        assertThat(chat.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(chat.turns().get(0).text())
                .isEqualTo("Good morning, Northwind Telecom, John speaking.\nHow can I help?");
        assertThat(chat.turns().get(2).text()).isEqualTo("Let me check that for you.");
        assertThat(chat.duration()).isEqualTo(Duration.ofSeconds(161));
        assertThat(chat.language()).isEqualTo(Language.EN);
    }

    @Test
    void acceptsAWindows1251TextExportInRussianAndResolvesTheAgentByFirstName() throws RejectedInputException {
        String text = """
                [2026-11-21 09:00:01] Оператор Анна: Добрый день! Компания «Связь-Плюс», меня зовут Анна. Чем могу помочь?
                [2026-11-21 09:00:40] Клиент Пётр Сидоров: Здравствуйте, у меня третий день не работает домашний интернет.
                [2026-11-21 09:01:10] Оператор Анна: Сейчас проверю вашу линию, минутку.
                [2026-11-21 09:03:00] Покупатель Пётр Сидоров: Спасибо!
                """;
        var inbox = InboxFixture.withRoster(root).file("vigil.yaml", "timezone: Europe/Moscow\n")
                .file("chats/ru-1251.txt", text, Charset.forName("windows-1251"));

        Interaction chat = read(inbox, "chats/ru-1251.txt");

        assertThat(chat.agent().id()).isEqualTo("a.ivanova");
        assertThat(chat.agent().name()).contains("Анна Иванова");
        assertThat(chat.turns().get(1).text()).isEqualTo("Здравствуйте, у меня третий день не работает домашний интернет.");
        assertThat(chat.turns().get(3).text()).isEqualTo("Спасибо!");
        assertThat(chat.turns()).allSatisfy(t -> assertThat(t.language()).isEqualTo(Language.RU));
        assertThat(chat.startedAt()).isEqualTo(Instant.parse("2026-11-21T06:00:01Z"));
    }

    @Test
    void acceptsAKoi8rTextExport() throws RejectedInputException {
        String text = """
                [2026-11-21 09:00:01] Сотрудник Анна Иванова: Здравствуйте! Меня зовут Анна, чем могу помочь вам сегодня?
                [2026-11-21 09:00:40] Клиент Ольга: Добрый день, хочу узнать остаток по моему тарифу и подключить пакет минут.
                """;
        var inbox = InboxFixture.withRoster(root).file("chats/ru-koi8.txt", text, Charset.forName("KOI8-R"));

        Interaction chat = read(inbox, "chats/ru-koi8.txt");

        assertThat(chat.turns().get(1).text()).startsWith("Добрый день, хочу узнать остаток");
    }

    @Test
    void rejectsATextExportWhoseAgentNameIsNotInTheRoster() {
        var inbox = InboxFixture.withRoster(root).file("chats/t.txt",
                "[2026-11-21 10:15:04] Agent Zed Zulu: Hello\n[2026-11-21 10:15:30] Customer Mary: Hi\n");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> read(inbox, "chats/t.txt"));

        assertThat(e.stage()).isEqualTo("ingest");
        assertThat(e.reason()).isEqualTo("unknown agent 'Zed Zulu' (no agent of that name in agents.csv)");
    }

    @Test
    void readsAnHtmlExportWithAgentIdMeta() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("chats/h.html", """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8">
                <meta name="vigil:id" content="chat-html-9"><meta name="vigil:agent-id" content="m.brown">
                <title>Chat</title></head>
                <body>
                <div class="message agent"><time datetime="2026-11-21T12:00:00Z">12:00</time>
                  <span class="author">Mike</span><p class="text">Hello, Northwind Telecom, Mike speaking.<br>How can I help?</p></div>
                <div class="message customer"><time datetime="2026-11-21T12:00:20Z">12:00</time>
                  <span class="author">Dana White</span><p class="text">Hi, I&#39;d like to cancel my contract.</p></div>
                </body></html>
                """);

        Interaction chat = read(inbox, "chats/h.html");

        assertThat(chat.id()).isEqualTo("chat-html-9");
        assertThat(chat.agent().id()).isEqualTo("m.brown");
        assertThat(chat.agent().name()).contains("Mike");
        assertThat(chat.customer()).hasValueSatisfying(c -> assertThat(c.name()).contains("Dana White"));
        assertThat(chat.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(chat.turns().get(0).text()).isEqualTo("Hello, Northwind Telecom, Mike speaking.\nHow can I help?");
        assertThat(chat.turns().get(1).text()).isEqualTo("Hi, I'd like to cancel my contract.");
        assertThat(chat.duration()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void resolvesTheHtmlAuthorThroughTheRosterWithoutMeta() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("chats/ru-html.htm", """
                <html><body>
                <div class="message customer"><time datetime="2026-11-21T08:00:00Z"></time><b class="author">Ольга</b>
                  <div class="text">Добрый день</div></div>
                <div class="message agent"><time datetime="2026-11-21T08:00:30Z"></time><b class="author">Анна Иванова</b>
                  <div class="text">Здравствуйте, Ольга! Чем могу помочь?</div></div>
                </body></html>
                """);

        Interaction chat = read(inbox, "chats/ru-html.htm");

        assertThat(chat.id()).isEqualTo("ru-html");
        assertThat(chat.agent().id()).isEqualTo("a.ivanova");
        assertThat(chat.language()).isEqualTo(Language.RU);
        assertThat(chat.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT);
    }

    @Test
    void readsACsvExportWithOptionalIdColumns() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("chats/export.csv", """
                timestamp,speaker,name,text,agent_id,interaction_id
                2026-11-21 14:00:00,agent,John,"Good afternoon, Northwind Telecom, John speaking.",j.carter,csv-42
                2026-11-21 14:00:25,customer,Sam Lee,"My phone shows ""no service"", since this morning",,csv-42
                2026-11-21 14:01:00,Agent,John,"Let me check,
                one moment please.",j.carter,csv-42
                """);

        Interaction chat = read(inbox, "chats/export.csv");

        assertThat(chat.id()).isEqualTo("csv-42");
        assertThat(chat.agent().id()).isEqualTo("j.carter");
        assertThat(chat.agent().name()).contains("John");
        assertThat(chat.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(chat.turns().get(1).text()).isEqualTo("My phone shows \"no service\", since this morning");
        assertThat(chat.turns().get(2).text()).isEqualTo("Let me check,\none moment please.");
        assertThat(chat.duration()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsAMinimalCsvExportResolvingTheAgentByName() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("chats/min.csv", """
                timestamp,speaker,name,text
                2026-11-21T14:00:00Z,customer,Sam,Hi
                2026-11-21T14:00:09Z,agent,mike brown,Hello Sam
                """);

        Interaction chat = read(inbox, "chats/min.csv");

        assertThat(chat.id()).isEqualTo("min");
        assertThat(chat.agent().id()).isEqualTo("m.brown");
    }

    @Test
    void rejectsACsvExportWithAnUnknownSpeaker() {
        var inbox = InboxFixture.withRoster(root).file("chats/bad.csv", """
                timestamp,speaker,name,text
                2026-11-21T14:00:00Z,agent,John Carter,Hello
                2026-11-21T14:00:09Z,bot,Helper,Beep
                """);

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> read(inbox, "chats/bad.csv"));

        assertThat(e.reason()).isEqualTo("row 3: speaker 'bot' is not agent or customer");
    }

    @Test
    void rejectsACsvExportWithoutTheRequiredHeader() {
        var inbox = InboxFixture.withRoster(root).file("chats/bad.csv", "when,who,what\n2026-11-21,agent,Hi\n");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> read(inbox, "chats/bad.csv"));

        assertThat(e.reason()).startsWith("CSV header lacks column(s) [name, speaker, text, timestamp]");
    }
}
