"""One progress figure over a run's phases (framing.progress): it never goes back, stays below
100 % until the run is finished, and then names every phase; the bar on stderr draws it
(framing.cli.printing.PhaseBar)."""

import io

from framing.cli.printing import PhaseBar
from framing.progress import RunProgress


def test_phases_share_the_bar_by_their_cost_and_only_the_end_is_100():
    shown = []
    progress = RunProgress(lambda fraction, label, final: shown.append((fraction, label, final)))
    progress.plan([("scoring", 4.0), ("article pages", 0.0), ("charts", 4.0)])
    progress.start("scoring", 2)
    progress.advance()
    progress.advance(5)  # more than the phase has: clamped
    progress.start("article pages", 3)
    progress.start("charts", 4)
    progress.advance(2)
    progress.advance(2)
    progress.finish()
    assert [round(f, 2) for f, _, _ in shown] == [0, 0.25, 0.5, 0.5, 0.5, 0.75, 0.99, 1.0]
    assert [label for _, label, _ in shown][:3] == ["scoring"] * 3
    assert shown[-1] == (1.0, "scoring, article pages, charts", True)
    assert not any(final for _, _, final in shown[:-1])


def test_the_bar_redraws_in_place_and_ends_its_line_at_the_end():
    stream = io.StringIO()
    progress = RunProgress(PhaseBar(stream))
    progress.plan([("scoring", 1.0)])
    progress.start("scoring", 1)
    progress.advance()
    progress.finish()
    states = stream.getvalue().split("\r")
    assert states[1].startswith("scoring [   ") and states[1].endswith("  0%")
    assert states[-1] == "scoring [" + "#" * 30 + "] 100%\n"
    assert "\n" not in "".join(states[:-1])
