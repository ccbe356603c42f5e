/**
 * The {@code vigil} command line (picocli): {@code nightly}, {@code analyze}, {@code rules check}, {@code eval} and
 * {@code benchmark}. Only {@code nightly} (and the job benchmark) start Spring; the others use the engine directly.
 */
package dev.vigil.cli;
