"""Promotional / neutral / critical scoring of sentences and articles from lexicon hits.

A lexicon hit counts for the writer only when the writer asserts it. Context changes its effect:

- inside quotation marks it is the speaker's framing: it counts at `QUOTED` weight;
- in reported speech ("selon X, …", "X said …") at `REPORTED` weight;
- negated ("ne garantit pas", "not a success"), a promotional cue becomes a critical one (the
  writer denies the claim) and a critical cue becomes a weak promotional one ("sans risque");
- in a question ("peut-il garantir ?"), a promotional cue becomes critical: the claim is doubted.

Every contribution is kept as an evidence span, so a score can always be traced to its words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from framing.lexicon import CATEGORIES, FAMILIES, Hit
from framing.text import Sentence, Text

# --- the numbers a researcher may want to change ---------------------------------------------
# Quoted or reported cues are the speaker's framing, not the writer's: a neutral report quotes
# both the company’s praise and its critics. The numbers in this block were chosen with
# benchmarks/tune.py on the dev set and the labelled corpus (201 articles), never the check set.
QUOTED = 0.3  # inside quotation marks
REPORTED = 0.3  # attributed but unquoted: "selon Microsoft, …", "the union said it was costly"
NEGATED_PROMO_TO_CRITICAL = 0.8
NEGATED_CRITICAL_TO_PROMO = 0.5
QUESTIONED_PROMO_TO_CRITICAL = 0.6
# A question the writer asks about a cue (promise, risk, sovereignty) is itself a critical move,
# and so is any question the writer leaves in the last CLOSING_SHARE of the article, where news
# writing concludes ("Qui contrôle réellement ces données ?").
QUESTION_WEIGHT = 1.0
CLOSING_SHARE = 0.2
QUESTION_SPAN_WORDS = 4  # a question's evidence span: its last words and the question mark
NEGATION_WINDOW = 4  # tokens before a cue that can negate it, within the same clause
# Sentence label: the winning side needs this much weight and this margin over the other.
SENTENCE_MIN = 0.5
SENTENCE_MARGIN = 1.2
# Article: contributions per 100 words are squashed to 0..1 with these scales (a rate equal to the
# scale gives 0.63); a label needs its side's *_LABEL_MIN rate, and critical cues, rarer in news
# writing than praise, count CRITICAL_BOOST times against promotional ones.
SENTENCE_SCALE = 1.5  # the same squashing for one sentence's raw weights
PROMO_SCALE = 3.0
CRITICAL_SCALE = 2.0
PROMO_LABEL_MIN = 0.5
CRITICAL_LABEL_MIN = 0.9
CRITICAL_BOOST = 1.5

NEGATIONS = frozenset(
    """ne n' non pas jamais aucun aucune sans ni guère nullement rien not no never without nor
    cannot neither none nothing hardly""".split()
)
# "non seulement" / "not only" announce more, not less.
_NOT_NEGATING_NEXT = {"non": "seulement", "not": "only", "pas": "seulement"}
_CLAUSE_BREAK = re.compile("[,;:()–—]")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str
    category: str
    weight: float  # contribution to `effect`
    effect: str  # "promotional" or "critical" (sovereignty spans: "question"/"promise")
    context: str = "writer"  # writer, quoted, reported, negated, question


@dataclass(slots=True)
class SentenceScore:
    start: int
    end: int
    label: str
    promotional: float  # raw weight, before squashing
    critical: float
    lang: str
    evidence: list[Span] = field(default_factory=list)
    lexicon_label: str | None = None  # the lexicon's own label, when a trained model relabels


@dataclass
class Framing:
    label: str
    promotional: float
    critical: float
    categories: dict[str, float]
    evidence: list[Span]
    sentences: list[SentenceScore]
    method: str = "lexicon"  # "lexicon", or "combined" when a trained model chose the label
    lexicon_label: str | None = None  # the lexicon scorer's own label (kept when a model relabels)
    classifier: dict | None = None  # the trained model's view: label, probabilities, sentences
    # The lexicon's own scores. `promotional` and `critical` are the figures behind `label`: the
    # lexicon's, or the model's probabilities when a model chose the label (one vocabulary: the
    # scores shown beside a label are always those of what chose it).
    lexicon_promotional: float | None = None
    lexicon_critical: float | None = None

    @property
    def chooser(self) -> str:
        """What chose the label and the sentence labels, in words: "model" or "lexicon"."""
        return "lexicon" if self.method == "lexicon" else "model"


def closing_start(n_sentences: int) -> int:
    """The index of the first sentence of an article's closing part (its last CLOSING_SHARE)."""
    return n_sentences - max(1, round(CLOSING_SHARE * n_sentences))


def is_question(text: str, sentence: Sentence) -> bool:
    if text.find("?", sentence.start, sentence.end) == -1:  # most sentences: no slice needed
        return False
    return text[sentence.start : sentence.end].rstrip(" \u00a0\u202f»”\")").endswith("?")


def in_any(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect_right(starts, position) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def is_negated(text: str, sentence: Sentence, hit: Hit) -> bool:
    words = sentence.words
    first = sentence.token_index(hit.start)  # the hit's first token
    for i in range(first - 1, max(-1, first - 1 - NEGATION_WINDOW), -1):
        word = words[i]
        if _CLAUSE_BREAK.search(text, sentence.matches[i].end(), hit.start):
            return False
        if word in NEGATIONS or word.endswith("n't"):
            after = words[i + 1] if i + 1 < len(words) else ""
            if _NOT_NEGATING_NEXT.get(word) == after:
                continue
            return True
    return False


def score_sentence(
    text: str,
    sentence: Sentence,
    hits: list[Hit],
    quotes: list[tuple[int, int]],
    quote_starts: list[int],
    closing: bool = False,
) -> SentenceScore:
    question = is_question(text, sentence)
    if not hits and not question:  # most sentences: nothing to weigh
        return SentenceScore(sentence.start, sentence.end, "neutral", 0.0, 0.0, sentence.lang, [])
    reported = any(h.entry.family == "attribution" for h in hits)
    evidence: list[Span] = []
    for hit in hits:
        if hit.entry.family in _TONE:
            evidence.append(_contribution(text, sentence, hit, question, reported, quotes,
                                          quote_starts))
    if question and not in_any(sentence.start, quotes, quote_starts):
        cues = [h for h in hits if h.entry.family in _QUESTIONABLE]
        if closing or cues or not NEGATIONS.isdisjoint(sentence.words):
            # The span is the question's last words and its mark: "sous quelle loi ?".
            end = text.rindex("?", sentence.start, sentence.end) + 1
            matches = sentence.matches
            start = matches[-min(QUESTION_SPAN_WORDS, len(matches))].start() if matches else end - 1
            start = max(start, max((e.end for e in evidence), default=start))
            while text[start].isspace():
                start += 1
            evidence.append(Span(start, end, text[start:end], "critical.question",
                                 QUESTION_WEIGHT, "critical", "question"))
    promo = sum(s.weight for s in evidence if s.effect == "promotional")
    crit = sum(s.weight for s in evidence if s.effect == "critical")
    return SentenceScore(sentence.start, sentence.end, _sentence_label(promo, crit),
                         round(promo, 4), round(crit, 4), sentence.lang, evidence)


_QUESTIONABLE = frozenset(("promotional", "critical", "sovereignty", "extraterritorial"))
_TONE = frozenset(("promotional", "critical"))


def _contribution(text, sentence, hit, question, reported, quotes, quote_starts) -> Span:
    quoted = in_any(hit.start, quotes, quote_starts)
    negated = is_negated(text, sentence, hit)
    factor, effect, context = _effect(hit.entry.family, negated, question, quoted, reported)
    return Span(hit.start, hit.end, text[hit.start : hit.end], hit.entry.category,
                _r(hit.entry.weight * factor), effect, context)


def _effect(family: str, negated: bool, question: bool, quoted: bool,
            reported: bool) -> tuple[float, str, str]:
    """(weight factor, effect, context) of a promotional or critical cue in its sentence."""
    if negated:
        if family == "promotional":
            return NEGATED_PROMO_TO_CRITICAL, "critical", "negated"
        return NEGATED_CRITICAL_TO_PROMO, "promotional", "negated"
    if question and not quoted and family == "promotional":
        return QUESTIONED_PROMO_TO_CRITICAL, "critical", "question"
    if quoted:
        return QUOTED, family, "quoted"
    if reported:
        return REPORTED, family, "reported"
    return 1.0, family, "writer"


def _r(x: float) -> float:
    return round(x, 4)


def _sentence_label(promo: float, crit: float) -> str:
    if promo >= SENTENCE_MIN and promo > crit * SENTENCE_MARGIN:
        return "promotional"
    if crit >= SENTENCE_MIN and crit >= promo:
        return "critical"
    return "neutral"


def squash(rate: float, scale: float) -> float:
    return round(1.0 - math.exp(-rate / scale), 4)


def score_framing(doc: Text, hits_by_sentence: list[list[Hit]], quotes: list[tuple[int, int]]) -> Framing:
    """Sentence labels, article scores and category rates from lexicon hits."""
    quotes = sorted(quotes)
    quote_starts = [q[0] for q in quotes]
    first_closing = closing_start(len(doc.sentences))
    sentences = [
        score_sentence(doc.text, s, hits, quotes, quote_starts, closing=i >= first_closing)
        for i, (s, hits) in enumerate(zip(doc.sentences, hits_by_sentence))
    ]
    n_words = doc.n_words
    per_100 = 100.0 / n_words if n_words else 0.0
    promo_rate = sum(s.promotional for s in sentences) * per_100
    crit_rate = sum(s.critical for s in sentences) * per_100
    evidence = [e for s in sentences for e in s.evidence]
    label = article_label(promo_rate, crit_rate)
    promotional, critical = squash(promo_rate, PROMO_SCALE), squash(crit_rate, CRITICAL_SCALE)
    return Framing(
        label=label,
        promotional=promotional,
        critical=critical,
        categories=category_rates(hits_by_sentence, n_words),
        evidence=evidence,
        sentences=sentences,
        lexicon_label=label,
        lexicon_promotional=promotional,
        lexicon_critical=critical,
    )


def article_label(promo_rate: float, crit_rate: float) -> str:
    if crit_rate >= CRITICAL_LABEL_MIN and crit_rate * CRITICAL_BOOST >= promo_rate:
        return "critical"
    if promo_rate >= PROMO_LABEL_MIN:
        return "promotional"
    return "neutral"


def category_rates(hits_by_sentence: list[list[Hit]], n_words: int) -> dict[str, float]:
    """Hits per 1,000 words for every family and sub-category (all families listed, zeros too)."""
    counts = Counter(hit.entry.category for hits in hits_by_sentence for hit in hits)
    for category, n in list(counts.items()):
        family = category.split(".")[0]
        if family != category:
            counts[family] += n
    per_1000 = 1000.0 / n_words if n_words else 0.0
    rates = dict.fromkeys(_RATE_COLUMNS, 0.0)  # every column, zeros too, in order
    rates.update({c: round(n * per_1000, 3) for c, n in counts.items()})
    return rates if len(rates) == len(_RATE_COLUMNS) else dict(sorted(rates.items()))


_RATE_COLUMNS = sorted(set(FAMILIES) | CATEGORIES)


def sentence_scores(score: SentenceScore) -> tuple[float, float]:
    """Sentence promotional and critical strengths in 0..1."""
    return squash(score.promotional, SENTENCE_SCALE), squash(score.critical, SENTENCE_SCALE)


def sentence_weights(promotional: float, critical: float) -> tuple[float, float]:
    """Raw weights whose `sentence_scores` are these strengths: a record read back from JSON,
    which keeps the strengths, scores its sentences the same again."""
    return _unsquash(promotional, SENTENCE_SCALE), _unsquash(critical, SENTENCE_SCALE)


def _unsquash(strength: float, scale: float) -> float:
    return math.inf if strength >= 1.0 else -scale * math.log1p(-strength)
