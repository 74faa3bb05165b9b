"""Text renderings of a record for people: the compact summary and the article with its evidence
marked. Colour on a terminal; plain brackets when piped, so the marks survive in a file."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import click

from framing.labels import LABELS
from framing.marks import Mark, draw, inside, pieces
from framing.record import Record, top_evidence

if TYPE_CHECKING:
    from framing.reuse.found import Reuse

# Marks work without colour: + promotional, - critical, § sovereignty / foreign law.
MARKS = {"promotional": "+", "critical": "-", "sovereignty": "§"}
# Colour and a second cue (bold / underline), so that colour is never the only signal.
STYLES: dict[str, dict[str, Any]] = {
    "promotional": {"fg": "yellow", "bold": True},
    "critical": {"fg": "cyan", "bold": True, "underline": True},
    "sovereignty": {"fg": "magenta", "underline": True},
}
LABEL_TAGS = {"promotional": "P", "neutral": "N", "critical": "C"}
# A document's control characters (ESC opens terminal commands: set the title, clear the
# screen, hide text, write the clipboard), shown one for one as U+FFFD so that offsets hold.
_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` safe to print on a terminal: newlines and tabs kept, every other control
    character replaced by U+FFFD (the same length, so offsets into the text still hold)."""
    return _TERMINAL_CONTROL.sub("\ufffd", text)


def summary(record: Record) -> str:
    """The compact human-readable block that `framing score` prints per document."""
    if record.error is not None:
        return printable(f"{record.id}  ERROR {record.error.code}: {record.error.message}\n")
    f, s, r, a = record.framing, record.sovereignty, record.readability, record.attribution
    assert f is not None and s is not None and r is not None and a is not None  # no error
    stance = s.stance + (f" · extraterritorial law: {', '.join(s.laws)}" if s.laws else "")
    extra = f", LIX {r.lix:.1f}" if r.lix is not None else ""
    extra += f", grade {r.grade:.1f}" if r.grade is not None else ""
    counts = " / ".join(f"{sum(1 for x in f.sentences if x.label == lab)} {lab}" for lab in LABELS)
    evidence = ", ".join(f"{MARKS[e.effect]}{_one_line(e.text)}" for e in top_evidence(f)) or "—"
    speakers = f" ({', '.join(a.speakers)})" if a.speakers else ""
    chooser = f.chooser
    lines = [
        (f"{record.id}  [{record.language}, {counted(record.n_words, 'word')}, "
         f"{counted(record.n_sentences, 'sentence')}]"),
        (f"  label        {f.label} ({chooser}: promotional {f.promotional:.2f} · "
         f"critical {f.critical:.2f})"),
    ]
    if chooser == "model" and f.lexicon_promotional is not None:  # the lexicon's own view
        lines.append(f"  lexicon      {f.lexicon_label} (promotional {f.lexicon_promotional:.2f} · "
                     f"critical {f.lexicon_critical:.2f})")
    lines += [
        f"  sentences    {counts} (labelled by the {chooser})",
        f"  sovereignty  {stance}",
        f"  readability  {r.score:.1f} {r.formula}{extra}",
        f"  quotes       {a.quotes} direct, {a.quote_share:.0%} of words{speakers}",
        f"  evidence     {evidence}",
    ]
    if record.reuse is not None:
        lines.append(f"  reuse        {_reuse_line(record.reuse)}")
    if record.added_value is not None:
        lines.append(f"  added        {record.added_value.line()}")
    return printable("\n".join(lines) + "\n")


def _reuse_line(reuse: Reuse) -> str:
    if reuse.kind == "none":
        return "none found"
    return (f"{reuse.kind} from {reuse.source}: {reuse.article_share:.0%} of the article, "
            f"{reuse.source_share:.0%} of the release, {counted(len(reuse.passages), 'passage')}")


def counted(n: int, noun: str) -> str:
    """n with its English noun in the right number: "1 passage", "2 passages"."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def marked_text(record: Record, text: str, color: bool) -> str:
    """The article sentence by sentence, each tagged [P]/[N]/[C], with its evidence marked."""
    if record.error is not None:
        return summary(record)
    marks, text = _marks(record), printable(text)  # (before the colours: they are ours)
    f, s = record.framing, record.sovereignty
    assert f is not None and s is not None  # no error
    out = [f"== {printable(record.id)} · {f.label} · sovereignty {s.stance}"]
    for sentence in f.sentences:
        shown = pieces(text, inside(marks, sentence.start, sentence.end), sentence.start,
                       sentence.end)
        body = draw(shown, lambda piece, mark: styled(piece, mark.kind, color))
        out.append(f"[{LABEL_TAGS[sentence.label]}] " + body)
    legend = "legend: [P]/[N]/[C] sentence label · [+…] promotional · [-…] critical · [§…] sovereignty"
    return "\n".join(out + [legend]) + "\n"


def styled(text: str, kind: str, color: bool) -> str:
    """One marked piece for a terminal: in brackets with its sign, [+…] [-…] [§…], so that the
    mark survives a pipe; with `color`, also in its colour and second cue."""
    piece = f"[{MARKS[kind]}{text}]"
    return click.style(piece, **STYLES[kind]) if color else piece


def _marks(record: Record) -> list[Mark]:
    # One mark per span: a tone cue wins over a sovereignty cue on the same words.
    assert record.framing is not None and record.sovereignty is not None
    found = {(e.start, e.end): e.effect for e in record.framing.evidence}
    for e in record.sovereignty.evidence:
        found.setdefault((e.start, e.end), "sovereignty")
    return sorted(Mark(s, e, kind) for (s, e), kind in found.items())


def reuse_summary(doc_id: str, reuse: Reuse, article: str, source_texts: dict[str, str],
                  width: int = 100) -> str:
    """What `framing reuse` prints per article: best source, kind, shares, then each passage
    with its text on both sides (cut to `width` characters)."""
    if reuse.kind == "none" and not reuse.shares_with:
        return printable(f"{doc_id}  no reuse found\n")
    lines = [f"{doc_id}  {reuse.kind}"
             + (f" from {reuse.source}" if reuse.source else "")
             + (f" (identical to {reuse.identical_to})" if reuse.identical_to else "")]
    lines.append(f"  article share {reuse.article_share:.0%} · release share "
                 f"{reuse.source_share:.0%} · longest passage "
                 f"{counted(reuse.longest_passage_words, 'word')} · "
                 f"{counted(len(reuse.passages), 'passage')}")
    if reuse.shares_with:
        lines.append(f"  cluster {reuse.cluster}: shares passages with "
                     f"{', '.join(reuse.shares_with)}")
    for p in reuse.passages:
        source = source_texts.get(p.source, "")
        lines.append(f"  [{p.kind} {p.similarity:.2f}] {counted(p.words, 'word')}")
        lines.append(f"    article {p.article_start}-{p.article_end}: "
                     f"{_cut(article[p.article_start:p.article_end], width)}")
        lines.append(f"    {p.source} {p.source_start}-{p.source_end}: "
                     f"{_cut(source[p.source_start:p.source_end], width)}")
    return printable("\n".join(lines) + "\n")


def _cut(text: str, width: int) -> str:
    text = _one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"
