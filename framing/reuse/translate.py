"""Translated reuse: sentences of an article paired, in order, with the source sentences they
translate, without a translation model (after CL-ASA: a statistical bilingual dictionary, a
length model, and character n-grams for cognates).

Each content word of a sentence becomes a set of language-neutral keys: numbers with their scale
("4 milliards" and "4 billion" are both 4e9; "25 000" and "25,000" are 25000); the English stems
a French word translates to in the bilingual dictionary (`framing.reuse.bilingual`: learned from
parallel text, plus the hand-written glossary); an English word's own stem; and cognate keys
(the first five letters, and the first consonants: "parlement"/"parliament",
"investissement"/"investment"). A word of one sentence is *matched* when one of its keys occurs
in the other sentence; two sentences are similar when the matched words weigh much of both
(weighted Dice; a word weighs more the fewer sentences of its text hold it), scaled by a length
model (a translation keeps its source's length, give or take). A translation keeps the order of
its source, so the passages are the best chain of similar pairs increasing in both texts; a few
shared names and numbers in any order (independent coverage of the same event) do not make one.
Sentences a source shares word for word with many other sources (templates, legal notices) are
boilerplate and pair with nothing; when several near-identical sources translate into one
article, the one whose numbers and names the article carries wins.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from framing.reuse.bilingual import english_key, is_stop, translations
from framing.reuse.found import Passage
from framing.reuse.prepared import Prepared
from framing.text import FUNCTION_WORDS, Token, fold

# A sentence pair is similar from this similarity up (weighted Dice of matched words, times the
# length model). Unrelated sentences of one topic score about 0.1-0.25, translations 0.45-0.8.
PAIR_SIMILARITY = 0.3
# A chain is a translation when it has MIN_SENTENCES pairs, or MIN_SHORT_CHAIN pairs that hold
# at least SHORT_CHAIN_SHARE of the article's alignable words (a short article, a few long
# sentences), with this mean similarity.
MIN_SENTENCES = 3
MIN_SHORT_CHAIN = 2
SHORT_CHAIN_SHARE = 0.5
MIN_MEAN_SIMILARITY = 0.4
# A translation runs on: at least two pairs of its chain follow each other within this many
# sentences of the article (the release's sentences may be picked far apart). Three weak pairs
# scattered over a long feature (headings that share a word or two with release sentences) are
# not one.
NEIGHBOUR_GAP = 2
# Sentences shorter than this (navigation, headings of one or two words) are not aligned.
MIN_SENTENCE_WORDS = 4
# An article is aligned with at most this many sources in the other language: those sharing the
# most rare anchors with it.
MAX_CANDIDATES = 3
MIN_CANDIDATE_ANCHORS = 4
COGNATE_PREFIX = 5
# Consonants of a cognate's skeleton key ("parlement" and "parliament": "prlm").
COGNATE_CONSONANTS = 4
# Length model: log(characters of the French sentence / characters of the English one) is about
# LENGTH_LOG_RATIO, with this spread; the similarity is scaled between 1 (the expected length)
# and LENGTH_FLOOR (far from it).
LENGTH_LOG_RATIO = math.log(1.12)
LENGTH_SPREAD = 0.45
LENGTH_FLOOR = 0.5
# Two translated sources whose passages hold this share of the same article sentences compete:
# only the one whose numbers and names the article carries is kept.
OVERLAP_SHARE = 0.5

_FUNCTION = FUNCTION_WORDS["fr"] | FUNCTION_WORDS["en"]
_SCALES = {
    "mille": 1e3, "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9, "md": 1e9,
    "mds": 1e9, "mrd": 1e9,
}
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)([a-z]*)$")
_VOWELS = re.compile(r"[aeiouy]+")
# Found: [(source, its passages)] in an article.
Found = list[tuple[Prepared, list[Passage]]]


@dataclass(frozen=True, slots=True)
class Word:
    """A content word of a sentence: its keys, and its own key (for its weight)."""

    keys: frozenset[str]
    own: str
    ordinary: bool  # not a number or a name


@dataclass(frozen=True, slots=True)
class SentenceKeys:
    """A sentence ready for cross-language comparison."""

    number: int  # its index in the text's sentences
    lang: str
    words: tuple[Word, ...]
    keys: frozenset[str]  # every key of its words
    chars: int
    specific: frozenset[str]  # its numbers and names


SentenceTable = list[SentenceKeys]


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


def cognate_keys(word: str) -> tuple[str, ...]:
    """Keys a word shares with its cognates in the other language: its first COGNATE_PREFIX
    letters, and the skeleton of its first consonants, once the word is long enough to have
    one ("investissement"/"investment": "c:inves"; "parlement"/"parliament": "k:prlm")."""
    folded = fold(word)
    if len(folded) < COGNATE_PREFIX:
        return (f"c:{folded}",) if len(folded) >= 2 else ()
    skeleton = _VOWELS.sub("", re.sub(r"(.)\1", r"\1", folded[1:]))
    keys = [f"c:{folded[:COGNATE_PREFIX]}"]
    if len(skeleton) >= COGNATE_CONSONANTS:
        keys.append(f"k:{folded[0]}{skeleton[:COGNATE_CONSONANTS - 1]}")
    return tuple(keys)


def word_keys(word: str, following: str | None, lang: str, capitalised: bool) -> Word | None:
    """The keys of one token of a sentence in `lang` (None for function words)."""
    if word[0].isdigit():
        value = number_value(word, following)
        return Word(frozenset({f"n:{value}"}), f"n:{value}", False) if value else None
    if word in _FUNCTION or word in _SCALES or is_stop(word, lang) or len(word) < 2:
        return None
    cognates = cognate_keys(word)
    if capitalised:  # a name: the same in both languages, whatever a dictionary says
        return Word(frozenset(cognates), cognates[0], False)
    if lang == "en":
        own = "e:" + english_key(word)
        return Word(frozenset((own, *cognates)), own, True)
    translated = frozenset("e:" + e for e in translations(word))
    return Word(translated | frozenset(cognates), "f:" + fold(word), True)


def sentence_keys(text: str, tokens: Sequence[Token], lang: str, number: int = 0,
                  chars: int = 0) -> SentenceKeys:
    """The SentenceKeys of one sentence (see the module docstring)."""
    found = []
    urls = _url_spans(text, tokens)
    for i, (start, _, word) in enumerate(tokens):
        if urls and any(a <= start < b for a, b in urls):
            continue  # an address is no part of what a translator translates
        following = tokens[i + 1][2] if i + 1 < len(tokens) else None
        # Capitalised inside the sentence: a name ("Microsoft", "Grand Est").
        capitalised = i > 0 and text[start].isupper()
        w = word_keys(word, following, lang, capitalised)
        if w is not None:
            found.append(w)
    keys = frozenset().union(*(w.keys for w in found)) if found else frozenset()
    specific = frozenset(w.own for w in found if not w.ordinary)
    chars -= sum(b - a for a, b in urls)
    return SentenceKeys(number, lang, tuple(found), keys, max(chars, 0), specific)


_URL = re.compile(r"(?:https?://|www\.)[^\s)\]]+")


def _url_spans(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(start, end) of the web addresses in the text of `tokens` (crawled pages keep their
    links: "[AI Access Principles](https://blogs.microsoft.com/...)")."""
    if not tokens:
        return []
    start, end = tokens[0][0], tokens[-1][1]
    if "http" not in text[start:end] and "www." not in text[start:end]:
        return []
    return [m.span() for m in _URL.finditer(text, start, end)]


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
    aligning with an article; sentence keys are computed only for those. Sentences found word
    for word in many sources (`boilerplate_limit`) are boilerplate and pair with nothing."""

    def __init__(self, sources: list[Prepared], boilerplate_limit: float = math.inf) -> None:
        """`boilerplate_limit`: a sentence found in this many sources is boilerplate
        (`framing.reuse.index.boilerplate_limit`, the limit of same-language shingles)."""
        self.sources = sources
        self.tables: dict[int, SentenceTable] = {}  # sentence tables, made when first needed
        self.languages = {s.lang for s in sources}
        self.boilerplate_limit = boilerplate_limit
        self._boilerplate: set[str] | None = None
        self._postings: dict[str, list[int]] | None = None

    @property
    def postings(self) -> dict[str, list[int]]:
        """{document key: numbers of the sources holding it}; made when an article in another
        language than some source first comes (a corpus in one language never needs it)."""
        if self._postings is None:
            self._postings = defaultdict(list)
            for number, source in enumerate(self.sources):
                for key in sorted(document_keys(source)):
                    self._postings[key].append(number)
        return self._postings

    @property
    def boilerplate(self) -> set[str]:
        """Sentences (word keys joined) found in boilerplate_limit sources or more; found when
        first needed, as most indexes never see an article in the other language."""
        if self._boilerplate is None:
            self._boilerplate = set()
            if len(self.sources) >= self.boilerplate_limit:
                holders: dict[str, set[int]] = defaultdict(set)
                for number, source in enumerate(self.sources):
                    for sentence in _sentence_texts(source):
                        holders[sentence].add(number)
                self._boilerplate = {t for t, held in holders.items()
                                     if len(held) >= self.boilerplate_limit}
        return self._boilerplate

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
            self.tables[number] = sentence_table(self.sources[number], self.boilerplate)
        return self.tables[number]


def _sentence_texts(prepared: Prepared) -> set[str]:
    """A text's sentences as compared for boilerplate: their word keys joined."""
    out = set()
    for first, sentence in zip(prepared.sentence_first, prepared.sentences):
        end = bisect_left(prepared.starts, sentence.end, first)
        if end - first >= MIN_SENTENCE_WORDS:
            out.add(" ".join(prepared.keys[first:end]))
    return out


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
    translates, in the order given; of near-identical sources that translate the same
    sentences, only the one whose numbers and names the article carries (`_specific`)."""
    if not candidates:
        return []
    table = sentence_table(article)
    found = []
    for source, source_table in candidates:
        passages = align_sentences(article, table, source, source_table)
        if passages:
            found.append((source, passages, _specific(table, source_table, passages)))
    # Best first; equal ones by id, so that the choice does not depend on the candidates' order
    # (framing.reuse.shuffle offers them in another order than SourceIndex).
    found.sort(key=lambda f: (-f[2][0], -f[2][1], f[0].id))
    kept: list[tuple[Prepared, list[Passage], tuple]] = []
    for source, passages, score in found:
        starts = {p.article_start for p in passages}
        if any(len(starts & {p.article_start for p in other}) >= OVERLAP_SHARE * len(starts)
               for _, other, _ in kept):
            continue
        kept.append((source, passages, score))
    order = {id(source): n for n, (source, _) in enumerate(candidates)}
    kept.sort(key=lambda k: order[id(k[0])])
    return [(source, passages) for source, passages, _ in kept]


def _specific(a_table: SentenceTable, s_table: SentenceTable,
              passages: list[Passage]) -> tuple[int, float]:
    """What tells near-identical sources apart, for one source: the numbers and names of the
    article it holds less those it lacks, then the total similarity of its passages."""
    article = frozenset().union(*(s.specific for s in a_table)) if a_table else frozenset()
    source = frozenset().union(*(s.specific for s in s_table)) if s_table else frozenset()
    return len(article & source) - len(article - source), sum(p.similarity for p in passages)


def document_keys(prepared: Prepared) -> set[str]:
    """Cheap language-neutral keys of a whole text: numbers, word prefixes, and the English
    stems of its words (a French word's translations): enough to rank the sources an article
    may translate, even ordinary prose with few cognates."""
    keys = set()
    words = prepared.keys
    for i, word in enumerate(words):
        key = _word_anchor(word, words[i + 1] if i + 1 < len(words) else None)
        if key:
            keys.add(key)
    text = prepared.text
    distinct = {text[a:b] for a, b, key in zip(prepared.starts, prepared.ends, words)
                if len(key) > 3 and key.isalpha()}
    if prepared.lang == "fr":
        keys.update("e:" + e for w in distinct for e in translations(w))
    else:
        keys.update("e:" + english_key(w) for w in distinct if not is_stop(w.lower(), "en"))
    return keys


def sentence_table(prepared: Prepared, boilerplate: set[str] | frozenset[str] = frozenset()
                   ) -> SentenceTable:
    """SentenceKeys of the sentences long enough to align, but those whose word keys joined are
    in `boilerplate`."""
    table = []
    for number, sentence in enumerate(prepared.sentences):
        if sentence.lang not in ("fr", "en") or len(sentence.words) < MIN_SENTENCE_WORDS:
            continue
        if boilerplate:
            first = prepared.sentence_first[number]
            end = bisect_left(prepared.starts, sentence.end, first)
            if " ".join(prepared.keys[first:end]) in boilerplate:
                continue
        keys = sentence_keys(prepared.text, sentence.tokens, sentence.lang, number,
                             sentence.end - sentence.start)
        if keys.words:
            table.append(keys)
    return table


def align_sentences(article: Prepared, a_table: SentenceTable, source: Prepared,
                    s_table: SentenceTable) -> list[Passage]:
    """Translated passages: the best chain of similar sentence pairs, in order in both texts."""
    a_weights, s_weights = _weights(a_table), _weights(s_table)
    pairs = []
    for i, a in enumerate(a_table):
        for j, s in enumerate(s_table):
            if s.lang == a.lang:
                continue
            similarity = sentence_similarity(a, s, a_weights, s_weights)
            if similarity >= PAIR_SIMILARITY:
                pairs.append((i, j, similarity))
    chain = _best_chain(pairs)
    if not _is_translation(chain, a_table):
        return []
    return [_passage(article, a_table[i].number, source, s_table[j].number, sim)
            for i, j, sim in chain]


def _is_translation(chain: list[tuple[int, int, float]], a_table: SentenceTable) -> bool:
    if not chain or sum(p[2] for p in chain) / len(chain) < MIN_MEAN_SIMILARITY:
        return False
    if not any(b[0] - a[0] <= NEIGHBOUR_GAP for a, b in pairwise(chain)):
        return False
    if len(chain) >= MIN_SENTENCES:
        return True
    words = sum(len(a_table[i].words) for i, _, _ in chain)
    total = sum(len(a.words) for a in a_table)
    return len(chain) >= MIN_SHORT_CHAIN and words >= SHORT_CHAIN_SHARE * total


def sentence_similarity(a: SentenceKeys, s: SentenceKeys, a_weights: Mapping[str, float],
                        s_weights: Mapping[str, float]) -> float:
    """Weighted Dice of the words of `a` and `s` that the other sentence matches, times the
    length model; 0 unless an ordinary word (not a name or number) is matched on both sides."""
    shared = a.keys & s.keys
    if len(shared) < 2:
        return 0.0
    sides = []  # (matched weight, total weight) of each sentence
    ordinary = 0
    for words, weights in ((a.words, a_weights), (s.words, s_weights)):
        matched = total = 0.0
        side_ordinary = False
        for w in words:
            weight = weights[w.own]
            total += weight
            if not w.keys.isdisjoint(shared):
                matched += weight
                side_ordinary = side_ordinary or w.ordinary
        ordinary += side_ordinary
        sides.append((matched, total))
    if ordinary < 2 or not sides[0][1] or not sides[1][1]:
        return 0.0
    dice = (sides[0][0] + sides[1][0]) / (sides[0][1] + sides[1][1])
    return dice * length_factor(a, s)


def length_factor(a: SentenceKeys, s: SentenceKeys) -> float:
    """1 when the two sentences have the length a translation has, down to LENGTH_FLOOR."""
    fr, en = (a, s) if a.lang == "fr" else (s, a)
    if not fr.chars or not en.chars:
        return 1.0
    z = (math.log(fr.chars / en.chars) - LENGTH_LOG_RATIO) / LENGTH_SPREAD
    return LENGTH_FLOOR + (1 - LENGTH_FLOOR) * math.exp(-0.5 * z * z)


def _weights(table: SentenceTable) -> dict[str, float]:
    """A word's weight: log(1 + sentences / sentences holding it) in its own text."""
    frequency: dict[str, int] = defaultdict(int)
    for sentence in table:
        for own in {w.own for w in sentence.words}:
            frequency[own] += 1
    n = len(table)
    return {own: math.log(1 + n / count) for own, count in frequency.items()}


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
