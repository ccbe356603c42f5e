package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.model.Attachment;
import dev.vigil.model.Channel;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Speaker;
import dev.vigil.model.Turn;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailIngestTest {
    @TempDir
    Path root;

    private Interaction read(InboxFixture inbox, String name) throws RejectedInputException {
        return inbox.ingestor().read(inbox.path(name));
    }

    private static String eml(String headers, String body) {
        return (headers.strip() + "\n\n" + body).replace("\n", "\r\n");
    }

    @Test
    void splitsAnAgentReplyFromNestedEnglishQuotes() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("emails/en-e01.eml", eml("""
                From: John Carter <john.carter@northwind.example>
                To: Mary Smith <mary.smith@example.com>
                Subject: Re: Wrong bill
                Date: Sat, 21 Nov 2026 11:00:00 +0000
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8
                """, """
                Dear Mary,

                I have refunded the extra charge. Sorry for the trouble.

                Kind regards,
                John

                On Sat, 21 Nov 2026 at 10:30, Mary Smith <mary.smith@example.com> wrote:
                > Thanks John, but the bill is still wrong.
                >
                > On Fri, 20 Nov 2026 at 16:05, John Carter <john.carter@northwind.example> wrote:
                >> Hello Mary, we are looking into your bill.
                """));

        Interaction mail = read(inbox, "emails/en-e01.eml");

        assertThat(mail.id()).isEqualTo("en-e01");
        assertThat(mail.channel()).isEqualTo(Channel.EMAIL);
        assertThat(mail.agent().id()).isEqualTo("j.carter");
        assertThat(mail.customer()).hasValueSatisfying(c -> {
            // the address is personal data: the id is a stable pseudonym of it
            assertThat(c.id()).matches("customer-[0-9a-f]{12}").doesNotContain("mary");
            assertThat(c.name()).contains("Mary Smith");
        });
        assertThat(mail.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(mail.turns()).extracting(Turn::text).containsExactly(
                "Hello Mary, we are looking into your bill.",
                "Thanks John, but the bill is still wrong.",
                "Dear Mary,\n\nI have refunded the extra charge. Sorry for the trouble.\n\nKind regards,\nJohn");
        assertThat(mail.startedAt()).isEqualTo(Instant.parse("2026-11-20T16:05:00Z"));
        assertThat(mail.turns().get(1).time().start()).isEqualTo(Duration.ofHours(18).plusMinutes(25));
        assertThat(mail.duration()).isEqualTo(Duration.ofHours(18).plusMinutes(55));
        assertThat(mail.language()).isEqualTo(Language.EN);
    }

    @Test
    void splitsACustomerEmailInRussianWithTheDeclaredCharset() throws RejectedInputException {
        String text = eml("""
                From: =?UTF-8?B?0J/RkdGC0YA=?= <petr@example.ru>
                To: anna.ivanova@svyaz.example
                Subject: Re: Интернет
                Date: Sat, 21 Nov 2026 12:00:00 +0300
                MIME-Version: 1.0
                Content-Type: text/plain; charset=koi8-r
                Content-Transfer-Encoding: 8bit
                """, """
                Анна, добрый день!
                Интернет так и не заработал, прошу прислать мастера.

                21.11.2026, 10:15, Анна Иванова <anna.ivanova@svyaz.example> пишет:
                > Пётр, здравствуйте! Мы перезапустили ваш порт, проверьте, пожалуйста.
                >
                > 20.11.2026 18:40, Пётр <petr@example.ru> писал(а):
                >> Не работает интернет третий день.
                """);
        var inbox = InboxFixture.withRoster(root).file("emails/ru-e02.eml", text, Charset.forName("KOI8-R"));

        Interaction mail = read(inbox, "emails/ru-e02.eml");

        assertThat(mail.agent().id()).isEqualTo("a.ivanova");
        assertThat(mail.customer()).hasValueSatisfying(c -> assertThat(c.name()).contains("Пётр"));
        assertThat(mail.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(mail.turns()).extracting(Turn::text).containsExactly(
                "Не работает интернет третий день.",
                "Пётр, здравствуйте! Мы перезапустили ваш порт, проверьте, пожалуйста.",
                "Анна, добрый день!\nИнтернет так и не заработал, прошу прислать мастера.");
        assertThat(mail.startedAt()).isEqualTo(Instant.parse("2026-11-20T18:40:00Z")); // no zone: inbox UTC
        assertThat(mail.turns().get(2).time().start()).isEqualTo(Duration.ofHours(14).plusMinutes(20));
        assertThat(mail.language()).isEqualTo(Language.RU);
    }

    @Test
    void splitsOutlookOriginalMessageBlocksInEnglishAndRussian() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("emails/outlook.eml", eml("""
                From: Mike Brown <Mike.Brown@northwind.example>
                To: olga@example.org
                Subject: RE: Заказ
                Date: Mon, 23 Nov 2026 09:00:00 +0000
                Content-Type: text/plain; charset=utf-8
                """, """
                Ольга, заказ отправлен сегодня утром.

                -----Исходное сообщение-----
                От: Ольга <olga@example.org>
                Отправлено: 22 ноября 2026 г. 18:30
                Кому: Mike Brown
                Тема: Заказ

                Где мой заказ?

                From: Mike Brown <mike.brown@northwind.example>
                Sent: Sunday, November 22, 2026 10:00 AM
                To: olga@example.org
                Subject: Order

                Your order is being packed.
                """));

        Interaction mail = read(inbox, "emails/outlook.eml");

        assertThat(mail.agent().id()).isEqualTo("m.brown");
        assertThat(mail.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(mail.turns()).extracting(Turn::text).containsExactly(
                "Your order is being packed.", "Где мой заказ?", "Ольга, заказ отправлен сегодня утром.");
        assertThat(mail.startedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(mail.turns().get(1).time().start()).isEqualTo(Duration.ofHours(8).plusMinutes(30));
    }

    @Test
    void placesUndatedQuotesBeforeTheNewMessage() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("emails/undated.eml", eml("""
                From: mary.smith@example.com
                To: John Carter <john.carter@northwind.example>
                Subject: Re: Ticket
                Date: Sat, 21 Nov 2026 11:00:00 +0000
                """, """
                Still broken, I am afraid.

                > Please restart the router and tell me if it helps.
                """));

        Interaction mail = read(inbox, "emails/undated.eml");

        assertThat(mail.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(mail.startedAt()).isEqualTo(Instant.parse("2026-11-21T10:59:00Z"));
        assertThat(mail.turns().get(1).time().start()).isEqualTo(EmailReader.UNDATED_QUOTE_GAP);
    }

    @Test
    void readsAnHtmlOnlyEmailWithABlockquote() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("emails/html-only.eml", eml("""
                From: John Carter <john.carter@northwind.example>
                To: dana@example.com
                Subject: Re: Cancel
                Date: Sat, 21 Nov 2026 15:00:00 +0000
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8
                """, """
                <html><head><style>p {color: red}</style></head><body>
                <p>Hi Dana,</p><p>I am sorry to hear that.<br>Your contract is cancelled.</p>
                <div class="gmail_quote">On Sat, 21 Nov 2026 at 14:00, Dana &lt;dana@example.com&gt; wrote:<br>
                <blockquote><div>Please cancel my contract.</div></blockquote></div>
                </body></html>
                """));

        Interaction mail = read(inbox, "emails/html-only.eml");

        assertThat(mail.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(mail.turns()).extracting(Turn::text).containsExactly(
                "Please cancel my contract.", "Hi Dana,\n\nI am sorry to hear that.\nYour contract is cancelled.");
        assertThat(mail.duration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void splitsAnOutlookHtmlReplyInWindows1251() throws RejectedInputException {
        String text = eml("""
                From: Анна Иванова <anna.ivanova@svyaz.example>
                To: olga@example.org
                Subject: RE: Счёт
                Date: Mon, 23 Nov 2026 09:00:00 +0300
                MIME-Version: 1.0
                Content-Type: text/html; charset="windows-1251"
                Content-Transfer-Encoding: 8bit
                """, """
                <html><body><div class="WordSection1">
                <p>Ольга, здравствуйте!</p><p>Счёт исправлен, приносим извинения.</p>
                <div style="border-top:solid #E1E1E1 1.0pt"><p><b>От:</b> Ольга &lt;olga@example.org&gt;<br>
                <b>Отправлено:</b> 22 ноября 2026 г. 20:10<br><b>Кому:</b> Анна Иванова<br><b>Тема:</b> Счёт</p></div>
                <p>В счёте лишние 300 рублей.</p>
                </div></body></html>
                """);
        var inbox = InboxFixture.withRoster(root).file("vigil.yaml", "timezone: Europe/Moscow\n")
                .file("emails/outlook-ru.eml", text, Charset.forName("windows-1251"));

        Interaction mail = read(inbox, "emails/outlook-ru.eml");

        assertThat(mail.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(mail.turns()).extracting(Turn::text).containsExactly(
                "В счёте лишние 300 рублей.", "Ольга, здравствуйте!\n\nСчёт исправлен, приносим извинения.");
        assertThat(mail.startedAt()).isEqualTo(Instant.parse("2026-11-22T17:10:00Z"));
        assertThat(mail.duration()).isEqualTo(Duration.ofHours(12).plusMinutes(50));
        assertThat(mail.language()).isEqualTo(Language.RU);
    }

    @Test
    void prefersThePlainAlternativeAndListsAttachments() throws RejectedInputException {
        var inbox = InboxFixture.withRoster(root).file("emails/attach.eml", eml("""
                From: Sam Lee <sam@example.com>
                To: Support <mike.brown@northwind.example>
                Subject: Invoice question
                Date: Sat, 21 Nov 2026 08:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"
                """, """
                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Hello, the invoice attached looks wrong =E2=80=94 please check.
                --inner
                Content-Type: text/html; charset=utf-8

                <p>HTML version that must not be used</p>
                --inner--
                --outer
                Content-Type: application/pdf; name="invoice-11.pdf"
                Content-Disposition: attachment; filename="invoice-11.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQKJcOkw7zDtsOfCg==
                --outer
                Content-Type: image/png
                Content-Disposition: attachment; filename="screen.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --outer--
                """));

        Interaction mail = read(inbox, "emails/attach.eml");

        assertThat(mail.turns()).singleElement().satisfies(t -> {
            assertThat(t.speaker()).isEqualTo(Speaker.CUSTOMER);
            assertThat(t.text()).isEqualTo("Hello, the invoice attached looks wrong — please check.");
        });
        assertThat(mail.agent().id()).isEqualTo("m.brown");
        assertThat(mail.attachments()).containsExactly(
                new Attachment("invoice-11.pdf", "application/pdf", 19),
                new Attachment("screen.png", "image/png", 8));
    }

    @Test
    void rejectsAnEmailWhoseAddressesAreNotInTheRoster() {
        var inbox = InboxFixture.withRoster(root).file("emails/stranger.eml", eml("""
                From: Sam Lee <sam@example.com>
                To: sales@elsewhere.example
                Date: Sat, 21 Nov 2026 08:00:00 +0000
                """, "Hello\n"));

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> read(inbox, "emails/stranger.eml"));

        assertThat(e.stage()).isEqualTo("ingest");
        // addresses are personal data: the reason names them by placeholder only
        assertThat(e.reason()).isEqualTo(
                "unknown agent: neither From <[email]> nor To <[email]> is in agents.csv");
    }

    @Test
    void rejectsAnEmailWithAnUnknownCharsetNamingIt() {
        var inbox = InboxFixture.withRoster(root).file("emails/charset.eml", eml("""
                From: sam@example.com
                To: mike.brown@northwind.example
                Date: Sat, 21 Nov 2026 08:00:00 +0000
                Content-Type: text/plain; charset=x-klingon-8
                """, "Hello\n"));

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> read(inbox, "emails/charset.eml"));

        assertThat(e.reason()).isEqualTo("unknown charset 'x-klingon-8' declared for the text/plain part");
    }

    @Test
    void rejectsAnEmailWhoseBytesDoNotMatchTheDeclaredCharset() {
        String text = eml("""
                From: sam@example.com
                To: mike.brown@northwind.example
                Date: Sat, 21 Nov 2026 08:00:00 +0000
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit
                """, "Привет\n");
        var inbox = InboxFixture.withRoster(root).file("emails/bad.eml", text, Charset.forName("windows-1251"));

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> read(inbox, "emails/bad.eml"));

        assertThat(e.reason()).startsWith("undecodable charset in the text/plain part: not valid UTF-8 (byte 0xCF");
    }
}
