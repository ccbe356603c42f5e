package dev.vigil.model;

/**
 * How a call recording carries the two sides: one per stereo channel, or both mixed in one channel (which needs
 * speaker separation).
 */
public enum ChannelLayout {
    /** Agent on the left channel, customer on the right. */
    AGENT_LEFT,
    /** Customer on the left channel, agent on the right. */
    AGENT_RIGHT,
    /** Both sides in one channel (a mono file, or a stereo file whose channels are the same mix). */
    MONO;

    /**
     * The contract's {@code channels} value: {@code "mono"}, or a mapping {@code {left: agent, right: customer}} (or
     * the reverse), as Jackson reads it (a string or a map). Empty for anything else.
     */
    public static java.util.Optional<ChannelLayout> parse(Object channels) {
        if (channels instanceof String s && s.trim().equalsIgnoreCase("mono")) {
            return java.util.Optional.of(MONO);
        }
        if (channels instanceof java.util.Map<?, ?> m && m.size() == 2) {
            String left = String.valueOf(m.get("left")).trim().toLowerCase(java.util.Locale.ROOT);
            String right = String.valueOf(m.get("right")).trim().toLowerCase(java.util.Locale.ROOT);
            if (left.equals("agent") && right.equals("customer")) {
                return java.util.Optional.of(AGENT_LEFT);
            }
            if (left.equals("customer") && right.equals("agent")) {
                return java.util.Optional.of(AGENT_RIGHT);
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether each side has a channel of its own, so that overtalk can be measured. */
    public boolean separated() {
        return this != MONO;
    }
}
