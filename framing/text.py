"""Sentences, tokens and language, all with character offsets into the original text.

Nothing here normalises the text it is given: every `start`/`end` indexes the string as read, so
`text[token.start:token.end]` is always the token as the reader sees it.

>>> from framing.text import analyse
>>> doc = analyse("M. Dupont l’a dit : « C’est historique. » Really? Yes.")
>>> [doc.text[s.start:s.end] for s in doc.sentences]
['M. Dupont l’a dit : « C’est historique. »', 'Really?', 'Yes.']
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

# --- tokens ---------------------------------------------------------------------------------

# French elided articles and pronouns ("l’IA", "qu’il", "jusqu’à") are their own token, so that
# "l’IA" and "IA" share the token "IA"; "aujourd’hui" is one word because the split happens only
# at the start of a word.
_ELISION = r"(?:[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu|[Qq]u|[CcDdJjLlMmNnSsTt])['’](?=[^\W\d_])"
# "25 000", "25 000" (narrow no-break space), "2,100", "4,3", "4.5": one number token each.
_NUMBER = r"\d+(?:[ \u00a0\u202f,.]\d{3}(?!\d))*(?:[.,]\d+)?(?![^\W_])"
# Words keep inner hyphens and apostrophes ("state-of-the-art", "aujourd’hui", "Microsoft's")
# and may mix letters and digits ("5G", "m2A", "GPT-4").
_WORD = r"[^\W_]+(?:[-'’][^\W_]+)*"
# Every token starts with a letter or digit: the lookahead lets the engine skip other characters.
_TOKEN = re.compile(rf"(?=[^\W_])(?:{_ELISION}|{_NUMBER}|{_WORD})")
# The same on text already lowercased with straight apostrophes (the usual path): fewer
# alternatives to try at each word, so about a sixth faster.
_ELISION_LOWER = r"(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])'(?=[^\W\d_])"
_TOKEN_LOWER = re.compile(rf"(?=[^\W_])(?:{_ELISION_LOWER}|{_NUMBER}|{_WORD})")


# A token is a plain tuple (start, end, lower): `lower` is the token lowercased, with typographic
# apostrophes made straight ("l’IA" gives "l'" and "ia"). Plain tuples because an article holds
# hundreds of tokens and the scorer must handle a thousand articles a second.
Token = tuple[int, int, str]


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word, number and elision tokens of text[start:end], with offsets into `text`."""
    piece = text[start:end]
    return [(a + start, b + start, w) for a, b, w in _tokens(piece, _lowered(piece), 0, len(piece))]


def count_tokens(text: str, start: int = 0, end: int | None = None) -> int:
    """len(tokens(text, start, end)), without building the tokens. The general pattern on the
    text as it is finds the same tokens as the fast path (a property test checks it)."""
    return len(_TOKEN.findall(text, start, len(text) if end is None else end))


def _lowered(text: str) -> str | None:
    """`text` lowercased with straight apostrophes, when that keeps every offset (it does not
    for a few letters such as "İ", whose lowercase is two characters long)."""
    lowered = text.lower().replace("’", "'")
    return lowered if len(lowered) == len(text) else None


def _tokens(text: str, lowered: str | None, start: int, end: int) -> list[Token]:
    if lowered is not None:  # the common case: one lowercasing for the whole text
        return [(m.start(), m.end(), m.group()) for m in _TOKEN_LOWER.finditer(lowered, start, end)]
    return [
        (m.start(), m.end(), m.group().lower().replace("’", "'"))
        for m in _TOKEN.finditer(text, start, end)
    ]


def _matches(text: str, lowered: str | None, start: int,
             end: int) -> tuple[list[re.Match], list[str]]:
    """The token matches of text[start:end] and their lowercased forms, as `_tokens` finds them.
    No tuple per token: the lists are built in C, and offsets are read only where needed."""
    if lowered is not None:
        matches = list(_TOKEN_LOWER.finditer(lowered, start, end))
        return matches, list(map(re.Match.group, matches))
    matches = list(_TOKEN.finditer(text, start, end))
    return matches, [m.group().lower().replace("’", "'") for m in matches]


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lowercase without accents: "Souveraineté" -> "souverainete"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- sentences ------------------------------------------------------------------------------

# Words that end with a full stop without ending the sentence. Lowercased, without the stop.
ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle mlles dr pr me st ste mgr cf p pp vol no n° art al éd ed mr mrs ms
    prof sr jr inc ltd co corp vs e.g i.e approx dept gen gov sen rep av bd fig env min
    max tél tel ex""".split()
)
# A full stop, question or exclamation mark (possibly doubled, possibly "..."), then closing
# quotes/brackets, then space, then something that can open a sentence.
_BOUNDARY = re.compile(
    r"[.!?…]+(?:[ \u00a0\u202f]?[»”\"’)\]])*(?=\s+[«“\"'‘(\[\-–—•*]?\s*[^\W_a-zà-ÿ])"
)
_LINE_END_PUNCT = tuple(".!?…:;»”\")")
# The same boundary in a text written all in lowercase (machine output, chat, lowercased
# corpora), where a sentence opens with a lowercase letter.
_BOUNDARY_LOWER = re.compile(
    r"[.!?…]+(?:[ \u00a0\u202f]?[»”\"’)\]])*(?=\s+[«“\"'‘(\[\-–—•*]?\s*[^\W_])"
)


@dataclass(slots=True)
class Sentence:
    """A sentence's offsets, language and tokens. The tokens are kept as two parallel lists,
    their lowercased forms and their regex matches (offsets by `.start()`, `.end()`), as most
    tokens are only ever looked up, never located."""

    start: int
    end: int
    lang: str  # "fr", "en" or "unknown"
    words: list[str] = field(repr=False)  # each token lowercased: a Token's third item
    matches: list[re.Match] = field(repr=False, compare=False)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """(start, end, lower) of each token, built anew at each call."""
        ms = self.matches
        return tuple(zip(map(re.Match.start, ms), map(re.Match.end, ms), self.words))

    def token_index(self, offset: int) -> int:
        """The index of the first token that starts at or after `offset`."""
        return bisect_left(self.matches, offset, key=re.Match.start)


# A "sentence" longer than this (a page with no punctuation, a minified dump) is cut at a space
# before the limit: per-sentence work stays bounded, and so does the time a bad file can take.
MAX_SENTENCE_CHARS = 3000


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: lines are split at sentence boundaries, and a line is its
    own sentence (titles, list items, navigation lines) unless the sentence goes on on the next
    line (see `_continues`)."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        cut = block_start
        boundary = _BOUNDARY_LOWER if text[block_start:block_end].islower() else _BOUNDARY
        for m in boundary.finditer(text, block_start, block_end):
            if _is_abbreviation(text, block_start, m.start(), boundary is _BOUNDARY_LOWER):
                continue
            spans.append((cut, m.end()))
            cut = m.end()
        spans.append((cut, block_end))
    trimmed = [s for s in (_trim(text, a, b) for a, b in spans) if s is not None]
    return [piece for a, b in trimmed for piece in _bounded(text, a, b)]


def _bounded(text: str, start: int, end: int):
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        piece = _trim(text, start, cut)
        if piece:
            yield piece
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield (start, end)


# Words after which a sentence cannot stop, written in lowercase: articles, conjunctions,
# possessives and French prepositions. A prose line that ends on one was broken mid-sentence
# (hard wrapping, or a crawled page that puts a paragraph break inside a sentence: "benefits for
# the\n\nFrench economy and job market."). Left out: words that end sentences or titles too
# (English prepositions: "the cameras it paid for"; "pour", "avec", "sans"), and words of both
# languages ("an": "par an"; "a": French "has").
DANGLING_WORDS = frozenset(
    """the of and or nor but its their our your whose than le la les l' un une des du de d' et
    ou à au aux par sur dans que qu' dont sous vers chez ni mais""".split()
)
# Besides DANGLING_WORDS, words after which a clause goes on when the next line says so by
# starting in lowercase ("These\n\ninitiatives").
_MID_CLAUSE_WORDS = DANGLING_WORDS | frozenset("this these those ce cet cette ces".split())
# A line shorter than this that ends on a dangling word is page furniture that lost a field
# ("Publié le" and a date, "modifié à" and a time, "by" and an author), not broken prose.
MIN_BROKEN_LINE_WORDS = 8
# The last word of a line's end, when nothing but spaces, quotes or brackets precedes it.
_LAST_WORD = re.compile(r"(?<![^\s(«“\"‘\[])[^\W\d_]+['’]?$")
# A line that opens a list item or a Markdown heading never continues the line before it.
_ITEM_START = re.compile(r"[ \t]*(?:[-–—•*·▪●◦]\s|#|\d{1,3}[.)]\s)")
# A line's first word, when it is a plain word ("initiatives", not "iPhone" or "www.x.fr").
_FIRST_WORD = re.compile(r"[ \t]*([^\W\d_]+)(?=[\s,;:'’-]|$)")
_SPACE = " \t\r\u00a0\u202f"


def _blocks(text: str):
    """Paragraph-like blocks: lines, joined when a sentence goes on on the next line."""
    start = 0
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl == -1:
            break
        following = _continues(text, pos, nl)
        if following is None:
            yield start, nl
            start = nl + 1
            pos = nl + 1
        else:
            pos = following
    if start < n:
        yield start, n


def _continues(text: str, line_start: int, nl: int) -> int | None:
    """The start of the line that goes on with the sentence of the line text[line_start:nl],
    or None when that line ends its sentence. A line without final punctuation runs on
    - into a next line that starts in lowercase (hard wrapping);
    - when it is a prose line (MIN_BROKEN_LINE_WORDS), across blank lines (a crawled page that
      breaks a paragraph inside a sentence), into the next non-blank line that is no list item
      or heading, if the line ends with a dangling word ("the", "de": no title or paragraph
      ends so), or if it ends mid-clause (a comma, a dangling word or a demonstrative in any
      case) and the next line starts with a lowercase word ("These\n\ninitiatives
      demonstrate", "technologies,\n\nsupport their").
    Titles, list items and navigation lines otherwise stay sentences of their own."""
    # The next line's first letter first: it is rarely lowercase, and then the line itself
    # needs no look.
    if text[nl + 1 : nl + 2].islower():
        line = text[line_start:nl].rstrip()
        return nl + 1 if line and not line.endswith(_LINE_END_PUNCT) else None
    end = nl
    while end > line_start and text[end - 1] in _SPACE:
        end -= 1
    if end == line_start or not (text[end - 1].isalpha() or text[end - 1] in ",'’"):
        return None  # only a word or a comma can leave a sentence open: no regex for the rest
    word = _LAST_WORD.search(text[max(line_start, end - 12) : end])
    last = "" if word is None else word.group().replace("’", "'")
    dangling = last in DANGLING_WORDS and last.islower()
    mid_clause = text[end - 1] == "," or last.lower() in _MID_CLAUSE_WORDS
    if not dangling and not (mid_clause and text[nl + 1 : nl + 2].isspace()):
        return None
    following = nl + 1
    while True:  # past blank lines
        next_nl = text.find("\n", following)
        if next_nl == -1 or text[following:next_nl].strip():
            break
        following = next_nl + 1
    next_end = text.find("\n", following)
    next_line = text[following : len(text) if next_end == -1 else next_end]
    if not next_line.strip() or _ITEM_START.match(next_line):
        return None
    if not dangling:  # mid-clause: goes on only into a lowercase word
        first = _FIRST_WORD.match(next_line)
        if first is None or not first.group(1).islower():
            return None
    if count_tokens(text, line_start, end) < MIN_BROKEN_LINE_WORDS:
        return None
    return following


# In lowercase text, the abbreviations that are not also words that end sentences ("me",
# "no", "art" are).
_LOWER_ABBREVIATIONS = frozenset("cf vs approx dept mr mrs ms dr pr mme mlle".split())


def _is_abbreviation(text: str, block_start: int, stop: int, lower: bool = False) -> bool:
    if text[stop] != ".":
        return False
    word_start = stop
    while word_start > block_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:stop].lstrip("«“\"'(‘[").lower()
    # Single letters are initials ("J. Smith", "U.S."), not sentence ends.
    if lower:  # and dotted ones ("e.g", "i.e")
        return word in _LOWER_ABBREVIATIONS or "." in word or len(word) == 1
    return word in ABBREVIATIONS or len(word.replace(".", "")) == 1


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# --- language -------------------------------------------------------------------------------

# Function words that are frequent in one language and rare in the other. Words shared by both
# ("a", "on", "or", "as", "plus", "son") are left out on purpose.
FUNCTION_WORDS = {
    "fr": frozenset(
        """le la les un une des du de en et est sont été être au aux dans pour par avec sur ce
        cet cette ces il elle ils elles nous vous leur leurs sa ses se ne pas qui
        que quoi dont où mais ou donc car aussi très tout tous toute toutes notre
        nos votre vos mon ma mes ont avait était sera seront cela ceci selon entre
        après avant depuis chez sans sous vers également déjà encore fait peut doit
        non si l' d' qu' n' s' c' j' m' jusqu' lorsqu'""".split()
    ),
    "en": frozenset(
        """the of and is are was were be been being to in for with that this these those by
        from it its has have had not but which who whom whose will would shall
        should can could they them their we our you your he she his her him said
        says also than into about after before over under between through while when
        where what there here more most such only other any each both all just very""".split()
    ),
}
_FRENCH_LETTERS = frozenset("éèêëàâçùûôîïœ")
# Endings that decide a line with no function word ("Articles similaires", "Environnement").
_ENDINGS = {
    "fr": ("aire", "aires", "ique", "iques", "eux", "euse", "euses", "ement", "ements", "eau", "eaux"),
    "en": ("ing", "ings", "ship", "ness", "ful"),
}
LANGUAGES = ("fr", "en")
# Function words of the neighbouring languages a European crawl also holds (German, Spanish,
# Italian, Portuguese, Dutch), minus any French or English one: a sentence made of them is in
# neither language, and reading it with the English or French lexicons would only invent cues.
OTHER_FUNCTION_WORDS = frozenset(
    """der das und ist nicht mit auf für ein eine einen einem dem den sich auch werden wird
    sind von zu zum zur vom im bei nach oder wurde wie aus über noch hat haben kann dass sie
    wir ihre ihr durch gegen dieser diese bereits sowie sein
    el los las del por para una uno lo su sus al como más pero está están fue es muy también
    hay ser ha han sido esta este estos cuando porque della delle degli gli nel nella nei
    sono anche questo questa che è di alla dei più hanno stato quando perché não uma em os
    da do dos das ao pelo pela mais foi são het een niet met op voor zijn wordt worden ook
    maar deze dat bij"""
    .split()
) - FUNCTION_WORDS["fr"] - FUNCTION_WORDS["en"]


def sentence_language(words: list[str]) -> str:
    """'fr', 'en' or 'unknown' from a sentence's lowercased tokens: function words; French
    accents break ties and decide short lines with no function word ("[#Sécurité](#)")."""
    fr = sum(map(FUNCTION_WORDS["fr"].__contains__, words))
    en = sum(map(FUNCTION_WORDS["en"].__contains__, words))
    other = sum(map(OTHER_FUNCTION_WORDS.__contains__, words))
    if other >= 2 and other > max(fr, en):
        return "unknown"
    if fr == en:
        if any(map(_FRENCH_LETTERS.intersection, words)):
            return "fr"
        fr = sum(1 for w in words if w.endswith(_ENDINGS["fr"]))
        en = sum(1 for w in words if w.endswith(_ENDINGS["en"]))
        if fr == en:
            return "unknown"
    return "fr" if fr > en else "en"


# A document is "mixed" when its second language holds at least this share of its words that
# have a known language: 004's French page furniture is under it, a bilingual page is over it.
MIXED_MINORITY_SHARE = 0.25


def document_language(sentences: list[Sentence]) -> str:
    words = {"fr": 0, "en": 0, "unknown": 0}
    for s in sentences:
        words[s.lang] += len(s.words)
    total = words["fr"] + words["en"]
    # Mostly in another language (a German article quoting one English sentence): unknown.
    if total == 0 or words["unknown"] > total:
        return "unknown"
    major, minor = sorted(LANGUAGES, key=words.__getitem__, reverse=True)
    return "mixed" if words[minor] / total >= MIXED_MINORITY_SHARE else major


# --- the whole text -------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str
    sentences: list[Sentence]
    lang: str  # document language: "fr", "en", "mixed" or "unknown"

    @property
    def n_words(self) -> int:
        return sum(len(s.words) for s in self.sentences)

    def main_language(self) -> str:
        """The language with most words ("fr" or "en"), for tools that need exactly one."""
        if self.lang in LANGUAGES:
            return self.lang
        words = {lang: 0 for lang in LANGUAGES}
        for s in self.sentences:
            if s.lang in words:
                words[s.lang] += len(s.words)
        return max(LANGUAGES, key=lambda lang: (words[lang], lang == "en"))


def analyse(text: str, lang: str | None = None, spans: list[tuple[int, int]] | None = None) -> Text:
    """Split `text` into sentences with tokens and languages. `lang` forces every sentence;
    `spans` gives the sentences' (start, end) instead of finding them (hand-segmented text)."""
    sentences = []
    lowered = _lowered(text)
    for start, end in spans if spans is not None else sentence_spans(text):
        matches, words = _matches(text, lowered, start, end)
        sentences.append(Sentence(start, end, lang or sentence_language(words), words, matches))
    return Text(text, sentences, lang or document_language(sentences))
