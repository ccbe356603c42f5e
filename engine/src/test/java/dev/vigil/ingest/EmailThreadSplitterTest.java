package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class EmailThreadSplitterTest {
    @Test
    void keepsAnUnquotedBodyAsOnePart() {
        assertThat(EmailThreadSplitter.split("Hello,\n\nplease call me back.\n"))
                .containsExactly(new EmailThreadSplitter.Part(0, "Hello,\n\nplease call me back.", ""));
    }

    @Test
    void recognisesAnAttributionWrappedOverTwoLines() {
        var parts = EmailThreadSplitter.split("""
                Done.

                On Sat, 21 Nov 2026 at 10:30, Mary Smith <mary.smith@example.com>
                wrote:
                > Please fix it.
                """);

        assertThat(parts).extracting(EmailThreadSplitter.Part::depth).containsExactly(0, 1);
        assertThat(parts.get(1).text()).isEqualTo("Please fix it.");
        assertThat(EmailThreadSplitter.address(parts.get(1).header())).contains("mary.smith@example.com");
    }

    @Test
    void splitsAnOriginalMessageSeparatorWithItsHeaders() {
        var parts = EmailThreadSplitter.split("""
                See below.
                -----Original Message-----
                From: Dana <dana@example.com>
                Sent: Friday, November 20, 2026 4:45 PM
                To: Support
                Subject: Refund

                Where is my refund?
                """);

        assertThat(parts).extracting(EmailThreadSplitter.Part::text).containsExactly("See below.", "Where is my refund?");
        assertThat(EmailThreadSplitter.date(parts.get(1).header(), ZoneOffset.UTC))
                .contains(ZonedDateTime.of(2026, 11, 20, 16, 45, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void keepsTextWrittenBelowABareQuoteInTheNewPart() {
        var parts = EmailThreadSplitter.split("> Can you help?\n\nYes, of course.\n");

        assertThat(parts).extracting(EmailThreadSplitter.Part::text).containsExactly("Yes, of course.", "Can you help?");
    }

    @Test
    void doesNotTakeACustomerSentenceEndingInWroteForAnAttribution() {
        var parts = EmailThreadSplitter.split("Я вам уже писал:\nинтернет не работает.\n");

        assertThat(parts).hasSize(1);
    }

    @Test
    void stopsSplittingAtTheMaximumDepth() {
        String body = String.join("\n", java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> ">".repeat(i) + " level " + i).toList());

        var parts = EmailThreadSplitter.split(body);

        assertThat(parts).hasSize(EmailThreadSplitter.MAX_DEPTH + 1);
        assertThat(parts.get(0).text()).isEqualTo("level 0");
    }

    @Test
    void readsDatesOfRussianAndEnglishAttributions() {
        assertThat(EmailThreadSplitter.date("21 ноября 2026 г., в 10:15, Анна <a@x.example> написал(а):",
                ZoneOffset.UTC)).contains(ZonedDateTime.of(2026, 11, 21, 10, 15, 0, 0, ZoneOffset.UTC));
        assertThat(EmailThreadSplitter.date("On Sat, 21 Nov 2026 09:05:00 +0300, Mary wrote:", ZoneOffset.UTC))
                .map(ZonedDateTime::toInstant)
                .contains(ZonedDateTime.of(2026, 11, 21, 6, 5, 0, 0, ZoneOffset.UTC).toInstant());
        assertThat(EmailThreadSplitter.date("On 2026-11-21 18:00, Mary wrote:", ZoneOffset.UTC)).isPresent();
        assertThat(EmailThreadSplitter.date("Mary wrote:", ZoneOffset.UTC)).isEmpty();
    }
}
