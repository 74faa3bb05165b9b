"""Generated news cascades whose truth is known by construction, for the churn measures (who
copies whom, first publishers, originality, added value): benchmarks/churn_accuracy.py runs
many, tests/test_churn.py a few.

Each cascade starts from a press release (a press release of the written corpus) and has four
dated articles from four outlets drawn from a pool:

    first      30 min after the release: the release reprinted whole, after a one-sentence
               lead of its own (under COMMENTARY_WORDS words)            -> reprint
    copy       2 h after: the first article copied, one word changed in every third sentence,
               then a closing paragraph of three critical sentences      -> reprint with commentary
    rewrite    1 day after: three consecutive release sentences among its own sentences
                                                                         -> rewrite
    original   5 h after: its own sentences only                         -> original

Every sentence an article calls its own is a sentence of another article of the written corpus,
used once in the whole corpus, so that only the planted copies are shared. The truth: each
cascade's first publisher (the first article), the copy edges (every pair of articles of a
cascade that share a sentence, earlier to later: first -> copy, first -> rewrite, copy ->
rewrite), each article's share of original words, and its verdict.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from framing.added_value import COMMENTARY_WORDS
from framing.corpus import load_corpus
from framing.text import count_tokens

SEED = 20240513
OUTLETS = tuple(f"outlet-{c}" for c in "abcdefgh")
START = datetime(2024, 5, 13, 8, 0)
ROLES = ("first", "copy", "rewrite", "original")
DELAYS = {"first": timedelta(minutes=30), "copy": timedelta(hours=2),
          "rewrite": timedelta(days=1), "original": timedelta(hours=5)}
VERDICTS = {"first": "reprint", "copy": "reprint with commentary", "rewrite": "rewrite",
            "original": "original"}


@dataclass
class Cascades:
    """The generated corpus and its truth."""

    articles: list[dict] = field(default_factory=list)  # id, text, date, outlet
    releases: list[tuple[str, str]] = field(default_factory=list)  # (id, text)
    first: dict[str, str] = field(default_factory=dict)  # release id -> first publisher
    edges: set[tuple[str, str]] = field(default_factory=set)  # (earlier, later)
    original_share: dict[str, float] = field(default_factory=dict)
    own_share: dict[str, float] = field(default_factory=dict)  # own sentences' words / words
    verdict: dict[str, str] = field(default_factory=dict)


def generate(n: int = 5, seed: int = SEED, lang: str = "fr") -> Cascades:
    """`n` cascades (at most the written corpus's press releases in `lang`)."""
    rng = random.Random(seed)
    corpus = [a for a in load_corpus() if a.lang == lang]
    releases = [a for a in corpus if a.kind == "press_release" and len(a.sentences) >= 8]
    rng.shuffle(releases)
    releases = _apart(releases)
    own = _own_sentences(corpus, releases[:n], rng)
    out = Cascades()
    for k, release in enumerate(releases[:n]):
        sentences = [release.text[s.start : s.end] for s in release.sentences]
        release_id = f"release-{k:03d}"
        out.releases.append((release_id, " ".join(sentences)))
        outlets = rng.sample(OUTLETS, len(ROLES))
        day = START + timedelta(days=3 * k)
        parts = _cascade(sentences, own, rng, lang)
        for role, outlet in zip(ROLES, outlets):
            article_id = f"c{k:03d}-{role}"
            copied, mine = parts[role]
            text = _article(role, copied, mine)
            out.articles.append({"id": article_id, "text": text, "outlet": outlet,
                                 "date": (day + DELAYS[role]).isoformat(timespec="minutes")})
            words = count_tokens(text)
            own_words = sum(count_tokens(s) for s in mine)
            out.own_share[article_id] = round(own_words / words, 4)
            out.original_share[article_id] = round(own_words / words, 4)
            out.verdict[article_id] = VERDICTS[role]
        ids = {role: f"c{k:03d}-{role}" for role in ROLES}
        out.first[release_id] = ids["first"]
        out.edges |= {(ids["first"], ids["copy"]), (ids["first"], ids["rewrite"]),
                      (ids["copy"], ids["rewrite"])}
    return out


def _cascade(release: list[str], own: _Pool, rng: random.Random, lang: str) -> dict:
    """Each role's (copied sentences, own sentences), the own ones taken from `own`, once."""
    lead = [own.pop_short()]
    copied_first = [_one_word_changed(s, rng, lang) if i % 3 == 2 else s
                    for i, s in enumerate(lead + release)]
    # The rewrite takes three sentences in the writer's voice: three quotations would make it
    # an original with quotes.
    plain = [i for i in range(len(release) - 2)
             if not any(q in "".join(release[i : i + 3]) for q in '"«“')]
    at = rng.choice(plain or list(range(len(release) - 2)))
    return {
        "first": (release, lead),
        "copy": (copied_first, [own.critical.pop() for _ in range(3)]),
        "rewrite": (release[at : at + 3], [own.pop() for _ in range(8)]),
        "original": ([], [own.pop() for _ in range(9)]),
    }


def _apart(releases: list) -> list:
    """The releases that share no run of eight words with an earlier one (the written corpus
    has releases of one company that share whole sentences): only planted copies are shared."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for release in releases:
        words = release.text.lower().split()
        runs = {tuple(words[i : i + 8]) for i in range(len(words) - 7)}
        if not runs & seen:
            kept.append(release)
            seen |= runs
    return kept


def _article(role: str, copied: list[str], own: list[str]) -> str:
    if role == "first":  # its lead, then the release
        return " ".join(own + copied)
    if role == "copy":  # the first article, then a closing paragraph of its own
        return " ".join(copied) + "\n\n" + " ".join(own)
    if role == "rewrite":  # the release's sentences in the middle of its own
        return " ".join(own[:4] + copied + own[4:])
    return " ".join(own)


class _Pool(list):
    """Own sentences: neutral ones by `pop()`, critical ones in `critical`."""

    def __init__(self, neutral: list[str], critical: list[str]):
        super().__init__(neutral)
        self.critical = critical

    def pop_short(self) -> str:
        """A neutral sentence shorter than COMMENTARY_WORDS: a lead, never commentary."""
        i = max(i for i, s in enumerate(self) if count_tokens(s) < COMMENTARY_WORDS)
        return self.pop(i)


def _own_sentences(corpus: list, releases: list, rng: random.Random) -> _Pool:
    """Sentences of the corpus's other articles, long enough to be aligned when copied (but
    never copied here): neutral ones from neutral articles, critical ones from critical."""
    taken = {a.id for a in releases}
    neutral, critical = [], []
    for a in corpus:
        if a.id in taken:
            continue
        for s in a.sentences:
            text = a.text[s.start : s.end]
            if count_tokens(text) < 12 or '"' in text or "«" in text or "“" in text:
                continue
            if a.label == "neutral" and s.label == "neutral":
                neutral.append(text)
            elif a.label == "critical" and s.label == "critical":
                critical.append(text)
    rng.shuffle(neutral)
    rng.shuffle(critical)
    return _Pool(neutral, critical)


def _one_word_changed(sentence: str, rng: random.Random, lang: str) -> str:
    """The sentence with one of its longer words replaced by another: a light newsroom edit."""
    words = sentence.split(" ")
    long = [i for i, w in enumerate(words) if len(w) > 6 and w.isalpha()]
    if not long:
        return sentence
    words[rng.choice(long)] = "nouvellement" if lang == "fr" else "newly"
    return " ".join(words)
