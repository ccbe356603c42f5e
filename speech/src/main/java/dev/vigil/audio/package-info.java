/**
 * Audio in: decoding call recordings to 16 kHz PCM per channel, and measurements on the signal (voice activity,
 * music, raised voice) that need no transcript. Every class here is stateless and thread-safe.
 *
 * <pre>{@code
 * DecodedAudio audio = new AudioDecoder().decode(path, Files.readAllBytes(path), settings.maxDuration());
 *     // throws InvalidAudioException with a reason for quarantine.csv
 * short[] agent = audio.channels().get(0);                      // per the channel layout
 * List<TimeSpan> speech = new VoiceActivityDetector().detect(agent);
 * List<TimeSpan> music = new MusicDetector().detect(audio.mix());
 * List<TimeSpan> raised = new RaisedVoiceDetector().detect(agent, speech);
 * }</pre>
 */
package dev.vigil.audio;
