#!/usr/bin/env bash
# Renders the synthetic call corpus: test-corpus/calls-src/<id>.txt -> inbox/calls/<id>.wav + .json,
# calls/<id>.segments.tsv, calls/transcripts.tsv and expected/<id>.yaml. See test-corpus/README.md, "Calls".
#
# Usage: test-corpus/scripts/make-calls.sh [id ...]     (no ids: every script, and transcripts.tsv)
# Installs Debian's festival, its voices and sox when they are missing. Deterministic: the same scripts give the
# same bytes. Rendered utterances are cached in $VIGIL_TTS_CACHE (default /tmp/vigil-tts-cache).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
packages=(festival festvox-kallpc16k festvox-us-slt-hts festvox-ru sox)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

export LC_ALL=C.UTF-8
exec python3 "$here/render_calls.py" "$@"
