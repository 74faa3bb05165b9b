"""Who copies whom, how fast, and how original each outlet is: the articles of a corpus compared
with each other (`reuse --among`), ordered by their dates.

A copy edge joins two articles that share passages: from the earlier to the later (its
`direction` is "forward"); two articles published at the same moment are a "tie", and a pair
where either has no date is "undated" (listed, never given a direction). The delay is the
later's time minus the earlier's, in hours; with dates alone (no time of day) it is a whole
number of days, and a same-day copy is a tie.

    when       an article's publication time from its metadata (`date`, `time`)
    edges      the copy edges (copies.csv)
    firsts     each reuse cluster's first publisher(s) and every member's delay after it
    outlets    per outlet: originality, median copy delay, reprints, independent voices added
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.reuse.found import Reuse

FORWARD, TIE, UNDATED = "forward", "tie", "undated"
# Two articles are a copy when they share at least this many words: shorter shared runs are
# stock phrases (a company's turnover sentence, a legal formula) more often than copies.
MIN_COPY_WORDS = 20
REPRINTS = ("reprint", "reprint with commentary")
COPIES = ("reprint", "reprint with commentary", "rewrite")


@dataclass(frozen=True)
class When:
    """An article's publication time; `timed` is False when only the day is known."""

    at: datetime
    timed: bool


def when(meta: dict) -> When | None:
    """The publication time in an article's metadata: `date` as an ISO date or date and time
    ("2024-05-13", "2024-05-13T10:32:00+02:00"), with `time` ("10:32") when the date has none.
    Times with a zone are compared in UTC; None when there is no readable date.

    >>> when({"date": "2024-05-13", "time": "10:32"})
    When(at=datetime.datetime(2024, 5, 13, 10, 32), timed=True)
    >>> when({"date": "13/05/2024"}) is None
    True
    """
    raw = str(meta.get("date") or "").strip()
    if not raw:
        return None
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        return None
    timed = len(raw) > 10
    clock = str(meta.get("time") or "").strip()
    if not timed and clock:
        try:
            at = datetime.combine(at.date(), time.fromisoformat(clock))
            timed = True
        except ValueError:
            pass
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return When(at, timed)


@dataclass(frozen=True)
class Copy:
    """One copy edge: `source` is the earlier article (for a tie or an undated pair, the first
    by id), `copy` the later; `words` the later's words found in the earlier."""

    source: str
    copy: str
    source_outlet: str
    copy_outlet: str
    words: int
    delay_hours: float | None  # None when undated
    direction: str  # forward, tie or undated
    kind: str  # verbatim, partial or translated (as the later article's reuse record says)
    release_words: int = 0  # of `words`, those also in the press releases given (`in_releases`)


def edges(found: dict[str, Reuse], dates: dict[str, When | None],
          outlets: dict[str, str]) -> list[Copy]:
    """Every pair of articles that share MIN_COPY_WORDS words or more, once, oriented by date
    (`found`: each article's reuse record among the others)."""
    shared: dict[tuple[str, str], dict[str, tuple[int, str]]] = defaultdict(dict)
    for article, reuse in found.items():
        for share in reuse.sources:
            words = sum(p.words for p in reuse.passages if p.source == share.source)
            first, second = sorted((article, share.source))
            shared[first, second][article] = (words, share.kind)
        if reuse.identical_to and reuse.identical_to != article:
            first, second = sorted((article, reuse.identical_to))
            shared[first, second].setdefault(article, (_words(reuse), "verbatim"))
    out = []
    for (a, b), sides in sorted(shared.items()):
        source, copy, direction, delay = _ordered(a, b, dates.get(a), dates.get(b))
        # The later's words found in the earlier; when only the earlier's record found them
        # (one-way search), its figure stands for the pair.
        words, kind = sides.get(copy) or sides[source]
        if words < MIN_COPY_WORDS:
            continue
        out.append(Copy(source, copy, outlets.get(source, "unknown"),
                        outlets.get(copy, "unknown"), words, delay, direction, kind))
    return out


def _words(reuse: Reuse) -> int:
    return sum(p.words for p in reuse.passages)


def _ordered(a: str, b: str, wa: When | None, wb: When | None
             ) -> tuple[str, str, str, float | None]:
    """(earlier, later, direction, delay in hours) of two articles (a before b by id)."""
    if wa is None or wb is None:
        return a, b, UNDATED, None
    hours = _hours(wa, wb)
    if hours == 0:
        return a, b, TIE, 0.0
    return (a, b, FORWARD, hours) if hours > 0 else (b, a, FORWARD, -hours)


def _hours(first: When, second: When) -> float:
    """second minus first in hours; by whole days when either has no time of day."""
    if first.timed and second.timed:
        return round((second.at - first.at).total_seconds() / 3600, 4)
    return 24.0 * (second.at.date() - first.at.date()).days


def in_releases(copies: list[Copy], found: dict[str, Reuse], releases: dict[str, Reuse | None],
                texts: dict[str, str]) -> list[Copy]:
    """The copies, each with how many of its shared words the later article also took from a
    press release (two outlets that relay one release share its words without copying each
    other; the copy matrix weighs what is copied beyond the releases)."""
    from dataclasses import replace

    out = []
    for c in copies:
        release = releases.get(c.copy)
        if release is None or not release.passages:
            out.append(c)
            continue
        shared = [(p.article_start, p.article_end) for p in found[c.copy].passages
                  if p.source == c.source]
        taken = [(p.article_start, p.article_end) for p in release.passages]
        both = [(max(a, x), min(b, y)) for a, b in shared for x, y in taken
                if max(a, x) < min(b, y)]
        out.append(replace(c, release_words=min(c.words, covered_words(texts[c.copy], both))))
    return out


def copied_from(copies: Iterable[Copy]) -> dict[str, set[str]]:
    """Each article's earlier articles that it copied: the sources of its forward edges."""
    found: dict[str, set[str]] = defaultdict(set)
    for c in copies:
        if c.direction == FORWARD:
            found[c.copy].add(c.source)
    return dict(found)


@dataclass(frozen=True)
class First:
    """A reuse cluster's first publisher(s) (several when they tie; none when no member is
    dated) and each dated member's delay after the first, in hours."""

    cluster: int
    first: tuple[str, ...]
    delays: dict[str, float]
    undated: tuple[str, ...]


def firsts(copies: list[Copy], dates: dict[str, When | None]) -> list[First]:
    """The clusters the copy edges make (articles joined by copies, directly or through
    others), numbered from 1 in the order of their first article's id, each with its first
    publisher(s) and its members' delays."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in copies:
        a, b = sorted((root(c.source), root(c.copy)))
        parent[b] = a
    members: dict[str, list[str]] = defaultdict(list)
    for article in sorted(parent):
        members[root(article)].append(article)
    out = []
    for number, ids in enumerate(sorted(members.values(), key=min), 1):
        stamps = {i: w for i in ids if (w := dates.get(i)) is not None}
        dated = sorted(stamps, key=lambda i: (stamps[i].at, i))
        undated = tuple(sorted(i for i in ids if i not in stamps))
        if not dated:
            out.append(First(number, (), {}, undated))
            continue
        origin = stamps[dated[0]]
        delays = {i: _hours(origin, stamps[i]) for i in dated}
        out.append(First(number, tuple(i for i in dated if delays[i] == 0), delays, undated))
    return out


@dataclass(frozen=True)
class OutletChurn:
    outlet: str
    articles: int
    words: int
    originality: float  # share of its words found neither in earlier articles nor in sources
    first_publisher: int  # clusters it published first (ties included)
    copying_articles: int  # its articles whose verdict is a reprint or a rewrite
    median_delay_hours: float | None  # of its forward copies
    reprint_share: float  # of its articles: reprints, with or without commentary
    commentary_share: float | None  # of its reprints: with commentary
    independent_share: float | None  # of its copying articles: quoting an independent voice


@dataclass(frozen=True)
class ArticleChurn:
    """What the outlet figures are made of, per article."""

    id: str
    outlet: str
    words: int
    original_words: int
    verdict: str | None
    independent_voices: int


def outlets(articles: list[ArticleChurn], copies: list[Copy], first: list[First]
            ) -> list[OutletChurn]:
    """Per outlet, most articles first (ties: by name)."""
    by_outlet: dict[str, list[ArticleChurn]] = defaultdict(list)
    for a in articles:
        by_outlet[a.outlet].append(a)
    delays: dict[str, list[float]] = defaultdict(list)
    for c in copies:
        if c.direction == FORWARD and c.delay_hours is not None:
            delays[c.copy_outlet].append(c.delay_hours)
    outlet_of = {a.id: a.outlet for a in articles}
    firsts_of: dict[str, int] = defaultdict(int)
    for f in first:
        for outlet in {outlet_of.get(i, "unknown") for i in f.first}:
            firsts_of[outlet] += 1
    out = []
    for outlet, mine in by_outlet.items():
        words = sum(a.words for a in mine)
        reprints = [a for a in mine if a.verdict in REPRINTS]
        copying = [a for a in mine if a.verdict in COPIES]
        out.append(OutletChurn(
            outlet, len(mine), words,
            round(sum(a.original_words for a in mine) / words, 4) if words else 1.0,
            firsts_of[outlet], len(copying),
            statistics.median(delays[outlet]) if delays[outlet] else None,
            round(len(reprints) / len(mine), 4),
            round(sum(a.verdict == "reprint with commentary" for a in reprints) / len(reprints),
                  4) if reprints else None,
            round(sum(a.independent_voices > 0 for a in copying) / len(copying), 4)
            if copying else None))
    return sorted(out, key=lambda o: (-o.articles, o.outlet))


def covered_words(text: str, spans: Iterable[tuple[int, int]]) -> int:
    """How many of the text's words lie inside the spans (overlaps counted once)."""
    from framing.text import count_tokens

    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return sum(count_tokens(text, start, end) for start, end in merged)


COPY_COLUMNS = ["from", "to", "from_outlet", "to_outlet", "words", "release_words",
                "delay_hours", "direction", "kind"]


def copy_rows(copies: Iterable[Copy]) -> list[dict]:
    """copies.csv's rows, one per copy edge (`report --among`, `reuse --among --copies`)."""
    return [{"from": c.source, "to": c.copy, "from_outlet": c.source_outlet,
             "to_outlet": c.copy_outlet, "words": c.words, "release_words": c.release_words,
             "delay_hours": c.delay_hours, "direction": c.direction, "kind": c.kind}
            for c in copies]


def with_earlier(releases: Reuse | None, found: Reuse, earlier: set[str]) -> Reuse:
    """An article's reuse record against its releases and the earlier articles it copied:
    the passages of both, in article order (what its added value is measured against)."""
    from dataclasses import replace

    passages = [p for p in found.passages if p.source in earlier]
    if releases is not None:
        passages += releases.passages
    passages.sort(key=lambda p: (p.article_start, p.article_end, p.source))
    return replace(found, passages=passages)


@dataclass
class Churned:
    """Who copied whom among articles compared with each other (`reuse --among`): the copy
    edges and clusters by the articles' dates, and each article's place in its cluster."""

    copies: list[Copy]
    firsts: list[First]
    dates: dict[str, When | None]
    outlets: dict[str, str]
    places: dict[str, dict]  # id -> cluster, first, delay_hours, copied_from

    @classmethod
    def of(cls, articles: dict[str, tuple[dict, Reuse]]) -> Churned:
        """From each article's metadata and reuse record among the others, by id."""
        dates = {i: when(meta) for i, (meta, _) in articles.items()}
        outlets = {i: str(meta.get("outlet") or "unknown") for i, (meta, _) in articles.items()}
        copies = edges({i: r for i, (_, r) in articles.items()}, dates, outlets)
        first = firsts(copies, dates)
        earlier = copied_from(copies)
        places = {}
        for f in first:
            for i in (*f.delays, *f.undated):
                places[i] = {"cluster": f.cluster, "first": i in f.first,
                             "delay_hours": f.delays.get(i),
                             "copied_from": sorted(earlier.get(i, ()))}
        return cls(copies, first, dates, outlets, places)

    def summary(self) -> str:
        """One line per cluster: its first publisher(s), then each member with its delay and
        what it copied, undated members last; empty without clusters."""
        lines = []
        for f in self.firsts:
            first = ", ".join(f"{i} ({self.outlets[i]}, {self._day(i)})" for i in f.first)
            later = [f"{i} +{_delay(f.delays[i])} ({self.outlets[i]}"
                     + (f", copied {', '.join(self.places[i]['copied_from'])}"
                        if self.places[i]["copied_from"] else "") + ")"
                     for i in sorted(f.delays, key=lambda i: (f.delays[i], i))
                     if i not in f.first]
            parts = [f"first {first}" if first else "no dated member"] + later
            if f.undated:
                parts.append("undated: " + ", ".join(f.undated))
            lines.append(f"cluster {f.cluster}: " + "; ".join(parts))
        return "".join(line + "\n" for line in lines)

    def _day(self, article: str) -> str:
        w = self.dates[article]
        assert w is not None
        return w.at.isoformat(timespec="minutes") if w.timed else w.at.date().isoformat()

    def write(self, path: str) -> None:
        """The copy edges as CSV (copies.csv's columns), written atomically."""
        from framing.outputs import csv_text, write_atomic

        rows = copy_rows(self.copies)
        write_atomic(path, csv_text(rows, None if rows else COPY_COLUMNS))


def _delay(hours: float) -> str:
    return f"{hours:g} h" if hours < 48 else f"{hours / 24:g} days"
