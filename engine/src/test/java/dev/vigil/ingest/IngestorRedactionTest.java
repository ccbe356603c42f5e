package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.config.InboxLoader;
import dev.vigil.model.Channel;
import dev.vigil.model.Interaction;
import dev.vigil.model.Person;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader's conversation is redacted by the ingestor before anyone sees it. */
class IngestorRedactionTest {
    /** A phone number of the fictional 555-01xx range and synthetic addresses; cards are made at test time. */
    static final String PHONE = "+1 (415) 555-0142";
    static final String EMAIL = "pat.jones@mail.example";

    @TempDir
    Path root;

    /** A Luhn-valid 16-digit number made from a fixed prefix, so that no real-looking number is in the source. */
    static String card() {
        String body = "4" + "2".repeat(14);
        for (int d = 0; d < 10; d++) {
            if (luhn(body + d)) {
                return body + d;
            }
        }
        throw new AssertionError();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    static String spaced(String card) {
        return card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
                + card.substring(12);
    }

    @Test
    void chatJsonTextsHoldPlaceholdersInsteadOfTheValues() throws RejectedInputException {
        String card = spaced(card());
        var inbox = InboxFixture.withRoster(root).file("chats/c.json", """
                {"agent": {"id": "j.carter"}, "customer": {"id": "%s", "name": "Pat"},
                 "messages": [
                  {"at": "2026-11-21T10:00:00Z", "from": "customer", "text": "My card is %s, call %s"},
                  {"at": "2026-11-21T10:00:30Z", "from": "agent", "text": "Thanks, I will write to %s"}]}
                """.formatted(PHONE, card, PHONE, EMAIL));

        Interaction chat = inbox.ingestor().read(inbox.path("chats/c.json"));

        assertThat(chat.turns()).extracting(Turn::text)
                .containsExactly("My card is [card], call [phone]", "Thanks, I will write to [email]");
        assertThat(chat.customer()).hasValueSatisfying(c -> {
            assertThat(c.id()).matches("customer-[0-9a-f]{12}");
            assertThat(c.name()).contains("Pat");
        });
    }

    @Test
    void csvHtmlAndTextExportsAreRedactedAlike() throws RejectedInputException {
        String card = card();
        var inbox = InboxFixture.withRoster(root)
                .file("chats/e.csv", """
                        timestamp,speaker,name,text
                        2026-11-21T14:00:00Z,customer,Sam,"card %s"
                        2026-11-21T14:00:09Z,agent,mike brown,Hello Sam
                        """.formatted(card))
                .file("chats/h.html", """
                        <html><head><meta name="vigil:agent-id" content="m.brown"></head><body>
                        <div class="message customer"><time datetime="2026-11-21T12:00:20Z"></time>
                          <span class="author">Dana</span><p class="text">mail me at %s</p></div>
                        <div class="message agent"><time datetime="2026-11-21T12:00:40Z"></time>
                          <span class="author">Mike</span><p class="text">Sure</p></div></body></html>
                        """.formatted(EMAIL))
                .file("chats/t.txt", """
                        [2026-11-21 10:15:04] Agent John Carter: Your number?
                        [2026-11-21 10:15:30] Customer Mary Smith: %s
                        """.formatted(PHONE));

        assertThat(inbox.ingestor().read(inbox.path("chats/e.csv")).turns().get(0).text()).isEqualTo("card [card]");
        assertThat(inbox.ingestor().read(inbox.path("chats/h.html")).turns().get(0).text())
                .isEqualTo("mail me at [email]");
        assertThat(inbox.ingestor().read(inbox.path("chats/t.txt")).turns().get(1).text()).isEqualTo("[phone]");
    }

    @Test
    void anEmailLosesItsAddressesInTextAndCustomer() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("emails/m.eml", ("""
                From: Pat Jones <%s>
                To: John Carter <john.carter@northwind.example>
                Subject: Card
                Date: Sat, 21 Nov 2026 11:00:00 +0000
                Content-Type: text/plain; charset=utf-8

                Hello, please charge %s and call %s.
                """.formatted(EMAIL, spaced(card()), PHONE)).replace("\n", "\r\n"));

        Interaction mail = inbox.ingestor().read(inbox.path("emails/m.eml"));

        assertThat(mail.turns().get(0).text()).isEqualTo("Hello, please charge [card] and call [phone].");
        assertThat(mail.customer()).map(Person::id).hasValueSatisfying(id -> assertThat(id).doesNotContain("@"));
    }

    @Test
    void aRejectionNeverQuotesPersonalData() {
        String card = card();
        var inbox = InboxFixture.withRoster(root).file("chats/bad.json",
                "{\"agent\": {\"id\": \"j.carter\"}, \"messages\": [{\"at\": \"2026-11-21T10:00:00Z\", "
                        + "\"from\": \"" + card + "\", \"text\": \"hi\"}]}");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> inbox.ingestor().read(inbox.path("chats/bad.json")));

        assertThat(e.reason()).contains("[card]").doesNotContain(card);
        assertThat(stackTrace(e)).doesNotContain(card);
    }

    @Test
    void aCallsSpokenDigitsBecomeOnePlaceholderWordWithTheirTiming() throws RejectedInputException {
        String card = card();
        String[] names = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        var words = new ArrayList<Word>();
        words.add(word("it's", 0));
        for (int i = 0; i < card.length(); i++) {
            words.add(word(names[card.charAt(i) - '0'], i + 1));
        }
        words.add(word("thanks", 17));
        InteractionReader calls = new FakeCallReader(words);
        var inbox = InboxFixture.withRoster(root).file("calls/x.fake", "audio");
        var ingestor = new Ingestor(InboxLoader.load(root), InputFormats.standard().with(calls),
                LanguageDetector.standard());

        Interaction call = ingestor.read(inbox.path("calls/x.fake"));

        Turn turn = call.turns().get(0);
        assertThat(turn.text()).isEqualTo("it's [card] thanks");
        assertThat(turn.words()).extracting(Word::text).containsExactly("it's", "[card]", "thanks");
        assertThat(turn.words().get(1).time()).isEqualTo(new TimeSpan(Duration.ofSeconds(1),
                Duration.ofSeconds(16).plusMillis(500)));
    }

    private static Word word(String text, int second) {
        return new Word(text, new TimeSpan(Duration.ofSeconds(second), Duration.ofSeconds(second).plusMillis(500)),
                0.8);
    }

    private static String stackTrace(Throwable t) {
        var w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** Stands in for the speech module's call reader: one customer turn of the given words. */
    private record FakeCallReader(List<Word> words) implements InteractionReader {
        @Override
        public String format() {
            return "fake call";
        }

        @Override
        public boolean accepts(String mediaType, String extension) {
            return extension.equals("fake");
        }

        @Override
        public Conversation read(InputFile file, ReadContext context) throws RejectedInputException {
            Instant start = Instant.parse("2026-11-21T10:00:00Z");
            String text = String.join(" ", words.stream().map(Word::text).toList());
            var message = new Message(Speaker.CUSTOMER, start, start.plus(words.get(words.size() - 1).time().end()),
                    text, words);
            return new Conversation(Optional.of("x"), Channel.CALL, Optional.of(start), Optional.empty(),
                    context.agentById("j.carter", Optional.empty()), Optional.empty(), List.of(message), List.of(),
                    OptionalInt.empty(), Optional.of(recording()));
        }
    }

    private static dev.vigil.model.Recording recording() {
        return new dev.vigil.model.Recording(dev.vigil.model.ChannelLayout.MONO, Duration.ofSeconds(20), "test",
                List.of(), List.of(), List.of(), "");
    }
}
