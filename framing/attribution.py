"""Who speaks: quoted passages, direct quotes and their speakers, with offsets.

>>> a = attribution("« Nous sommes fiers de ce projet historique », a déclaré Marie Dupont.")
>>> a.quotes, a.speakers
(1, ['Marie Dupont'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = "«“„"
CLOSERS = "»”"
# Quoted passages shorter than this are names or scare quotes ("A Vous l’IA", "made in France"):
# they still shield their words from the writer's score, but are not counted as direct quotes.
MIN_QUOTE_WORDS = 5
ORGANISATION_MENTIONS = 3  # a leading capitalised word this frequent is an organisation, not a name

_VERBS = (
    r"(?:a|avait|ont|aurait)?\s*(?:déclaré|dit|indiqué|affirmé|expliqué|souligné|ajouté|estimé|"
    r"précisé|assuré|confié|rappelé|martelé|résumé|insisté|commenté|reconnu|prévenu|averti|"
    r"déclare|dit|indique|affirme|explique|souligne|ajoute|estime|précise|assure|confie|rappelle|"
    r"selon|d['’]après|said|says|added|adds|told|explained|explains|stated|states|noted|notes|"
    r"warned|warns|argued|argues|according\s+to|insisted|claimed|claims)"
)
_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:de|du|des|van|von|der|le|la|d['’])?\s*[A-ZÀ-Ý][\w'’-]+){1,3}"
_AFTER = re.compile(rf"\s*[,.]?\s*{_VERBS}\s+(?P<tail>[^.\n]{{0,120}})", re.IGNORECASE)
_DASH = re.compile(rf"\s*\n?\s*[–—-]\s*(?P<name>{_NAME})")
_NAME_COMMA = re.compile(rf"\s*(?P<name>{_NAME})\s*,")
_BEFORE = re.compile(rf"(?P<name>{_NAME})\s*(?:,[^,\n]{{0,80}},)?\s*{_VERBS}\s*:?\s*$", re.IGNORECASE)
_NAME_RE = re.compile(_NAME)
_OPENING = re.compile(f'[{OPENERS}"]')
# What ends a passage: a closing mark, a straight quote when one opened it, the paragraph's end.
_CLOSING = {False: re.compile(f"[{CLOSERS}\n]"), True: re.compile(f'[{CLOSERS}"\n]')}
# Cheap test before _BEFORE: the text before a quote must end with a colon or a speech verb.
_ENDS_LIKE_INTRO = re.compile(rf"(?::|{_VERBS})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph end)
    words: int
    speaker: str | None = None


@dataclass
class Attribution:
    quotes: int = 0  # direct quotes of MIN_QUOTE_WORDS words or more
    quote_share: float = 0.0  # share of the article's words inside direct quotes
    speakers: list[str] = field(default_factory=list)
    passages: list[Quote] = field(default_factory=list)  # every quoted passage, short ones too


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """(start, end) of each passage between quotation marks, paragraph by paragraph.

    Mismatched pairs (« … ”) count, as newsrooms mix them; straight quotes pair in order; a
    quote opened and never closed runs to the end of its paragraph, as in English long quotes.
    """
    spans = []
    pos = 0
    while opening := _OPENING.search(text, pos):
        opened = opening.start()
        closing = _CLOSING[text[opened] == '"'].search(text, opened + 1)
        if closing is None:  # open to the end of the text
            if len(text) - opened > 1:
                spans.append((opened, len(text)))
            break
        at = closing.start()
        if text[at] != "\n":
            spans.append((opened, at + 1))
        elif at - opened > 1:  # open to the end of the paragraph
            spans.append((opened, at))
        pos = at + 1
    return spans


def attribution(text: str, n_words: int | None = None) -> Attribution:
    from framing.text import count_tokens  # local: keeps this module importable on its own

    passages = []
    for start, end in quoted_passages(text):
        words = count_tokens(text, start, end)
        speaker = _speaker(text, start, end) if words >= MIN_QUOTE_WORDS else None
        passages.append(Quote(start, end, words, speaker))
    direct = [q for q in passages if q.words >= MIN_QUOTE_WORDS]
    total = n_words if n_words is not None else count_tokens(text)
    speakers: list[str] = []
    for q in direct:
        if q.speaker and q.speaker not in speakers:
            speakers.append(q.speaker)
    share = sum(q.words for q in direct) / total if total else 0.0
    return Attribution(len(direct), round(min(share, 1.0), 4), speakers, passages)


def _speaker(text: str, start: int, end: int) -> str | None:
    after = text[end : end + 200]
    m = _AFTER.match(after)
    if m:
        names = _NAME_RE.findall(m.group("tail").split(",")[0])
        if names:
            return _short(names[-1], text)
    for pattern in (_DASH, _NAME_COMMA):
        m = pattern.match(after)
        if m:
            return _short(m.group("name"), text)
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 200) : start]
    if not _ENDS_LIKE_INTRO.search(before[-40:]):
        return None
    m = _BEFORE.search(before)
    return _short(m.group("name"), text) if m else None


def _short(name: str, text: str) -> str:
    # People's names rarely run past three words; and in "President of Microsoft Brad Smith" the
    # first word is the organisation, which the article names again and again.
    words = name.split()[-3:]
    if len(words) == 3 and text.count(words[0]) >= ORGANISATION_MENTIONS:
        words = words[1:]
    return " ".join(words)
