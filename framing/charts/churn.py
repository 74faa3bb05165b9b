"""The corpus's churn charts (`framing report --among`), drawn from its copy edges and outlet
figures (framing.churn), not from the article rows: who copies whom, how original each outlet
is, how fast copies follow, and how much each outlet adds to what it relays. Each chart comes
with its alt text, made from what it plots."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, pyplot, save_all, set_titles
from framing.charts.rows import short
from framing.charts.style import OKABE_ITO, RC_STYLE, row_height
from framing.churn import FORWARD

if TYPE_CHECKING:
    from types import ModuleType

    from matplotlib.figure import Figure

    from framing.churn import Copy, OutletChurn

MAX_MATRIX_OUTLETS = 15
MAX_BAR_OUTLETS = 30
MAX_LABELLED_OUTLETS = 15
# Copy delays in hours, binned as a researcher reads them.
DELAY_BINS = ((0, 1, "< 1 h"), (1, 3, "1–3 h"), (3, 6, "3–6 h"), (6, 12, "6–12 h"),
              (12, 24, "12–24 h"), (24, 48, "1–2 days"), (48, 168, "2–7 days"),
              (168, float("inf"), "> 7 days"))
CHURN_KINDS = ("copy_matrix", "originality", "copy_delays", "relay")


def draw_churn(copies: list[Copy], outlets: list[OutletChurn], out_dir: Path | str,
               formats: tuple[str, ...] = ("png", "svg"),
               drawn: Callable[[str], None] | None = None) -> dict[Path, str]:
    """Every churn chart that applies, as `<kind>.png` / `.svg` in `out_dir`: {path: alt}."""
    out_dir = Path(out_dir)
    plt = pyplot()
    found: dict[Path, str] = {}
    makers = {"copy_matrix": copy_matrix, "originality": originality,
              "copy_delays": copy_delays, "relay": relay}
    for kind in CHURN_KINDS:
        with plt.rc_context(RC_STYLE):
            made = makers[kind](plt, copies, outlets)
            if made is not None:
                fig, alt = made
                for path in save_all(fig, out_dir / kind, formats):
                    found[path] = alt
        if drawn:
            drawn(kind)
    return found


def copy_matrix(plt: ModuleType, copies: list[Copy], outlets: list[OutletChurn]
                ) -> tuple[Figure, str] | None:
    """Words copied from one outlet's earlier articles into another's later ones (forward edges
    only), for the outlets with most copied words on either side."""
    forward = [c for c in copies if c.direction == FORWARD]
    cells = Counter(outlet_flows(copies))
    if not cells:
        return None
    weight: Counter[str] = Counter()
    for (copier, copied), words in cells.items():
        weight[copier] += words
        weight[copied] += words
    shown = sorted(weight, key=lambda o: (-weight[o], o))[:MAX_MATRIX_OUTLETS]
    grid = [[cells[row, col] for col in shown] for row in shown]
    n = len(shown)
    fig = new_figure(plt, None, (2.5 + 0.45 * n, 1.6 + 0.4 * n))
    ax = fig.add_subplot()
    import numpy as np
    from matplotlib import colormaps

    cmap = colormaps["cividis_r"].copy()
    cmap.set_bad("white")  # no copy: an empty cell, not the scale's lightest colour
    image = ax.imshow(np.ma.masked_equal(np.array(grid), 0), cmap=cmap, aspect="auto")
    ax.set_xticks(range(n), [short(o, 18) for o in shown], rotation=45, ha="right")
    ax.set_yticks(range(n), [short(o, 18) for o in shown])
    ax.set_xlabel("copied from (the earlier article's outlet)")
    ax.set_ylabel("copied by (the later article's outlet)")
    top = max(max(r) for r in grid) or 1
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=7,
                        color="white" if value > top / 2 else "black")
    fig.colorbar(image, ax=ax, label="words copied (beyond the press releases)")
    others = [c for c in copies if c.direction != FORWARD]
    relayed = sum(c.release_words for c in forward)
    note = (f"{len(forward)} copies in time order; {len(others)} pairs published at the same "
            "time or undated left out" + (f"; {relayed} shared words found in the releases "
                                          "left out" if relayed else "")
            + (f"; {len(weight) - n} more outlets not shown" if len(weight) > n else ""))
    set_titles(fig, ax, "Who copies whom: words copied between outlets", None, note)
    (copier, copied), value = max(cells.items(), key=lambda kv: (kv[1], kv[0]))
    alt = (f"Heatmap of words copied between {n} outlets, from {len(forward)} copies in time "
           f"order; the largest flow is {value} words copied by {copier} from {copied}.")
    return fig, alt


def originality(plt: ModuleType, copies: list[Copy], outlets: list[OutletChurn]
                ) -> tuple[Figure, str] | None:
    """Each outlet's share of words found neither in earlier articles nor in the sources."""
    if not outlets:
        return None
    shown = outlets[:MAX_BAR_OUTLETS]
    fig = new_figure(plt, None, (7.5, 1.4 + row_height(len(shown)) * len(shown)))
    ax = fig.add_subplot()
    ys = range(len(shown))[::-1]
    values = [100 * o.originality for o in shown]
    ax.barh(list(ys), values, color=OKABE_ITO[2], height=0.7)
    ax.set_yticks(list(ys), [f"{short(o.outlet, 24)} (n={o.articles})" for o in shown])
    for y, v in zip(ys, values):
        ax.text(min(v + 1, 101), y, f"{v:.0f}%", va="center", fontsize=7)
    ax.set_xlim(0, 110)
    ax.set_xlabel("original words (% of the outlet's words: not in earlier articles or sources)")
    note = ("outlets with most articles" + (f"; {len(outlets) - len(shown)} more not shown"
                                            if len(outlets) > len(shown) else ""))
    set_titles(fig, ax, "Originality by outlet", None, note)
    low = min(shown, key=lambda o: (o.originality, o.outlet))
    alt = (f"Bars of the share of original words for {len(shown)} outlets; the lowest is "
           f"{low.outlet} at {100 * low.originality:.0f}% over {low.articles} articles.")
    return fig, alt


def copy_delays(plt: ModuleType, copies: list[Copy], outlets: list[OutletChurn]
                ) -> tuple[Figure, str] | None:
    """How long after the earlier article its copies appeared."""
    delays = [c.delay_hours for c in copies if c.direction == FORWARD and c.delay_hours is not None]
    if not delays:
        return None
    counts = [sum(lo <= d < hi for d in delays) for lo, hi, _ in DELAY_BINS]
    names = [name for _, _, name in DELAY_BINS]
    fig = new_figure(plt, None, (7.5, 3.2))
    ax = fig.add_subplot()
    ax.bar(range(len(counts)), counts, color=OKABE_ITO[0])
    ax.set_xticks(range(len(counts)), names)
    for x, n in enumerate(counts):
        if n:
            ax.text(x, n, str(n), ha="center", va="bottom", fontsize=7)
    ax.set_xlabel("delay after the earlier article")
    ax.set_ylabel("copies")
    timed = "" if any(d % 24 for d in delays) else "; dates only (no time of day): whole days"
    set_titles(fig, ax, "How fast copies follow", None,
               f"{len(delays)} copies in time order{timed}")
    busiest = max(range(len(counts)), key=lambda i: (counts[i], -i))
    alt = (f"Bars of {len(delays)} copy delays by range; most ({counts[busiest]}) fall in "
           f"{names[busiest]}.")
    return fig, alt


def relay(plt: ModuleType, copies: list[Copy], outlets: list[OutletChurn]
          ) -> tuple[Figure, str] | None:
    """Per outlet: the share of its articles that are reprints against the share of those
    reprints that add commentary."""
    points = [o for o in outlets if o.commentary_share is not None]
    if not points:
        return None
    commented = [100 * (o.commentary_share or 0.0) for o in points]
    fig = new_figure(plt, None, (7.0, 5.0))
    ax = fig.add_subplot()
    sizes = [20 + 8 * o.articles ** 0.5 for o in points]
    ax.scatter([100 * o.reprint_share for o in points], commented,
               s=sizes, color=OKABE_ITO[4], alpha=0.75, edgecolors="black", linewidths=0.5)
    for o in sorted(points, key=lambda o: (-o.articles, o.outlet))[:MAX_LABELLED_OUTLETS]:
        ax.annotate(short(o.outlet, 18), (100 * o.reprint_share, 100 * (o.commentary_share or 0)),
                    textcoords="offset points", xytext=(4, 3), fontsize=7)
    ax.set_xlim(-3, 103)
    ax.set_ylim(-3, 103)
    ax.set_xlabel("reprints (% of the outlet's articles)")
    ax.set_ylabel("reprints with commentary (% of its reprints)")
    set_titles(fig, ax, "Relay or added value, by outlet", None,
               f"{len(points)} outlets with reprints; point size: its number of articles")
    relays = [o for o in points if o.commentary_share == 0]
    alt = (f"Scatter of {len(points)} outlets by share of reprints and share of those with "
           f"commentary; {len(relays)} add commentary to none of their reprints.")
    return fig, alt


def outlet_flows(copies: list[Copy]) -> dict[tuple[str, str], int]:
    """Words copied by (later outlet, earlier outlet) beyond the press releases given, forward
    edges only."""
    flows: dict[tuple[str, str], int] = defaultdict(int)
    for c in copies:
        if c.direction == FORWARD and c.words > c.release_words:
            flows[c.copy_outlet, c.source_outlet] += c.words - c.release_words
    return dict(flows)
