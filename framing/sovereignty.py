"""Does the article raise digital sovereignty and extraterritorial law, as a question or a promise?

The stance comes from each sentence that names sovereignty, not from the words alone: a
sentence that doubts, warns, asks, names a foreign law's reach or a dependence on a foreign
provider raises a *question*; one that sells sovereignty as a benefit or guarantee, denies a
foreign dependence ("ne dépendront d'aucun géant étranger"), or asserts sovereignty plainly,
makes a *promise*.

- Generic words (bare "souveraineté", "sovereign") count only in a digital context: the article
  must also name a specific sovereignty cue or enough digital vocabulary (`sovereignty.context`).
- "souveraineté alimentaire" / "energy sovereignty" (`sovereignty.other`) never count.
- A foreign law named with a shield cue ("à l'abri du CLOUD Act", "immunité aux lois
  extraterritoriales") is a promise, not a question; the risks named beside a shield are what it
  shields from ("à l'abri des risques d'ingérence"), and only doubt, a counter-voice or the
  writer's question make it a question; a negated shield ("pas à l'abri") is one.
- A guide's question ("Qu'est-ce que l'hébergement HDS ?", "What does it provide?") doubts
  nothing; sovereignty harmed or doubted (`sovereignty.threat`: "solution non souveraine", "ce
  qui nuit à notre souveraineté", "pas encore labellisé SecNumCloud") is a question.
- The topic needs substance: a sovereignty or data-jurisdiction phrase, a foreign law, the bare
  word in a digital context, or a foreign provider named as a dependence. A foreign company's
  name ("groupe américain", "foreign firms") or a size word weighs on the stance of an article
  that raises the topic, but never raises it alone; nor does one plain mention in passing
  ("hébergement de données"), unless it names sovereignty itself ("souveraineté numérique").
- The article's own framing decides between question and promise when it is clear: a critical
  article that names sovereignty questions it (it doubts a programme whose goal is
  sovereignty), a promotional one sells it (an offer that names the CLOUD Act only to claim
  immunity). A neutral article's stance comes from its sentences. `stance_in` applies this;
  `framing score` uses the trained model's article label when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from framing.lexicon import Hit
from framing.text import Sentence
from framing.tone import NEGATIONS, SentenceScore, Span, is_negated

# A sentence's own weight toward its stance.
QUESTION_SIGNAL = 1.0  # a question, a doubt, a risk or a foreign law, next to sovereignty
PROMISE_SIGNAL = 1.0  # sovereignty sold with promotional words or a shield
ASSERTED_SIGNAL = 0.4  # sovereignty stated as a fact, neither sold nor doubted
# ... when the sentence names sovereignty itself ("la souveraineté numérique", "tech
# sovereignty"): one such sentence raises the topic, one plain data-hosting phrase does not.
NAMED_SIGNAL = 0.5
QUOTED_FACTOR = 0.5  # a speaker's promise or doubt, reported
# An article is a `question` when its question weight reaches this share of its promise weight:
# one open doubt in the writer's voice outweighs several boilerplate assurances.
QUESTION_OVER_PROMISE = 0.5
# Digital vocabulary needed (in hits) for generic sovereignty words to count.
MIN_DIGITAL_CONTEXT = 2

_COUNTED = ("sovereignty", "sovereignty.foreign", "extraterritorial")
# What makes the topic: a specific phrase, a foreign law, or the bare word in a digital context
# (a foreign provider counts too when named as a dependence: `_has_substance`).
_SUBSTANCE = ("sovereignty", "sovereignty.generic", "sovereignty.threat", "extraterritorial")
# Below this weight (question + promise) the article only mentions the topic in passing: one
# plain mention weighs ASSERTED_SIGNAL.
MIN_RAISED_WEIGHT = 0.5


@dataclass
class Sovereignty:
    raised: bool
    stance: str  # "question", "promise" or "none"
    extraterritorial_law: bool
    laws: list[str]
    evidence: list[Span] = field(default_factory=list)
    question_weight: float = 0.0
    promise_weight: float = 0.0


def score_sovereignty(text: str, sentences: list[Sentence], hits_by_sentence: list[list[Hit]],
                      scores: list[SentenceScore], article_label: str = "neutral") -> Sovereignty:
    """Stance from each sentence, its lexicon hits and its framing score, in parallel lists,
    and from the article's framing label (`stance_in`)."""
    digital = _has_digital_context(hits_by_sentence)
    question = promise = 0.0
    evidence: list[Span] = []
    laws: list[str] = []
    substance = False
    for sentence, hits, scored in zip(sentences, hits_by_sentence, scores):
        cues = [h for h in hits if _counts(h, digital, text)]
        if not cues:
            continue
        substance = substance or _has_substance(cues, hits)
        q, p, stance = _sentence_stance(text, sentence, hits, cues, scored)
        question += q
        promise += p
        for h in cues:
            evidence.append(Span(h.start, h.end, text[h.start : h.end], h.entry.category,
                                 round(max(q, p), 4), stance))
            if h.entry.category == "extraterritorial":
                _add_law(laws, text[h.start : h.end])
    raised = substance and question + promise >= MIN_RAISED_WEIGHT
    found = Sovereignty(raised, "none", bool(laws), laws, evidence if raised else [],
                        round(question, 4), round(promise, 4))
    found.stance = stance_in(found, article_label)
    return found


def stance_in(found: Sovereignty, article_label: str) -> str:
    """The article's stance: none when the topic is not raised; else the side its framing
    takes when it takes one, else the side its sentences weigh toward."""
    if not found.raised:
        return "none"
    if article_label == "critical":
        return "question"
    if article_label == "promotional":
        return "promise"
    question, promise = found.question_weight, found.promise_weight
    return "question" if question > 0 and question >= promise * QUESTION_OVER_PROMISE else "promise"


def _has_substance(cues: list[Hit], hits: list[Hit]) -> bool:
    """Does this sentence make the topic: a specific cue, or a foreign provider named as a
    dependence ("la dépendance aux hyperscalers", "reliance on US cloud providers")?"""
    if any(h.entry.category in _SUBSTANCE for h in cues):
        return True
    return (any(h.entry.category == "sovereignty.foreign" for h in cues)
            and any(h.entry.category == "critical.dependence" for h in hits))


def _counts(hit: Hit, digital: bool, text: str = "") -> bool:
    category = hit.entry.category
    if category == "sovereignty.generic":
        return digital
    if category == "sovereignty.threat":  # "non souveraine" names the word; "nuit à" does not
        return digital and _names_sovereignty(text, [hit])
    return category in _COUNTED


def _has_digital_context(hits_by_sentence: list[list[Hit]]) -> bool:
    categories = [h.entry.category for hits in hits_by_sentence for h in hits]
    specific = any(c in _COUNTED for c in categories)
    return specific or categories.count("sovereignty.context") >= MIN_DIGITAL_CONTEXT


def _sentence_stance(text: str, sentence: Sentence, hits: list[Hit], cues: list[Hit],
                     scored: SentenceScore) -> tuple[float, float, str]:
    """(question weight, promise weight, stance) of one sentence that names sovereignty."""
    quoted = bool(scored.evidence) and all(e.context == "quoted" for e in scored.evidence)
    factor = QUOTED_FACTOR if quoted else 1.0
    foreign = [h for h in cues if h.entry.category in ("sovereignty.foreign", "extraterritorial")]
    denied = [h for h in foreign if is_negated(text, sentence, h)]
    shields = [h for h in hits if h.entry.category == "sovereignty.shield"]
    # With a shield, the shield's own negation decides ("not immune from the CLOUD Act"
    # negates the shield, not the law); without one, a denied foreign cue is a promise.
    if shields:
        shielded = any(not _shield_negated(text, sentence, h) for h in shields)
    else:
        shielded = bool(denied)
    doubt = _doubt(text, sentence, hits, scored, shielded)
    doubted = doubt > 0 and doubt >= scored.promotional
    if doubted:
        return QUESTION_SIGNAL * factor, 0.0, "question"
    if shielded or scored.promotional > 0:
        return 0.0, PROMISE_SIGNAL * factor, "promise"
    if foreign:
        return QUESTION_SIGNAL * factor, 0.0, "question"
    return 0.0, NAMED_SIGNAL if _names_sovereignty(text, cues) else ASSERTED_SIGNAL, "promise"


def _doubt(text: str, sentence: Sentence, hits: list[Hit], scored: SentenceScore,
           shielded: bool) -> float:
    """The sentence's critical weight that doubts sovereignty. Next to a shield, the risks are
    what it shields from ("à l'abri des risques d'ingérence"): only doubt, a counter-voice or the
    writer's question count. A reader's question that a guide answers ("Qu'est-ce que la
    certification HDS ?", "What does the sovereign cloud provide?") doubts nothing."""
    informational = _INFORMATIONAL.match(text[sentence.start : sentence.end]) is not None
    # Sovereignty harmed or doubted ("une solution non souveraine", "ce qui nuit à notre
    # souveraineté"): words the tone lexicons do not hold, read only here.
    doubt = sum(h.entry.weight for h in hits if h.entry.category == "sovereignty.threat")
    for span in scored.evidence:
        if span.effect != "critical":
            continue
        if span.category == "critical.question" and informational:
            continue
        if shielded and span.category in _SHIELDED_FROM:
            continue
        doubt += span.weight
    return doubt


# What a shield protects from: risks, dependence, a foreign law's reach.
_SHIELDED_FROM = ("critical.risk", "critical.dependence")
# A question that asks what something is or how it works, at the start of the sentence or after
# a colon ("L'hébergement de données de santé : qu'est-ce que c'est ?").
_INFORMATIONAL = re.compile(
    r"(?:[^:?]*:\s*)?[\W\d]*(?:qu['’]est[- ]ce\s+(?:que|qu['’])|que\s+retenir|"
    r"comment\s+(?:ça|cela|choisir|évaluer|fonctionne)|à\s+quoi\s+sert|quels?\s+sont|quelles?\s+sont|"
    r"what\s+(?:is|are|does|do)\b|how\s+(?:does|do|to)\b)",
    re.IGNORECASE)


def _shield_negated(text: str, sentence: Sentence, hit: Hit) -> bool:
    """"ne sont pas à l'abri", "not immune": the shield denied is a doubt. A shield that holds
    its own negation ("pas soumis", "not subject to") is not negated by it."""
    own = text[hit.start : hit.end].lower().split()
    if any(word in NEGATIONS for word in own):
        return False
    return is_negated(text, sentence, hit)


def _names_sovereignty(text: str, cues: list[Hit]) -> bool:
    """Does one of the cues say the word itself (souverain-, sovereign-), rather than a phrase
    about where data are hosted?"""
    return any(stem in text[h.start : h.end].lower() for h in cues
               for stem in ("souverain", "sovereign"))


def _add_law(laws: list[str], found: str) -> None:
    name = " ".join(found.split())
    if name.lower() not in {law.lower() for law in laws}:
        laws.append(name)
