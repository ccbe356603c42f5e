package dev.vigil.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.analyze.Analysis;
import dev.vigil.model.Category;
import dev.vigil.model.Channel;
import dev.vigil.model.Finding;
import dev.vigil.model.Interaction;
import dev.vigil.model.Language;
import dev.vigil.model.Person;
import dev.vigil.model.Signal;
import dev.vigil.model.Speaker;
import dev.vigil.model.TimeSpan;
import dev.vigil.model.Turn;
import dev.vigil.model.Word;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PiiStepTest {
    private static final TimeSpan TURN = new TimeSpan(Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void reportsEachPlaceholderAsADetectorFindingThatHoldsOnlyThePlaceholder() {
        Turn turn = new Turn(0, Speaker.CUSTOMER, TURN, "card [card], phone [phone] or [email]", Language.EN,
                List.of());

        List<Finding> findings = new PiiStep().apply(Analysis.of(interaction(turn))).findings();

        assertThat(findings).extracting(Finding::ruleId).containsExactly("pii.card", "pii.phone", "pii.email");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.category()).isEqualTo(Category.PII);
            assertThat(f.signal()).isEqualTo(Signal.DETECTOR);
            assertThat(f.speaker()).isEqualTo(Speaker.CUSTOMER);
            assertThat(f.time()).isEqualTo(TURN);
        });
        assertThat(findings.get(0).text()).isEqualTo("[card]");
        assertThat(findings.get(0).chars().of(turn.text())).isEqualTo("[card]");
        assertThat(findings.get(1).chars().start()).isEqualTo("card [card], phone ".length());
    }

    @Test
    void aCallFindingTakesThePlaceholderWordsTimeAndConfidence() {
        TimeSpan spoken = new TimeSpan(Duration.ofSeconds(12), Duration.ofSeconds(19));
        Turn turn = new Turn(0, Speaker.CUSTOMER, TURN, "it is [card] ok", Language.EN, List.of(
                new Word("it", new TimeSpan(Duration.ofSeconds(10), Duration.ofSeconds(11)), 0.9),
                new Word("is", new TimeSpan(Duration.ofSeconds(11), Duration.ofSeconds(12)), 0.9),
                new Word("[card]", spoken, 0.6),
                new Word("ok", new TimeSpan(Duration.ofSeconds(19), Duration.ofSeconds(20)), 0.9)));

        Finding f = new PiiStep().apply(Analysis.of(interaction(turn))).findings().get(0);

        assertThat(f.time()).isEqualTo(spoken);
        assertThat(f.confidence()).isEqualTo(0.6);
    }

    @Test
    void addsNothingWhereNothingWasRedacted() {
        Turn turn = new Turn(0, Speaker.AGENT, TURN, "Your [cardboard] box and [ card ] are fine", Language.EN,
                List.of());
        Analysis before = Analysis.of(interaction(turn));

        assertThat(new PiiStep().apply(before).findings()).isEmpty();
    }

    private static Interaction interaction(Turn turn) {
        return new Interaction("i", Channel.CHAT, Language.EN, Person.of("a", "A"), Optional.empty(),
                Instant.parse("2026-11-21T10:00:00Z"), Duration.ofSeconds(30), List.of(turn), List.of(),
                OptionalInt.empty(), Path.of("i.json"));
    }
}
