/**
 * The benchmark: synthetic interactions and the measurements {@code ./vigil benchmark} prints (throughput and peak
 * heap of the analysis stage and of the whole nightly job).
 */
package dev.vigil.bench;
