package dev.vigil.config;

import dev.vigil.model.ChannelLayout;
import dev.vigil.model.Language;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How calls are read and measured: the {@code calls:} and {@code speech:} keys of {@code vigil.yaml}.
 *
 * @param layout          the channel layout of recordings without a sidecar that says otherwise
 * @param deadAir         a silence at least this long, on both sides and not a hold, is dead air
 * @param holdMinimum     a silence or music at least this long is a hold even without a hold phrase
 * @param minConfidence   calls whose mean word confidence is below this go to human review instead of being scored
 * @param maxDuration     longer recordings are quarantined
 * @param maxFileBytes    larger audio files are quarantined (audio has its own limit: recordings are far larger than
 *                        chats)
 * @param models          user-supplied speech models per language; English falls back to the bundled en-us model
 * @param domainWeight    the domain language model's weight against the general en-us model, in (0, 1]; 1 (the
 *                        default) uses the domain model alone, which is faster and gives every word a lattice
 *                        posterior (see docs/speech.md for the measurements)
 */
public record CallSettings(ChannelLayout layout, Duration deadAir, Duration holdMinimum, double minConfidence,
                           Duration maxDuration, long maxFileBytes, Map<Language, SpeechModelPaths> models,
                           double domainWeight) {
    public static final ChannelLayout DEFAULT_LAYOUT = ChannelLayout.AGENT_LEFT;
    public static final Duration DEFAULT_DEAD_AIR = Duration.ofSeconds(5);
    public static final Duration DEFAULT_HOLD_MINIMUM = Duration.ofSeconds(20);
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(3);
    public static final long DEFAULT_MAX_FILE_BYTES = 512L * 1024 * 1024;
    public static final double DEFAULT_DOMAIN_WEIGHT = 1.0;

    public CallSettings {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(deadAir, "deadAir");
        Objects.requireNonNull(holdMinimum, "holdMinimum");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("min_confidence " + minConfidence + " outside [0, 1]");
        }
        if (deadAir.isNegative() || deadAir.isZero() || holdMinimum.isNegative() || holdMinimum.isZero()
                || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
        models = Map.copyOf(models);
        if (!(domainWeight > 0 && domainWeight <= 1)) {
            throw new IllegalArgumentException("domain_weight " + domainWeight + " outside (0, 1]");
        }
    }

    public static CallSettings defaults() {
        return new CallSettings(DEFAULT_LAYOUT, DEFAULT_DEAD_AIR, DEFAULT_HOLD_MINIMUM, DEFAULT_MIN_CONFIDENCE,
                DEFAULT_MAX_DURATION, DEFAULT_MAX_FILE_BYTES, Map.of(),
                DEFAULT_DOMAIN_WEIGHT);
    }
}
