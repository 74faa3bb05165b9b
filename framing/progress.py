"""One progress figure over the phases of a long run (`framing report`: scoring and reuse,
article pages, charts, the index page), going from 0 to 100 % and never back.

The run plans its phases once it knows how many files it has, each with an estimated cost in
units (report.py's weights: a chart costs several files' scoring); a phase, when it starts, says
how many steps it really has, and each step moves the figure by its share of that phase's units.
What shows the figure (a bar on stderr: framing.cli.printing) is given as `show(fraction,
label, final)`; this module prints nothing.
"""

from __future__ import annotations

from collections.abc import Callable

UNFINISHED = 0.99  # the most a run shows before it is finished


class RunProgress:
    """The fraction of a run done, phase by phase. `show(fraction, label, final)` is called
    after each change: `label` names the phase under way; the last call (`final` True, fraction
    1.0) names every phase."""

    def __init__(self, show: Callable[[float, str, bool], None]):
        self.show = show
        self.units: dict[str, float] = {}  # each planned phase's estimated cost, in order
        self.done = 0.0  # units of the phases already finished
        self.phase: str | None = None
        self.steps, self.step = 0, 0

    def plan(self, phases: list[tuple[str, float]]) -> None:
        """The phases to come, in order, with their estimated cost (units, any scale)."""
        self.units = {name: max(0.0, cost) for name, cost in phases}

    def start(self, name: str, steps: int) -> None:
        """Phase `name` begins, with `steps` steps; the phase before it is done."""
        self._close()
        self.phase, self.steps, self.step = name, max(0, steps), 0
        self._show(name)

    def advance(self, n: int = 1) -> None:
        """`n` more steps of the current phase are done."""
        self.step = min(self.steps, self.step + n)
        self._show(self.phase or "")

    def finish(self) -> None:
        """The run is done: 100 %, the label naming every phase it went through."""
        self._close()
        self.show(1.0, ", ".join(self.units), True)

    def fraction(self) -> float:
        """The share of the run done: below 1.0 (at most UNFINISHED) until `finish`, since the
        last step of the last phase is not the end of the run (the report is yet to be put in
        place)."""
        total = sum(self.units.values())
        if not total:
            return 0.0
        current = self.units.get(self.phase or "", 0.0) * (self.step / self.steps if self.steps else 0)
        return min(UNFINISHED, (self.done + current) / total)

    def _close(self) -> None:
        if self.phase is not None:
            self.done += self.units.get(self.phase, 0.0)
            self.phase = None

    def _show(self, label: str) -> None:
        self.show(self.fraction(), label, False)
