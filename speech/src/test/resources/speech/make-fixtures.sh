#!/usr/bin/env bash
# Regenerates the speech test fixtures with Debian's festival and sox (synthetic voices, no real people).
#   speech/src/test/resources/speech/make-fixtures.sh
# Output: 16 kHz 16-bit mono PCM WAV files next to this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for tool in text2wave sox; do
  command -v "$tool" >/dev/null || sudo apt-get install -y festival festvox-kallpc16k festvox-us-slt-hts sox
done
say() { # voice text out.wav
  local tmp; tmp="$(mktemp --suffix=.wav)"
  echo "$2" | text2wave -eval "(voice_$1)" -o "$tmp"
  sox "$tmp" -r 16000 -b 16 -c 1 "$3"
  rm -f "$tmp"
}
# One speaker, one sentence: the transcriber test.
say cmu_us_slt_arctic_hts "thank you for calling my name is sarah how can i help you today" greeting.wav
# Two speakers taking turns with pauses: the speaker separation test (agent slt, customer kal).
say cmu_us_slt_arctic_hts "good morning thank you for calling how can i help you today" a1.wav
say kal_diphone "hello i would like to cancel my account because the internet keeps dropping" c1.wav
say cmu_us_slt_arctic_hts "i am sorry to hear that let me check your account for you" a2.wav
say kal_diphone "thank you i have been waiting for a week already" c2.wav
sox -n -r 16000 -b 16 -c 1 gap.wav trim 0 0.8
sox a1.wav gap.wav c1.wav gap.wav a2.wav gap.wav c2.wav two-voices.wav
for f in a1 c1 a2 c2; do soxi -D "$f.wav"; done > two-voices.durations
rm -f a1.wav c1.wav a2.wav c2.wav gap.wav
