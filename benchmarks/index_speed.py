"""The report's index.html at 5,000 articles in headless Chromium: time to open, time for a filter
to apply, beside the index as it was before issue 15 (one server-drawn table of every row).

    python benchmarks/index_speed.py [--articles 5000] [--runs 3]

The rows are tests/index_rows.py's (the flat rows of `framing report`, made up so that no
scoring is timed); both pages come from the report code (framing.index_page.index_page, and the
old framing/html.py read from git at BASELINE). "open" is Chromium's wall time from start to the
DOM dumped after load, less that of an empty page (the browser's own start); "first draw" and
"filter" are measured by the new page itself (performance.now(), written on <body>). Prints
medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.index_page import index_page
from tests.index_rows import links, many_rows

BASELINE = "3ccdd04"  # the commit before issue 15
CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"]


def baseline_index_page():
    """index_page of framing/html.py at BASELINE."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{BASELINE}:framing/html.py"],
                            check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("baseline_html")
    exec(compile(source, "baseline_html.py", "exec"), module.__dict__)  # noqa: S102 (our own file, from git)
    return module.index_page


def open_page(url: str, folder: Path) -> tuple[float, str]:
    """(seconds from Chromium's start to the DOM after load, that DOM), a new profile each time."""
    profile = Path(tempfile.mkdtemp(dir=folder))
    start = time.perf_counter()
    dom = subprocess.run([*CHROMIUM, f"--user-data-dir={profile}", "--dump-dom", url],
                         check=False, capture_output=True, text=True, timeout=300).stdout
    return time.perf_counter() - start, dom


def body_number(dom: str, name: str) -> float:
    body = dom.split("<body", 1)[1].split(">", 1)[0]
    return float(body.split(f'{name}="', 1)[1].split('"', 1)[0]) if name in body else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = many_rows(args.articles)
    pages = {"new": index_page("bench", rows, links(rows), [], [], []),
             "baseline": baseline_index_page()("bench", rows, links(rows), [], [], [])}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "empty.html").write_text("<!DOCTYPE html><title>empty</title>", "utf-8")
        for name, html in pages.items():
            (folder / f"{name}.html").write_text(html, "utf-8")
        empty = statistics.median(open_page((folder / "empty.html").as_uri(), folder)[0]
                                  for _ in range(args.runs))
        for name, html in pages.items():
            url = (folder / f"{name}.html").as_uri() + "#bench=Tech%20Hebdo"
            runs = [open_page(url, folder) for _ in range(args.runs)]
            wall = statistics.median(t for t, _ in runs) - empty
            draw = statistics.median(body_number(d, "data-render-ms") for _, d in runs)
            filt = statistics.median(body_number(d, "data-filter-ms") for _, d in runs)
            size = len(html.encode("utf-8")) / 1e6
            shown = runs[-1][1].count("<tr>") - 1
            timed = (f"first draw {draw:.0f} ms, filter 'Tech Hebdo' {filt:.0f} ms"
                     if name == "new" else "no first-draw figure (server-drawn), no filter")
            print(f"{name:8s} {args.articles:,} articles, {size:.1f} MB: open {wall:.2f} s "
                  f"(browser start {empty:.2f} s taken off), {timed}, rows in the DOM after "
                  f"load {shown:,}")


if __name__ == "__main__":
    main()
