package dev.vigil.analyze;

/** What an analysis step adds to an {@link Analysis}; used to check a pipeline's order when it is built. */
public enum Product {
    /** Findings from rule matching. */
    FINDINGS,
    /** Timing metrics: duration, first response, talk ratio, turn counts. */
    TIMING_METRICS,
    /** Call metrics measured on the recording: silence, dead air, overtalk, holds, speech rate, raised voice. */
    ACOUSTIC_METRICS
}
