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

    /** Whether each side has a channel of its own, so that overtalk can be measured. */
    public boolean separated() {
        return this != MONO;
    }
}
