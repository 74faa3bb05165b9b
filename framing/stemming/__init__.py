"""NLTK's Snowball stemmers for French and English, copied without NLTK's package import.

`import nltk.stem.snowball` runs `nltk/__init__`, which imports scipy.stats and scikit-learn:
1 to 2.4 s before the first article is scored, for stemmers that are a few hundred lines of
plain Python. The modules `english` and `french` hold NLTK 3.10's `EnglishStemmer` and `FrenchStemmer`
(`base`: the `_r1r2_standard` helper and `suffix_replace` of nltk.stem.util), unchanged but for
the base class, type hints, shorter class docstrings and no stopword lists (framing never asked for them). The model's
vocabulary and the lexicons' keys are these stems, so they must stay NLTK's: the Snowball 3 packages (PyStemmer,
snowballstemmer 3) stem "française" to "franc" and "international" to "internat", and even
Snowball 2.2 differs from NLTK on 15 of the 46,870 words framing's texts hold ("ambiguïté",
"realization"). tests/test_stemming.py checks these against NLTK on those words.

Copyright (C) 2001-2026 NLTK Project; authors Peter Michael Stahl and Peter Ljunglof;
algorithms by Dr Martin Porter. Licensed under the Apache License, Version 2.0
(https://www.apache.org/licenses/LICENSE-2.0), as NLTK is.
"""

from framing.stemming.english import EnglishStemmer
from framing.stemming.french import FrenchStemmer

_STEMMERS = {"fr": FrenchStemmer(), "en": EnglishStemmer()}


def snowball(word: str, lang: str) -> str:
    """NLTK's `SnowballStemmer("french" or "english").stem(word)`; `lang` is "fr" or "en"."""
    return _STEMMERS[lang].stem(word)
