package dev.vigil.speech;

import dev.vigil.model.TimeSpan;
import edu.cmu.sphinx.speakerid.Segment;
import edu.cmu.sphinx.speakerid.SpeakerCluster;
import edu.cmu.sphinx.speakerid.SpeakerIdentification;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;

/**
 * Splits a mono recording into speaker clusters with Sphinx4's speaker clustering (BIC change points on MFCC
 * features, then agglomerative BIC clustering). Clusters beyond {@code maxSpeakers} are merged, smallest first, into
 * the nearest remaining cluster (smallest BIC distance). Which cluster is the agent is the caller's decision.
 * Thread-safe: each call uses its own Sphinx4 front end.
 */
public final class SpeakerSeparator {
    /** Shorter recordings are one segment of one speaker: the clustering needs a few seconds of features. */
    static final int MIN_SAMPLES = 16000;

    private final int maxSpeakers;

    /** @param maxSpeakers at most this many clusters, at least 1 (2 for a two-party call) */
    public SpeakerSeparator(int maxSpeakers) {
        if (maxSpeakers < 1) {
            throw new IllegalArgumentException("maxSpeakers must be at least 1");
        }
        this.maxSpeakers = maxSpeakers;
    }

    /** A separator for a two-party call. */
    public SpeakerSeparator() {
        this(2);
    }

    /**
     * The speaker segments of {@code samples} in time order; adjacent segments of one cluster are joined. Clusters are
     * numbered from 0 in order of first appearance.
     *
     * @param samples 16 kHz 16-bit mono PCM
     */
    public List<SpeakerSegment> separate(short[] samples) {
        long totalMs = samples.length / 16L;
        if (samples.length < MIN_SAMPLES) {
            return samples.length == 0 ? List.of() : List.of(new SpeakerSegment(0, TimeSpan.ofMillis(0, totalMs)));
        }
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        List<SpeakerCluster> clusters = new ArrayList<>(new SpeakerIdentification()
                .cluster(new ByteArrayInputStream(bytes)));
        while (clusters.size() > maxSpeakers) {
            SpeakerCluster smallest = clusters.stream().min(Comparator.comparingInt(SpeakerSeparator::frames))
                    .orElseThrow();
            clusters.remove(smallest);
            SpeakerCluster nearest = clusters.stream()
                    .min(Comparator.comparingDouble(c -> distance(c, smallest))).orElseThrow();
            nearest.mergeWith(smallest);
        }
        return segments(clusters, totalMs);
    }

    private static List<SpeakerSegment> segments(List<SpeakerCluster> clusters, long totalMs) {
        record Raw(int cluster, long start, long end) {
        }
        var raw = new ArrayList<Raw>();
        for (int c = 0; c < clusters.size(); c++) {
            for (Segment s : clusters.get(c).getSpeakerIntervals()) {
                long start = Math.min(totalMs, s.getStartTime());
                long end = Math.min(totalMs, (long) s.getStartTime() + s.getLength());
                if (end > start) {
                    raw.add(new Raw(c, start, end));
                }
            }
        }
        raw.sort(Comparator.comparingLong(Raw::start));
        Map<Integer, Integer> order = new HashMap<>();
        var out = new ArrayList<SpeakerSegment>();
        for (Raw r : raw) {
            int id = order.computeIfAbsent(r.cluster(), k -> order.size());
            SpeakerSegment last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.cluster() == id && last.time().end().toMillis() >= r.start()) {
                out.set(out.size() - 1, new SpeakerSegment(id, TimeSpan.ofMillis(last.time().start().toMillis(),
                        Math.max(r.end(), last.time().end().toMillis()))));
            } else {
                out.add(new SpeakerSegment(id, TimeSpan.ofMillis(r.start(), r.end())));
            }
        }
        return out;
    }

    private static int frames(SpeakerCluster c) {
        return c.getFeatureMatrix().getRowDimension();
    }

    /** Sphinx4's BIC distance between two clusters: the gain of modelling them with one Gaussian. */
    static double distance(SpeakerCluster a, SpeakerCluster b) {
        Array2DRowRealMatrix fa = a.getFeatureMatrix();
        Array2DRowRealMatrix fb = b.getFeatureMatrix();
        int cols = fa.getColumnDimension();
        var combined = new Array2DRowRealMatrix(fa.getRowDimension() + fb.getRowDimension(), cols);
        combined.setSubMatrix(fa.getData(), 0, 0);
        combined.setSubMatrix(fb.getData(), fa.getRowDimension(), 0);
        double d = Segment.FEATURES_SIZE;
        double penalty = 0.5 * (d + 0.5 * d * (d + 1)) * Math.log(combined.getRowDimension()) * 2;
        return SpeakerIdentification.getBICValue(combined) - a.getBicValue() - b.getBicValue() - penalty;
    }
}
