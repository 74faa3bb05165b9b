"""The vocabularies framing labels with, once: every module, output and coding file uses these.

An article or a sentence is promotional, neutral or critical (in this order in every table,
chart and probability vector); an article's digital-sovereignty stance is a question, a promise
or none (ANNOTATION.md defines each).
"""

LABELS = ("promotional", "neutral", "critical")
STANCES = ("question", "promise", "none")
