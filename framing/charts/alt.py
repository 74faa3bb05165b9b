"""Alt text of the charts: one or two sentences saying what a chart plots, with its key numbers,
for the `alt` of the report's `<img>` (a reader who cannot see the chart gets what it shows).
Computed from the same rows and the same choices (what is ranked, what is left out) as the
chart, without matplotlib.

>>> alt_text("charts/pie.svg", [])
'Chart pie.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from statistics import median

from framing.charts.categories import CONTEXT, profile_columns, profile_rate
from framing.charts.reuse import ranked_reuse
from framing.charts.reuse_heatmap import heatmap_cells
from framing.charts.rows import (
    Row,
    as_number,
    clean,
    label_chooser,
    ok_rows,
    score_source,
    short,
)
from framing.charts.sentence_strip import sentence_cells
from framing.charts.timeline import timeline_points


def alt_text(kind: str, rows: Iterable[Row]) -> str:
    """What the chart `kind` (a kind of KINDS, or a chart's file name such as
    "charts/framing_map.svg") plots from `rows`, in a sentence or two with its key numbers."""
    kind = kind.rpartition("/")[2].partition(".")[0]
    rows = ok_rows(rows)
    describe = _DESCRIBE.get(kind)
    text = describe(rows) if describe and rows else None
    return clean(text) if text else f"Chart {clean(kind)}."


def _counts(values: Iterable[object]) -> str:
    """'3 promotional, 1 critical': the values by count, most first."""
    counts = Counter(str(v) for v in values)
    return ", ".join(f"{n:,} {v}" for v, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))


def _framing_map(rows: list[Row]) -> str | None:
    rows = [r for r in rows if as_number(r.get("promotional")) is not None
            and as_number(r.get("critical")) is not None]
    if not rows:
        return None
    what, mixed = score_source(rows)
    top = max(rows, key=lambda r: (as_number(r["critical"]), str(r.get("id"))))
    by = label_chooser(rows)
    return (f"Framing map: {len(rows):,} articles plotted by promotional against critical "
            f"{what}{f' ({mixed})' if mixed else ''}; labels by the {by}: "
            f"{_counts(r.get('label') or 'unknown' for r in rows)}. Most critical: "
            f"{short(str(top.get('id')))} at {as_number(top['critical']):.2f}.")


def _categories(rows: list[Row]) -> str | None:
    columns = profile_columns(rows)
    rates = {c: [v for r in rows if (v := profile_rate(r, c)) is not None] for c in columns}
    means = {c: sum(v) / len(v) for c, v in rates.items() if v}
    if not means:
        return None
    parts = [f"{'context words' if c == CONTEXT else c} {m:.1f}" for c, m in means.items()]
    return (f"Lexicon category profile of {len(rows):,} articles, mean hits per 1,000 words: "
            f"{', '.join(parts)}."
            + (" Sovereignty counts its cues only; context words are shown apart."
               if CONTEXT in means else ""))


def _reuse(rows: list[Row]) -> str | None:
    rows = ranked_reuse(rows)
    if not rows:
        return None
    top = rows[0]  # the chart's top bar
    return (f"Press-release reuse of {len(rows):,} articles by kind: "
            f"{_counts(r['reuse_kind'] for r in rows)}. Most reused: "
            f"{short(str(top.get('id')))}, "
            f"{as_number(top.get('reuse_article_share')) or 0.0:.0%} of its words.")


def _reuse_heatmap(rows: list[Row]) -> str | None:
    shown, used, cols, sources, cells = heatmap_cells(rows)
    if not shown:
        return None
    ids, columns = {str(r.get("id")) for r in shown}, set(cols)
    (article, source), share = max(((key, v) for key, v in cells.items()
                                    if key[0] in ids and key[1] in columns),
                                   key=lambda x: (x[1], x[0]))  # a cell the chart draws
    return (f"Reuse by release: the share of each article taken from each press release, for "
            f"{len(shown)} of {len(used):,} articles and {len(cols)} of {len(sources)} "
            f"releases. Largest: {short(article)} from {short(source)}, {share:.0%}.")


def _sovereignty(rows: list[Row]) -> str | None:
    rows = [r for r in rows if r.get("sovereignty_stance")]
    if not rows:
        return None
    laws = sum(1 for r in rows if r.get("extraterritorial_law") is True)
    return (f"Sovereignty stance of {len(rows):,} articles: "
            f"{_counts(r['sovereignty_stance'] for r in rows)}; {laws:,} name an "
            "extraterritorial law.")


def _sentence_strip(rows: list[Row]) -> str | None:
    strips, shown, total = sentence_cells(rows)
    if not strips:
        return None
    letters = Counter(c for r in rows for c in str(r.get("sentence_labels") or "").upper())
    n = sum(letters.values()) or 1
    by = label_chooser(r for r in rows if r.get("sentence_labels"))
    which = f"{shown:,} of {total:,}" if shown < total else f"the {total:,}"
    return (f"Sentence strip: each sentence of {which} articles in reading order, "
            f"labelled by the {by}: {letters['P'] / n:.0%} promotional, "
            f"{letters['N'] / n:.0%} neutral, {letters['C'] / n:.0%} critical"
            + (", the articles with the largest share of critical sentences shown."
               if shown < total else "."))


def _readability(rows: list[Row]) -> str | None:
    panels: dict[str, list[float]] = {}
    for r in rows:
        if (score := as_number(r.get("readability_score"))) is not None:
            formula = str(r.get("readability_formula") or "?").partition(" (")[0]
            formula = {"flesch_reading_ease_fr": "French Flesch (Kandel & Moles)",
                       "flesch_reading_ease": "English Flesch"}.get(formula, formula)
            panels.setdefault(formula, []).append(score)
    if not panels:
        return None
    parts = [f"{f}: median {median(v):.1f} over {len(v):,} article{'s' * (len(v) != 1)}"
             for f, v in sorted(panels.items())]
    return f"Readability, one panel per formula (0–100, higher is easier): {'; '.join(parts)}."


def _timeline(rows: list[Row]) -> str | None:
    unit, series = timeline_points(rows)
    points = series.get("all", [])
    if not points:
        return None
    what, _ = score_source(rows)
    low = min(points, key=lambda p: (p[1], p[0]))
    high = max(points, key=lambda p: (p[1], p[0]))
    return (f"Framing balance over time: the mean promotional − critical {what} per {unit} of "
            f"{sum(n for *_, n in points):,} dated articles, {points[0][0]} to {points[-1][0]}; "
            f"lowest {low[1]:+.2f} ({low[0]}), highest {high[1]:+.2f} ({high[0]}).")


_DESCRIBE = {
    "framing_map": _framing_map,
    "categories": _categories,
    "reuse": _reuse,
    "reuse_heatmap": _reuse_heatmap,
    "sovereignty": _sovereignty,
    "sentence_strip": _sentence_strip,
    "readability": _readability,
    "timeline": _timeline,
}
