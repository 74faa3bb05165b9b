"""Whose voices an article quotes: the company's, officials', or independent ones (researchers,
unions, NGOs, competitors, critics), read from the words around each speaker's name.

>>> text = ("« Nous sommes très fiers de ce projet », a déclaré Marie Dupont, PDG d’Acme. « Ce projet est "
...         "une erreur coûteuse », estime Paul Martin, économiste à l'université de Lyon.")
>>> [(v.name, v.role) for v in voices(text, attribution(text))]
[('Marie Dupont', 'company'), ('Paul Martin', 'independent')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.attribution import MIN_QUOTE_WORDS, Attribution, attribution

__all__ = ["ROLES", "Voice", "attribution", "role_of", "voices"]

# Checked in this order: "président du Conseil régional" is an official before a president,
# "directeur de recherche au CNRS" a researcher before a director.
_ROLE_WORDS = {
    "official": (
        r"ministres?|minist[eè]re|ministers?|ministry|secr[ée]taire d['’][ée]tat|"
        r"secretary of state|gouvernement|government|pr[ée]f[eè]te?|pr[ée]fecture|maires?|"
        r"mayors?|d[ée]put[ée]e?s?|s[ée]nat(?:eur|rice)s?|senators?|"
        r"conseil (?:r[ée]gional|d[ée]partemental|municipal|communautaire|m[ée]tropolitain)|"
        r"(?:regional|city|county|town|district) council|agglom[ée]ration|m[ée]tropole|"
        r"collectivit[ée]s?|public agency|agence publique|business france|france travail|"
        r"p[ôo]le emploi|bpifrance|caisse des d[ée]p[ôo]ts|banque des territoires|"
        r"commission europ[ée]enne|european commission|commissaire|commissioner|[ée]lys[ée]e|"
        r"chancel(?:l?or|ier)|premi(?:er|ère) ministre|prime minister|officials?|"
        r"cnil|anssi|arcep|r[ée]gulateur|regulator|white house|maison blanche|élue?s?"
    ),
    "independent": (
        r"chercheu(?:r|se)s?|researchers?|professeure?s?|professors?|universitaires?|"
        r"universit[ée]|university|[ée]conomistes?|economists?|analystes?|analysts?|"
        r"experte?s?|consultante?s?|avocate?s?|lawyers?|attorneys?|juristes?|syndicats?|"
        r"syndicale?|syndicalistes?|trade unions?|labou?r unions?|unionists?|associations?|"
        r"ong|ngos?|militante?s?|activists?|campaigners?|concurrents?|competitors?|rivals?|"
        r"critiques?|critics?|opposition|think.tanks?|observatoire|observatory|institut|"
        r"institute|fondation|foundation|sp[ée]cialistes?|specialists?|"
        r"campaign groups?|pressure groups?|environmental groups?|residents|riverains|"
        r"collectif|quadrature du net|greenpeace|amnesty|ufc.que.choisir"
    ),
    "company": (
        r"pdg|ceo|cto|cfo|coo|directeu?r|directrice|directors?|dirigeante?s?|executives?|"
        r"fondat(?:eur|rice)|co-?fondat(?:eur|rice)|founders?|co-?founders?|"
        r"pr[ée]sidente?|presidents?|vice-pr[ée]sidente?|vice.presidents?|porte-parole|"
        r"spokes(?:wo)?man|spokesperson|chief|head of|managers?|responsable|g[ée]rante?|"
        r"chairman|chairwoman|chair|patron|patronne|managing director"
    ),
}
ROLES = tuple(_ROLE_WORDS)
_ROLE_RE = {role: re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
            for role, words in _ROLE_WORDS.items()}
# How far around a speaker's name its role is looked for: "Brad Smith, vice-président et
# président de Microsoft", "le ministre de l'Économie, Bruno Le Maire".
_BEFORE, _AFTER = 80, 110
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


@dataclass(frozen=True)
class Voice:
    name: str | None  # None: a quote whose speaker is not named
    role: str  # company, official, independent or unknown
    start: int  # the quote's offsets in the text
    end: int
    words: int


def voices(text: str, found: Attribution, organisations: tuple[str, ...] = ()) -> list[Voice]:
    """One Voice per direct quote (MIN_QUOTE_WORDS words or more), in reading order.
    `organisations`: the names of the company a release speaks for ("Microsoft"): a speaker
    the text ties to one of them speaks for the company."""
    roles: dict[str, str] = {}
    out = []
    for quote in found.passages:
        if quote.words < MIN_QUOTE_WORDS:
            continue
        name = quote.speaker
        if name is not None and name not in roles:
            roles[name] = role_of(text, name, organisations)
        out.append(Voice(name, roles[name] if name else "unknown", quote.start, quote.end,
                         quote.words))
    return out


def role_of(text: str, name: str, organisations: tuple[str, ...] = ()) -> str:
    """The role the text gives `name` where it names that person: the words just before and
    after each mention, within its sentence. "unknown" when none says."""
    contexts = [_context(text, m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    for role in ROLES:
        if role == "company" and any(_names(c, organisations) for c in contexts):
            return "company"
        if any(_ROLE_RE[role].search(c) for c in contexts):
            return role
    return "unknown"


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - _BEFORE) : start]
    cut = list(_SENTENCE_END.finditer(before))
    if cut:
        before = before[cut[-1].end() :]
    after = text[end : end + _AFTER]
    stop = _SENTENCE_END.search(after)
    return before + " " + (after[: stop.start()] if stop else after)


def _names(context: str, organisations: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(o)}\b", context) for o in organisations)
