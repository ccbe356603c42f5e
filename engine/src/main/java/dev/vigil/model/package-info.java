/**
 * Immutable value types shared by every stage of Vigil: an {@link dev.vigil.model.Interaction} (a chat, email or
 * call) made of {@link dev.vigil.model.Turn}s, the {@link dev.vigil.model.Finding}s that rules produce on it, and the
 * {@link dev.vigil.model.Evaluation} that a scorecard makes of those findings.
 *
 * <p>All types are records or enums, thread-safe and null-free: optional values are {@link java.util.Optional},
 * collections are unmodifiable copies, and times are {@link java.time.Duration} offsets from the interaction's start.
 */
package dev.vigil.model;
