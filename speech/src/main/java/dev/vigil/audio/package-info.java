/**
 * Audio in: decoding call recordings to 16 kHz mono PCM per channel, and measurements on the signal (voice activity,
 * loudness, music) that need no transcript.
 */
package dev.vigil.audio;
