"""Loading, checking and matching the lexicon files in `lexicons/`.

Each `*.tsv` line is `term<TAB>lang<TAB>category<TAB>weight<TAB>note` (see lexicons/README.md).
A term's words match tokens by Snowball stem in the term's language (`garantir` matches
"garantit"), by prefix (`souverain*`), or exactly (`=cloud`); `re:` terms are regular expressions
matched on sentence text. Multi-word terms match consecutive tokens; where matches overlap, the
longest wins, so "cloud de confiance" is one sovereignty hit, not also a promotional "confiance".
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, pairwise
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from framing.text import Sentence, fold, tokens

if TYPE_CHECKING:
    from collections.abc import Sequence

# In a checkout (or an editable install) the lexicons are the top-level lexicons/ folder; an
# installed wheel carries a copy inside the package (see pyproject.toml).
_PACKAGE = Path(__file__).resolve().parent
LEXICON_DIR = next((d for d in (_PACKAGE / "lexicons", _PACKAGE.parent / "lexicons") if d.is_dir()),
                   _PACKAGE.parent / "lexicons")
LANGS = ("fr", "en", "any")
FAMILIES = (  # "neutral" entries only mask idioms ("au cœur des préoccupations") from the others
    "promotional",
    "critical",
    "hedging",
    "attribution",
    "sovereignty",
    "extraterritorial",
)
CATEGORIES = frozenset(
    """promotional.superlative promotional.benefit promotional.self critical.doubt
    critical.risk critical.cost critical.dependence critical.counter_voice hedging
    attribution sovereignty sovereignty.generic sovereignty.foreign sovereignty.context
    sovereignty.shield sovereignty.threat sovereignty.other extraterritorial neutral""".split()
)
MIN_WEIGHT, MAX_WEIGHT = 0.0, 5.0


def lexicon_folder(directory: Path | str | None = None) -> Path | str:
    """The lexicon folder to read: `directory` if given, else $FRAMING_LEXICONS, else the
    project's (every command and the Python API resolve it here, once)."""
    return directory or os.environ.get("FRAMING_LEXICONS") or LEXICON_DIR


@dataclass(frozen=True)
class Entry:
    term: str
    lang: str
    category: str
    weight: float
    note: str
    source: str  # "file.tsv:line", for error messages and evidence
    keys: tuple[tuple, ...]  # one match key per word; empty for regex entries
    regex: re.Pattern | None = None
    family: str = field(init=False)  # the category before its dot: "critical" for critical.risk

    def __post_init__(self):
        object.__setattr__(self, "family", self.category.split(".")[0])


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    entry: Entry


@dataclass(frozen=True)
class Problem:
    source: str  # "file.tsv:line"
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.level}: {self.message}"


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message lists every problem with file:line."""


@lru_cache(maxsize=400_000)
def stem(word: str, lang: str) -> str:
    """NLTK's Snowball stem of `word` ("fr" or "en"), from framing.stemming's copy of its two
    stemmers: importing NLTK itself took 1 to 2.4 s (it imports scipy.stats and scikit-learn)."""
    from framing.stemming import snowball  # imported on use: --help must stay fast

    return snowball(word, lang)


def word_key(word: str, lang: str) -> tuple:
    """The match key of one term word: exact, prefix or stem."""
    if word.startswith("=") or word.endswith(("'", "’")) or lang == "any":
        return ("x", lang, fold(word.lstrip("=")))
    if word.endswith("*"):
        return ("p", lang, fold(word[:-1]))
    return ("s", lang, stem(word.lower().replace("’", "'"), lang))


def parse_line(line: str, source: str) -> tuple[Entry | None, list[Problem]]:
    """One TSV line -> (entry or None, problems)."""
    fields = line.rstrip("\n").split("\t")
    if len(fields) < 4:
        return None, [Problem(source, "error", f"expected 5 tab-separated fields, found {len(fields)}")]
    term, lang, category, weight_text = (f.strip() for f in fields[:4])
    note = fields[4].strip() if len(fields) > 4 else ""
    problems = []
    if not term:
        problems.append(Problem(source, "error", "empty term"))
    if lang not in LANGS:
        problems.append(Problem(source, "error", f"language {lang!r} is not one of {', '.join(LANGS)}"))
    if category not in CATEGORIES:
        problems.append(Problem(source, "error", f"unknown category {category!r}"))
    try:
        weight = float(weight_text)
        if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
            problems.append(Problem(source, "error", f"weight {weight} outside {MIN_WEIGHT}..{MAX_WEIGHT}"))
    except ValueError:
        weight = 0.0
        problems.append(Problem(source, "error", f"weight {weight_text!r} is not a number"))
    if problems:
        return None, problems
    if term.startswith("re:"):
        try:
            regex = re.compile(term[3:], re.IGNORECASE)
        except re.error as err:
            return None, [Problem(source, "error", f"bad pattern {term[3:]!r}: {err}")]
        if regex.search(""):
            return None, [Problem(source, "error", f"pattern {term[3:]!r} matches the empty string")]
        return Entry(term, lang, category, weight, note, source, (), regex), []
    raw_words = term.split()
    # A prefix may end inside a token: "dit-*" matches "dit-il", "dit-elle".
    bad = [w for w in raw_words if not _is_one_token(w.lstrip("=").rstrip("*").rstrip("-"))]
    if bad:
        return None, [
            Problem(source, "error", f"term {term!r}: {bad[0]!r} is not one token (write elisions "
                    "as their own word, \"d' envergure\"; no punctuation inside words)")
        ]
    keys = tuple(word_key(w, lang) for w in raw_words)
    return Entry(term, lang, category, weight, note, source, keys), []


def _is_one_token(word: str) -> bool:
    if word.endswith(("'", "’")):
        word = word[:-1]
    found = tokens(word)
    return len(found) == 1 and found[0][:2] == (0, len(word))


def read_entries(directory: Path) -> tuple[list[Entry], list[Problem]]:
    entries: list[Entry] = []
    problems: list[Problem] = []
    files = sorted(Path(directory).glob("*.tsv"))
    if not files:
        problems.append(Problem(str(directory), "error", "no .tsv lexicon files"))
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            entry, found = parse_line(line, f"{path.name}:{number}")
            problems.extend(found)
            if entry is not None:
                entries.append(entry)
    return entries, problems


def check(directory: Path = LEXICON_DIR) -> list[Problem]:
    """Every problem in the lexicon files: bad lines and patterns (errors), duplicates and
    conflicts (warnings: the same words twice, or in two families)."""
    entries, problems = read_entries(directory)
    seen: dict[tuple, Entry] = {}
    for entry in entries:
        key = (entry.keys or entry.term, entry.lang)
        first = seen.get(key)
        if first is None:
            seen[key] = entry
        elif first.family == entry.family:
            problems.append(Problem(entry.source, "warning",
                                    f"duplicate of {first.source} ({first.term!r})"))
        else:
            problems.append(Problem(entry.source, "warning",
                                    f"conflict: {entry.term!r} is {entry.category} here but "
                                    f"{first.category} at {first.source}"))
    return sorted(problems, key=lambda p: _source_order(p.source))


def _source_order(source: str):
    name, _, line = source.rpartition(":")
    return (name, int(line)) if line.isdigit() else (source, 0)


# --- regular-expression terms -----------------------------------------------------------------
# Each pattern costs a scan of the text it is tried on (about 50 µs per 3 kB), so a pattern is
# tried only on sentences that contain every literal every match must contain (one string of
# each group), as read off the parsed pattern. Patterns with no such literal are always tried.
MIN_LITERAL = 3  # shorter literals ("le", "by") are in nearly every sentence: no use as a filter


def required_literals(pattern: re.Pattern) -> tuple[tuple[str, ...], ...] | None:
    """Groups of lowercased strings: every match contains one string of each group."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]  # Python >= 3.11
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse
    groups = _groups(list(sre_parse.parse(pattern.pattern, pattern.flags).data))
    kept = [tuple(sorted(g)) for g in groups if min(map(len, g)) >= MIN_LITERAL]
    # Longer literals are rarer: testing them first rules most texts out with one search.
    kept.sort(key=lambda g: -min(map(len, g)))
    return tuple(kept) or None


def _groups(items) -> list[set[str]]:
    groups: list[set[str]] = []
    run = ""
    for op, av in items + [(None, None)]:
        if str(op) == "LITERAL":
            run += chr(av).lower()
            continue
        if run:
            groups.append({run})
            run = ""
        if op is not None:
            groups.extend(_item_groups(str(op), av))
    return groups


def _item_groups(op: str, av) -> list[set[str]]:
    if op == "SUBPATTERN":
        return _groups(list(av[-1]))
    if op in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
        return _groups(list(av[2]))
    if op == "BRANCH":  # one group: the best group of each branch, together
        best = [max(_groups(list(b)), key=lambda g: min(map(len, g)), default=None) for b in av[1]]
        if all(best):
            return [set().union(*(b for b in best if b))]
    return []


def _contains_all(text: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    for group in groups:  # plain loops: this runs for every pattern on every text
        for literal in group:
            if literal in text:
                break
        else:
            return False
    return True


class _LiteralFinder:
    """Which sentences hold a literal, from one search of the lowercased text rather than a
    test of each lowercased sentence: per pattern, a handful of searches instead of one test
    per sentence. The two agree when lowercasing kept every offset and the sentences are in
    order without overlaps; a sigma, whose lowercase depends on the next letter, is left out."""

    def __init__(self, text: str, lowered_text: str, sentences: list[Sentence]):
        self.lowered_text = lowered_text
        self.n = len(sentences)
        self.starts = [s.start for s in sentences]
        self.ends = [s.end for s in sentences]
        self.usable = len(lowered_text) == len(text) and all(
            a.end <= b.start for a, b in pairwise(sentences))

    def candidates(self, literals: tuple[tuple[str, ...], ...] | None,
                   group: tuple[str, ...] | None) -> Sequence[int]:
        """The indices, in order, of the sentences that may hold a match of a pattern with
        these required literals: those holding one string of `group`, one of them."""
        if literals is None or group is None:
            return range(self.n)
        if not self.usable or any("σ" in g or "ς" in g for g in group):
            return range(self.n) if _contains_all(self.lowered_text, literals) else ()
        return self._sentences_with(group)

    def _sentences_with(self, group: tuple[str, ...]) -> list[int]:
        found = set()
        for literal in group:
            at = self.lowered_text.find(literal)
            while at != -1:
                i = bisect_right(self.starts, at) - 1
                if i >= 0 and at + len(literal) <= self.ends[i]:
                    found.add(i)
                at = self.lowered_text.find(literal, at + 1)
        return sorted(found)


_ANCHORS = attrgetter("anchors")
_START = attrgetter("start")


class _Lookup(NamedTuple):
    """What one word form can match, in one language."""

    keys: frozenset  # every key the word matches
    anchors: tuple[_Anchored, ...]  # the entries this word anchors, longest first


class _Anchored(NamedTuple):
    """An entry as seen from its anchor word, ready for the check of its other words."""

    entry: Entry
    before: int  # words before the anchor
    after: int  # words after it
    others: tuple[tuple[int, tuple], ...]  # (offset from the anchor, key) of the other words

    @classmethod
    def of(cls, entry: Entry, anchor: int) -> _Anchored:
        keys = entry.keys
        others = tuple((j - anchor, k) for j, k in enumerate(keys) if j != anchor)
        return cls(entry, anchor, len(keys) - 1 - anchor, others)


def _anchor(keys: tuple[tuple, ...]) -> int:
    """The position of the word that anchors a term: the longest, as short words ("de", "la",
    "in") are the common ones."""
    return max(range(len(keys)), key=lambda i: (len(keys[i][-1]), -i))


class Lexicon:
    """The compiled lexicons, ready to match sentences.

    >>> from framing.text import analyse
    >>> lex = Lexicon.load()
    >>> doc = analyse("Rien ne garantit la souveraineté des données.")
    >>> sorted((h.entry.term, h.entry.family) for h in lex.match(doc.text, doc.sentences[0]))
    [('rien ne garantit', 'critical'), ('souveraineté des données', 'sovereignty')]
    """

    def __init__(self, entries: list[Entry], directory: Path | None = None):
        self.entries = entries
        self.directory = directory  # the folder it was read from, hashed into a model's card
        # One-word entries by their key; longer ones by their anchor, the word least likely to
        # be common ("pointe" in "de =pointe"), so that "de" and "la" start no search.
        self._by_key: dict[tuple, list[_Anchored]] = {}
        for entry in entries:
            if entry.keys:
                anchor = _anchor(entry.keys)
                self._by_key.setdefault(entry.keys[anchor], []).append(_Anchored.of(entry, anchor))
        # Each pattern with its required literals and the group of them that locates its
        # sentences: the group of fewest strings, as each string costs a search of the text.
        self._regexes = []
        for entry in entries:
            if entry.regex is not None:
                literals = required_literals(entry.regex)
                self._regexes.append((entry, literals, min(literals, key=len) if literals else None))
        self._prefixes = sorted({k for e in entries for k in e.keys if k[0] == "p"})
        # The prefixes by language, so that a new word looks up its own beginnings (a few set
        # lookups) rather than testing every prefix (that was a third of a new word's cost).
        self._prefix_strings: dict[str, frozenset[str]] = {
            lang: frozenset(p[2] for p in self._prefixes if p[1] == lang) for lang in LANGS}
        self._cache: dict[str, dict[str, _Lookup]] = {}

    @classmethod
    def load(cls, directory: Path | str | None = None) -> Lexicon:
        directory = Path(directory) if directory else LEXICON_DIR
        entries, problems = read_entries(directory)
        errors = [p for p in problems if p.level == "error"]
        if errors:
            raise LexiconError("lexicon errors:\n" + "\n".join(map(str, errors)))
        return cls(entries, directory)

    def token_keys(self, lower: str, lang: str) -> frozenset:
        """Every key a token can match in a sentence of language `lang`."""
        folded = fold(lower)
        keys = {("x", "any", folded)}
        for term_lang in (("fr", "en") if lang not in ("fr", "en") else (lang,)):
            keys.add(("x", term_lang, folded))
            keys.add(("s", term_lang, stem(lower, term_lang)))
            prefixes = self._prefix_strings.get(term_lang, ())
            # In order of length, which for one word's beginnings is the sorted order the keys
            # were added in before.
            keys.update(("p", term_lang, folded[:n]) for n in range(len(folded) + 1)
                        if folded[:n] in prefixes)
        return frozenset(keys)

    def _lookup(self, lower: str, lang: str) -> _Lookup:
        keys = self.token_keys(lower, lang)
        found = sorted({a for k in keys for a in self._by_key.get(k, ())},
                       key=lambda a: (-len(a.entry.keys), a.entry.source))
        lookup = _Lookup(keys, tuple(found))
        self._cache.setdefault(lang, {})[lower] = lookup
        return lookup

    def match(self, text: str, sentence: Sentence) -> list[Hit]:
        """Lexicon hits in one sentence, longest-leftmost, without overlaps."""
        return self.match_sentences(text, [sentence])[0]

    def match_sentences(self, text: str, sentences: list[Sentence]) -> list[list[Hit]]:
        """Hits for each sentence of `text` (words through the per-word cache; patterns only
        on sentences that hold their literals)."""
        by_sentence = [self._word_hits(s) for s in sentences]
        if self._regexes and sentences:
            for i, hits in enumerate(self._pattern_hits(text, sentences)):
                by_sentence[i].extend(hits)
        return [_without_overlaps(h) if len(h) > 1 else h for h in by_sentence]

    def _word_hits(self, sentence: Sentence) -> list[Hit]:
        words, matches = sentence.words, sentence.matches
        lang = sentence.lang
        # Cached per word form (a document repeats its words, and a corpus its vocabulary);
        # map/compress keep the per-token work in C, as most tokens start no entry.
        cache = self._cache.get(lang) or self._cache.setdefault(lang, {})
        looked_up = list(map(cache.get, words))
        if None in looked_up:
            looked_up = [x or self._lookup(w, lang) for x, w in zip(looked_up, words)]
        hits: list[Hit] = []
        n_tokens = len(words)
        # Every entry of looked_up is a _Lookup now (the None were looked up above).
        for i in compress(range(n_tokens), map(_ANCHORS, looked_up)):
            for entry, before, after, others in looked_up[i].anchors:  # type: ignore[union-attr]
                if not others:
                    hits.append(Hit(matches[i].start(), matches[i].end(), entry))
                elif before <= i < n_tokens - after:
                    for offset, key in others:  # most candidates fail on their first other word
                        if key not in looked_up[i + offset].keys:  # type: ignore[union-attr]
                            break
                    else:
                        hits.append(Hit(matches[i - before].start(), matches[i + after].end(),
                                        entry))
        return hits

    def _pattern_hits(self, text: str, sentences: list[Sentence]) -> list[list[Hit]]:
        """`re:` hits per sentence; a pattern runs only where every group of its required
        literals has a member (see required_literals)."""
        lowered_text = text.lower()
        lowered: list[str | None] = [None] * len(sentences)
        hits: list[list[Hit]] = [[] for _ in sentences]
        where = _LiteralFinder(text, lowered_text, sentences)
        for entry, literals, located_by in self._regexes:
            regex = entry.regex
            assert regex is not None  # _regexes holds the `re:` entries
            for i in where.candidates(literals, located_by):
                sentence = sentences[i]
                if entry.lang not in ("any", sentence.lang):
                    continue
                if literals is not None:
                    line = lowered[i]
                    if line is None:
                        line = lowered[i] = text[sentence.start : sentence.end].lower()
                    if not _contains_all(line, literals):
                        continue
                for m in regex.finditer(text, sentence.start, sentence.end):
                    hits[i].append(Hit(m.start(), m.end(), entry))
        return hits


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    by_start = sorted(hits, key=_START)
    if all(h.start < h.end for h in by_start) and all(
        a.end <= b.start for a, b in pairwise(by_start)
    ):
        return by_start  # the usual case: nothing overlaps, so every hit is kept
    # Longest first, then leftmost, then the heavier entry; ties broken by source for determinism.
    hits = sorted(hits, key=lambda h: (h.start - h.end, h.start, -h.entry.weight, h.entry.source))
    kept: list[Hit] = []  # sorted by start, never overlapping: only neighbours need a look
    starts: list[int] = []
    for hit in hits:
        i = bisect_right(starts, hit.start)
        if (i == 0 or kept[i - 1].end <= hit.start) and (i == len(kept) or hit.end <= starts[i]):
            kept.insert(i, hit)
            starts.insert(i, hit.start)
    return kept
