"""Translated reuse: sentences of an article paired, in order, with the source sentences they
translate, without a translation model.

Each sentence becomes a set of language-neutral anchors: numbers with their scale ("4 milliards"
and "4 billion" are both 4e9; "25 000" and "25,000" are 25000), names (capitalised words), the
concepts of a bilingual glossary (`lexicons/glossary/fr_en.tsv`: "compétences" and "skills"),
and cognates (the first five letters of longer words: "investissement"/"investment"). Two
sentences are similar when they share rare anchors (weighted Dice, weights = inverse sentence
frequency in the two texts). A translation keeps the order of its source, so the passages are
the best chain of similar pairs increasing in both texts; a few shared names and numbers in any
order (independent coverage of the same event) do not make one.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path

from framing.reuse.found import Passage
from framing.reuse.prepared import Prepared
from framing.text import FUNCTION_WORDS, Token, fold

# A sentence pair is similar from this weighted Dice up; a chain needs this many pairs, and this
# mean similarity, to be reported as a translation.
PAIR_SIMILARITY = 0.25
MIN_SENTENCES = 3
MIN_MEAN_SIMILARITY = 0.4
# Sentences shorter than this (navigation, headings of one or two words) are not aligned.
MIN_SENTENCE_WORDS = 4
# An article is aligned with at most this many sources in the other language: those sharing the
# most rare anchors with it.
MAX_CANDIDATES = 3
MIN_CANDIDATE_ANCHORS = 4
COGNATE_PREFIX = 5

_FUNCTION = FUNCTION_WORDS["fr"] | FUNCTION_WORDS["en"]
_SCALES = {
    "mille": 1e3, "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9, "md": 1e9,
    "mds": 1e9, "mrd": 1e9,
}
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)([a-z]*)$")
# framing/reuse/translate.py: the glossary is in framing/lexicons/ when installed.
GLOSSARY = Path(__file__).resolve().parents[1] / "lexicons" / "glossary" / "fr_en.tsv"
if not GLOSSARY.exists():  # a checkout: lexicons/ is at the top level
    GLOSSARY = Path(__file__).resolve().parents[2] / "lexicons" / "glossary" / "fr_en.tsv"
# (sentence number, anchors, lexical anchors) of a text's sentences long enough to align.
SentenceTable = list[tuple[int, set[str], set[str]]]
# (source, its passages) found in an article.
Found = list[tuple[Prepared, list[Passage]]]


@cache
def glossary(path: str | None = None) -> dict[str, dict[tuple[str, ...], str]]:
    """{lang: {stemmed words: concept}}; the two sides of a pair, and every term paired with
    either, share a concept."""
    from framing.lexicon import stem

    parent: dict[tuple, tuple] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    terms = []
    glossary_path = Path(path) if path else GLOSSARY
    if glossary_path.exists():
        for line in glossary_path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            fr, en = (part.strip() for part in line.split("\t")[:2])
            a = ("fr", tuple(stem(fold(w), "fr") for w in fr.split()))
            b = ("en", tuple(stem(fold(w), "en") for w in en.split()))
            terms += [a, b]
            parent[find(a)] = find(b)
    out: dict[str, dict[tuple[str, ...], str]] = {"fr": {}, "en": {}}
    for lang, words in terms:
        root = find((lang, words))
        out[lang][words] = "g:" + root[0] + ":" + " ".join(root[1])
    return out


def number_value(word: str, following: str | None) -> str | None:
    """"4" + "milliards" -> "4e+09"; "25000" -> "25000"; "4,3" -> "4.3"; "4bn" -> "4e+09"."""
    m = _NUMBER.match(word.replace("\u00a0", "").replace("\u202f", "").replace(" ", ""))
    if not m:
        return None
    digits, suffix = m.groups()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        digits = digits.replace(",", "")
    if suffix and suffix not in _SCALES:
        return None  # "5g", "4x4": a name, not a quantity
    scale = _SCALES[suffix] if suffix else _SCALES.get(following or "", 1)
    return f"{float(digits.replace(',', '.')) * scale:g}"


def sentence_anchors(text: str, tokens: Sequence[Token],
                     lang: str) -> tuple[set[str], set[str]]:
    """(anchors, lexical anchors) of one sentence (see the module docstring). Lexical anchors
    are glossary concepts and cognates of ordinary words, not names: a pair of sentences must
    share one, or names and numbers alone would make a "translation"."""
    terms = glossary().get(lang, {})
    anchors, lexical = set(), set()
    words = [w for _, _, w in tokens]
    stems = [_stem(w, lang) for w in words]
    i = 0
    while i < len(words):
        start, _, word = tokens[i]
        for size in (3, 2, 1):
            piece = tuple(stems[i : i + size])
            if len(piece) == size and piece in terms:
                anchors.add(terms[piece])
                lexical.add(terms[piece])
                i += size
                break
        else:
            key = _word_anchor(word, words[i + 1] if i + 1 < len(words) else None)
            if key:
                anchors.add(key)
                # Capitalised inside the sentence: a name ("Microsoft", "Grand Est").
                if key[0] == "c" and (i == 0 or not text[start].isupper()):
                    lexical.add(key)
            i += 1
    return anchors, lexical


@lru_cache(maxsize=400_000)
def _stem(word: str, lang: str) -> str:
    from framing.lexicon import stem

    return stem(fold(word), lang)


def _word_anchor(word: str, following: str | None) -> str | None:
    """"n:" and a value for numbers; "c:" and the first letters for other words, so that a name
    and a cognate match whether or not they are capitalised ("Cloud" / "cloud")."""
    if word[0].isdigit():
        value = number_value(word, following)
        return f"n:{value}" if value else None
    if word in _FUNCTION or word in _SCALES:
        return None
    folded = fold(word)
    return f"c:{folded[:COGNATE_PREFIX]}" if len(folded) >= 2 else None


class TranslationIndex:
    """Sources' cognate and number keys, to find the few sources in another language worth
    aligning with an article; sentence anchors are computed only for those."""

    def __init__(self, sources: list[Prepared]) -> None:
        self.sources = sources
        self.tables: dict[int, SentenceTable] = {}  # sentence tables, made when first needed
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, source in enumerate(sources):
            for key in sorted(document_keys(source)):
                self.postings[key].append(number)
        self.languages = {s.lang for s in sources}

    def compare(self, article: Prepared) -> Found:
        """[(source, passages)] for the sources the article translates."""
        if self.languages <= {article.lang}:
            return []  # no source in another language
        candidates = rank_candidates(document_keys(article), self.postings, len(self.sources),
                                     article.lang, lambda n: self.sources[n].lang,
                                     lambda n: self.sources[n].id)
        return translated(article, [(self.sources[n], self._table(n)) for n in candidates])

    def _table(self, number: int) -> SentenceTable:
        if number not in self.tables:
            self.tables[number] = sentence_table(self.sources[number])
        return self.tables[number]


def rank_candidates(keys: Iterable[str], postings: Mapping[str, Sequence[int]], n_sources: int,
                    lang: str, lang_of: Callable[[int], str],
                    order_of: Callable[[int], str | int]) -> list[int]:
    """The numbers of the (at most MAX_CANDIDATES) sources in another language than `lang`
    that share the most rare keys with an article whose document_keys are `keys`. `postings`:
    {key: numbers of all the sources holding it}; `lang_of(number)`, `order_of(number)` (ties)."""
    scores: dict[int, float] = defaultdict(float)
    counts: dict[int, int] = defaultdict(int)
    # Keys in a fixed order: a float sum must not depend on the process's string hashes.
    for key in sorted(keys):
        holders = postings.get(key, ())
        for number in holders:
            if lang_of(number) != lang:
                scores[number] += math.log(1 + n_sources / len(holders))
                counts[number] += 1
    ranked = sorted((n for n in scores if counts[n] >= MIN_CANDIDATE_ANCHORS),
                    key=lambda n: (-scores[n], order_of(n)))
    return ranked[:MAX_CANDIDATES]


def translated(article: Prepared,
               candidates: Sequence[tuple[Prepared, SentenceTable]]) -> Found:
    """[(source, passages)] for the (source, sentence table) candidates the article
    translates, in the order given."""
    if not candidates:
        return []
    table = sentence_table(article)
    found = []
    for source, source_table in candidates:
        passages = align_sentences(article, table, source, source_table)
        if passages:
            found.append((source, passages))
    return found


def document_keys(prepared: Prepared) -> set[str]:
    """Cheap language-neutral keys of a whole text (numbers and word prefixes, no glossary):
    enough to rank the sources an article may translate."""
    keys = set()
    words = prepared.keys
    for i, word in enumerate(words):
        key = _word_anchor(word, words[i + 1] if i + 1 < len(words) else None)
        if key:
            keys.add(key)
    return keys


def sentence_table(prepared: Prepared) -> SentenceTable:
    """(sentence number, anchors, lexical anchors) of the sentences long enough to align."""
    table = []
    for number, sentence in enumerate(prepared.sentences):
        if sentence.lang in ("fr", "en") and len(sentence.tokens) >= MIN_SENTENCE_WORDS:
            anchors, lexical = sentence_anchors(prepared.text, sentence.tokens, sentence.lang)
            if anchors:
                table.append((number, anchors, lexical))
    return table


def align_sentences(article: Prepared, a_table: SentenceTable, source: Prepared,
                    s_table: SentenceTable) -> list[Passage]:
    """Translated passages: the best chain of similar sentence pairs, in order in both texts."""
    weights = _weights([a for _, a, _ in a_table] + [a for _, a, _ in s_table])
    pairs = []
    for i, (a_no, a_anchors, a_lexical) in enumerate(a_table):
        a_lang = article.sentences[a_no].lang
        a_weight = sum(weights[k] for k in a_anchors)
        for j, (s_no, s_anchors, s_lexical) in enumerate(s_table):
            if source.sentences[s_no].lang == a_lang:
                continue
            shared = a_anchors & s_anchors
            if len(shared) < 2 or not (shared & (a_lexical | s_lexical)):
                continue
            similarity = similarity_of(sum(weights[k] for k in shared), a_weight,
                                       sum(weights[k] for k in s_anchors))
            if similarity >= PAIR_SIMILARITY:
                pairs.append((i, j, similarity))
    chain = _best_chain(pairs)
    if len(chain) < MIN_SENTENCES or sum(p[2] for p in chain) / len(chain) < MIN_MEAN_SIMILARITY:
        return []
    return [_passage(article, a_table[i][0], source, s_table[j][0], sim) for i, j, sim in chain]


def similarity_of(shared: float, a: float, b: float) -> float:
    """Similarity of two anchor sets from the weights of their intersection and of each: the
    mean of Dice and of the overlap with the smaller set, so that a sentence a translator
    condensed, or split in two, still matches its source."""
    return shared / (a + b) + shared / (2 * min(a, b))


def _weights(anchor_sets) -> dict[str, float]:
    frequency: dict[str, int] = defaultdict(int)
    for anchors in anchor_sets:
        for key in anchors:
            frequency[key] += 1
    n = len(anchor_sets)
    return {key: math.log(1 + n / count) for key, count in frequency.items()}


def _best_chain(pairs):
    """The pairs (i, j, similarity) in order in both texts with the largest total of
    (similarity - PAIR_SIMILARITY / 2): a longer chain of good pairs beats one perfect pair.
    Two consecutive article sentences may pair with one source sentence (a translator split
    it). A prefix-maximum tree over source sentences keeps this O(P log P), so that a huge
    source with thousands of candidate pairs stays fast."""
    if not pairs:
        return []
    pairs.sort()
    size = max(j for _, j, _ in pairs) + 1
    tree = [(0.0, -1)] * (size + 1)  # tree[x]: best (total, pair) ending at a source index < x
    best: list[float] = []
    back: list[int] = []
    row_start = 0
    previous_row: dict[int, tuple[float, int]] = {}  # j -> best pair at article row i - 1
    for k, (i, j, sim) in enumerate(pairs):
        if k and i != pairs[k - 1][0]:  # a new article row: the finished row joins the tree
            finished = pairs[row_start][0]
            previous_row = {}
            for q in range(row_start, k):
                _raise(tree, pairs[q][1] + 1, (best[q], q))
                if finished == i - 1:
                    previous_row[pairs[q][1]] = (best[q], q)
            row_start = k
        before = max(_prefix_max(tree, j), previous_row.get(j, (0.0, -1)))
        gain = sim - PAIR_SIMILARITY / 2
        best.append(gain + max(before[0], 0.0))
        back.append(before[1] if before[0] > 0 else -1)
    k = max(range(len(pairs)), key=lambda q: (best[q], -q))
    chain = []
    while k != -1:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _prefix_max(tree, x: int) -> tuple[float, int]:
    """Best entry at positions 1..x of a Fenwick tree of maxima."""
    out = (0.0, -1)
    while x > 0:
        out = max(out, tree[x])
        x -= x & -x
    return out


def _raise(tree, x: int, item: tuple[float, int]) -> None:
    while x < len(tree):
        tree[x] = max(tree[x], item)
        x += x & -x


def _passage(article: Prepared, a_no: int, source: Prepared, s_no: int,
             similarity: float) -> Passage:
    a, s = article.sentences[a_no], source.sentences[s_no]
    a0 = article.sentence_first[a_no]
    s0 = source.sentence_first[s_no]
    a1 = bisect_left(article.starts, a.end, a0)
    s1 = bisect_left(source.starts, s.end, s0)
    return Passage(source.id, a.start, a.end, s.start, s.end, "translated",
                   round(similarity, 4), a1 - a0, s1 - s0, (a0, a1, s0, s1))
