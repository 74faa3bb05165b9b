"""The classroom's disagreement chart: the sentences where a class's answers and framing's label
differ most. It is drawn from a class's votes, not from article rows, so it is not one of KINDS;
it shares their look (palette, fonts, saving)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from framing.charts.figures import new_figure, pyplot, save_all, set_titles
from framing.charts.rows import clean
from framing.charts.style import LETTER_COLOURS, LETTER_NAMES, RC_STYLE, row_height

DISAGREEMENT_WORDS = {
    "title": "Where the class and framing disagree most",
    "tool": "framing: {tool} ({agree}% agree)",
    "axis": "students' answers (% of the class)",
    "legend": "class answer",
    "note": "{n} sentences (article·sentence), most disagreement first",
}


def draw_disagreement(items: Iterable[tuple[str, dict[str, int], str]], out_stem: Path | str,
                      *, title: str | None = None, names: dict[str, str] | None = None,
                      words: dict[str, str] | None = None,
                      formats: Iterable[str] = ("png", "svg")) -> list[Path]:
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
    plt = pyplot()
    with plt.rc_context(RC_STYLE):
        fig = new_figure(plt, None, (9.0, row_height(len(items)) * len(items) + 2.2))
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
        set_titles(fig, ax, words["title"], title, words["note"].format(n=len(items)))
        return save_all(fig, out_stem, formats)
