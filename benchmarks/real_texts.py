"""The real articles' texts that are not in git: which are here, and how to put back the others.

Each real record (framing/data/real/train.jsonl, tests/data/real_checkset.jsonl) holds the
page's url, the search query that returned it and the sha256 of its text. Texts whose licence
allows it are in the record; the others live in real-texts/<id>.txt (git-ignored).

    .venv/bin/python benchmarks/real_texts.py            # counts, and the missing ones (id, url, query)
    .venv/bin/python benchmarks/real_texts.py save ID < excerpt.txt

To rebuild a missing text with the search tool: search the record's `query` in the `pages`
corpus, take the result whose url is the record's `url` (a page may be stored more than once,
with different excerpts: `save` tells which one was coded), and pipe its excerpt into `save ID`.
`save` removes the marker " date YYYY-MM" that the corpus puts before some excerpts and the
white space around the text, as the collectors did, checks the sha256 and writes the file; a
text that does not match is not written (the page may have been stored anew since).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.corpus import read_real, real_text, real_texts_dir
from framing.outputs import write_atomic
from framing.training import REAL_TRAIN

SETS = (REAL_TRAIN, ROOT / "tests" / "data" / "real_checkset.jsonl")
_DATE_MARKER = re.compile(r"^\s*date \d{4}(?:-\d{2})?(?:-\d{2})?\s+")


def records() -> dict[str, dict]:
    return {row["id"]: row for path in SETS for row in read_real(path)}


def as_collected(excerpt: str) -> str:
    """The excerpt as the collectors saved it: no leading date marker, no outer white space."""
    return _DATE_MARKER.sub("", excerpt, count=1).strip()


def status() -> int:
    rows = records()
    missing = [r for r in rows.values() if real_text(r) is None]
    published = sum("text" in r for r in rows.values())
    print(f"{len(rows)} real articles: {published} texts in the records, "
          f"{len(rows) - published - len(missing)} in {real_texts_dir()}, {len(missing)} missing")
    for r in missing:
        print(f"{r['id']}\t{r['url']}\t{r['query']}")
    return 0


def save(article_id: str, excerpt: str) -> int:
    row = records().get(article_id)
    if row is None:
        print(f"no real article {article_id!r}", file=sys.stderr)
        return 2
    text = as_collected(excerpt)
    if real_text({**row, "text": text}) is None:  # None: not the sha256 that was coded
        print(f"{article_id}: this text is not the one that was coded (sha256 differs); "
              f"not written", file=sys.stderr)
        return 1
    folder = real_texts_dir()
    write_atomic(folder / f"{article_id}.txt", text)
    print(f"{article_id}: written to {folder}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "save":
        sys.exit(save(sys.argv[2], sys.stdin.read()))
    sys.exit(status())
