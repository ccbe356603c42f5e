/**
 * An inbox's configuration: {@code vigil.yaml} ({@link dev.vigil.config.InboxConfig}) and the agent roster
 * {@code agents.csv} ({@link dev.vigil.config.Roster}). Loaders validate on load and name the file, line and problem.
 */
package dev.vigil.config;
