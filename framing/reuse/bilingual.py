"""The French-English word dictionary of translated reuse: which English word stems a French
word may translate to, learned from parallel text (`framing/data/bilingual/`, README there),
with the hand-written glossary (`lexicons/glossary/fr_en.tsv`) added on top.

Words are looked up by their *family*, never by a bare stem: a French word is its folded form
with a plural ending removed ("amendements" -> "amendement"), so that "amendement" and "amende"
(penalty), which one Snowball stem joins, stay apart. A word the dictionary does not hold
borrows the translations of a listed word of the same stem only when the two differ by an
inflection (`FAMILY_LETTERS`), not by a derivation. English words are Snowball stems on both
sides. Function words translate to nothing (`translations` returns an empty set): they are the
glue of any sentence, and glue that "translates" made "sur" match "sûreté" (safety).

>>> "law" in translations("lois"), translations("sur")
(True, frozenset())
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

from framing.text import FUNCTION_WORDS, fold

# A word the dictionary lacks takes the translations of a listed word of its Snowball stem
# whose folded form is at most this many letters longer or shorter: an inflection ("-aient",
# "-ons", "-ed") is at most 5 letters; "amende"/"amendement" differ by 4 but the longer one is
# listed itself. Derivations that are not listed are left to cognates.
FAMILY_LETTERS = 3
# Pairs of the learned dictionary kept: p(English | French) or p(French | English) at least
# this (IBM Model 1 spreads a word's mass over its frequent neighbours too).
MIN_PROBABILITY = 0.08

_HERE = Path(__file__).resolve().parents[1]
DICTIONARY = _HERE / "data" / "bilingual" / "fr_en.tsv.gz"
GLOSSARY = _HERE / "lexicons" / "glossary" / "fr_en.tsv"
if not GLOSSARY.exists():  # a checkout: lexicons/ is at the top level
    GLOSSARY = _HERE.parent / "lexicons" / "glossary" / "fr_en.tsv"

# Words that carry no content of their own in translation: the text module's function words,
# and pronouns, auxiliaries, quantifiers and adverbs of both languages that any two sentences
# share ("plusieurs" must not translate to "severe" through "several").
STOP_WORDS = {
    "fr": FUNCTION_WORDS["fr"] | frozenset(
        """a à y en je tu on me te lui eux moi toi soi ceux celle celles celui ci là ça quel
        quelle quels quelles quelque quelques plusieurs chaque autre autres même mêmes plus
        moins bien ainsi alors comme lors dès puis enfin aussi trop peu beaucoup tant tel
        telle tels telles être avoir ai as avons avez eu était étaient sommes êtes suis fut
        furent soit soient ait aient serait seraient aurait auraient sera serai serons
        avaient ayant étant faire fait font va vont peut peuvent pouvait doit doivent devait
        cela celà ici leur lui d l qu n s c j m t jusqu lorsqu puisqu quoiqu""".split()),
    "en": FUNCTION_WORDS["en"] | frozenset(
        """a an i me my mine us ours yours him hers it itself them themselves one ones some
        several many much few less least more most own same so too then thus also yet still
        even ever never now well do does did done doing am is are was were be been being
        have has had having may might must can could shall should will would there their
        theirs as at by if or on up out off no nor not how why whether because although
        though upon""".split()),
}


# The last parts of a French verb and its pronoun ("a-t-il", "dites-moi", "allons-nous-en"):
# such forms translate their verb and pronouns at once, and are not dictionary entries.
CLITICS = frozenset("t il ils elle elles on je tu nous vous moi toi lui leur le la les en y ce "
                    "ci là".split())


def is_clitic_form(key: str) -> bool:
    """"a-t-il", "dites-moi": a verb with its pronouns, not a word of its own."""
    parts = key.split("-")
    return len(parts) > 1 and parts[-1] in CLITICS


@lru_cache(maxsize=200_000)
def french_key(word: str) -> str:
    """A French word's dictionary key: lowercased (accents kept: "marché" is a market,
    "marche" a walk), a plural -s/-x removed ("élections" -> "élection"; "réseaux" ->
    "réseau")."""
    word = word.lower().replace("’", "'")
    # "mais", "vers", "sommes" are function words, not plurals of "mai" (May), "ver" (worm),
    # "somme" (sum).
    if word in STOP_WORDS["fr"]:
        return word
    # "mois" is no plural of "moi".
    if (len(word) > 3 and word[-1] in "sx" and word[-2] != word[-1]
            and word[:-1] not in STOP_WORDS["fr"]):
        word = word[:-1]
    return word


@lru_cache(maxsize=200_000)
def english_key(word: str) -> str:
    """An English word's key: its Snowball stem ("investments" -> "invest")."""
    from framing.lexicon import stem

    return stem(fold(word), "en")


def is_stop(word: str, lang: str) -> bool:
    return word in STOP_WORDS[lang] or fold(word) in STOP_WORDS[lang]


@cache
def dictionary() -> dict[str, frozenset[str]]:
    """{French key: English stems} of the learned dictionary and the glossary."""
    out: dict[str, set[str]] = defaultdict(set)
    if DICTIONARY.exists():
        with gzip.open(DICTIONARY, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("#") or not line.strip():
                    continue
                fr, _, en, p_en, p_fr = line.rstrip("\n").split("\t")
                if max(float(p_en), float(p_fr)) >= MIN_PROBABILITY:
                    out[fr].add(en)
    for fr_term, en_term in glossary_pairs():
        out[french_key(fr_term)].add(english_key(en_term))
    return {fr: frozenset(en) for fr, en in out.items()}


def glossary_pairs() -> list[tuple[str, str]]:
    """The glossary's (French word, English word) pairs: a term of several words pairs each
    of its content words with each of the other side's ("communiqué de presse" / "press
    release"); function words pair with nothing."""
    pairs: list[tuple[str, str]] = []
    if not GLOSSARY.exists():
        return pairs
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fr, en = (part.strip() for part in line.split("\t")[:2])
        fr_words = [w for w in _words(fr) if not is_stop(w, "fr")]
        en_words = [w for w in _words(en) if not is_stop(w, "en")]
        pairs += [(f, e) for f in fr_words for e in en_words]
    return pairs


def _words(term: str) -> list[str]:
    return [w for w in term.lower().replace("’", "'").replace("'", "' ").split() if w]


@cache
def _sorted_keys() -> list[str]:
    return sorted(dictionary())


def _family(key: str) -> list[frozenset[str]]:
    """The translations of the listed words of `key`'s Snowball stem within FAMILY_LETTERS of
    its length. They start with the stem but for its last two letters (Snowball may rewrite
    them: "essayer" -> "essai"): only those are stemmed, not the whole list."""
    from framing.lexicon import stem

    root = stem(key, "fr")
    prefix = root[: max(1, len(root) - 2)]
    keys = _sorted_keys()
    out = []
    for i in range(bisect_left(keys, prefix), len(keys)):
        other = keys[i]
        if not other.startswith(prefix):
            break
        if abs(len(other) - len(key)) <= FAMILY_LETTERS and stem(other, "fr") == root:
            out.append(dictionary()[other])
    return out


@lru_cache(maxsize=200_000)
def translations(word: str) -> frozenset[str]:
    """The English stems a French word may translate to (empty for function words and words
    the dictionary does not know, even through their family)."""
    if is_stop(word, "fr"):
        return frozenset()
    key = french_key(word)
    found = dictionary().get(key)
    if found is not None:
        return found
    family = _family(key)
    return frozenset().union(*family) if family else frozenset()
