/**
 * Speech to text: the {@code Transcriber} interface and its CMU Sphinx4 implementation, speaker separation for mono
 * calls, the domain language model, and the reader that turns a call recording into a conversation.
 */
package dev.vigil.speech;
