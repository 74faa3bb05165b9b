"""The vocabularies framing labels with, once: every module, output and coding file uses these.

An article or a sentence is promotional, neutral or critical (in this order in every table,
chart and probability vector); an article's digital-sovereignty stance is a question, a promise
or none (ANNOTATION.md defines each).
"""

import unicodedata

LABELS = ("promotional", "neutral", "critical")
STANCES = ("question", "promise", "none")

# The French names a coder may use in a coded file (ANNOTATION.md's labels, in French).
FRENCH_LABELS = {"promotionnel": "promotional", "neutre": "neutral", "critique": "critical"}
FRENCH_STANCES = {"question": "question", "promesse": "promise", "aucune": "none"}


def _folded(name: str) -> str:
    """Lower case without accents: "Critique", "CRITIQUÉ" and "critique" read alike."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def coded_label(name: str) -> str | None:
    """The framing label a coder wrote, in English or French, in any case, with or without
    accents ("Neutre" -> "neutral"); None when it is not one."""
    folded = _folded(name)
    return folded if folded in LABELS else FRENCH_LABELS.get(folded)


def coded_stance(name: str) -> str | None:
    """The sovereignty stance a coder wrote, in English or French ("promesse" -> "promise");
    None when it is not one."""
    folded = _folded(name)
    return folded if folded in STANCES else FRENCH_STANCES.get(folded)
