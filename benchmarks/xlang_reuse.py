"""Translated reuse on real human translations: articles in one language against sources in the
other, per material and direction.

    python benchmarks/xlang_reuse.py [../shared/xlang] [--verbose]

Reads the English-French pairs of ../shared/xlang (the Cross-Language-Dataset of Ferrero et al.,
CC BY-SA 4.0; its README says what each folder holds). The data is for measurement only: it is
never copied into the project, and this script says so and stops when the folder is absent.

- Europarl: the aligned session is cut into chunks of consecutive lines of about 100 and 250
  words. Each chunk, as an article, is compared with a pool of every chunk of the other
  language (its true source and its neighbours) plus the Wikipedia leads, JRC decisions and
  reviews of that language: *found* when the best source is its own chunk with kind
  `translated`. Then the same pool without its own chunk: any reuse reported is *false*.
- JRC-Acquis: each decision against the 11 decisions of the other language (a templated,
  near-identical series): found when its own decision comes out, `sibling` when another one
  does.
- Reviews (machine-translated English, lower-cased): each against every review of the other
  language.
- Wikipedia leads (comparable, not translations): against every lead of the other language and
  the Europarl chunks; any reuse reported is false.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.reuse import SourceIndex

DEFAULT = ROOT.parent / "shared" / "xlang"
SIZES = (100, 250)
LANGS = ("en", "fr")


def folder_texts(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def europarl_chunks(data: Path, size: int) -> dict[str, list[str]]:
    """{lang: [chunk text]}: consecutive aligned lines, cut when the English side reaches
    `size` words (the French side is cut at the same lines)."""
    lines = {lang: (data / "europarl" / f"ep-00-02-17.{lang}.txt").read_text(
        encoding="utf-8").splitlines() for lang in LANGS}
    chunks: dict[str, list[str]] = {lang: [] for lang in LANGS}
    start, words = 0, 0
    for i, line in enumerate(lines["en"]):
        words += len(line.split())
        if words >= size or i == len(lines["en"]) - 1:
            for lang in LANGS:
                chunks[lang].append("\n".join(lines[lang][start : i + 1]))
            start, words = i + 1, 0
    return chunks


class Tally:
    def __init__(self, name: str) -> None:
        self.name, self.n, self.found, self.false, self.sibling = name, 0, 0, 0, 0
        self.seconds = 0.0
        self.comparisons = 0

    def line(self) -> str:
        parts = [f"{self.name:<34}"]
        if self.n:
            parts.append(f"found {self.found:>2}/{self.n:<2} ({self.found / self.n:.2f})")
        if self.sibling:
            parts.append(f"sibling {self.sibling}")
        parts.append(f"false reuse {self.false}")
        per = self.seconds / max(self.comparisons, 1) * 1000
        parts.append(f"{self.seconds:5.2f} s ({per:.0f} ms an article)")
        return "  ".join(parts)


def compare(index: SourceIndex, text: str, doc_id: str, tally: Tally):
    start = time.perf_counter()
    found = index.compare(text, doc_id)
    tally.seconds += time.perf_counter() - start
    tally.comparisons += 1
    return found


def run(data: Path, verbose: bool) -> list[Tally]:
    texts = {material: {lang: folder_texts(data / material / lang) for lang in LANGS}
             for material in ("jrc", "apr", "wikipedia")}
    chunks = {size: europarl_chunks(data, size) for size in SIZES}
    tallies = []
    for a_lang, s_lang in (("en", "fr"), ("fr", "en")):
        direction = f"{a_lang.upper()} article vs {s_lang.upper()} sources"
        others = {f"{m}-{k}": t for m in texts for k, t in texts[m][s_lang].items()}
        for size in SIZES:
            own = {f"ep{size}-{i:02d}": t for i, t in enumerate(chunks[size][s_lang])}
            found = Tally(f"Europarl ~{size} words, {direction}")
            false = Tally("  same, own chunk removed from pool")
            pool = {**own, **others}
            index = SourceIndex(pool.items())
            for i, text in enumerate(chunks[size][a_lang]):
                result = compare(index, text, f"article-{i}", found)
                found.n += 1
                hit = result.source == f"ep{size}-{i:02d}" and result.kind == "translated"
                found.found += hit
                if verbose and not hit:
                    print(f"    missed ep{size}-{i:02d}: {result.kind} {result.source} "
                          f"{len(result.passages)} passages", file=sys.stderr)
            for i, text in enumerate(chunks[size][a_lang]):
                without = {k: v for k, v in pool.items() if k != f"ep{size}-{i:02d}"}
                result = compare(SourceIndex(without.items()), text, f"article-{i}", false)
                false.false += result.kind != "none"
                if verbose and result.kind != "none":
                    print(f"    false ep{size}-{i:02d}: {result.kind} {result.source}",
                          file=sys.stderr)
            tallies += [found, false]
        for material in ("jrc", "apr"):
            tally = Tally(f"{material.upper()} {direction}")
            pool = {f"{material}-{k}": t for k, t in texts[material][s_lang].items()}
            index = SourceIndex({**pool, **{f"ep-{i}": t for i, t in
                                            enumerate(chunks[250][s_lang])}}.items())
            for key, text in texts[material][a_lang].items():
                result = compare(index, text, key, tally)
                tally.n += 1
                if result.kind == "translated" and result.source == f"{material}-{key}":
                    tally.found += 1
                elif result.kind != "none" and result.source.startswith(material):
                    tally.sibling += 1
                elif result.kind != "none":
                    tally.false += 1
                if verbose and result.source != f"{material}-{key}":
                    print(f"    {material} {key}: {result.kind} {result.source}", file=sys.stderr)
            tallies.append(tally)
        tally = Tally(f"Wikipedia leads {direction}")
        pool = {f"wikipedia-{k}": t for k, t in texts["wikipedia"][s_lang].items()}
        index = SourceIndex({**pool, **{f"ep-{i}": t for i, t in
                                        enumerate(chunks[250][s_lang])}}.items())
        for key, text in texts["wikipedia"][a_lang].items():
            result = compare(index, text, key, tally)
            tally.false += result.kind != "none"
            if verbose and result.kind != "none":
                print(f"    wikipedia {key}: {result.kind} {result.source}", file=sys.stderr)
        tallies.append(tally)
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--verbose", action="store_true", help="list misses and false reuse")
    args = parser.parse_args()
    if not (args.data / "europarl").is_dir():
        print(f"{args.data}: no cross-language pairs here (they are never committed); skipped")
        return
    start = time.perf_counter()
    for tally in run(args.data, args.verbose):
        print(tally.line())
    print(f"total {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
