"""A text ready for comparison (`Prepared`): its words' offsets and folded keys, which are
content words, which lie in boilerplate, and the shingles (runs of SHINGLE words) that seed
every same-language alignment."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from hashlib import blake2b

from framing.text import FUNCTION_WORDS, Sentence, analyse, fold, tokens

# Words per shingle. Three words seed a run even between two edits a few words apart; a
# passage must still reach MIN_PASSAGE_WORDS, so three-word coincidences are not reported.
SHINGLE = 3

_FRENCH, _ENGLISH = FUNCTION_WORDS["fr"], FUNCTION_WORDS["en"]
_FUNCTION = _FRENCH | _ENGLISH
_NUMBER_SEPARATORS = re.compile(r"[ \u00a0\u202f,.](?=\d{3}(?!\d))")
# Headings that open a release's boilerplate: the paragraph after them is boilerplate too.
_BOILERPLATE_HEADING = re.compile(
    r"(?im)^[ \t#*_>\[]*(?:à propos d|a propos d|about\b|contacts? (?:presse|médias?)|"
    r"press contacts?|media contacts?|relations presse|pour plus d'informations?\b|"
    r"for more information\b|disclaimer|mentions légales)"
)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """What two copies of a word share: folded case and accents, and one number format
    ("25 000", "25,000" and "25000" -> "25000"; "4,3" and "4.3" -> "4.3")."""
    if word[0].isdigit():
        return _NUMBER_SEPARATORS.sub("", word).replace(",", ".")
    return fold(word)


@dataclass
class Prepared:
    """A text ready for comparison: its tokens' offsets and keys, which are content words,
    which lie in boilerplate; its sentences are found only when translation needs them."""

    id: str
    text: str
    lang: str  # main language, "fr" or "en"
    starts: list[int]
    ends: list[int]
    keys: list[str]
    content: list[bool]
    boilerplate: list[bool]

    @property
    def n_words(self) -> int:
        return len(self.keys)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """framing.text.Sentence list (with languages)."""
        return analyse(self.text).sentences

    @cached_property
    def sentence_first(self) -> list[int]:
        """Index of each sentence's first token."""
        return [bisect_left(self.starts, s.start) for s in self.sentences]


def prepare(doc_id: str, text: str) -> Prepared:
    """`text` ready for comparison under the id `doc_id`."""
    starts, ends, keys, content = [], [], [], []
    fr = en = 0
    for start, end, lower in tokens(text):
        starts.append(start)
        ends.append(end)
        keys.append(word_key(lower))
        content.append(lower.isalpha() and lower not in _FUNCTION and not text[start].isupper())
        fr += lower in _FRENCH
        en += lower in _ENGLISH
    boilerplate = _boilerplate_tokens(text, starts)
    return Prepared(doc_id, text, "fr" if fr > en else "en", starts, ends, keys, content,
                    boilerplate)


def _boilerplate_tokens(text: str, starts: list[int]) -> list[bool]:
    """True for tokens in a boilerplate heading's paragraph and the paragraph after it."""
    flags = [False] * len(starts)
    regions = []
    for m in _BOILERPLATE_HEADING.finditer(text):
        end = text.find("\n", m.start())
        end = len(text) if end == -1 else end
        # The next non-blank line (the "About X" paragraph) belongs to the heading.
        rest = re.compile(r"\s*\n\s*([^\n]*)").match(text, end)
        if rest and len(text[m.start() : end]) < 80:
            end = rest.end()
        regions.append((m.start(), end))
    for a, b in regions:
        for i in range(bisect_left(starts, a), bisect_left(starts, b)):
            flags[i] = True
    return flags


def shingles(keys: list[str]) -> list[tuple[int, int]]:
    """(position, hash) of every SHINGLE-word window. The hashes are the same in every process
    (a tuple of ints hashes without the per-process salt of str hashes), so that Dask workers
    agree on them (`framing.reuse.shuffle`)."""
    words = list(map(_word_hash, keys))
    return list(enumerate(map(hash, zip(*(words[i:] for i in range(SHINGLE))))))


@lru_cache(maxsize=200_000)
def _word_hash(key: str) -> int:
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
