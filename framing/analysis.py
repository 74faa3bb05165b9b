"""What the lexicons measure in one text: sentences, hits, quotes, framing and sovereignty, in
one `Analysis` that the record and the classifier both read.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.attribution import Attribution, attribution
from framing.lexicon import Lexicon
from framing.sovereignty import Sovereignty, score_sovereignty
from framing.text import Text, analyse
from framing.tone import Framing, score_framing


@dataclass
class Analysis:
    """Everything measured from the lexicons, before readability."""

    text: Text
    hits: list  # lexicon hits, one list per sentence
    attribution: Attribution
    framing: Framing
    sovereignty: Sovereignty


def analyse_text(text: str, lexicon: Lexicon, lang: str | None = None,
                 spans: list[tuple[int, int]] | None = None) -> Analysis:
    """Sentences, lexicon hits, quotes, framing and sovereignty of one text (`spans`: the
    sentences' offsets when the text comes already segmented, as the labelled corpus does)."""
    doc = analyse(text, lang, spans)
    hits = lexicon.match_sentences(doc.text, doc.sentences)
    quotes = attribution(doc.text, doc.n_words)
    framing = score_framing(doc, hits, [(q.start, q.end) for q in quotes.passages])
    sovereignty = score_sovereignty(doc.text, doc.sentences, hits, framing.sentences,
                                    framing.label)
    return Analysis(doc, hits, quotes, framing, sovereignty)
