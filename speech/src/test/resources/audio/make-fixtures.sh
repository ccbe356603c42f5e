#!/usr/bin/env bash
# Regenerates the small audio fixtures of AudioDecoderTest and the signal-measurement tests.
# Every signal is synthetic (sox tones, festival speech of a sentence written for the test); each file stays under
# 50 KB. Left/right channels carry different tones (440 Hz left, 1000 Hz right) so that tests can tell them apart.
# Usage: speech/src/test/resources/audio/make-fixtures.sh   (run from anywhere; writes next to this script)
set -euo pipefail
cd "$(dirname "$0")"

need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 for $1" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$2"; else sudo apt-get update -qq && sudo apt-get install -y -qq "$2"; fi
}
need sox sox
need lame lame
need flac flac
need oggenc vorbis-tools
need text2wave festival

mono()   { sox -n -r "$1" -c 1 "${@:3}" synth "$2" sine 440 gain -6; }
stereo() { sox -n -r "$1" -c 2 "${@:3}" synth "$2" sine 440 sine 1000 gain -6; }

# WAV, one file per encoding, rate and channel count (name: encoding_rate_channels.wav).
mono   8000  1.0  -b 8  -e unsigned-integer pcm8_8000_mono.wav
mono   16000 1.0  -b 16 -e signed-integer   pcm16_16000_mono.wav
stereo 16000 0.5  -b 16 -e signed-integer   pcm16_16000_stereo.wav
stereo 44100 0.25 -b 16 -e signed-integer   pcm16_44100_stereo.wav
mono   48000 0.3  -b 24 -e signed-integer   pcm24_48000_mono.wav
stereo 8000  1.0  -e u-law                  mulaw_8000_stereo.wav
mono   8000  1.0  -e a-law                  alaw_8000_mono.wav
stereo 48000 0.2  -b 16 -e signed-integer   pcm16_48000_stereo.wav

# Compressed formats, from a 1 s stereo 44.1 kHz source.
stereo 44100 1.0 -b 16 -e signed-integer /tmp/vigil-fixture-src.wav
lame --quiet -m s -b 64 /tmp/vigil-fixture-src.wav stereo.mp3
flac --silent -f --compression-level-8 -o stereo.flac /tmp/vigil-fixture-src.wav
oggenc --quiet -q 0 -o stereo.ogg /tmp/vigil-fixture-src.wav
rm -f /tmp/vigil-fixture-src.wav

# Encodings the decoder must reject: three channels, IMA ADPCM.
sox -n -r 8000 -c 3 -b 16 three_channels.wav synth 0.2 sine 440 sine 660 sine 880
sox -n -r 8000 -c 1 -e ima-adpcm adpcm.wav synth 0.5 sine 440

# Telephone speech: a synthetic sentence, 8 kHz mu-law, with 0.4 s of silence before and after.
echo "Thank you for calling, how can I help you today?" > /tmp/vigil-fixture.txt
text2wave /tmp/vigil-fixture.txt -o /tmp/vigil-fixture-speech.wav
sox /tmp/vigil-fixture-speech.wav -r 8000 -c 1 -e u-law speech_8000_mulaw.wav pad 0.4 0.4
rm -f /tmp/vigil-fixture.txt /tmp/vigil-fixture-speech.wav

ls -l *.wav *.mp3 *.flac *.ogg
