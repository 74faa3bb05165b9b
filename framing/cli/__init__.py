"""The `framing` command: parse options, call the package, print. No analysis lives here.

Exit status: 0 all documents scored, 1 some failed (all others still scored), 2 usage error,
3 an output could not be written (disk full, no permission, folder held by another run), 130
interrupted (Ctrl-C): group.py.

group.py holds `main`; one module per group of commands registers them on it: reading
(`read`), scoring (`score`), reusing (`reuse`), reporting (`report`, `chart`), coding
(`evaluate`, `train`, `lexicon check`), teaching (`explain`, `exercise`); options.py has the
options they share and printing.py what they print besides results (progress, failures).
"""

# Imported for their side effect: each registers its commands on `main`.
from framing.cli import coding, reading, reporting, reusing, scoring, teaching  # noqa: F401
from framing.cli.group import main

__all__ = ["main"]
