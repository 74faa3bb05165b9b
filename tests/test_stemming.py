"""framing.stemming is NLTK's French and English Snowball stemmers without NLTK's import: every
stem must be NLTK's, since the model's vocabulary and the lexicons' keys are stems."""

import re
from pathlib import Path

import pytest

from framing.lexicon import stem
from framing.stemming import snowball
from framing.text import analyse, fold

ROOT = Path(__file__).resolve().parent.parent


def test_french_stems_written_by_hand():
    assert snowball("souveraineté", "fr") == "souverainet"
    assert snowball("garantir", "fr") == "garant"
    assert snowball("française", "fr") == "français"  # Snowball 3 gives "franc"
    assert snowball("ambiguïté", "fr") == "ambiguït"  # Snowball 2.2 gives "ambigu"
    assert snowball("investissements", "fr") == "invest"


def test_english_stems_written_by_hand():
    assert snowball("international", "en") == "intern"  # Snowball 3 gives "internat"
    assert snowball("realization", "en") == "realize"  # Snowball 2.2 gives "realiz"
    assert snowball("sovereignty", "en") == "sovereignti"
    assert snowball("organization's", "en") == "organ"
    assert snowball("Microsoft", "en") == "microsoft"


def _words() -> set[str]:
    """The words of the seeds and the lexicons as the scorer stems them (tokens, lexicon term
    words lowercased, accent-folded forms), with their raw spellings."""
    words = set()
    paths = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "lexicons").rglob("*.tsv"))]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for w in re.findall(r"[\w'’=*-]+", text):
            words.update((w, w.lower().replace("’", "'"), fold(w)))
        if path.suffix == ".txt":
            words.update(w for s in analyse(text).sentences for _, _, w in s.tokens)
    return words


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_stem_is_nltks_on_the_seeds_and_lexicons(lang):
    snowball_stemmer = pytest.importorskip("nltk.stem.snowball").SnowballStemmer
    nltk = snowball_stemmer({"fr": "french", "en": "english"}[lang])
    words = _words()
    assert len(words) > 5000
    assert [w for w in sorted(words) if snowball(w, lang) != nltk.stem(w)] == []


def test_lexicon_stem_is_the_copy():
    assert stem("souverainetés", "fr") == snowball("souverainetés", "fr")
