#!/usr/bin/env python3
"""Render the dialogue scripts in test-corpus/calls-src/*.txt into synthetic call recordings.

Standard library only. Speech comes from Debian's festival (text2wave), effects and format conversion from sox;
placing, mixing and measuring are done here, on 16 kHz 16-bit samples, so every time written to the ground-truth
timeline is exact to the sample. Called by make-calls.sh; see test-corpus/README.md ("Calls") for the script format.

Outputs (paths relative to test-corpus/):
  inbox/calls/<id>.wav, inbox/calls/<id>.json     the recording and its sidecar (design/contract.md)
  calls/<id>.segments.tsv                          who spoke when: speaker, start_s, end_s, text, raised
  calls/transcripts.tsv                            file, language, sample_rate, duration_s, reference
  expected/<id>.yaml                               hand labels from the script header + expected_metrics
"""
import array
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import wave

RATE = 16000
DEAD_AIR_S = 5.0          # CallSettings.DEFAULT_DEAD_AIR
NORMAL_RMS_DBFS = -28.0   # speech level of an ordinary line
RAISED_GAIN_DB = 10.0     # default extra level of a [loud] line
MUSIC_RMS_DBFS = -30.0
LEAD_S = 0.6              # silence before the first event
TAIL_S = 0.6              # silence after the last event
GAPS = [0.5, 0.7, 0.4, 0.6, 0.8, 0.5, 0.4]  # default pause between consecutive turns, cycled
# metrics that need recognised words; a quarantined call (no transcript) states only the others
NEEDS_TRANSCRIPT = {"agent_speech_rate_wpm", "hold_not_asked_count", "hold_not_thanked_count"}
CATEGORIES = ["greeting_ok", "closing_ok", "complaint", "apology", "empathy", "rudeness", "profanity", "escalation"]

# Pronunciations festival gets wrong. Its letter-to-sound rules split the brand "Northwind" as "nor-thwind", and the
# diphone voice then drops the "th", so it sounds like "your when"; a person says "north-wind". (Ignored by the
# Russian voice, whose lexicon has no such word.)
LEXICON = """(lex.add.entry '("northwind" n (((n ao r th) 1) ((w ih n d) 0))))"""

# voice name in a script header -> (festival voice, sox effects applied after synthesis)
VOICES = {
    "kal": ("voice_kal_diphone", []),
    "slt": ("voice_cmu_us_slt_arctic_hts", []),
    "nsh": ("voice_msu_ru_nsh_clunits", []),
    # the only Russian festival voice, shifted up by 5 semitones: a clearly different speaker
    "nsh-high": ("voice_msu_ru_nsh_clunits", ["pitch", "500"]),
}

HOLD_ASK = re.compile(r"\b(hold|moment|wait|minute|подождать|минутку|ожидании|удержании)\b", re.I)
HOLD_THANKS = re.compile(r"(thank(s| you) for (holding|waiting|your patience)|спасибо за ожидание)", re.I)


def fail(msg):
    sys.exit("render_calls: " + msg)


def parse_script(path):
    """Header 'key: value' lines up to '---', then one event per line."""
    header, events = {}, []
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f]
    try:
        sep = lines.index("---")
    except ValueError:
        fail(f"{path}: no '---' line between header and dialogue")
    for ln in lines[:sep]:
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        key, _, value = ln.partition(":")
        value = value.strip()
        header[key.strip()] = json.loads(value) if value.startswith('"') else value
    for no, ln in enumerate(lines[sep + 1:], start=sep + 2):
        s = ln.strip()
        if not s or s.startswith("#"):
            continue
        where = f"{path}:{no}"
        m = re.fullmatch(r"\[pause ([0-9.]+)\]", s)
        if m:
            events.append({"kind": "pause", "s": float(m.group(1)), "where": where})
            continue
        m = re.fullmatch(r"\[hold ([0-9.]+) (music|silence)\]", s)
        if m:
            events.append({"kind": "hold", "s": float(m.group(1)), "fill": m.group(2), "where": where})
            continue
        overlap, loud = 0.0, None
        while s.startswith("["):
            m = re.match(r"\[overlap ([0-9.]+)\]\s*", s)
            if m:
                overlap = float(m.group(1))
                s = s[m.end():]
                continue
            m = re.match(r"\[loud(?: ([0-9.]+))?\]\s*", s)
            if m:
                loud = float(m.group(1)) if m.group(1) else RAISED_GAIN_DB
                s = s[m.end():]
                continue
            fail(f"{where}: unknown directive in {s!r}")
        m = re.fullmatch(r"(agent|customer):\s*(.+)", s)
        if not m:
            fail(f"{where}: expected 'agent: text', 'customer: text' or a [directive], got {s!r}")
        events.append({"kind": "line", "speaker": m.group(1), "text": m.group(2), "overlap": overlap,
                       "loud": loud, "where": where})
    for key in ["id", "language", "agent_id", "customer_id", "started_at", "layout", "format", "agent_voice",
                "customer_voice", "present", "absent", "passed", "note"]:
        if key not in header:
            fail(f"{path}: header lacks '{key}'")
    return header, events


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, **kw)
    if r.returncode != 0:
        fail(f"{' '.join(cmd)} failed: {r.stderr.decode(errors='replace')}")
    return r.stdout


def read_samples(path):
    with wave.open(path, "rb") as w:
        if w.getframerate() != RATE or w.getsampwidth() != 2 or w.getnchannels() != 1:
            fail(f"{path}: expected 16 kHz 16-bit mono")
        a = array.array("h")
        a.frombytes(w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        a.byteswap()
    return a


def write_wav(path, channels):
    n = max(len(c) for c in channels)
    inter = array.array("h", bytes(2 * n * len(channels)))
    for ci, c in enumerate(channels):
        inter[ci::len(channels)] = c + array.array("h", bytes(2 * (n - len(c))))
    if sys.byteorder == "big":
        inter.byteswap()
    with wave.open(path, "wb") as w:
        w.setnchannels(len(channels))
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(inter.tobytes())


def rms(samples):
    if not samples:
        return 0.0
    return math.sqrt(sum(x * x for x in samples) / len(samples))


def trim(samples):
    """Cut leading and trailing silence: keep from the first to the last 10 ms frame above -40 dB of the loudest."""
    frame = RATE // 100
    levels = [rms(samples[i:i + frame]) for i in range(0, len(samples), frame)]
    top = max(levels) if levels else 0.0
    loud = [i for i, v in enumerate(levels) if v > top * 0.01]
    if not loud:
        return samples[:0]
    return samples[loud[0] * frame:min(len(samples), (loud[-1] + 1) * frame)]


def scale_to(samples, rms_dbfs):
    """Scale to an RMS level over the voiced frames; never clip (the gain is lowered instead)."""
    frame = RATE // 100
    voiced = []
    levels = [(i, rms(samples[i:i + frame])) for i in range(0, len(samples), frame)]
    top = max(v for _, v in levels)
    for i, v in levels:
        if v > top * 0.05:
            voiced.extend(samples[i:i + frame])
    gain = 32768 * 10 ** (rms_dbfs / 20) / rms(voiced)
    peak = max(abs(x) for x in samples)
    gain = min(gain, 32000 / peak)
    return array.array("h", (int(round(x * gain)) for x in samples)), gain


class Synth:
    """festival + sox, with a content-addressed cache of rendered utterances (the output is deterministic)."""

    def __init__(self, cache):
        self.cache = cache
        os.makedirs(cache, exist_ok=True)

    def speak(self, voice, text):
        festival_voice, effects = VOICES[voice]
        key = hashlib.sha256(json.dumps([festival_voice, effects, LEXICON, text]).encode()).hexdigest()[:20]
        out = os.path.join(self.cache, key + ".wav")
        if not os.path.exists(out):
            with tempfile.TemporaryDirectory() as tmp:
                txt, raw = os.path.join(tmp, "t.txt"), os.path.join(tmp, "raw.wav")
                with open(txt, "w", encoding="utf-8") as f:
                    f.write(text + "\n")
                run(["text2wave", "-F", str(RATE), "-eval", f"({festival_voice})", "-eval", LEXICON, txt, "-o", raw])
                done = os.path.join(tmp, "done.wav")
                run(["sox", "-R", "-D", raw, "-r", str(RATE), "-b", "16", "-c", "1", "-e", "signed", done] + effects)
                os.replace(done, out)
        return trim(read_samples(out))

    def music(self, seconds):
        """Hold music: a looping two-voice sine melody, 0.5 s per note, synthesised by sox."""
        melody = [(0, -12), (4, -8), (7, -5), (12, -8), (9, -3), (7, -5), (4, -8), (2, -10)]  # semitones from A440
        loop = array.array("h")
        for hi, lo in melody:
            out = os.path.join(self.cache, f"note_{hi}_{lo}.wav")
            if not os.path.exists(out):
                tmp = out + ".tmp.wav"
                run(["sox", "-R", "-D", "-r", str(RATE), "-c", "2", "-n", "-r", str(RATE), "-b", "16", "-c", "1",
                     "-e", "signed", tmp,
                     "synth", "0.5", "sine", f"%{hi}", "sine", f"%{lo}", "remix", "-", "fade", "q", "0.02", "0.5",
                     "0.12"])
                os.replace(tmp, out)
            loop.extend(read_samples(out))
        loop, _ = scale_to(loop, MUSIC_RMS_DBFS)
        n = int(round(seconds * RATE))
        return array.array("h", (loop[i % len(loop)] for i in range(n)))


def words(text):
    return normalise(text).split()


def normalise(text):
    """The eval-data audio convention: lower case, apostrophes inside words removed, other punctuation -> space."""
    t = text.lower()
    t = re.sub(r"(?<=\w)['’](?=\w)", "", t)
    t = re.sub(r"[^\w\s]|_", " ", t)
    return " ".join(t.split())


def union(spans):
    out = []
    for a, b in sorted(tuple(s) for s in spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def total(spans):
    return sum(b - a for a, b in spans)


def intersect(xs, ys):
    out = []
    for a, b in union(xs):
        for c, d in union(ys):
            lo, hi = max(a, c), min(b, d)
            if hi > lo:
                out.append([lo, hi])
    return out


def metrics(segments, duration, mono):
    """The values the timeline implies, with the tolerance a measurement on the audio should meet. Overtalk needs a
    channel per side, so mono calls have none."""
    agent = [(s["start"], s["end"]) for s in segments if s["speaker"] == "agent"]
    customer = [(s["start"], s["end"]) for s in segments if s["speaker"] == "customer"]
    holds = [s for s in segments if s["speaker"] == "hold"]
    music = [(s["start"], s["end"]) for s in holds if s["text"] == "music"]
    speech = union(agent + customer)
    busy = union(agent + customer + [(h["start"], h["end"]) for h in holds])
    gaps = [busy[i + 1][0] - busy[i][1] for i in range(len(busy) - 1)]
    dead = [g for g in gaps if g >= DEAD_AIR_S]
    over = union(intersect(agent, customer))
    a_s, c_s = total(union(agent)), total(union(customer))
    agent_words = sum(len(words(s["text"])) for s in segments if s["speaker"] == "agent")
    lines = [s for s in segments if s["speaker"] in ("agent", "customer")]
    not_asked = not_thanked = 0
    for h in holds:
        before = [s for s in lines if s["speaker"] == "agent" and s["end"] <= h["start"]]
        after = [s for s in lines if s["speaker"] == "agent" and s["start"] >= h["end"]]
        if not before or not HOLD_ASK.search(before[-1]["text"]):
            not_asked += 1
        if not after or not HOLD_THANKS.search(after[0]["text"]):
            not_thanked += 1
    silent = duration - total(union(list(speech) + music))

    def tol(value, t):
        return {"value": round(float(value), 2), "tolerance": round(float(t), 2)}

    hold_s = [h["end"] - h["start"] for h in holds]
    out = {
        "duration_s": tol(duration, 0.1),
        "agent_first_words_s": tol(min(a for a, _ in agent), 0.5),
        "silence_ratio": tol(silent / duration, 0.08),
        "dead_air_count": len(dead),
        "dead_air_s": tol(sum(dead), 1.5 * max(1, len(dead))),
        "dead_air_max_s": tol(max(dead, default=0.0), 1.5),
        "overtalk_count": len(over),
        "overtalk_s": tol(total(over), 0.8 * max(1, len(over))),
        "agent_talk_ratio": tol(a_s / (a_s + c_s), 0.08),
        "talk_listen_ratio": tol(a_s / c_s, max(0.15, 0.2 * a_s / c_s)),
        "agent_speech_rate_wpm": tol(agent_words / (a_s / 60), 0.15 * agent_words / (a_s / 60)),
        "hold_count": len(holds),
        "hold_s": tol(sum(hold_s), 1.5 * max(1, len(holds))),
        "hold_max_s": tol(max(hold_s, default=0.0), 1.5),
        "hold_not_asked_count": not_asked,
        "hold_not_thanked_count": not_thanked,
        "agent_raised_voice_count": sum(1 for s in lines if s["speaker"] == "agent" and s["raised"]),
        "customer_raised_voice_count": sum(1 for s in lines if s["speaker"] == "customer" and s["raised"]),
    }
    if mono:
        del out["overtalk_count"], out["overtalk_s"]
    return out


def render(path, synth, corpus):
    h, events = parse_script(path)
    cid = h["id"]
    if h["layout"] not in ("stereo", "mono") or h["format"] not in ("pcm16k", "ulaw8k"):
        fail(f"{path}: layout must be stereo|mono and format pcm16k|ulaw8k")
    voices = {"agent": h["agent_voice"], "customer": h["customer_voice"]}
    tracks = {"agent": array.array("h"), "customer": array.array("h")}
    segments = []
    cursor, gap, last_line, turn = LEAD_S, None, None, 0

    def place(track, start, samples):
        i = int(round(start * RATE))
        t = tracks[track]
        if len(t) < i + len(samples):
            t.extend(array.array("h", bytes(2 * (i + len(samples) - len(t)))))
        for k, x in enumerate(samples):
            t[i + k] = max(-32768, min(32767, t[i + k] + x))
        return i

    first = True
    for ev in events:
        if ev["kind"] == "pause":
            gap = ev["s"]
            continue
        pause = LEAD_S if first else (gap if gap is not None else GAPS[turn % len(GAPS)])
        start = cursor if first else cursor + pause
        if ev["kind"] == "hold":
            n = int(round(ev["s"] * RATE))
            i = int(round(start * RATE))
            if ev["fill"] == "music":
                place("agent", start, synth.music(ev["s"]))   # the switch plays hold music on the agent's side
            segments.append({"speaker": "hold", "start": i / RATE, "end": (i + n) / RATE, "text": ev["fill"],
                             "raised": False})
            cursor = (i + n) / RATE
        else:
            samples = synth.speak(voices[ev["speaker"]], ev["text"])
            level = NORMAL_RMS_DBFS + (ev["loud"] or 0.0)
            samples, _ = scale_to(samples, level)
            if ev["overlap"]:
                if last_line is None or last_line["speaker"] == ev["speaker"]:
                    fail(f"{ev['where']}: [overlap] needs a previous line by the other speaker")
                start = last_line["end"] - ev["overlap"]
            i = place(ev["speaker"], start, samples)
            seg = {"speaker": ev["speaker"], "start": i / RATE, "end": (i + len(samples)) / RATE,
                   "text": ev["text"], "raised": ev["loud"] is not None}
            segments.append(seg)
            last_line = seg
            cursor = max(cursor, seg["end"])
        gap, first, turn = None, False, turn + 1
    n = int(round((cursor + TAIL_S) * RATE))
    n += n % 2   # an even length, so that the 8 kHz file has exactly half the samples and the same duration
    for t in tracks.values():
        t.extend(array.array("h", bytes(2 * (n - len(t)))))
    duration = n / RATE
    segments.sort(key=lambda s: (s["start"], s["end"]))

    calls = os.path.join(corpus, "inbox", "calls")
    os.makedirs(calls, exist_ok=True)
    wav = os.path.join(calls, cid + ".wav")
    if h["layout"] == "stereo":
        channels = [tracks["agent"], tracks["customer"]]
    else:
        mixed = array.array("h", (max(-32768, min(32767, a + c)) for a, c in zip(tracks["agent"], tracks["customer"])))
        channels = [mixed]
    if h["format"] == "pcm16k":
        write_wav(wav, channels)
        sample_rate = RATE
    else:
        tmp = wav + ".16k.wav"
        write_wav(tmp, channels)
        run(["sox", "-R", "-D", tmp, "-e", "u-law", "-b", "8", "-r", "8000", wav])
        os.remove(tmp)
        sample_rate = 8000

    sidecar = {"id": cid, "started_at": h["started_at"], "agent": {"id": h["agent_id"]},
               "customer": {"id": h["customer_id"]}, "language": h["language"],
               "channels": {"left": "agent", "right": "customer"} if h["layout"] == "stereo" else "mono"}
    with open(os.path.join(calls, cid + ".json"), "w", encoding="utf-8") as f:
        json.dump(sidecar, f, ensure_ascii=False)
        f.write("\n")

    seg_dir = os.path.join(corpus, "calls")
    os.makedirs(seg_dir, exist_ok=True)
    with open(os.path.join(seg_dir, cid + ".segments.tsv"), "w", encoding="utf-8") as f:
        f.write("speaker\tstart_s\tend_s\ttext\traised\n")
        for s in segments:
            f.write(f"{s['speaker']}\t{s['start']:.3f}\t{s['end']:.3f}\t{s['text']}\t"
                    f"{'yes' if s['raised'] else 'no'}\n")

    m = metrics(segments, duration, h["layout"] == "mono")
    write_expected(corpus, h, m)
    reference = normalise(" ".join(s["text"] for s in segments if s["speaker"] != "hold"))
    return {"file": f"../inbox/calls/{cid}.wav", "language": h["language"], "sample_rate": sample_rate,
            "duration_s": f"{duration:.3f}", "reference": reference}


def yaml_value(v):
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_expected(corpus, h, m):
    listed = re.findall(r"[a-z_]+", h["present"] + " " + h["absent"])
    if sorted(listed) != sorted(CATEGORIES):
        fail(f"{h['id']}: present + absent must list each of {CATEGORIES} exactly once")
    lines = [
        "# Generated by test-corpus/scripts/make-calls.sh from calls-src/" + h["id"] + ".txt; edit that file instead.",
        f"id: {h['id']}",
        f"file: inbox/calls/{h['id']}.wav",
        f"language: {h['language']}",
        f"agent_id: {h['agent_id']}",
        "channel: call",
        f"layout: {h['layout']}",
        f"format: {h['format']}",
    ]
    if "quarantine_stage" in h:
        lines += ["quarantined: true", f"stage: {h['quarantine_stage']}",
                  f"reason_contains: {json.dumps(h['quarantine_reason'], ensure_ascii=False)}"]
    lines += [
        f"present: {h['present']}",
        f"absent: {h['absent']}",
        f"passed: {h['passed']}",
        f"note: {json.dumps(h['note'], ensure_ascii=False)}",
        "# Values the generator's timeline implies (calls/" + h["id"] + ".segments.tsv); see README \"Calls\"."
        + (" Only metrics that need no transcript." if "quarantine_stage" in h else ""),
        "expected_metrics:",
    ]
    for k, v in m.items():
        if "quarantine_stage" in h and k in NEEDS_TRANSCRIPT:
            continue
        lines.append(f"  {k}: {yaml_value(v)}")
    with open(os.path.join(corpus, "expected", h["id"] + ".yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    corpus = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    src = os.path.join(corpus, "calls-src")
    cache = os.environ.get("VIGIL_TTS_CACHE", os.path.join(tempfile.gettempdir(), "vigil-tts-cache"))
    synth = Synth(cache)
    only = set(sys.argv[1:])
    rows = []
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        cid = name[:-4]
        if only and cid not in only:
            continue
        rows.append(render(os.path.join(src, name), synth, corpus))
        print(f"{cid}: {rows[-1]['duration_s']} s, {rows[-1]['sample_rate']} Hz", flush=True)
    if only:
        return
    with open(os.path.join(corpus, "calls", "transcripts.tsv"), "w", encoding="utf-8") as f:
        f.write("file\tlanguage\tsample_rate\tduration_s\treference\n")
        for r in rows:
            f.write(f"{r['file']}\t{r['language']}\t{r['sample_rate']}\t{r['duration_s']}\t{r['reference']}\n")


if __name__ == "__main__":
    main()
