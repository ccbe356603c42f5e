package dev.vigil.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.TimeSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeakerSeparatorTest {
    // two-voices.wav: slt 0-3.755 s, kal 4.555-9.465 s, slt 10.265-13.695 s, kal 14.495-17.655 s (see make-fixtures.sh)
    private static final List<TimeSpan> AGENT = List.of(TimeSpan.ofMillis(0, 3755), TimeSpan.ofMillis(10265, 13695));
    private static final List<TimeSpan> CUSTOMER = List.of(TimeSpan.ofMillis(4555, 9465),
            TimeSpan.ofMillis(14495, 17655));

    @Test
    void separatesTwoVoicesIntoAtMostTwoClustersThatFollowTheTurns() {
        List<SpeakerSegment> segments = new SpeakerSeparator().separate(Fixtures.samples("two-voices.wav"));

        assertThat(segments).extracting(SpeakerSegment::cluster).allMatch(c -> c == 0 || c == 1);
        assertThat(segments.stream().map(SpeakerSegment::cluster).distinct().count()).isEqualTo(2);
        int agent = majority(segments, AGENT);
        int customer = majority(segments, CUSTOMER);
        assertThat(agent).isNotEqualTo(customer);
        assertThat(share(segments, AGENT, agent)).isGreaterThan(0.7);
        assertThat(share(segments, CUSTOMER, customer)).isGreaterThan(0.7);
    }

    @Test
    void shortAudioIsOneSpeaker() {
        assertThat(new SpeakerSeparator().separate(new short[8000]))
                .containsExactly(new SpeakerSegment(0, TimeSpan.ofMillis(0, 500)));
    }

    private static int majority(List<SpeakerSegment> segments, List<TimeSpan> truth) {
        return share(segments, truth, 0) >= share(segments, truth, 1) ? 0 : 1;
    }

    /** The share of the truth spans' time covered by segments of {@code cluster}. */
    private static double share(List<SpeakerSegment> segments, List<TimeSpan> truth, int cluster) {
        long covered = 0;
        long total = 0;
        for (TimeSpan t : truth) {
            total += t.length().toMillis();
            for (SpeakerSegment s : segments) {
                if (s.cluster() == cluster) {
                    long a = Math.max(t.start().toMillis(), s.time().start().toMillis());
                    long b = Math.min(t.end().toMillis(), s.time().end().toMillis());
                    covered += Math.max(0, b - a);
                }
            }
        }
        return (double) covered / total;
    }
}
