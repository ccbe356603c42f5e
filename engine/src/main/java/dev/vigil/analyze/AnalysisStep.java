package dev.vigil.analyze;

import java.util.Set;

/**
 * One small analysis over an interaction. Implementations load their models once at construction; {@link #apply} is
 * pure and thread-safe, so one instance serves every worker thread.
 */
public interface AnalysisStep {
    /** A short name for messages, for example {@code rules}. */
    String name();

    /** What must be in the analysis before this step runs. */
    Set<Product> requires();

    /** What this step adds. */
    Set<Product> produces();

    /** Returns the analysis with this step's products added. Never mutates its argument. */
    Analysis apply(Analysis analysis);
}
