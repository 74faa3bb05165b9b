"""Readability with textstat, with the formula named: French Flesch (Kandel & Moles constants)
and LIX for French, Flesch reading ease and Flesch-Kincaid grade for English."""

from __future__ import annotations

from dataclasses import dataclass


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


def readability(text: str, lang: str) -> Readability:
    """`lang` is "fr" or "en" (a mixed article is measured in its main language)."""
    import textstat  # imported on use: the CLI's --help must stay fast

    if not text.strip():
        return Readability(FORMULAS.get(lang, FORMULAS["en"]), 0.0, lang)
    # textstat keeps the language as global state: set it on every call.
    if lang == "fr":
        textstat.set_lang("fr")
        return Readability(FORMULAS["fr"], _r(textstat.flesch_reading_ease(text)), "fr",
                           lix=_r(textstat.lix(text)))
    textstat.set_lang("en")
    return Readability(FORMULAS["en"], _r(textstat.flesch_reading_ease(text)), "en",
                       grade=_r(textstat.flesch_kincaid_grade(text)))


def _r(x: float) -> float:
    return round(float(x), 2)
