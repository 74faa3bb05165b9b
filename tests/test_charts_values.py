"""What the charts show, read back from the figures and from the SVG written: bar lengths are
the counts and shares of hand-made rows, tick labels name the groups with their n, and the SVG
holds one marker per article. Expected values are counted by hand from the rows below."""

import re

import pytest

from framing import charts

# id, outlet, stance, names a law, reuse kind, share of the article from the release
ROWS = [
    ("a1", "Le Monde", "question", True, "verbatim", 0.80),
    ("a2", "Le Monde", "question", False, "partial", 0.25),
    ("a3", "Le Monde", "promise", False, "none", 0.0),
    ("a4", "Wired", "promise", False, "translated", 0.60),
    ("a5", "Wired", "none", False, "none", 0.0),
]


def rows():
    return [{"id": i, "path": f"{i}.txt", "meta_outlet": outlet, "sovereignty_stance": stance,
             "extraterritorial_law": law, "reuse_kind": kind, "reuse_article_share": share,
             "reuse_source": "release" if share else None,
             "reuse_sources": f"release={share}" if share else "",
             "label": "neutral", "promotional": 0.1 * n, "critical": 0.05 * n,
             "label_method": "lexicon"}
            for n, (i, outlet, stance, law, kind, share) in enumerate(ROWS, start=1)]


@pytest.fixture
def figure():
    import matplotlib.pyplot as plt

    made = []

    def make(kind, rows, **options):
        fig = charts.figure(kind, rows, **options)
        made.append(fig)
        fig.draw_without_rendering()
        return fig

    yield make
    for fig in made:
        plt.close(fig)


def bars(ax):
    """(row, left, width, hatched) of each bar drawn, in drawing order."""
    from matplotlib.patches import Rectangle

    found = []
    for patch in ax.patches:
        if isinstance(patch, Rectangle) and patch.get_width() > 0:
            y = round(patch.get_y() + patch.get_height() / 2)
            found.append((y, patch.get_x(), patch.get_width(), bool(patch.get_hatch())))
    return found


def test_sovereignty_bars_count_each_stance_per_outlet(figure):
    """Le Monde: 2 questions (1 naming a law), 1 promise; Wired: 1 promise, 1 none."""
    ax = figure("sovereignty", rows(), group_by="outlet").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Le Monde (n=3)", "Wired (n=2)"]
    segments = {(y, left, width) for y, left, width, hatched in bars(ax) if not hatched}
    laws = {(y, left, width) for y, left, width, hatched in bars(ax) if hatched}
    # Row 0 (Le Monde): question 0..2, promise 2..3. Row 1 (Wired): promise 0..1, none 1..2.
    assert segments == {(0, 0, 2), (0, 2, 1), (1, 0, 1), (1, 1, 1)}
    assert laws == {(0, 0, 1)}  # one question names a law: hatched over its segment's start
    assert sorted(t.get_text() for t in ax.texts if t.get_text().isdigit()) == ["1", "1", "1",
                                                                                "2"]


def test_sovereignty_bars_without_groups_count_all_articles(figure):
    ax = figure("sovereignty", rows()).axes[0]
    (tick,) = [t.get_text() for t in ax.get_yticklabels()]
    assert tick.endswith("(n=5)")
    widths = sorted(width for _, _, width, hatched in bars(ax) if not hatched)
    assert widths == [1, 2, 2]  # none 1, promise 2, question 2


def test_reuse_bars_are_the_articles_shares_in_percent(figure):
    """Three articles reuse the release: 80 %, 60 % and 25 % of their words, longest first."""
    ax = figure("reuse", rows()).axes[0]
    lengths = sorted((round(width, 6) for _, _, width, _ in bars(ax)), reverse=True)
    assert lengths == [80.0, 60.0, 25.0]
    assert ax.get_xlabel() == "share of the article's words taken from a release (%)"


def test_the_framing_map_svg_holds_one_marker_per_article_at_its_scores(tmp_path):
    """Five articles: five point markers in the SVG (matplotlib writes each as a <use> of
    one marker definition), at x in the order of the promotional scores 0.1 .. 0.5."""
    (svg,) = charts.draw("framing_map", rows(), tmp_path / "map", formats=("svg",))
    text = svg.read_text("utf-8")
    uses = re.findall(r"<use xlink:href=\"#(m[0-9a-f]+)\" x=\"([\d.]+)\" y=\"([\d.]+)\"", text)
    by_marker: dict[str, list[tuple[float, float]]] = {}
    for marker, x, y in uses:
        by_marker.setdefault(marker, []).append((float(x), float(y)))
    # The articles' marker is the one used five times (tick marks are other markers).
    points = [p for p in uses if p[0] in {m for m, ps in by_marker.items() if len(ps) == 5}]
    assert len(points) == 5
    xs = [float(x) for _, x, _ in points]
    ys = [float(y) for _, _, y in points]
    # Promotional rises with the article number; critical (y, drawn downwards in SVG) too.
    order = sorted(range(5), key=lambda k: xs[k])
    assert [ys[k] for k in order] == sorted(ys, reverse=True)
