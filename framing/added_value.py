"""What the newsroom added to a press release: the article cut into the part it took from its
sources (the sentences its reuse passages cover, any kind, translated included) and its own
part; each part's framing, sovereignty stance and voices; how the taken passages moved from
the release's wording (promotional cues and hedges kept, added or removed); and a verdict a
researcher can filter on.

Verdicts, from the share of the article's words in taken sentences (`reused.share`):

    reprint                  two thirds or more taken, and the rest adds no commentary
    reprint with commentary  two thirds or more taken, and an own part of COMMENTARY_WORDS
                             words or more that takes a side (promotional or critical), raises
                             sovereignty, or quotes an independent voice
    original with quotes     less than two thirds taken, and what is taken is mostly
                             quotations (the release's quotes in the newsroom's own text)
    rewrite                  REWRITE_SHARE to two thirds taken, not mostly quotations
    original                 the rest (nothing, or a few phrases, taken)

A reprint needs two thirds, not half: a translated passage is a whole article sentence, so an
article that renders release sentences loosely inside longer sentences of its own comes out
taken for more than it translates (seed 002: 51 % of its words, from a release it rewrites).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from framing.text import fold
from framing.voices import Voice, voices

if TYPE_CHECKING:
    from framing.analysis import Analysis
    from framing.lexicon import Hit
    from framing.reuse.found import Reuse

REPRINT_SHARE = 2 / 3
REWRITE_SHARE = 0.15
COMMENTARY_WORDS = 25  # fewer own words is a lead, a headline or a sign-off, not commentary
SENTENCE_TAKEN = 0.5  # a sentence is taken when half its words lie in reuse passages
QUOTES_TAKEN = 0.5  # "original with quotes": this share of the taken words is quotations
VERDICTS = ("reprint", "reprint with commentary", "rewrite", "original with quotes", "original")
# The cues whose fate in a taken passage says whether the newsroom amplified or toned down.
SHIFT_FAMILIES = ("promotional", "hedging")


@dataclass
class Part:
    """The taken or the own part of an article: its sentences' offsets and what they say."""

    spans: list[tuple[int, int]] = field(default_factory=list)  # merged sentence offsets
    words: int = 0
    share: float = 0.0  # of the article's words
    label: str | None = None  # framing of the part scored on its own (None: empty part)
    promotional: float | None = None
    critical: float | None = None
    stance: str = "none"
    voices: dict[str, int] = field(default_factory=dict)  # role -> direct quotes


@dataclass(frozen=True)
class CueChange:
    """One promotional cue or hedge of a taken passage: kept, added by the newsroom, or removed
    from the release's wording; offsets on each side where it is."""

    change: str  # kept, added or removed
    category: str
    source: str  # the source's id
    article_text: str | None
    article_start: int | None
    article_end: int | None
    source_text: str | None
    source_start: int | None
    source_end: int | None


@dataclass
class Shift:
    """How the taken passages moved from the release's wording (cues per 100 words)."""

    direction: str  # amplified, toned down or kept
    promotional_source: float
    promotional_article: float
    hedges_source: int
    hedges_article: int
    changes: list[CueChange] = field(default_factory=list)


@dataclass
class AddedValue:
    verdict: str
    commentary: str | None  # the own part's framing, when the verdict is a reprint with commentary
    reused: Part
    own: Part
    independent_voices: int  # direct quotes of independent voices in the own part
    shift: Shift | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        """The verdict and what it rests on, in one line (`framing score`, the article page):
        the taken share, the own part's reading, its independent voices, the shift."""
        verdict = self.verdict + (f" ({self.commentary})" if self.commentary else "")
        own = f"own part {self.own.words} word{'s' * (self.own.words != 1)}" + (
            f", {self.own.label}, sovereignty {self.own.stance}" if self.own.label else "")
        n = self.independent_voices
        line = (f"{verdict}: {self.reused.share:.0%} taken; {own}; "
                f"{n} independent voice{'s' * (n != 1)}")
        if self.shift is not None:
            line += (f"; taken passages {self.shift.direction} (promotional cues per 100 words "
                     f"{self.shift.promotional_source:g} in the release, "
                     f"{self.shift.promotional_article:g} here)")
        return line

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AddedValue:
        shift = d.get("shift")
        return cls(d["verdict"], d.get("commentary"), _part(d["reused"]), _part(d["own"]),
                   d["independent_voices"],
                   Shift(**{**shift, "changes": [CueChange(**c) for c in shift["changes"]]})
                   if shift else None)


def _part(d: dict[str, Any]) -> Part:
    return Part(**{**d, "spans": [tuple(s) for s in d["spans"]]})


def added_value(found: Analysis, reuse: Reuse, sources: dict[str, Analysis],
                score_part: Callable[[str], Analysis],
                organisations: tuple[str, ...] = ()) -> AddedValue:
    """The added value of one analysed article against the sources its `reuse` record names.
    `sources`: each source's analysis, by id (for the shift); `score_part(text)`: the analysis
    of a part's text through the scoring path (lexicons and model), for its framing and stance;
    `organisations`: the company the releases speak for, for the voices."""
    text = found.text.text
    in_passages = _in_passages(found, reuse)
    taken = _taken_sentences(in_passages)
    quoted = voices(text, found.attribution, organisations)
    total = max(1, found.text.n_words)
    parts = [_part_of(found, [i for i, t in enumerate(taken) if t == side], quoted, total,
                      score_part) for side in (True, False)]
    reused, own = parts
    independent = own.voices.get("independent", 0)
    verdict = _verdict(reused, own, independent, _quoted_share(found, in_passages))
    commentary = own.label if verdict == "reprint with commentary" else None
    return AddedValue(verdict, commentary, reused, own, independent,
                      shift(found, reuse, sources) if reuse.passages else None)


def _verdict(reused: Part, own: Part, independent: int, quoted_share: float) -> str:
    if reused.share >= REPRINT_SHARE:
        comments = own.words >= COMMENTARY_WORDS and (
            own.label in ("promotional", "critical") or own.stance != "none" or independent > 0)
        return "reprint with commentary" if comments else "reprint"
    if reused.words and quoted_share >= QUOTES_TAKEN:
        return "original with quotes"
    if reused.share >= REWRITE_SHARE:
        return "rewrite"
    return "original"


def _within(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a token [start, end) lies inside one of `spans` (overlapping spans are merged
    first): a binary search, not a scan of every span for every token."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    starts = [start for start, _ in merged]

    def inside(start: int, end: int) -> bool:
        i = bisect_right(starts, start) - 1
        return i >= 0 and end <= merged[i][1]
    return inside


def _in_passages(found: Analysis, reuse: Reuse) -> list[list[bool]]:
    """Per sentence, per token: does it lie in a reuse passage?"""
    inside = _within([(p.article_start, p.article_end) for p in reuse.passages])
    return [[inside(start, end) for start, end, _ in sentence.tokens]
            for sentence in found.text.sentences]


def _taken_sentences(in_passages: list[list[bool]]) -> list[bool]:
    """Per sentence: do reuse passages cover half its words or more?"""
    return [bool(tokens) and sum(tokens) / len(tokens) >= SENTENCE_TAKEN
            for tokens in in_passages]


def _quoted_share(found: Analysis, in_passages: list[list[bool]]) -> float:
    """Share of the passages' words that lie inside quotation marks."""
    quoted = _within([(q.start, q.end) for q in found.attribution.passages])
    words = inside_quotes = 0
    for sentence, taken in zip(found.text.sentences, in_passages):
        for (start, end, _), in_passage in zip(sentence.tokens, taken):
            if in_passage:
                words += 1
                inside_quotes += quoted(start, end)
    return inside_quotes / words if words else 0.0


def _part_of(found: Analysis, chosen: list[int], quoted: list[Voice], total: int,
             score_part: Callable[[str], Analysis]) -> Part:
    if not chosen:
        return Part()
    text = found.text.text
    sentences = [found.text.sentences[i] for i in chosen]
    spans = _merged([(s.start, s.end) for s in sentences], text)
    words = sum(len(s.tokens) for s in sentences)
    # The whole article is this part: it was scored already.
    scored = found if len(chosen) == len(found.text.sentences) else score_part(
        "\n".join(text[s.start : s.end] for s in sentences))
    roles = Counter(v.role for v in quoted if any(a <= v.start < b for a, b in spans))
    return Part(spans, words, round(words / total, 4), scored.framing.label,
                scored.framing.promotional, scored.framing.critical,
                scored.sovereignty.stance, dict(sorted(roles.items())))


def _merged(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sentence offsets joined where only white space lies between them."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and not text[out[-1][1] : start].strip():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# --- the shift: how the taken passages moved from the release's wording ---------------------

def shift(found: Analysis, reuse: Reuse, sources: dict[str, Analysis]) -> Shift:
    """Promotional cues and hedges of each taken passage against the release's passage: kept,
    added or removed. Same language, a cue is kept when the same words are on both sides;
    translated, when a cue of the same category is (the words differ by language)."""
    changes: list[tuple[int, int, CueChange]] = []
    counts: Counter[tuple[str, str]] = Counter()
    article_words = source_words = 0
    for p in reuse.passages:
        source = sources.get(p.source)
        if source is None:
            continue
        mine = _cues(found, p.article_start, p.article_end)
        theirs = _cues(source, p.source_start, p.source_end)
        article_words += p.words
        source_words += p.source_words
        for side, hits in (("article", mine), ("source", theirs)):
            for h in hits:
                counts[side, h.entry.family] += 1
        changes += [(c.article_start if c.article_start is not None else p.article_start,
                     c.source_start or 0, c)
                    for c in _paired(p, mine, theirs, found.text.text, source.text.text)]
    # Reading order of the article; a removed cue sits where its passage starts.
    ordered = [c for *_, c in sorted(changes, key=lambda t: t[:2])]
    promotional = {side: round(100 * counts[side, "promotional"] / max(1, words), 2)
                   for side, words in (("article", article_words), ("source", source_words))}
    return Shift(_direction(ordered), promotional["source"], promotional["article"],
                 counts["source", "hedging"], counts["article", "hedging"], ordered)


def _direction(changes: list[CueChange]) -> str:
    """Amplified when the newsroom added more promotional cues than it removed, or removed
    hedges ("could" becoming "will"); toned down the other way round."""
    net = 0
    for c in changes:
        promotional = c.category.startswith("promotional")
        if c.change == "added":
            net += 1 if promotional else -1
        elif c.change == "removed":
            net += -1 if promotional else 1
    return "amplified" if net > 0 else "toned down" if net < 0 else "kept"


def _cues(found: Analysis, start: int, end: int) -> list[Hit]:
    return [h for hits in found.hits for h in hits
            if start <= h.start and h.end <= end and h.entry.family in SHIFT_FAMILIES]


def _paired(p, mine: list[Hit], theirs: list[Hit], text: str, source_text: str
            ) -> list[CueChange]:
    """Each cue of the passage paired with one on the other side: by the same folded words
    (same language), by category (translated)."""
    def key(h: Hit, on: str) -> str:
        return h.entry.category if p.kind == "translated" else fold(on[h.start : h.end])

    left = list(theirs)
    out = []
    for h in mine:
        match = next((s for s in left if key(s, source_text) == key(h, text)), None)
        if match is not None:
            left.remove(match)
        out.append(_change("kept" if match else "added", h, match, p.source, text,
                           source_text))
    out += [_change("removed", None, s, p.source, text, source_text) for s in left]
    return out


def _change(change: str, mine: Hit | None, theirs: Hit | None, source: str, text: str,
            source_text: str) -> CueChange:
    cue = mine or theirs
    assert cue is not None, "a change has a cue on one side at least"
    return CueChange(
        change, cue.entry.category, source,
        text[mine.start : mine.end] if mine else None, mine.start if mine else None,
        mine.end if mine else None,
        source_text[theirs.start : theirs.end] if theirs else None,
        theirs.start if theirs else None, theirs.end if theirs else None)


def organisations(source_texts: list[str], top: int = 1) -> tuple[str, ...]:
    """The company the releases speak for: the capitalised word they name most often, not at
    a sentence's start ("Microsoft"), when named at least three times."""
    import re

    counts: Counter[str] = Counter()
    for text in source_texts:
        counts.update(re.findall(r"(?<=[a-zà-ÿ,;:] )[A-Z][A-Za-z0-9&-]{2,}", text))
    return tuple(name for name, n in counts.most_common(top) if n >= 3)

