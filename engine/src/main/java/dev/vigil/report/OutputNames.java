package dev.vigil.report;

/** File names of per-interaction and per-agent outputs, safe on every file system and in URLs. */
public final class OutputNames {
    private OutputNames() {
    }

    /**
     * A file-name stem for an id: letters, digits, {@code .}, {@code _} and {@code -} are kept, anything else becomes
     * {@code _}; a leading dot is replaced so that no output is hidden.
     */
    public static String stem(String id) {
        var sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || (c == '.' && i > 0));
            sb.append(safe ? c : '_');
        }
        return sb.isEmpty() ? "_" : sb.toString();
    }

    /** {@code interactions/<stem>.html}, relative to {@code reports/}. */
    public static String interactionPage(String interactionId) {
        return "interactions/" + stem(interactionId) + ".html";
    }

    /** {@code agents/<stem>.html}, relative to {@code reports/}. */
    public static String agentPage(String agentId) {
        return "agents/" + stem(agentId) + ".html";
    }

    /** {@code transcripts/<stem>.json}, relative to the output folder. */
    public static String transcript(String interactionId) {
        return "transcripts/" + stem(interactionId) + ".json";
    }
}
