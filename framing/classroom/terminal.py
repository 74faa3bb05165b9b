"""What the classroom commands print on a terminal: the explanation, its evidence in colour on a
tty and in brackets otherwise, and the figures of a graded class."""

from __future__ import annotations

from framing.classroom.explanation import explanation_parts
from framing.classroom.ui import UI, counted, number, percent_or_dash, pick
from framing.marks import draw


def explain_text(facts: dict, ui: str, color: bool = False) -> str:
    """The explanation for a terminal: evidence in colour (click.style) on a tty, in brackets
    [+…] [-…] [§…] otherwise, drawn as `framing score --explain` draws it."""
    import click

    from framing.explain import styled

    facts = _printable(facts)  # the article's words, before the colours (which are ours)
    out = [f"{facts['id']}" + (f" · {facts['title']}" if facts.get("title") else "")]
    for block in explanation_parts(facts, ui):
        out.append("")
        if block["head"]:
            out.append(click.style(block["head"], bold=True) if color else block["head"])
        for line in block["lines"]:
            out.append("  " + draw(line, lambda piece, kind: styled(piece, kind, color)))
    return "\n".join(out) + "\n"


def grade_text(result: dict, ui: str) -> str:
    """The figures `framing exercise grade` prints."""
    t = UI[ui]
    c = result["class"]
    colon = " : " if ui == "fr" else ": "
    fleiss_on = pick(t["fleiss_on"], c["fleiss_sentences"], ui).format(k=c["fleiss_sentences"])
    of = pick(t["majority_of"], c["majority_sentences"], ui).format(k=c["majority_sentences"])
    lines = [f"{counted(c['students'], 'student', ui)}, {counted(c['sentences'], 'sentence', ui)}",
             f"{t['fleiss']}{colon}{number(c['fleiss_kappa'], ui)} ({fleiss_on})",
             (f"{t['majority_head']}{colon}{percent_or_dash(c['majority_agreement_tool'], ui)} "
              f"{of}{' ;' if ui == 'fr' else ';'} κ {number(c['majority_kappa_tool'], ui)}"), ""]
    width = max([len(s["student"]) for s in result["students"]] + [7])
    lines.append(f"{t['col.student']:<{width}}  {t['col.answered']:>8}  {t['col.tool']:>7}  κ"
                 f"      {t['col.class']:>7}  κ")
    for s in result["students"]:
        lines.append(f"{s['student']:<{width}}  {s['answered']:>4}/{s['sentences']:<3}  "
                     f"{percent_or_dash(s['agreement_tool'], ui):>7}  "
                     f"{number(s['kappa_tool'], ui):>5}  "
                     f"{percent_or_dash(s['agreement_class'], ui):>7}  "
                     f"{number(s['kappa_class'], ui):>5}")
    return "\n".join(lines) + "\n"


def _printable(value):
    """`value` (the facts: dicts, lists, strings) with every string `framing.explain.printable`:
    no control character of a document reaches the terminal."""
    from framing.explain import printable

    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_printable(v) for v in value)
    return value
