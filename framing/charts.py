"""Charts of a batch of scored articles, drawn from the flat rows of `Record.to_row()` (what
scores.jsonl / scores.csv hold), as PNG (slides) and SVG (papers).

Every chart is colour-blind safe (Okabe–Ito colours), readable in greyscale (markers, hatching,
printed values), titled, with units on its axes; output is deterministic (two runs give
byte-identical SVG) and written atomically. matplotlib is imported inside the functions only,
so that `import framing.charts` (and the CLI) stays fast.

>>> group_of({"meta_outlet": "Le Monde", "language": "fr"}, "outlet")
'Le Monde'
>>> group_of({"language": "fr"}, "outlet"), group_of({"language": "fr"}, None)
('unknown', 'all')
>>> time_bin(date(2024, 5, 15), "week"), time_bin(date(2024, 5, 15), "month")
(datetime.date(2024, 5, 13), datetime.date(2024, 5, 1))
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import unicodedata
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from math import isnan
from pathlib import Path
from statistics import mean
from typing import Any

KINDS = ("framing_map", "categories", "reuse", "reuse_heatmap", "sovereignty", "sentence_strip",
         "readability", "timeline")
FORMATS = ("png", "svg", "pdf")

# Okabe & Ito (2008), "Color Universal Design". Yellow last: it is hard to see on white.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000",
             "#F0E442")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
GREY = "#999999"
MAX_GROUPS = 8  # beyond this, the smallest groups are pooled as "other"

# Framing labels: orange, blue and light grey stay distinct in greyscale (lightness 162/87/222).
LETTER_COLOURS = {"P": "#E69F00", "N": "#DEDEDE", "C": "#0072B2"}
LETTER_NAMES = {"P": "promotional", "N": "neutral", "C": "critical"}
LABEL_STYLE = {  # (colour, marker) for article labels
    "promotional": ("#E69F00", "^"),
    "neutral": (GREY, "o"),
    "critical": ("#0072B2", "v"),
}
REUSE_STYLE = {  # (colour, hatch)
    "verbatim": ("#D55E00", ""),
    "partial": ("#E69F00", "///"),
    "translated": ("#56B4E9", "xxx"),
    "none": ("#BBBBBB", ""),
}
STANCE_STYLE = {  # (colour, hatch)
    "question": ("#0072B2", ""),
    "promise": ("#E69F00", ""),
    "none": ("#DEDEDE", ""),
}
# The lexicon's top-level categories, in reading order (others follow alphabetically).
CATEGORY_ORDER = ("promotional", "critical", "sovereignty", "extraterritorial", "hedging",
                  "attribution", "neutral")

LABEL_CHARS = 20  # point and tick labels: the id cut to this length
MAX_POINT_LABELS = 40  # the framing map labels its points up to this many articles
MAX_STRIP_ROWS = 60  # the sentence strip shows at most this many articles
MAX_BAR_ROWS = 60  # reuse bars and heatmap rows
MAX_HEATMAP_SOURCES = 30
MAX_ARTICLE_CATEGORIES = 30  # the category profile is per group beyond this many articles
DPI = 150

# Columns that stay text when read back from CSV (ids like "001" must not become numbers).
TEXT_COLUMNS = {
    "id", "path", "title", "error_code", "error_message", "language", "label", "label_method",
    "lexicon_label", "sentence_labels", "sovereignty_stance", "laws", "readability_formula",
    "speakers", "top_evidence", "reuse_kind", "reuse_source", "reuse_sources",
}


# --- rows ---------------------------------------------------------------------------------------


def load_rows(path: Path | str) -> list[dict[str, Any]]:
    """The flat rows of a scores.jsonl or scores.csv. CSV values come back typed (numbers, bools);
    empty strings become None in both formats, so the two load to the same rows. A JSONL of
    nested records (`Record.to_dict()`, `framing score --json`) is flattened to the same columns."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as f:
        if path.suffix.lower() == ".csv":
            raw = list(csv.DictReader(f))
        else:
            raw = [json.loads(line) for line in f if line.strip()]
    rows = []
    for row in raw:
        if isinstance(row.get("framing"), dict) or isinstance(row.get("meta"), dict):
            row = _flatten_record(row)
        rows.append({k: _typed(k, v) for k, v in row.items()})
    return rows


def _typed(column: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or column in TEXT_COLUMNS or column.startswith("meta_"):
        return value
    if value in ("True", "true"):
        return True
    if value in ("False", "false"):
        return False
    try:
        return int(value)
    except ValueError:
        pass
    try:
        return float(value)
    except ValueError:
        return value


def _flatten_record(d: dict) -> dict[str, Any]:
    """The chart columns of `Record.to_row()` from a nested `Record.to_dict()` record."""
    row: dict[str, Any] = {"id": d.get("id"), "path": d.get("path"), "title": d.get("title")}
    error = d.get("error") or {}
    row["error_code"] = error.get("code")
    row["language"] = d.get("language")
    f = d.get("framing") or {}
    row["label"] = f.get("label")
    row["promotional"] = f.get("promotional")
    row["critical"] = f.get("critical")
    sentences = f.get("sentences")
    row["sentence_labels"] = ("".join(s["label"][0].upper() for s in sentences)
                              if sentences is not None else None)
    s = d.get("sovereignty") or {}
    row["sovereignty_stance"] = s.get("stance")
    row["extraterritorial_law"] = s.get("extraterritorial_law")
    row["laws"] = "; ".join(s["laws"]) if "laws" in s else None
    r = d.get("readability") or {}
    row["readability_formula"] = r.get("formula")
    row["readability_score"] = r.get("score")
    reuse = d.get("reuse")
    row["reuse_kind"] = reuse.get("kind") if reuse else None
    row["reuse_article_share"] = reuse.get("article_share") if reuse else None
    row["reuse_sources"] = ";".join(
        f"{x['source']}={x['article_share']}" for x in reuse.get("sources", [])
    ) if reuse else None
    row.update({f"rate_{c}": v for c, v in (f.get("categories") or {}).items()})
    row.update({f"meta_{k}": v for k, v in sorted((d.get("meta") or {}).items())})
    return row


def group_of(row: dict, group_by: str | None) -> str:
    """The row's group: "all" without grouping; "outlet" is the `meta_outlet` column; any other
    name is a column, with or without its `meta_` prefix; a missing value is "unknown"."""
    if group_by is None:
        return "all"
    if group_by == "outlet":
        candidates = ["meta_outlet", "outlet"]
    elif group_by.startswith("meta_"):
        candidates = [group_by, group_by[5:]]
    else:
        candidates = [group_by, f"meta_{group_by}"]
    for column in candidates:
        value = row.get(column)
        if value is not None and value != "":
            text = clean(str(value))
            return text if text.strip() else "unknown"
    return "unknown"


def clean(text: str) -> str:
    """Label text from untrusted input: control characters become spaces, format characters
    (bidi overrides, zero-width) go. (`$` needs no escaping: the charts turn mathtext off.)"""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text
                   if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn"))


def short(text: str, n: int = LABEL_CHARS) -> str:
    text = clean(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _ok(rows) -> list[dict]:
    """Rows without an error, in id order (sorted iteration: the charts do not depend on the
    order of the input)."""
    kept = [r for r in rows if not r.get("error_code")]
    return sorted(kept, key=lambda r: (str(r.get("id")), str(r.get("path"))))


def _num(value) -> float | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if isnan(x) else x  # NaN is missing


def _groups(rows, group_by) -> dict[str, str]:
    """{row id: display group}, pooling the smallest groups as "other" beyond MAX_GROUPS."""
    raw = {_key(r): group_of(r, group_by) for r in rows}
    counts = Counter(raw.values())
    if len(counts) <= MAX_GROUPS:
        return raw
    keep = {g for g, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[: MAX_GROUPS - 1]}
    return {k: g if g in keep else "other" for k, g in raw.items()}


def _key(row) -> tuple[str, str]:
    return (str(row.get("id")), str(row.get("path")))


def _group_order(names) -> list[str]:
    """Alphabetical, with "unknown" and "other" last."""
    tail = {"unknown": 1, "other": 2}
    return sorted(set(names), key=lambda g: (tail.get(g, 0), g.casefold(), g))


def _group_styles(names) -> dict[str, tuple[str, str]]:
    styles = {}
    for i, g in enumerate(_group_order(names)):
        colour = GREY if g == "other" else OKABE_ITO[i % len(OKABE_ITO)]
        styles[g] = (colour, MARKERS[i % len(MARKERS)])
    return styles


def _group_by_name(group_by: str | None) -> str:
    return {None: "", "meta_outlet": "outlet"}.get(group_by, group_by or "").removeprefix("meta_")


# --- drawing ------------------------------------------------------------------------------------


def draw(kind: str, rows, out_stem: Path | str, *, group_by: str | None = None,
         size: tuple[float, float] | None = None, formats=("png", "svg"),
         title: str | None = None) -> list[Path]:
    """Draw one chart of `rows` into `out_stem`.png / .svg (the `formats` asked); the paths
    written, or [] when the chart does not apply to these rows."""
    if kind not in KINDS:
        raise ValueError(f"unknown chart {kind!r}; one of {', '.join(KINDS)}")
    formats = tuple(formats)
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ValueError(f"unsupported format {bad or formats}; use {', '.join(FORMATS)}")
    rows = _ok(rows)
    if not rows:
        return []
    plt = _pyplot()
    with plt.rc_context(_STYLE):
        fig = _DRAWERS[kind](plt, rows, group_by, size, title)
        if fig is None:
            return []
        return _save_all(fig, out_stem, formats)


def draw_all(rows, out_dir: Path | str, *, group_by: str | None = None,
             formats=("png", "svg")) -> list[Path]:
    """Every chart that applies to `rows`, as `<kind>.png` and `<kind>.svg` in `out_dir`."""
    out_dir = Path(out_dir)
    rows = _ok(rows)
    written: list[Path] = []
    for kind in KINDS:
        written += draw(kind, rows, out_dir / kind, group_by=group_by, formats=formats)
    return written


_STYLE = {
    "svg.hashsalt": "framing",
    "text.parse_math": False,  # "$5bn" in a title or an id is text, not mathtext
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "path.simplify": True,
}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "framing"
    return plt


def _save_all(fig, out_stem, formats) -> list[Path]:
    """Save `fig` in every format, then close it. The layout is made once, at the figure's own
    dpi, then frozen: every format gets the same positions (a layout redone at each format's
    dpi would differ by fractions of a point, and SVG would then depend on whether PNG was
    written first)."""
    import matplotlib.pyplot as plt

    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    try:
        return [_save(fig, Path(out_stem), fmt) for fmt in formats]
    finally:
        plt.close(fig)


def _save(fig, stem: Path, fmt: str) -> Path:
    path = stem.with_name(f"{stem.name}.{fmt}")
    path.parent.mkdir(parents=True, exist_ok=True)
    metadata = {
        "svg": {"Date": None, "Creator": "framing"},
        "png": {"Software": "framing"},
        "pdf": {"Creator": "framing", "Producer": "framing", "CreationDate": None},
    }[fmt]
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes files private; charts are not
        with os.fdopen(fd, "wb") as out:
            out.write(buffer.getvalue())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def _figure(plt, size, default):
    return plt.figure(figsize=size or default, layout="constrained")


def _title(fig, ax, default: str, title: str | None, note: str | None = None):
    """The chart's title (bold, top left) and, under it, a note in plain type (what is shown,
    what was left out)."""
    fig.suptitle(clean(title) if title else default, x=0.01, ha="left", fontsize=11,
                 fontweight="bold")
    if note and ax is not None:
        ax.set_title(note, loc="left", fontsize=8.5, fontweight="normal", color="#333333")
    elif note:
        fig.supxlabel(note, fontsize=8.5, color="#333333")


def _legend(fig, handles, title=None, loc="outside right upper"):
    """A legend outside the plotting area, so it never covers data."""
    return fig.legend(handles=handles, loc=loc, title=title, frameon=False)


# 1. framing map ---------------------------------------------------------------------------------


def _framing_map(plt, rows, group_by, size, title):
    from matplotlib.lines import Line2D

    rows = [r for r in rows if _num(r.get("promotional")) is not None
            and _num(r.get("critical")) is not None]
    if not rows:
        return None
    if group_by is None:  # without groups, colour and shape show the article's label
        groups = {_key(r): str(r.get("label") or "unknown") for r in rows}
        styles = {g: LABEL_STYLE.get(g, (GREY, "s")) for g in groups.values()}
        legend_title = "article label"
    else:
        groups = _groups(rows, group_by)
        styles = _group_styles(groups.values())
        legend_title = _group_by_name(group_by)
    many = len(rows) > MAX_POINT_LABELS
    fig = _figure(plt, size, (8.0, 6.0))
    ax = fig.add_subplot()
    top = max(max(_num(r["promotional"]), _num(r["critical"])) for r in rows)
    limit = min(1.0, max(0.2, top * 1.15 + 0.05))
    ax.set_xlim(-0.04 * limit, limit)
    ax.set_ylim(-0.07 * limit, limit)  # room for labels beside points at 0
    ax.plot([0, limit], [0, limit], color="#555555", lw=0.8, ls="--", zorder=1)
    handles = []
    for g in _group_order(styles):
        members = [r for r in rows if groups[_key(r)] == g]
        colour, marker = styles[g]
        xs = [_num(r["promotional"]) for r in members]
        ys = [_num(r["critical"]) for r in members]
        ax.scatter(xs, ys, s=12 if many else 48, marker=marker, color=colour,
                   alpha=0.35 if many else 0.95, edgecolors="none" if many else "black",
                   linewidths=0.5, zorder=3, rasterized=len(rows) > 2000)
        handles.append(Line2D([], [], ls="", marker=marker, color=colour, markersize=7,
                              markeredgecolor="black", markeredgewidth=0.5,
                              label=f"{g} ({len(members)})"))
    ax.set_xlabel("promotional score (0–1, lexicon + classifier)")
    ax.set_ylabel("critical score (0–1, lexicon + classifier)")
    ax.grid(True, lw=0.4, color="#DDDDDD", zorder=0)
    handles.append(Line2D([], [], color="#555555", lw=0.8, ls="--",
                          label="promotional = critical"))
    _legend(fig, handles, legend_title)
    note = (f"{len(rows):,} articles; point labels omitted beyond {MAX_POINT_LABELS}" if many
            else f"{len(rows)} article{'s' * (len(rows) != 1)}")
    _title(fig, ax, "Framing map: promotional vs critical score", title, note)
    if not many:
        _label_points(fig, ax, [(_num(r["promotional"]), _num(r["critical"]),
                                 short(str(r.get("id")))) for r in rows])
    return fig


def _label_points(fig, ax, points):
    """Place one label per point where it overlaps no other label, no point and stays inside
    the axes: candidates around the point at growing distances; a leader line when far."""
    fig.canvas.draw()  # runs the layout: the axes' final position
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    box = ax.get_window_extent(renderer)
    px = [tuple(to_px((x, y))) for x, y, _ in points]
    scale = fig.dpi / 72.0
    r_pt = 4.5 * scale  # half a marker, in pixels
    obstacles = [(x - r_pt, y - r_pt, x + r_pt, y + r_pt) for x, y in px]
    placed: list[tuple[float, float, float, float]] = []
    directions = [(1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1), (0, 1), (0, -1)]
    order = sorted(range(len(points)), key=lambda i: (points[i][0], points[i][1], points[i][2]))
    for i in order:
        x, y, text = points[i]
        probe = ax.annotate(text, (x, y), fontsize=7)
        bb = probe.get_window_extent(renderer)
        probe.remove()
        best = None
        for radius in (7, 14, 24, 36, 50, 66):
            for dx, dy in directions:
                ox = dx * radius * scale
                oy = dy * radius * scale * (0.8 if dx else 1.0)
                rect = _label_rect(px[i], ox, oy, dx, dy, bb.width, bb.height, 2.5 * scale)
                cost = sum(_overlap(rect, o) for o in placed + obstacles)
                if radius > 7:  # a leader line should not cross another point
                    end = (px[i][0] + ox, px[i][1] + oy)
                    cost += sum(200 for j, p in enumerate(px)
                                if j != i and _distance(p, px[i], end) < r_pt + 2)
                cost += _outside(rect, box) * 10
                if best is None or cost < best[0]:
                    best = (cost, ox, oy, dx, dy, radius, rect)
                if cost == 0:
                    break
            if best[0] == 0:
                break
        _, ox, oy, dx, dy, radius, rect = best
        ha = "left" if dx > 0 else "right" if dx < 0 else "center"
        va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
        arrow = {"arrowstyle": "-", "color": "#666666", "lw": 0.5} if radius > 7 else None
        label = ax.annotate(text, (x, y), xytext=(ox / scale, oy / scale),
                            textcoords="offset points", ha=ha, va=va, fontsize=7,
                            arrowprops=arrow, zorder=4,
                            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none",
                                  "alpha": 0.7})
        label.set_in_layout(False)
        placed.append(rect)


def _label_rect(anchor, ox, oy, dx, dy, w, h, margin):
    """The display box of a label of size w × h placed at anchor + (ox, oy), aligned away from
    the point in direction (dx, dy), grown by `margin` on every side."""
    x, y = anchor[0] + ox, anchor[1] + oy
    left = x if dx > 0 else x - w if dx < 0 else x - w / 2
    bottom = y if dy > 0 else y - h if dy < 0 else y - h / 2
    return (left - margin, bottom - margin, left + w + margin, bottom + h + margin)


def _distance(p, a, b) -> float:
    """Distance from point p to the segment a–b."""
    ax_, ay = b[0] - a[0], b[1] - a[1]
    length = ax_ * ax_ + ay * ay
    t = 0.0 if not length else max(0.0, min(1.0, ((p[0] - a[0]) * ax_ + (p[1] - a[1]) * ay)
                                              / length))
    return ((p[0] - a[0] - t * ax_) ** 2 + (p[1] - a[1] - t * ay) ** 2) ** 0.5


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _outside(rect, box) -> float:
    area = (rect[2] - rect[0]) * (rect[3] - rect[1])
    inside = _overlap(rect, (box.x0 + 2, box.y0 + 2, box.x1 - 2, box.y1 - 2))
    return area - inside


# 2. category profile ----------------------------------------------------------------------------


def top_categories(rows) -> list[str]:
    """The top-level lexicon categories found in rows' `rate_*` columns (no dot), in order."""
    found = {k[5:] for r in rows for k in r if k.startswith("rate_") and "." not in k}
    return [c for c in CATEGORY_ORDER if c in found] + sorted(found - set(CATEGORY_ORDER))


def _categories(plt, rows, group_by, size, title):
    from matplotlib.colors import PowerNorm

    categories = top_categories(rows)
    rows = [r for r in rows if any(_num(r.get(f"rate_{c}")) is not None for c in categories)]
    if not categories or not rows:
        return None
    per_group = group_by is not None or len(rows) > MAX_ARTICLE_CATEGORIES
    if per_group:
        # Without a grouping, many articles are summarised by their label (and overall).
        by = group_by or "label"
        groups = _groups(rows, by)
        names = _group_order(groups.values())
        members = {g: [r for r in rows if groups[_key(r)] == g] for g in names}
        if not group_by:
            names.append("all articles")
            members["all articles"] = rows
        labels = [f"{short(g, 28)} (n={len(members[g]):,})" for g in names]
        values = [[_mean([_num(r.get(f"rate_{c}")) for r in members[g]]) for c in categories]
                  for g in names]
        what = (f"mean per {_group_by_name(group_by)}" if group_by
                else f"mean per article label, {len(rows):,} articles")
    else:
        labels = [short(str(r.get("id"))) for r in rows]
        values = [[_num(r.get(f"rate_{c}")) for c in categories] for r in rows]
        what = "per article"
    grid = [[v if v is not None else float("nan") for v in line] for line in values]
    fig = _figure(plt, size, (1.0 * len(categories) + 3.6, 0.36 * len(labels) + 2.2))
    ax = fig.add_subplot()
    top = max((v for line in values for v in line if v is not None), default=1.0) or 1.0
    image = ax.imshow(grid, aspect="auto", cmap="cividis_r", norm=PowerNorm(0.5, 0, top),
                      interpolation="nearest")
    for i, line in enumerate(values):
        for j, v in enumerate(line):
            if v is None:
                continue
            dark = (v / top) ** 0.5 > 0.55
            ax.text(j, i, f"{v:.1f}", ha="center", va="center", fontsize=7,
                    color="white" if dark else "black")
    ax.set_xticks(range(len(categories)), categories, rotation=30, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("lexicon category (top level)")
    ax.set_ylabel(_group_by_name(group_by) if group_by
                  else ("article label" if per_group else "article"))
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label("hits per 1,000 words\n(square-root colour scale)")
    _title(fig, ax, "Lexicon category profile", title, f"hits per 1,000 words, {what}")
    return fig


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return mean(values) if values else None


# 3. reuse ---------------------------------------------------------------------------------------


def _reuse(plt, rows, group_by, size, title):
    from matplotlib.patches import Patch

    rows = [r for r in rows if r.get("reuse_kind") is not None]
    if not rows:
        return None
    ranked = sorted(rows, key=lambda r: (-(_num(r.get("reuse_article_share")) or 0.0),
                                         str(r.get("id"))))
    shown = ranked[:MAX_BAR_ROWS]
    fig = _figure(plt, size, (8.2, _row_height(len(shown)) * len(shown) + 1.6))
    ax = fig.add_subplot()
    shares = [_num(r.get("reuse_article_share")) or 0.0 for r in shown]
    kinds = [str(r.get("reuse_kind")) for r in shown]
    kinds_seen = set(kinds)
    for kind in sorted(kinds_seen):  # one call per kind: bars of a kind share colour and hatch
        colour, hatch = REUSE_STYLE.get(kind, (GREY, ".."))
        at = [i for i, k in enumerate(kinds) if k == kind]
        ax.barh(at, [shares[i] * 100 for i in at], color=colour, hatch=hatch,
                edgecolor="#333333", linewidth=0.6)
    for i, (share, kind) in enumerate(zip(shares, kinds)):
        ax.text(share * 100 + 1, i, f"{share:.0%} {clean(kind)}", va="center", fontsize=7)
    ax.set_yticks(range(len(shown)), [_row_label(r, group_by) for r in shown])
    ax.set_ylim(len(shown) - 0.4, -0.6)
    ax.set_xlim(0, 118)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("share of the article's words taken from a release (%)")
    ax.grid(True, axis="x", lw=0.4, color="#DDDDDD")
    ax.set_axisbelow(True)
    handles = [Patch(facecolor=REUSE_STYLE.get(k, (GREY, ".."))[0],
                     hatch=REUSE_STYLE.get(k, (GREY, ".."))[1], edgecolor="#333333", label=k)
               for k in [*REUSE_STYLE, *sorted(kinds_seen - set(REUSE_STYLE))] if k in kinds_seen]
    _legend(fig, handles, "reuse kind")
    note = (f"{len(shown)} of {len(rows):,} articles, most reused first"
            if len(rows) > len(shown) else f"{len(rows)} articles, most reused first")
    _title(fig, ax, "Press-release reuse", title, note)
    return fig


def _row_height(n: int) -> float:
    """Inches per row of a chart with one row per article: tighter when there are many."""
    return 0.3 if n <= 20 else 0.2


def _row_label(row, group_by) -> str:
    label = short(str(row.get("id")))
    return f"{short(group_of(row, group_by), 14)} · {label}" if group_by else label


def reuse_matrix(rows) -> tuple[list[dict], list[str], dict[tuple[str, str], float]]:
    """(rows with reuse, sources, {(article id, source): article share}) from `reuse_sources`."""
    cells: dict[tuple[str, str], float] = {}
    used = []
    for r in rows:
        text = r.get("reuse_sources")
        if not text:
            continue
        found = False
        for part in str(text).split(";"):
            source, sep, share = part.rpartition("=")
            try:
                value = float(share)
            except ValueError:
                continue
            if sep and source and not isnan(value):
                cells[(str(r.get("id")), source)] = value
                found = True
        if found:
            used.append(r)
    sources = sorted({s for _, s in cells})
    return used, sources, cells


def _reuse_heatmap(plt, rows, group_by, size, title):
    used, sources, cells = reuse_matrix(rows)
    if len(sources) < 2:
        return None
    total = defaultdict(float)
    for (_, s), v in cells.items():
        total[s] += v
    cols = sorted(sources, key=lambda s: (-total[s], s))[:MAX_HEATMAP_SOURCES]
    peak = {str(r.get("id")): max(cells.get((str(r.get("id")), s), 0.0) for s in cols)
            for r in used}
    shown = sorted([r for r in used if peak[str(r.get("id"))] > 0],
                   key=lambda r: (-peak[str(r.get("id"))], str(r.get("id"))))[:MAX_BAR_ROWS]
    if not shown:
        return None
    grid = [[cells.get((str(r.get("id")), s), float("nan")) for s in cols] for r in shown]
    height = _row_height(len(shown)) * len(shown) + 2.4
    fig = _figure(plt, size, (0.55 * len(cols) + 4.4, height))
    ax = fig.add_subplot()
    ax.set_facecolor("white")
    image = ax.imshow([[v * 100 for v in line] for line in grid], aspect="auto",
                      cmap="cividis_r", vmin=0, vmax=100, interpolation="nearest")
    if len(cols) <= 15 and len(shown) <= 40:
        for i, line in enumerate(grid):
            for j, v in enumerate(line):
                if not isnan(v):
                    ax.text(j, i, f"{v:.0%}", ha="center", va="center", fontsize=6.5,
                            color="white" if v > 0.5 else "black")
    ax.set_xticks(range(len(cols)), [short(s) for s in cols], rotation=40, ha="right")
    ax.set_yticks(range(len(shown)), [_row_label(r, group_by) for r in shown])
    ax.set_xlabel("press release")
    ax.set_ylabel("article")
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label("share of the article\ntaken from the release (%)")
    parts = []
    if len(shown) < len(used):
        parts.append(f"{len(shown)} of {len(used):,} articles")
    if len(cols) < len(sources):
        parts.append(f"{len(cols)} of {len(sources)} releases")
    note = ", ".join(parts) or f"{len(shown)} articles × {len(cols)} releases"
    _title(fig, ax, "Reuse by release (blank: no passage found)", title, note)
    return fig


# 4. sovereignty ---------------------------------------------------------------------------------


def _sovereignty(plt, rows, group_by, size, title):
    from matplotlib.patches import Patch

    rows = [r for r in rows if r.get("sovereignty_stance")]
    if not rows:
        return None
    groups = _groups(rows, group_by)
    names = _group_order(groups.values())
    stances = [s for s in STANCE_STYLE if any(r["sovereignty_stance"] == s for r in rows)]
    stances += sorted({str(r["sovereignty_stance"]) for r in rows} - set(STANCE_STYLE))
    fig = _figure(plt, size, (8.6, 0.6 * len(names) + 2.0))
    ax = fig.add_subplot()
    most = max(Counter(groups.values()).values())
    for i, g in enumerate(names):
        members = [r for r in rows if groups[_key(r)] == g]
        left = 0
        for s in stances:
            in_stance = [r for r in members if r["sovereignty_stance"] == s]
            n = len(in_stance)
            if not n:
                continue
            colour = STANCE_STYLE.get(s, (GREY, ""))[0]
            ax.barh(i, n, left=left, height=0.6, color=colour, edgecolor="#333333", lw=0.6)
            laws = sum(1 for r in in_stance if r.get("extraterritorial_law") is True)
            if laws:  # the articles naming a law: a hatched part of the stance's segment
                ax.barh(i, laws, left=left, height=0.6, facecolor="none", hatch="xxx",
                        edgecolor="black", lw=0.6)
            if n / most > 0.05 * len(f"{n:,}"):  # the count, where it fits
                ax.text(left + n / 2, i, f"{n:,}", ha="center", va="center", fontsize=7,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                              "alpha": 0.85})
            left += n
        law_rows = [r for r in members if r.get("extraterritorial_law") is True]
        if law_rows:
            if len(law_rows) <= 3:
                ids = "\n".join(short(str(r.get("id"))) for r in law_rows)
                note = f"extraterritorial law named in:\n{ids}"
            else:
                note = f"extraterritorial law named\nin {len(law_rows):,} articles"
            ax.text(left + most * 0.015, i, note, va="center", fontsize=7)
    ax.set_yticks(range(len(names)), [f"{short(g, 24)} (n={Counter(groups.values())[g]:,})"
                                      for g in names])
    ax.invert_yaxis()
    ax.set_xlim(0, most * 1.45)
    ax.set_ylim(len(names) - 0.4, -0.6)
    ax.set_xlabel("number of articles")
    if group_by:
        ax.set_ylabel(_group_by_name(group_by))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(True, axis="x", lw=0.4, color="#DDDDDD")
    ax.set_axisbelow(True)
    handles = [Patch(facecolor=STANCE_STYLE.get(s, (GREY, ""))[0], edgecolor="#333333",
                     label=s) for s in stances]
    handles.append(Patch(facecolor="white", hatch="xxx", edgecolor="black",
                         label="names an extraterritorial\nlaw (e.g. CLOUD Act)"))
    _legend(fig, handles, "sovereignty stance")
    _title(fig, ax, "Sovereignty stance", title,
           "question: sovereignty raised as a problem; promise: as a guarantee")
    return fig


# 5. sentence strip ------------------------------------------------------------------------------


def sentence_cells(rows, group_by: str | None = None, limit: int = MAX_STRIP_ROWS):
    """What the sentence strip draws: ([(row label, [(start, width, letter, colour)])], shown,
    total). Cells cover the article's relative position 0..1 in reading order. With more than
    `limit` articles, the most critical come first (then id)."""
    rows = [r for r in rows if r.get("sentence_labels")]
    if len(rows) > limit:
        chosen = sorted(rows, key=lambda r: (-(_num(r.get("critical")) or 0.0),
                                             str(r.get("id"))))[:limit]
    else:
        chosen = sorted(rows, key=lambda r: (group_of(r, group_by), str(r.get("id"))))
    strips = []
    for r in chosen:
        letters = str(r["sentence_labels"]).upper()
        n = len(letters)
        cells = [(i / n, 1 / n, c, LETTER_COLOURS.get(c, GREY)) for i, c in enumerate(letters)]
        strips.append((_row_label(r, group_by), cells))
    return strips, len(chosen), len(rows)


def _sentence_strip(plt, rows, group_by, size, title):
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch

    strips, shown, total = sentence_cells(rows, group_by)
    if not strips:
        return None
    fig = _figure(plt, size, (9.0, _row_height(len(strips)) * len(strips) + 1.6))
    ax = fig.add_subplot()
    # One collection per label for all rows (fast with 60 articles of 100 sentences).
    boxes: dict[str, list] = defaultdict(list)
    edged: dict[str, list] = defaultdict(list)
    for i, (_, cells) in enumerate(strips):
        target = edged if len(cells) <= 80 else boxes  # white separators while cells are wide
        for x, w, letter, _ in cells:
            key = letter if letter in LETTER_COLOURS else "?"
            target[key].append([(x, i - 0.38), (x + w, i - 0.38), (x + w, i + 0.38),
                                (x, i + 0.38)])
    for key in sorted(set(boxes) | set(edged)):
        colour = LETTER_COLOURS.get(key, GREY)
        for polygons, edge in ((boxes[key], "none"), (edged[key], "white")):
            if polygons:
                ax.add_collection(PolyCollection(polygons, facecolors=colour, edgecolors=edge,
                                                 linewidths=0.3))
    ax.set_yticks(range(len(strips)), [label for label, _ in strips])
    ax.set_ylim(len(strips) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_xlabel("relative position in the article (0 = first sentence, 1 = end)")
    for spine in ("left", "top", "right"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(axis="y", length=0)
    handles = [Patch(facecolor=LETTER_COLOURS[c], edgecolor="#333333", lw=0.5,
                     label=f"{LETTER_NAMES[c]} ({c})") for c in "PNC"]
    _legend(fig, handles, "sentence label")
    note = (f"the {shown} most critical of {total:,} articles" if shown < total
            else f"{total} article{'s' * (total != 1)}, each sentence in reading order")
    _title(fig, ax, "Sentence strip: where the framing sits", title, note)
    return fig


# 6. readability ---------------------------------------------------------------------------------


def _readability(plt, rows, group_by, size, title):
    rows = [r for r in rows if _num(r.get("readability_score")) is not None]
    if not rows:
        return None
    panels = defaultdict(list)
    for r in rows:
        panels[(str(r.get("language") or "unknown"), str(r.get("readability_formula") or "?"))]\
            .append(r)
    keys = sorted(panels)
    groups = _groups(rows, group_by)
    styles = _group_styles(groups.values())
    fig = _figure(plt, size, (3.4 * len(keys) + 1.2, 4.8))
    axes = fig.subplots(1, len(keys), squeeze=False)[0]
    for ax, key in zip(axes, keys):
        lang, formula = key
        members = panels[key]
        names = _group_order({groups[_key(r)] for r in members})
        data = [[_num(r["readability_score"]) for r in members if groups[_key(r)] == g]
                for g in names]
        boxed = [i for i, d in enumerate(data) if len(d) >= 5]
        if boxed:
            ax.boxplot([data[i] for i in boxed], positions=boxed, widths=0.5, showfliers=False,
                       zorder=4,
                       medianprops={"color": "black"}, boxprops={"color": "#555555"},
                       whiskerprops={"color": "#555555"}, capprops={"color": "#555555"})
        for i, (g, d) in enumerate(zip(names, data)):
            colour, marker = styles[g]
            offsets = _jitter(len(d), 0.18 if len(d) > 1 else 0)
            ax.scatter([i + o for o in offsets], d, s=14 if len(d) > 200 else 36,
                       marker=marker, color=colour, alpha=0.25 if len(d) > 200 else 0.9,
                       edgecolors="black" if len(d) <= 200 else "none", linewidths=0.5,
                       zorder=3, rasterized=len(members) > 1000)
        crowded = len(names) > 2
        ax.set_xticks(range(len(names)), [f"{short(g, 16)} (n={len(d):,})" if crowded
                                          else f"{short(g, 16)}\n(n={len(d):,})"
                                          for g, d in zip(names, data)],
                      rotation=35 if crowded else 0, ha="right" if crowded else "center",
                      rotation_mode="anchor" if crowded else "default")
        ax.set_xlim(-0.6, len(names) - 0.4)
        low = min(min(d) for d in data)
        high = max(max(d) for d in data)
        pad = max(5.0, (20.0 - (high - low)) / 2)  # at least 20 points of scale
        ax.set_ylim(low - pad, high + pad)
        language = {"fr": "French", "en": "English"}.get(lang, lang)
        ax.set_title(f"{language} ({clean(lang)})", loc="left", fontsize=9)
        ax.set_ylabel(f"{_formula_name(formula)}\n(0–100, higher = easier)")
        ax.grid(True, axis="y", lw=0.4, color="#DDDDDD")
        ax.set_axisbelow(True)
        if group_by:
            ax.set_xlabel(_group_by_name(group_by))
    _title(fig, None, "Readability by language", title,
           "each panel has its own formula: scores are not comparable across panels")
    return fig


def _formula_name(formula: str) -> str:
    """'flesch_reading_ease_fr (Kandel & Moles 1958)' → 'Flesch reading ease, French
    adaptation (Kandel & Moles 1958)'."""
    name = formula.partition(" (")[0]
    pretty = {
        "flesch_reading_ease_fr": "Flesch reading ease, French (Kandel & Moles)",
        "flesch_reading_ease": "Flesch reading ease (Flesch 1948)",
    }.get(name)
    if pretty:
        return pretty
    return clean(formula)


def _jitter(n: int, width: float) -> list[float]:
    """Deterministic spread of n points over [-width, width] (golden-ratio sequence)."""
    if n <= 1 or not width:
        return [0.0] * n
    return [((i * 0.6180339887) % 1.0 * 2 - 1) * width for i in range(n)]


# 7. timeline ------------------------------------------------------------------------------------


def parse_date(value) -> date | None:
    """An ISO date (or the date part of an ISO datetime); None otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def choose_bin(first: date, last: date) -> str:
    """day up to a month of dates, week up to half a year, month beyond."""
    span = (last - first).days
    return "day" if span <= 31 else "week" if span <= 183 else "month"


def time_bin(day: date, unit: str) -> date:
    if unit == "week":
        return date.fromordinal(day.toordinal() - day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def timeline_points(rows, group_by: str | None = None):
    """(bin unit, {group: [(bin start, mean promotional − critical, n)]}) of dated rows."""
    dated = []
    for r in rows:
        d = parse_date(r.get("meta_date"))
        p, c = _num(r.get("promotional")), _num(r.get("critical"))
        if d is not None and p is not None and c is not None:
            dated.append((d, p - c, r))
    if not dated:
        return None, {}
    unit = choose_bin(min(d for d, _, _ in dated), max(d for d, _, _ in dated))
    groups = _groups([r for _, _, r in dated], group_by)
    bins: dict[str, dict[date, list[float]]] = defaultdict(lambda: defaultdict(list))
    for d, balance, r in dated:
        bins[groups[_key(r)]][time_bin(d, unit)].append(balance)
    return unit, {g: [(b, mean(v), len(v)) for b, v in sorted(bins[g].items())]
                  for g in _group_order(bins)}


def _timeline(plt, rows, group_by, size, title):
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    unit, series = timeline_points(rows, group_by)
    if not series:
        return None
    styles = _group_styles(series)
    fig = _figure(plt, size, (9.0, 4.6))
    ax = fig.add_subplot()
    ax.axhline(0, color="#555555", lw=0.8, ls="--")
    handles = []
    n_total = 0
    for g, points in series.items():
        colour, marker = styles[g]
        xs = [b for b, _, _ in points]
        ys = [v for _, v, _ in points]
        n = sum(k for _, _, k in points)
        n_total += n
        ax.plot(xs, ys, color=colour, marker=marker, markersize=5, lw=1.4,
                markeredgecolor="black", markeredgewidth=0.4)
        handles.append(Line2D([], [], color=colour, marker=marker, markeredgecolor="black",
                              markeredgewidth=0.4, label=f"{short(g, 24)} ({n:,})"))
    first = min(b for points in series.values() for b, _, _ in points)
    last = max(b for points in series.values() for b, _, _ in points)
    step = {"day": 1, "week": 7, "month": 31}[unit]
    pad = timedelta(days=max(step * 0.6, (last - first).days * 0.03))
    ax.set_xlim(datetime.combine(first, time()) - pad, datetime.combine(last, time()) + pad)
    if (last - first).days < 7:  # a few days: one tick per bin, never hours
        ax.set_xticks(sorted({b for points in series.values() for b, _, _ in points}))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel({"day": "date (daily bins)", "week": "week (bins start on Monday)",
                   "month": "month (monthly bins)"}[unit])
    ax.set_ylabel("framing balance: mean promotional − critical\n(−1 critical … +1 promotional)")
    values = [v for points in series.values() for _, v, _ in points]
    top = max(0.1, max(abs(v) for v in values) * 1.15)
    ax.set_ylim(-top, top)
    ax.grid(True, lw=0.4, color="#DDDDDD")
    _legend(fig, handles, _group_by_name(group_by) or "articles")
    _title(fig, ax, "Framing balance over time", title,
           f"{n_total:,} dated article{'s' * (n_total != 1)}, "
           f"{ {'day': 'daily', 'week': 'weekly', 'month': 'monthly'}[unit]} means")
    return fig


_DRAWERS = {
    "framing_map": _framing_map,
    "categories": _categories,
    "reuse": _reuse,
    "reuse_heatmap": _reuse_heatmap,
    "sovereignty": _sovereignty,
    "sentence_strip": _sentence_strip,
    "readability": _readability,
    "timeline": _timeline,
}


# The classroom's disagreement chart: not drawn from article rows, so not one of KINDS. ------------

DISAGREEMENT_WORDS = {
    "title": "Where the class and framing disagree most",
    "tool": "framing: {tool} ({agree}% agree)",
    "axis": "students' answers (% of the class)",
    "legend": "class answer",
    "note": "{n} sentences (article·sentence), most disagreement first",
}


def draw_disagreement(items, out_stem: Path | str, *, title: str | None = None,
                      names: dict[str, str] | None = None, words: dict[str, str] | None = None,
                      formats=("png", "svg")) -> list[Path]:
    """Sentences where a class and framing disagree: one bar per sentence, the class's votes as
    shares of P / N / C (stacked, colour and hatching), framing's own label written at the end
    of the bar. `items` are (row label, {"P": n, "N": n, "C": n}, framing's letter), most
    disagreement first; `names` the label words by letter (for the legend), `words` the chart's
    other words (see DISAGREEMENT_WORDS: a French class gets French). Nothing is written when
    there are no items."""
    from matplotlib.patches import Patch

    items = list(items)
    if not items:
        return []
    words = {**DISAGREEMENT_WORDS, **(words or {})}
    names = {**LETTER_NAMES, **(names or {})}
    hatches = {"P": "///", "N": "", "C": "..."}
    plt = _pyplot()
    with plt.rc_context(_STYLE):
        fig = _figure(plt, None, (9.0, _row_height(len(items)) * len(items) + 2.2))
        ax = fig.add_subplot()
        left = [0.0] * len(items)
        for letter in "PNC":
            widths = []
            for _, votes, _ in items:
                total = sum(votes.values()) or 1
                widths.append(100 * votes.get(letter, 0) / total)
            ax.barh(range(len(items)), widths, left=left, color=LETTER_COLOURS[letter],
                    hatch=hatches[letter], edgecolor="#333333", linewidth=0.5)
            left = [a + b for a, b in zip(left, widths)]
        for i, (_, votes, tool) in enumerate(items):
            agree = votes.get(tool, 0) / (sum(votes.values()) or 1)
            ax.text(101.5, i, words["tool"].format(tool=tool, agree=round(100 * agree)),
                    va="center", fontsize=7)
        ax.set_yticks(range(len(items)), [clean(label) for label, _, _ in items])
        ax.set_ylim(len(items) - 0.4, -0.6)
        ax.set_xlim(0, 145)
        ax.spines["bottom"].set_bounds(0, 100)
        ax.set_xticks(range(0, 101, 20))
        ax.set_xlabel(words["axis"])
        ax.tick_params(axis="y", length=0)
        handles = [Patch(facecolor=LETTER_COLOURS[c], hatch=hatches[c], edgecolor="#333333",
                         lw=0.5, label=f"{clean(names[c])} ({c})") for c in "PNC"]
        # Below the bars: on the right it would meet the long "framing: X (…)" notes.
        fig.legend(handles=handles, loc="outside lower center", ncols=3, title=words["legend"],
                   frameon=False)
        _title(fig, ax, words["title"], title, words["note"].format(n=len(items)))
        return _save_all(fig, out_stem, formats)
