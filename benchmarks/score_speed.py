"""Scoring speed as a user meets it: whole processes over the same files, side by side with
VADER, textstat and the read-and-tokenise floor, alternated; and the one-article start time.

    .venv/bin/python benchmarks/score_speed.py [--docs 2000] [--repeats 3] [--skip dask]

Writes `--docs` generated articles of about 3 kB (half French, half English: the seeds'
sentences of that language shuffled, fixed seed) as .txt files into a temporary folder, then
runs each of these `--repeats` times as a fresh process, one after the other in turn so that a
busy machine slows every run alike (the order rotates on each round):

    floor      read every file and re.findall(r"\\w+")
    textstat   textstat.flesch_reading_ease of every file (in its language)
    vader      VADER's polarity_scores of every file (pip install framing[bench])
    default    framing score --json DIR > out (model, readability, sovereignty, attribution)
    no-model   framing score --json --no-model DIR
    jobs 2     framing score --json --jobs 2 DIR
    dask 2     framing score --json --engine dask --workers 2 DIR (LocalCluster start counted)

Prints each run's seconds, the median of each, the ratios the issue asks for (default against
VADER; --jobs 2 and Dask against one process), the machine's load average before and after,
whether every framing output is byte for byte the default's, a per-stage breakdown of the
default mode measured in this process, and `framing score FILE`'s time on one French and one
English article beside `python -c "import numpy"` (a floor no scorer with a model goes under).
Asserts nothing: the figures are for README's performance section.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_BYTES = 3000
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def corpus(n: int, seed: int = 13) -> list[tuple[str, str]]:
    """(language, text) of `n` generated articles, French and English in turn."""
    from framing.text import analyse

    pools: dict[str, list[str]] = {"fr": [], "en": []}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = analyse(path.read_text(encoding="utf-8"))
        for s in doc.sentences:
            if len(s.tokens) > 3 and s.lang in pools:
                pools[s.lang].append(doc.text[s.start : s.end])
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        lang = ("fr", "en")[i % 2]
        parts, size = [], 0
        while size < TARGET_BYTES:
            sentence = rng.choice(pools[lang])
            parts.append(sentence)
            size += len(sentence.encode("utf-8")) + 1
        docs.append((lang, "\n".join(parts)))
    return docs


def write_corpus(folder: Path, docs: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True)
    for i, (lang, text) in enumerate(docs):
        (folder / f"{lang}-{i:06d}.txt").write_text(text, encoding="utf-8")


FLOOR = """
import re, sys
from pathlib import Path
n = 0
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    n += len(re.findall(r"\\w+", p.read_text(encoding="utf-8")))
print(n)
"""
TEXTSTAT = """
import sys
from pathlib import Path
import textstat
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    textstat.set_lang(p.name[:2])
    print(textstat.flesch_reading_ease(p.read_text(encoding="utf-8")))
"""
VADER = """
import sys
from pathlib import Path
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
analyzer = SentimentIntensityAnalyzer()
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    print(analyzer.polarity_scores(p.read_text(encoding="utf-8"))["compound"])
"""


def commands(folder: Path, skip: set[str], baseline: Path | None) -> dict[str, list[str]]:
    python = sys.executable
    framing = [python, "-m", "framing", "score", "--json", str(folder)]
    runs = {
        "floor": [python, "-c", FLOOR, str(folder)],
        "textstat": [python, "-c", TEXTSTAT, str(folder)],
        "vader": [python, "-c", VADER, str(folder)],
        "default": framing,
        "no-model": [*framing, "--no-model"],
        "jobs 2": [*framing, "--jobs", "2"],
        "dask 2": [*framing, "--engine", "dask", "--workers", "2"],
    }
    from importlib.util import find_spec

    for name, module in (("vader", "vaderSentiment"), ("dask 2", "distributed")):
        if name not in skip and find_spec(module) is None:
            print(f"{name}: not run ({module} is not installed: pip install 'framing[bench]' "
                  "or 'framing[dask]')")
            skip = skip | {name}
    if baseline is not None:  # another checkout of framing, e.g. before a change
        runs["baseline"] = in_tree(baseline, framing)
        runs["baseline no-model"] = in_tree(baseline, [*framing, "--no-model"])
    return {name: command for name, command in runs.items() if name not in skip}


def in_tree(tree: Path, command: list[str]) -> list[str]:
    """`command` run with framing imported from `tree` (`python -m` looks in the current
    folder first, so the command runs there)."""
    return ["env", "-C", str(tree), f"PYTHONPATH={tree}", *command]


def run(command: list[str], output: Path) -> float:
    start = time.perf_counter()
    with output.open("wb") as out:
        subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL, check=True, env=ENV,
                       cwd=ROOT)
    return time.perf_counter() - start


def alternated(runs: dict[str, list[str]], repeats: int, tmp: Path) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    for r in range(repeats):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            times[name].append(run(runs[name], tmp / f"{name.replace(' ', '-')}.out"))
        print(f"  round {r + 1}: " + ", ".join(f"{n} {times[n][-1]:.2f}" for n in names)
              + f" (load {os.getloadavg()[0]:.1f})", flush=True)
    return times


def stage_breakdown(docs: list[tuple[str, str]]) -> None:
    """Seconds per stage of the default mode over the articles, in this process (one pass
    after a warm-up article): where a `framing score --json` run spends its time."""
    import json
    import re

    import framing
    from framing.analysis import analyse_text
    from framing.documents import Document
    from framing.pipeline import Scorer, _main_text, apply_classifier, unscored
    from framing.readability import readability
    from framing.text import analyse

    lexicon = framing.load_lexicon()
    model = framing.load_model(lexicon=lexicon)
    texts = [text for _, text in docs]
    stages = dict.fromkeys(["tokenise (\\w+)", "text layer (sentences, tokens, language)",
                            "lexicon, framing, sovereignty, attribution",
                            "readability", "classifier", "record to JSON line"], 0.0)
    keys = list(stages)

    def timed(key, fn, *args):
        start = time.perf_counter()
        out = fn(*args)
        stages[key] += time.perf_counter() - start
        return out

    for text in texts[:2]:  # warm-up: a French and an English article (syllable tables)
        Scorer(lexicon, model).score(Document("warm", None, text, {}))
    for text in texts:
        timed(keys[0], re.findall, r"\w+", text)
        timed(keys[1], analyse, text)
        found = timed(keys[2], analyse_text, text, lexicon)
        doc = found.text
        timed(keys[3], readability, _main_text(doc), doc.main_language())
        if model is not None:
            timed(keys[4], apply_classifier, found, model)
        record = unscored(Document("d", None, text, {}))
        record.language, record.n_words, record.n_sentences = doc.lang, doc.n_words, len(
            doc.sentences)
        record.framing, record.sovereignty = found.framing, found.sovereignty
        record.readability = readability(_main_text(doc), doc.main_language())
        record.attribution = found.attribution
        timed(keys[5], lambda r=record: json.dumps(r.to_dict(), ensure_ascii=False))
    stages[keys[2]] -= stages[keys[1]]  # analyse_text runs the text layer too
    total = sum(v for k, v in stages.items() if k != keys[0])
    print(f"per-stage breakdown, default mode, in-process, {len(texts)} articles "
          f"(load {os.getloadavg()[0]:.1f}):")
    for key, seconds in stages.items():
        share = "" if key == keys[0] else f" ({100 * seconds / total:4.1f} %)"
        print(f"  {key:<45} {seconds:6.2f} s{share}")


def one_article(repeats: int, baseline: Path | None = None) -> None:
    """`framing score FILE` on one French and one English seed article, alternated with
    `python -c "import numpy"`, as fresh processes (median of `repeats`)."""
    fr, en = ROOT / "seeds" / "000_f983667cf156ffad.txt", ROOT / "seeds" / "004_f1608429cd902174.txt"
    runs = {"import numpy": [sys.executable, "-c", "import numpy"],
            "score FR article": [sys.executable, "-m", "framing", "score", str(fr)],
            "score EN article": [sys.executable, "-m", "framing", "score", str(en)]}
    if baseline is not None:
        for name, command in list(runs.items())[1:]:
            runs[f"baseline {name[6:]}"] = in_tree(baseline, command)
    times: dict[str, list[float]] = {name: [] for name in runs}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeats):
            for name, command in runs.items():
                times[name].append(run(command, Path(tmp) / "out"))
    print(f"one article, fresh process, median of {repeats} (load {os.getloadavg()[0]:.1f}; "
          "target < 0.5 s):")
    for name, values in times.items():
        print(f"  {name:<18} {statistics.median(values):.3f} s (runs: "
              + ", ".join(f"{v:.2f}" for v in values) + ")")


def help_start() -> None:
    """`framing --help`: its start time (median of 7 fresh processes) and the heavy modules it
    imports (none should be)."""
    times = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "framing", "--help"], check=True,
                       capture_output=True, env=ENV, cwd=ROOT)
        times.append(time.perf_counter() - start)
    code = ("import sys; from click.testing import CliRunner; from framing.cli import main; "
            "CliRunner().invoke(main, ['--help']); print(' '.join(m for m in ('matplotlib', "
            "'sklearn', 'scipy', 'nltk', 'textstat', 'pandas', 'trafilatura') "
            "if m in sys.modules))")
    heavy = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                           text=True, env=ENV, cwd=ROOT).stdout.split()
    print(f"`framing --help`: {statistics.median(times):.3f} s; heavy modules imported: "
          f"{' '.join(heavy) or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip", default="", help="comma-separated runs to leave out")
    parser.add_argument("--only-start", action="store_true", help="only the one-article times")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="another framing checkout, run beside this one (before a change)")
    args = parser.parse_args()
    if args.only_start:
        one_article(max(args.repeats, 5), args.baseline)
        help_start()
        return
    docs = corpus(args.docs)
    mean_kb = statistics.mean(len(t.encode("utf-8")) for _, t in docs) / 1000
    print(f"corpus: {len(docs)} generated articles (half French, half English), mean "
          f"{mean_kb:.2f} kB; {os.cpu_count()} cores; load before {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        write_corpus(folder, docs)
        runs = commands(folder, set(filter(None, args.skip.split(","))), args.baseline)
        times = alternated(runs, args.repeats, Path(tmp))
        outputs = {n: (Path(tmp) / f"{n.replace(' ', '-')}.out").read_bytes() for n in runs}
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"medians of {args.repeats} alternated runs, {len(docs)} articles "
          f"(load after {os.getloadavg()}):")
    for name, values in times.items():
        print(f"  {name:<17} {median[name]:6.2f} s  {len(docs) / median[name]:5.0f} articles/s"
              f"  best {min(values):6.2f} s  (runs: {', '.join(f'{v:.2f}' for v in values)})")

    print("ratios (of medians; of the best runs; of each round's pair):")

    def ratio(a: str, b: str, label: str) -> None:
        if a in median and b in median:
            pairs = ", ".join(f"{x / y:.2f}" for x, y in zip(times[a], times[b]))
            print(f"  {label:<44} {median[a] / median[b]:.2f}; "
                  f"{min(times[a]) / min(times[b]):.2f}; rounds {pairs}")

    ratio("default", "vader", "framing default / VADER (target <= 0.5)")
    ratio("no-model", "vader", "framing --no-model / VADER")
    ratio("default", "jobs 2", "one process / --jobs 2 (target >= 1.7)")
    ratio("default", "dask 2", "one process / Dask 2 workers (target >= 1)")
    ratio("default", "floor", "framing default / floor")
    ratio("baseline", "default", "baseline default / this default")
    ratio("baseline", "vader", "baseline default / VADER")
    for name in ("jobs 2", "dask 2", "baseline"):
        if name in outputs:
            same = outputs[name] == outputs["default"]
            print(f"  {name} output {'identical to' if same else 'DIFFERENT from'} one process's")
    stage_breakdown(docs)
    one_article(5, args.baseline)
    help_start()


if __name__ == "__main__":
    main()
