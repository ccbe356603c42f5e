package dev.vigil.report;

/** File names of per-interaction and per-agent outputs: the id, made safe on every file system. */
public final class OutputNames {
    private OutputNames() {
    }

    /**
     * A file-name stem for an id: characters that are unsafe in file names ({@code / \ : * ? " < > |}, controls) are
     * replaced by {@code _}, and a leading dot or an empty id gets a leading {@code _} so that no output is hidden.
     * Letters of any script are kept.
     */
    public static String stem(String id) {
        String safe = id.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    /** {@code transcripts/<stem>.json}, relative to the output folder. */
    public static String transcript(String interactionId) {
        return "transcripts/" + stem(interactionId) + ".json";
    }
}
