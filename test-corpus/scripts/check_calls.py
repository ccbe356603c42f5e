#!/usr/bin/env python3
"""Sanity check of the rendered calls with Debian's pocketsphinx (0.8, generic en-us model): word error rate per
English call and overall. Stereo calls are decoded per channel against that side's lines from the segments file;
mono calls against the whole reference. 8 kHz files are upsampled to 16 kHz first (the model is 16 kHz).

Usage: test-corpus/scripts/check_calls.py [id ...]
This is a smoke test that the speech is intelligible, not Vigil's benchmark (that is ./vigil benchmark asr).
"""
import csv
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from render_calls import normalise  # noqa: E402

CORPUS = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def edits(ref, hyp):
    d = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, d[0] = d[0], i
        for j, h in enumerate(hyp, 1):
            prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (r != h))
    return d[len(hyp)]


def decode(wav, channel, tmp):
    pcm = os.path.join(tmp, "in.wav")
    remix = ["remix", str(channel)] if channel else ["remix", "-"]
    subprocess.run(["sox", "-R", wav, "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", pcm] + remix, check=True)
    out = subprocess.run(["pocketsphinx_continuous", "-infile", pcm, "-logfn", os.devnull],
                         capture_output=True, text=True, check=True).stdout
    return normalise(out).split()


def main():
    only = set(sys.argv[1:])
    with open(os.path.join(CORPUS, "calls", "transcripts.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    total_err = total_ref = 0
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows:
            cid = os.path.basename(row["file"])[:-4]
            if row["language"] != "en" or (only and cid not in only):
                continue
            wav = os.path.normpath(os.path.join(CORPUS, "calls", row["file"]))
            with open(os.path.join(CORPUS, "calls", cid + ".segments.tsv"), encoding="utf-8") as f:
                segs = [s for s in csv.DictReader(f, delimiter="\t") if s["speaker"] != "hold"]
            stereo = subprocess.run(["soxi", "-c", wav], capture_output=True, text=True).stdout.strip() == "2"
            pairs = []
            if stereo:
                for ch, who in ((1, "agent"), (2, "customer")):
                    ref = normalise(" ".join(s["text"] for s in segs if s["speaker"] == who)).split()
                    pairs.append((ref, decode(wav, ch, tmp)))
            else:
                pairs.append((row["reference"].split(), decode(wav, 0, tmp)))
            err = sum(edits(r, h) for r, h in pairs)
            n = sum(len(r) for r, _ in pairs)
            total_err, total_ref = total_err + err, total_ref + n
            hyp = " | ".join(" ".join(h) for _, h in pairs)
            print(f"{cid}\t{row['sample_rate']}\t{'stereo' if stereo else 'mono'}\tWER {100 * err / n:5.1f} %\t{hyp}",
                  flush=True)
    if total_ref:
        print(f"overall\tWER {100 * total_err / total_ref:.1f} % ({total_err}/{total_ref} words)")


if __name__ == "__main__":
    main()
