"""Main-text extraction from saved web pages, scored by the extraction benchmark's own rule.

Reads the benchmark in ../shared/html-eval/ (300 real pages of trafilatura's public evaluation
set; its README gives the origin and the rule; the pages are data, never committed here) and
prints, side by side in one run, for each reader: precision, recall and F1 over the snippets,
the pages that came out empty and the time per page.

    framing       framing's reader, as `framing score` reads a page (`framing read PAGE`):
                  charset, main text, and an empty page as the error it is
    trafilatura   trafilatura's extract() with its defaults, on the raw bytes: the reference
    raw HTML      the page's bytes decoded as UTF-8, tags and all: the floor

The rule (the benchmark's): every run of whitespace collapsed to one space, on the snippet and
on the text; a `with` snippet found is a true positive (else a false negative), a `without`
snippet found a false positive; an empty output finds nothing; micro-averaged over snippets.

    .venv/bin/python benchmarks/html_extraction.py [--data ../shared/html-eval] [--show-empty]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.documents import read_documents

_SPACES = re.compile(r"\s+")


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def framing_text(path: Path) -> str:
    (document,) = read_documents([str(path)])
    return document.text


def trafilatura_text(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_bytes(), include_comments=False) or ""


def raw_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


READERS: dict[str, Callable[[Path], str]] = {
    "framing": framing_text,
    "trafilatura": trafilatura_text,
    "raw HTML": raw_text,
}


def score(reader: Callable[[Path], str], cases: dict, pages: Path) -> dict:
    tp = fp = fn = 0
    empty: list[str] = []
    started = time.perf_counter()
    for case in cases.values():
        try:
            text = collapse(reader(pages / case["file"]))
        except Exception as exc:  # noqa: BLE001 (a crash finds nothing, as in the benchmark's rule)
            print(f"  {case['file']}: {type(exc).__name__}: {exc}", file=sys.stderr)
            text = ""
        if not text:
            empty.append(case["file"])
        found = [bool(text) and collapse(s) in text for s in case["with"]]
        tp += sum(found)
        fn += len(found) - sum(found)
        fp += sum(bool(text) and collapse(s) in text for s in case["without"])
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "empty": empty,
            "ms_per_page": 1000 * elapsed / len(cases)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "html-eval")
    parser.add_argument("--readers", default=",".join(READERS),
                        help="comma-separated, among: " + ", ".join(READERS))
    parser.add_argument("--show-empty", action="store_true", help="list the empty pages")
    args = parser.parse_args()
    cases = json.loads((args.data / "evaldata.json").read_text(encoding="utf-8"))
    snippets = sum(len(c["with"]) + len(c["without"]) for c in cases.values())
    print(f"{len(cases)} pages, {snippets} snippets, from {args.data}")
    print(f"{'reader':<12} {'F1':>6} {'P':>6} {'R':>6} {'empty':>6} {'ms/page':>8}")
    for name in args.readers.split(","):
        result = score(READERS[name], cases, args.data / "pages")
        print(f"{name:<12} {result['f1']:>6.3f} {result['precision']:>6.3f} "
              f"{result['recall']:>6.3f} {len(result['empty']):>6} {result['ms_per_page']:>8.1f}")
        if args.show_empty:
            for file in result["empty"]:
                print(f"    empty: {file}")


if __name__ == "__main__":
    main()
