/**
 * The {@code nightly-qa} Spring Batch job: scan an inbox, analyse every new file in parallel chunks, aggregate per
 * agent, publish the outputs. All SQL lives in {@link dev.vigil.batch.VigilStore}; all analysis in the engine.
 *
 * <p>Exactly-once: the analyse step reads {@code PENDING} items and its writer marks them {@code DONE} or
 * {@code QUARANTINED} in the same transaction as it stores the result (the process-indicator pattern), so a restart
 * after a crash picks up only what was not committed.
 */
package dev.vigil.batch;
