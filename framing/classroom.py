"""The classroom side: a plain-language explanation of one article for a student
(`framing explain`), and an exercise (`framing exercise`): a printable worksheet, the answers
filled in by framing, a responses.csv template, and the grading of the class's responses.

Plain functions return plain data (dicts and lists, ready for JSON); the renderers turn that data
into terminal text or HTML. Every piece of article text goes through `framing.html.escape`.
French and English UI strings sit in one table, `UI`.

The exercise folder holds exercise.json (the sentences and framing's own answers), which
`grade` reads back, so a class can be graded without scoring the articles again.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from framing.html import escape, page

LABELS = ("promotional", "neutral", "critical")
LETTERS = {"promotional": "P", "neutral": "N", "critical": "C"}
RESPONSE_COLUMNS = ("student", "article", "sentence", "label", "copied")
TEMPLATE_STUDENTS = 3  # blank rows in responses.csv: one block of sentences per student
EVIDENCE_SHOWN = 3  # strongest pieces of evidence for and against the label
COPIED_OVERLAP = 0.5  # a sentence is "copied" when reused passages cover this share of it
EXCERPT_CHARS = 300  # an evidence sentence longer than this is cut around its evidence
CHART_SENTENCES = 15  # the disagreement chart shows at most this many sentences
# The writer's own voice: a cue in a plain sentence, or one the writer negates or questions.
WRITER_CONTEXTS = ("writer", "negated", "question")

# Accepted answers, folded to lower case: English and French words, and the worksheet's letters.
LABEL_ANSWERS = {
    "p": "P", "promotional": "P", "promotionnel": "P", "promotionnelle": "P", "promo": "P",
    "n": "N", "neutral": "N", "neutre": "N",
    "c": "C", "critical": "C", "critique": "C",
}
YES = {"yes", "y", "oui", "o", "x", "1", "true", "vrai"}
NO = {"no", "n", "non", "0", "false", "faux"}

UI = {
    "en": {
        "label": {"promotional": "promotional", "neutral": "neutral", "critical": "critical"},
        "why": "Why framing rates this article {label}",
        "because.promotional": ("Rated {label} because {k} of its {n} sentences are promotional "
                                "(they praise or sell), {voice}."),
        "because.critical": ("Rated {label} because {k} of its {n} sentences question or "
                             "criticise, {voice}."),
        "voice.mixed": "{w} of them in the writer's own voice and {o} in quotes or reported speech",
        "voice.writer": "all in the writer's own voice",
        "voice.others": "all in quotes or reported speech",
        "voice.cued": ("{c} with a lexicon cue ({voice}) and {m} labelled by the trained model "
                       "alone, from their wording and their article"),
        "voice.model": "all labelled by the trained model alone, from their wording and article",
        "because.neutral": ("Rated {label}: {k} of its {n} sentences are neutral (no praise or "
                            "criticism framing recognises); {p} promotional, {c} critical."),
        "closing": ("{c} of the {k} critical sentences come in the last fifth: the article ends "
                    "on a critical note."),
        "no_critical": "No sentence is critical.",
        "one_critical": "The only critical sentence is sentence {n}: “{text}”",
        "also_promotional": ("It also has {k} promotional sentences, {o} of them in quotes or "
                             "reported speech: others do the praising."),
        "few_promotional": "The only promotional sentence is sentence {n}: “{text}”",
        "classifier_differs": ("The label comes from the trained classifier; the word lists "
                               "alone would say {lexicon}."),
        "for": "Strongest evidence for this label",
        "against": "Strongest evidence against it",
        "side.promotional": "Strongest promotional evidence",
        "side.critical": "Strongest critical evidence",
        "none_found": "none found",
        "evidence_item": "“{span}”, {context}, sentence {n}",
        "context": {"writer": "in the writer's own voice", "quoted": "inside a quote",
                    "reported": "in reported speech", "negated": "negated by the writer",
                    "question": "asked as a question"},
        "speakers_head": "Who speaks",
        "speakers": "Quoted: {names} ({q} direct quotes, {share} of the words).",
        "speakers_unnamed": "{q} direct quotes ({share} of the words); no speaker named.",
        "no_quotes": "No one is quoted directly.",
        "who_missing": "Who is not quoted?",
        "reuse_head": "The press release",
        "reuse": ("{share} of the article comes from {source} ({kind}); it reproduces {sshare} "
                  "of the release."),
        "reuse_kind": {"verbatim": "copied word for word", "partial": "in part",
                       "translated": "translated", "none": "none"},
        "reuse_none": "No passage of the releases given was found in the article.",
        "reuse_unchecked": "Not checked: give the press release with --sources.",
        "sovereignty_head": "Sovereignty",
        "sovereignty.none": "Sovereignty is not raised.",
        "sovereignty.question": "Sovereignty is raised as a question (sentence {n}): “{text}”",
        "sovereignty.promise": "Sovereignty is raised as a promise (sentence {n}): “{text}”",
        "laws": "Foreign law named: {laws}.",
        "caveat": ("framing points to evidence; it is not a verdict. It can be wrong: check each "
                   "sentence yourself."),
        "sentence": "sentence",
        # worksheet and answers
        "worksheet": "Worksheet: promotion or reporting?",
        "answers": "Answers: framing's reading",
        "name": "Name",
        "instructions": ("Read each sentence. Tick P if it promotes (praises, sells), N if it "
                         "reports neutrally, C if it criticises or raises a doubt. Tick the "
                         "last box if you think it was copied (or translated) from the press "
                         "release."),
        "article": "Article",
        "col.n": "#", "col.sentence": "Sentence", "col.copied": "Copied?",
        "questions": "Questions",
        "q.speakers": "Who speaks? Who is quoted, and who is not?",
        "q.sovereignty": ("Is sovereignty raised? As a promise or as a question? In which "
                          "sentence?"),
        "q.missing": "What is missing? What would you ask, and whom?",
        "q.source": "Which parts look like the press release?",
        "a.missing": ("framing cannot see what is absent. It found these voices: {names}. "
                      "Whom else could the writer have asked?"),
        "a.source": "Sentences that framing aligns with the release are ticked in the last column.",
        "tool_label": "framing's label: {label} (sentences: {p} P, {n} N, {c} C).",
        "passage": "release, {kind} {similarity}:",
        "wrong_head": "Where the tool can be wrong",
        "wrong": [
            ("It reads words, not intentions: irony, understatement and praise without stock "
            "words escape it."),
            ("Praise inside a quote counts for little: a piece that only quotes enthusiastic "
            "people may come out neutral."),
            ("A question or a negation near a promotional word turns it critical, even when the "
            "writer agrees."),
            ("Sentence labels come from word lists; the article's label may come from a trained "
            "classifier that reads the whole text, so the two can differ."),
            ("Translated passages are found sentence by sentence: a long sentence that "
            "translates part of the release counts in full (an overstatement)."),
            "Page furniture (menus, captions, 'read also') is read as sentences.",
        ],
        # grading
        "summary": "Debrief: the class and framing",
        "class_head": "The class",
        "students_head": "Each student",
        "disagree_head": "Where the class and framing disagree most",
        "rejected_head": "Rows not graded",
        "students": "students", "sentences_answered": "sentences answered",
        "col.student": "student", "col.answered": "answered",
        "col.acc_tool": "agreement with framing", "col.kappa_tool": "Cohen's κ with framing",
        "col.acc_class": "agreement with the class majority",
        "col.kappa_class": "Cohen's κ with the class majority",
        "col.copied_agree": "“copied” agrees with framing",
        "col.votes": "class votes (P/N/C)", "col.majority": "class majority",
        "col.tool": "framing", "col.disagree": "class not with framing", "col.class": "class",
        "fleiss": "Fleiss' κ across students",
        "fleiss_on": "on the {k} sentences every student answered",
        "majority_tool": "class majority against framing",
        "tie": "tie",
        "chart": {"tool": "framing: {tool} ({agree}% agree)",
                  "axis": "students' answers (% of the class)", "legend": "class answer",
                  "note": "{n} sentences (article·sentence), most disagreement first"},
        "kappa_note": ("κ: 1 = perfect agreement, 0 = no better than chance; below 0.4 is weak, "
                       "0.4–0.6 moderate, above 0.6 substantial (Landis & Koch)."),
    },
    "fr": {
        "label": {"promotional": "promotionnel", "neutral": "neutre", "critical": "critique"},
        "why": "Pourquoi framing juge cet article {label}",
        "because.promotional": ("Jugé {label} parce que {k} de ses {n} phrases font la promotion "
                                "(elles vantent ou vendent), {voice}."),
        "because.critical": ("Jugé {label} parce que {k} de ses {n} phrases questionnent ou "
                             "critiquent, {voice}."),
        "voice.mixed": ("dont {w} dans la voix même du rédacteur et {o} dans des citations ou "
                        "au discours rapporté"),
        "voice.writer": "toutes dans la voix même du rédacteur",
        "voice.others": "toutes dans des citations ou au discours rapporté",
        "voice.cued": ("{c} avec un indice du lexique ({voice}) et {m} classées par le modèle "
                       "entraîné seul, d’après leur formulation et leur article"),
        "voice.model": ("toutes classées par le modèle entraîné seul, d’après leur formulation "
                        "et leur article"),
        "because.neutral": ("Jugé {label} : {k} de ses {n} phrases sont neutres (ni éloge ni "
                            "critique que framing reconnaisse) ; {p} promotionnelles, "
                            "{c} critiques."),
        "closing": ("{c} des {k} phrases critiques sont dans le dernier cinquième : l’article se "
                    "termine sur une note critique."),
        "no_critical": "Aucune phrase n’est critique.",
        "one_critical": "La seule phrase critique est la phrase {n} : « {text} »",
        "also_promotional": ("Il compte aussi {k} phrases promotionnelles, dont {o} dans des "
                             "citations ou au discours rapporté : d’autres font l’éloge."),
        "few_promotional": "La seule phrase promotionnelle est la phrase {n} : « {text} »",
        "classifier_differs": ("Le jugement vient du classifieur entraîné ; les listes de mots "
                               "seules diraient {lexicon}."),
        "for": "Les indices les plus forts pour ce jugement",
        "against": "Les indices les plus forts contre",
        "side.promotional": "Les indices promotionnels les plus forts",
        "side.critical": "Les indices critiques les plus forts",
        "none_found": "aucun",
        "evidence_item": "« {span} », {context}, phrase {n}",
        "context": {"writer": "dans la voix du rédacteur", "quoted": "dans une citation",
                    "reported": "au discours rapporté", "negated": "nié par le rédacteur",
                    "question": "sous forme de question"},
        "speakers_head": "Qui parle",
        "speakers": "Cités : {names} ({q} citations directes, {share} des mots).",
        "speakers_unnamed": "{q} citations directes ({share} des mots) ; aucun nom trouvé.",
        "no_quotes": "Personne n’est cité directement.",
        "who_missing": "Qui n’est pas cité ?",
        "reuse_head": "Le communiqué de presse",
        "reuse": ("{share} de l’article vient de {source} ({kind}) ; il reprend {sshare} du "
                  "communiqué."),
        "reuse_kind": {"verbatim": "mot pour mot", "partial": "en partie",
                       "translated": "traduit", "none": "aucun"},
        "reuse_none": "Aucun passage des communiqués donnés n’a été trouvé dans l’article.",
        "reuse_unchecked": "Non vérifié : donner le communiqué avec --sources.",
        "sovereignty_head": "Souveraineté",
        "sovereignty.none": "La souveraineté n’est pas évoquée.",
        "sovereignty.question": ("La souveraineté est posée comme une question (phrase {n}) : "
                                 "« {text} »"),
        "sovereignty.promise": ("La souveraineté est présentée comme une promesse (phrase {n}) : "
                                "« {text} »"),
        "laws": "Loi étrangère nommée : {laws}.",
        "caveat": ("framing montre des indices, pas un verdict. Il peut se tromper : vérifiez "
                   "chaque phrase vous-même."),
        "sentence": "phrase",
        "worksheet": "Fiche d’exercice : promotion ou information ?",
        "answers": "Corrigé : la lecture de framing",
        "name": "Nom",
        "instructions": ("Lisez chaque phrase. Cochez P si elle fait la promotion (vante, "
                         "vend), N si elle informe de façon neutre, C si elle critique ou "
                         "émet un doute. Cochez la dernière case si vous pensez qu’elle est "
                         "copiée (ou traduite) du communiqué de presse."),
        "article": "Article",
        "col.n": "n°", "col.sentence": "Phrase", "col.copied": "Copiée ?",
        "questions": "Questions",
        "q.speakers": "Qui parle ? Qui est cité, et qui ne l’est pas ?",
        "q.sovereignty": ("La souveraineté est-elle évoquée ? Comme une promesse ou comme une "
                          "question ? Dans quelle phrase ?"),
        "q.missing": "Que manque-t-il ? Quelle question poseriez-vous, et à qui ?",
        "q.source": "Quelles parties ressemblent au communiqué de presse ?",
        "a.missing": ("framing ne voit pas ce qui est absent. Il a trouvé ces voix : {names}. "
                      "Qui d’autre le rédacteur aurait-il pu interroger ?"),
        "a.source": ("Les phrases que framing aligne avec le communiqué sont cochées dans la "
                     "dernière colonne."),
        "tool_label": "Jugement de framing : {label} (phrases : {p} P, {n} N, {c} C).",
        "passage": "communiqué, {kind} {similarity} :",
        "wrong_head": "Où l’outil peut se tromper",
        "wrong": [
            ("Il lit des mots, pas des intentions : l’ironie, la litote et l’éloge sans mots "
            "convenus lui échappent."),
            ("Un éloge entre guillemets compte peu : un article qui ne fait que citer des gens "
            "enthousiastes peut sortir neutre."),
            ("Une question ou une négation près d’un mot promotionnel le rend critique, même "
            "quand le rédacteur approuve."),
            ("Les jugements des phrases viennent des listes de mots ; celui de l’article peut "
            "venir d’un classifieur entraîné qui lit tout le texte : les deux peuvent différer."),
            ("Les passages traduits sont trouvés phrase par phrase : une longue phrase qui "
            "traduit une partie du communiqué compte en entier (une surestimation)."),
            "Le décor de la page (menus, légendes, « lire aussi ») est lu comme des phrases.",
        ],
        "summary": "Bilan : la classe et framing",
        "class_head": "La classe",
        "students_head": "Chaque élève",
        "disagree_head": "Là où la classe et framing divergent le plus",
        "rejected_head": "Lignes non notées",
        "students": "élèves", "sentences_answered": "phrases répondues",
        "col.student": "élève", "col.answered": "réponses",
        "col.acc_tool": "accord avec framing", "col.kappa_tool": "κ de Cohen avec framing",
        "col.acc_class": "accord avec la majorité de la classe",
        "col.kappa_class": "κ de Cohen avec la majorité",
        "col.copied_agree": "« copiée » d’accord avec framing",
        "col.votes": "votes de la classe (P/N/C)", "col.majority": "majorité de la classe",
        "col.tool": "framing", "col.disagree": "classe en désaccord avec framing",
        "col.class": "classe",
        "fleiss": "κ de Fleiss entre élèves",
        "fleiss_on": "sur les {k} phrases auxquelles tous les élèves ont répondu",
        "majority_tool": "majorité de la classe contre framing",
        "tie": "égalité",
        "chart": {"tool": "framing : {tool} ({agree} % d’accord)",
                  "axis": "réponses des élèves (% de la classe)", "legend": "réponse de la classe",
                  "note": "{n} phrases (article·phrase), les plus discutées d’abord"},
        "kappa_note": ("κ : 1 = accord parfait, 0 = pas mieux que le hasard ; moins de 0,4 : "
                       "faible, 0,4–0,6 : moyen, plus de 0,6 : fort (Landis et Koch)."),
    },
}


def ui_language(language: str | None, ui: str | None = None) -> str:
    """The UI language: `ui` when given, else the article's language (English when mixed or
    unknown and no French)."""
    if ui in UI:
        return ui
    return "fr" if language == "fr" else "en"


def _percent(x: float, ui: str) -> str:
    value = f"{round(100 * x)}"
    return f"{value} %" if ui == "fr" else f"{value}%"


def _number(x: float | None, ui: str, digits: int = 2) -> str:
    if x is None:
        return "—"
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if ui == "fr" else text


# --- explain -----------------------------------------------------------------------------------


def explanation(record, text: str) -> dict:
    """The facts behind one record's label, as plain data (no wording): sentence counts by label
    and voice, where the critical sentences sit, the strongest evidence on each side with its
    sentence, the speakers, the reuse and the sovereignty stance with its sentence."""
    from framing.tone import closing_start

    f, s, a = record.framing, record.sovereignty, record.attribution
    sentences = f.sentences
    n = len(sentences)
    first_closing = closing_start(n) if n else 0
    counts = Counter(x.label for x in sentences)

    def sentence(i: int) -> dict:
        x = sentences[i]
        return {"n": i + 1, "start": x.start, "end": x.end, "label": x.label,
                "text": text[x.start : x.end]}

    voice = {}
    for label in ("promotional", "critical"):
        mine = [i for i, x in enumerate(sentences) if x.label == label]
        contexts = [{e.context for e in sentences[i].evidence if e.effect == label}
                    for i in mine]
        own = sum(1 for c in contexts if c & set(WRITER_CONTEXTS))
        cued = sum(1 for c in contexts if c)  # the rest were labelled by the trained model
        voice[label] = {"writer": own, "others": cued - own, "model": len(mine) - cued,
                        "sentences": [i + 1 for i in mine]}
    evidence = {}
    for effect in ("promotional", "critical"):
        found = [(e, i) for i, x in enumerate(sentences) for e in x.evidence
                 if e.effect == effect]
        found.sort(key=lambda p: (-p[0].weight, p[0].start))
        evidence[effect] = [
            {"text": e.text, "start": e.start, "end": e.end, "weight": e.weight,
             "category": e.category, "context": e.context, "sentence": sentence(i)}
            for e, i in found[:EVIDENCE_SHOWN]]
    sovereignty = {"stance": s.stance, "laws": list(s.laws), "sentence": None, "spans": []}
    i = stance_sentence(record)
    if i is not None:
        sovereignty["sentence"] = sentence(i)
        sovereignty["spans"] = [(e.start, e.end) for e in s.evidence
                                if sentences[i].start <= e.start < sentences[i].end]
    reuse = None
    if record.reuse is not None:
        r = record.reuse
        reuse = {"kind": r["kind"], "source": r["source"], "article_share": r["article_share"],
                 "source_share": r["source_share"], "passages": len(r["passages"])}
    return {
        "id": record.id, "title": record.title, "language": record.language,
        "label": f.label, "lexicon_label": f.lexicon_label, "method": f.method,
        "n_sentences": n, "counts": {label: counts.get(label, 0) for label in LABELS},
        "voice": voice,
        "critical_in_closing": sum(1 for i, x in enumerate(sentences)
                                   if x.label == "critical" and i >= first_closing),
        "critical_sentences": [sentence(i) for i, x in enumerate(sentences)
                               if x.label == "critical"][:2],
        "promotional_sentences": [sentence(i) for i, x in enumerate(sentences)
                                  if x.label == "promotional"][:2],
        "evidence": evidence,
        "speakers": list(a.speakers), "quotes": a.quotes, "quote_share": a.quote_share,
        "reuse": reuse, "sovereignty": sovereignty,
    }


def stance_sentence(record) -> int | None:
    """The index of the sentence that carries the article's sovereignty stance most: the one
    whose cues of that stance weigh most (ties: the first), or None when sovereignty is not
    raised."""
    s, sentences = record.sovereignty, record.framing.sentences
    weights: dict[int, float] = {}
    for e in s.evidence:
        if e.effect != s.stance:
            continue
        i = next((k for k, x in enumerate(sentences) if x.start <= e.start < x.end), None)
        if i is not None:
            weights[i] = weights.get(i, 0.0) + e.weight
    if s.stance == "none" or not weights:
        return None
    return min(weights, key=lambda i: (-weights[i], i))


def explanation_parts(facts: dict, ui: str) -> list[dict]:
    """The explanation in words: a list of blocks {"head": str|None, "lines": [line]} where a
    line is a list of (text, mark) pieces, mark one of None, "promotional", "critical",
    "sovereignty" (the evidence to highlight)."""
    t = UI[ui]
    names = t["label"]
    label = facts["label"]
    n, counts, voice = facts["n_sentences"], facts["counts"], facts["voice"]
    because = []
    if label in ("promotional", "critical"):
        v = voice[label]
        said = "voice.others" if not v["writer"] else "voice.writer" if not v["others"] \
            else "voice.mixed"
        said = t[said].format(w=v["writer"], o=v["others"])
        cued = v["writer"] + v["others"]
        if v["model"]:  # sentences the trained model labelled without a lexicon cue
            said = (t["voice.cued"].format(c=cued, voice=said, m=v["model"]) if cued
                    else t["voice.model"])
        because.append(t[f"because.{label}"].format(
            label=names[label], k=counts[label], n=n, voice=said))
    else:
        because.append(t["because.neutral"].format(label=names[label], k=counts["neutral"], n=n,
                                                   p=counts["promotional"],
                                                   c=counts["critical"]))
    lines = [[(" ".join(because), None)]]
    if counts["critical"] and facts["critical_in_closing"] * 2 >= counts["critical"]:
        lines.append([(t["closing"].format(c=facts["critical_in_closing"],
                                           k=counts["critical"]), None)])
    if label == "promotional":
        if counts["critical"] == 0:
            lines.append([(t["no_critical"], None)])
        elif counts["critical"] == 1:
            only = facts["critical_sentences"][0]
            lines.append(_with_sentence(t["one_critical"], only, facts, "critical"))
    if label == "critical" and counts["promotional"]:
        if counts["promotional"] == 1:
            only = facts["promotional_sentences"][0]
            lines.append(_with_sentence(t["few_promotional"], only, facts, "promotional"))
        else:
            lines.append([(t["also_promotional"].format(
                k=counts["promotional"], o=voice["promotional"]["others"]), None)])
    if facts["method"] != "lexicon" and facts["lexicon_label"] not in (None, label):
        lines.append([(t["classifier_differs"].format(lexicon=names[facts["lexicon_label"]]),
                       None)])
    blocks = [{"head": t["why"].format(label=names[label]), "lines": lines}]

    if label == "neutral":
        sides = [("promotional", t["side.promotional"]), ("critical", t["side.critical"])]
    else:
        other = "critical" if label == "promotional" else "promotional"
        sides = [(label, t["for"]), (other, t["against"])]
    for effect, head in sides:
        items = facts["evidence"][effect]
        block_lines = [_evidence_line(e, effect, t) for e in items] or [[(t["none_found"], None)]]
        blocks.append({"head": head, "lines": block_lines})

    if facts["speakers"]:
        who = t["speakers"].format(names=", ".join(facts["speakers"]), q=facts["quotes"],
                                   share=_percent(facts["quote_share"], ui))
    elif facts["quotes"]:
        who = t["speakers_unnamed"].format(q=facts["quotes"],
                                           share=_percent(facts["quote_share"], ui))
    else:
        who = t["no_quotes"]
    blocks.append({"head": t["speakers_head"], "lines": [[(who, None)],
                                                        [(t["who_missing"], None)]]})

    reuse = facts["reuse"]
    if reuse is None:
        said = t["reuse_unchecked"]
    elif reuse["kind"] == "none":
        said = t["reuse_none"]
    else:
        said = t["reuse"].format(share=_percent(reuse["article_share"], ui),
                                 source=reuse["source"], kind=t["reuse_kind"][reuse["kind"]],
                                 sshare=_percent(reuse["source_share"], ui))
    blocks.append({"head": t["reuse_head"], "lines": [[(said, None)]]})

    s = facts["sovereignty"]
    if s["stance"] == "none" or s["sentence"] is None:
        sov = [[(t["sovereignty.none"], None)]]
    else:
        sov = [_with_sentence(t[f"sovereignty.{s['stance']}"], s["sentence"], facts,
                              "sovereignty", s["spans"])]
    if s["laws"]:
        sov.append([(t["laws"].format(laws=", ".join(s["laws"])), None)])
    blocks.append({"head": t["sovereignty_head"], "lines": sov})
    blocks.append({"head": None, "lines": [[(t["caveat"], None)]]})
    return blocks


def _evidence_line(e: dict, effect: str, t: dict) -> list:
    head = t["evidence_item"].format(span=" ".join(e["text"].split()),
                                     context=t["context"].get(e["context"], e["context"]),
                                     n=e["sentence"]["n"])
    return [(head + " — ", None), *_excerpt(e["sentence"], [(e["start"], e["end"])], effect)]


def _with_sentence(template: str, sentence: dict, facts: dict, mark: str,
                   spans: list | None = None) -> list:
    """template with {n} and {text}: the text is the sentence with its evidence marked."""
    if spans is None:
        spans = [(e["start"], e["end"]) for e in facts["evidence"][mark]
                 if sentence["start"] <= e["start"] < sentence["end"]]
    before, _, after = template.partition("{text}")
    return [(before.format(n=sentence["n"]), None), *_excerpt(sentence, spans, mark),
            (after, None)]


def _excerpt(sentence: dict, spans: list, mark: str) -> list:
    """The sentence as (text, mark) pieces, its spans marked, cut around the first span when it
    is longer than EXCERPT_CHARS; whitespace runs are folded."""
    start, end = sentence["start"], sentence["end"]
    text = sentence["text"]
    spans = sorted((max(a, start), min(b, end)) for a, b in spans if a < end and b > start)
    lo, hi = start, end
    if end - start > EXCERPT_CHARS:
        first, last = (spans[0][0], spans[-1][1]) if spans else (start, start)
        if last - first > EXCERPT_CHARS:
            last = spans[0][1]
        lo = max(start, first - (EXCERPT_CHARS - (last - first)) // 2)
        hi = min(end, lo + EXCERPT_CHARS)
        lo = max(start, hi - EXCERPT_CHARS)
        # Cut between words, never inside a marked span.
        while lo > start and lo < first and not text[lo - start - 1].isspace():
            lo += 1
        while hi < end and hi > last and not text[hi - start].isspace():
            hi -= 1
        spans = [(a, b) for a, b in spans if a >= lo and b <= hi]
    pieces, pos = [], lo
    if lo > start:
        pieces.append(("…", None))
    for a, b in spans:
        if a < pos:
            continue
        pieces.append((_fold(text[pos - start : a - start]), None))
        pieces.append((_fold(text[a - start : b - start]), mark))
        pos = b
    pieces.append((_fold(text[pos - start : hi - start]), None))
    if hi < end:
        pieces.append(("…", None))
    return [p for p in pieces if p[0]]


def _fold(text: str) -> str:
    """Whitespace runs (line breaks included) as one space, ends kept."""
    if not text:
        return text
    inner = " ".join(text.split())
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and inner else ""
    return lead + inner + trail


BRACKETS = {"promotional": ("[+", "]"), "critical": ("[-", "]"), "sovereignty": ("[§", "]")}


def explain_text(facts: dict, ui: str, color: bool = False) -> str:
    """The explanation for a terminal: evidence in colour (click.style) on a tty, in brackets
    [+…] [-…] [§…] otherwise."""
    import click

    from framing.explain import STYLES

    out = [f"{facts['id']}" + (f" · {facts['title']}" if facts.get("title") else "")]
    for block in explanation_parts(facts, ui):
        out.append("")
        if block["head"]:
            out.append(click.style(block["head"], bold=True) if color else block["head"])
        for line in block["lines"]:
            pieces = []
            for text, mark in line:
                if mark is None:
                    pieces.append(text)
                else:
                    opening, closing = BRACKETS[mark]
                    piece = f"{opening}{text}{closing}"
                    pieces.append(click.style(piece, **STYLES[mark]) if color else piece)
            out.append("  " + "".join(pieces))
    return "\n".join(out) + "\n"


PRINT_STYLE = """
@page{size:A4;margin:14mm 12mm}
body{max-width:52em}
.box{display:inline-block;width:1.25em;height:1.25em;border:1.5px solid #222;
  vertical-align:middle;text-align:center;line-height:1.25em;font-size:.9em;font-weight:bold}
.box.on{background:#222;color:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
table.sheet{border-collapse:collapse;width:100%;font-size:13px}
table.sheet th,table.sheet td{border:1px solid #999;padding:.25em .35em;vertical-align:top}
table.sheet th{position:static;cursor:default;background:#eee;text-align:center}
table.sheet td.tick{text-align:center;width:2.1em;white-space:nowrap}
table.sheet td.n{text-align:right;width:2em;font-weight:bold}
table.sheet td.copied{width:5em;text-align:center}
table.sheet tr{break-inside:avoid;page-break-inside:avoid}
.passage{font-size:.85em;color:#444;margin-top:.2em;border-left:3px solid #009e73;
  padding-left:.4em}
.lines{border-bottom:1px solid #999;height:1.6em}
.question{break-inside:avoid;page-break-inside:avoid;margin:.6em 0}
.answer{margin:.2em 0 .5em 1em;color:#222}
.article-block{break-before:page;page-break-before:always}
.article-block:first-of-type{break-before:auto;page-break-before:auto}
.name{font-size:1.1em;margin:1em 0}
.name span{display:inline-block;border-bottom:1px solid #222;width:18em}
h1{margin-top:0}
.explain p{margin:.3em 0} .explain h2{margin-top:1.2em}
mark{padding:0 .1em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{body{margin:0;max-width:none;font-size:12px} a{color:inherit}
  .charts img{max-width:100%}}
@media screen and (min-width:70em){body{font-size:17px}}
"""


def explain_html(items: list[tuple[dict, str]]) -> str:
    """A printable page with the explanation of each (facts, ui)."""
    parts = []
    lang = items[0][1] if items else "en"
    for facts, ui in items:
        parts.append("<section class=\"explain article-block\">")
        parts.append(f"<h1>{escape(facts.get('title') or facts['id'])}</h1>")
        if facts.get("title"):
            parts.append(f"<p class=\"muted\">{escape(facts['id'])}</p>")
        for block in explanation_parts(facts, ui):
            if block["head"]:
                parts.append(f"<h2>{escape(block['head'])}</h2>")
            tag = "li" if block["head"] and block["lines"] and len(block["lines"]) > 1 else "p"
            if tag == "li":
                parts.append("<ul>")
            for line in block["lines"]:
                parts.append(f"<{tag}>{_html_pieces(line)}</{tag}>")
            if tag == "li":
                parts.append("</ul>")
        parts.append("</section>")
    title = UI[lang]["why"].format(label="…") if len(items) != 1 else \
        UI[lang]["why"].format(label=UI[lang]["label"][items[0][0]["label"]])
    return page(title, "\n".join(parts), style=PRINT_STYLE, lang=lang)


def _html_pieces(line: list) -> str:
    return "".join(escape(text) if mark is None else
                   f"<mark class=\"{mark}\">{escape(text)}</mark>" for text, mark in line)


# --- the exercise ------------------------------------------------------------------------------


def exercise_article(number: int, record, text: str) -> dict:
    """One article of an exercise: its sentences (numbered from 1) with framing's label, its
    evidence (offsets into the sentence) and whether a reused passage covers it."""
    f, s, a = record.framing, record.sovereignty, record.attribution
    passages = list(enumerate(record.reuse["passages"], 1)) if record.reuse else []
    sources_checked = record.reuse is not None
    sentences = []
    for i, x in enumerate(f.sentences, 1):
        evidence = [{"start": e.start - x.start, "end": e.end - x.start, "effect": e.effect,
                     "context": e.context} for e in x.evidence
                    if e.effect in ("promotional", "critical")]
        evidence += [{"start": e.start - x.start, "end": e.end - x.start,
                      "effect": "sovereignty", "context": e.effect} for e in s.evidence
                     if x.start <= e.start < x.end]
        evidence.sort(key=lambda e: (e["start"], e["end"]))
        copied, passage = (None, None)
        if sources_checked:
            copied, passage = _copied(x.start, x.end, passages, text)
        sentences.append({"n": i, "start": x.start, "end": x.end,
                          "text": " ".join(text[x.start : x.end].split()),
                          "raw": text[x.start : x.end], "label": LETTERS[x.label],
                          "evidence": evidence, "copied": copied, "passage": passage})
    i = stance_sentence(record)
    sov_sentence = None if i is None else i + 1
    reuse = None
    if record.reuse is not None:
        reuse = {k: record.reuse[k] for k in ("kind", "source", "article_share", "source_share")}
    return {
        "number": number, "id": record.id, "title": record.title, "language": record.language,
        "label": f.label, "lexicon_label": f.lexicon_label,
        "speakers": list(a.speakers), "quotes": a.quotes, "quote_share": a.quote_share,
        "sovereignty": {"stance": s.stance, "laws": list(s.laws), "sentence": sov_sentence},
        "reuse": reuse, "sentences": sentences,
    }


def _copied(start: int, end: int, passages, text: str) -> tuple[bool, dict | None]:
    """(copied?, the passage that covers most of the sentence) for one sentence."""
    length = len(text[start:end].strip()) or 1
    best, best_overlap = None, 0
    covered = 0
    for number, p in passages:
        overlap = max(0, min(end, p["article_end"]) - max(start, p["article_start"]))
        covered += overlap
        if overlap > best_overlap:
            best, best_overlap = (number, p), overlap
    if best is None or covered < COPIED_OVERLAP * length:
        return False, None
    number, p = best
    return True, {"number": number, "kind": p["kind"], "source": p["source"],
                  "similarity": p.get("similarity", 1.0),
                  "source_start": p["source_start"], "source_end": p["source_end"]}


def build_exercise(records_texts: list, source_texts: dict[str, str] | None = None,
                   ui: str | None = None) -> dict:
    """The exercise's data from (record, text) pairs (records scored, reuse filled when there
    are sources): what exercise.json holds."""
    from framing import __version__

    articles = [exercise_article(i, r, t) for i, (r, t) in enumerate(records_texts, 1)]
    if ui not in UI:
        languages = Counter(a["language"] for a in articles)
        ui = "en" if languages.get("en", 0) > languages.get("fr", 0) else "fr"
    for article in articles:
        for sentence in article["sentences"]:
            p = sentence["passage"]
            if p and source_texts and p["source"] in source_texts:
                p["source_text"] = " ".join(
                    source_texts[p["source"]][p["source_start"] : p["source_end"]].split())
    return {"framing": __version__, "ui": ui, "sources_checked": source_texts is not None,
            "articles": articles}


def worksheet_html(exercise: dict, answers: bool = False) -> str:
    """The printable worksheet (A4), or with `answers` the same sheet filled in by framing."""
    ui = exercise["ui"]
    t = UI[ui]
    title = t["answers"] if answers else t["worksheet"]
    parts = [f"<h1>{escape(title)}</h1>"]
    if not answers:
        parts.append(f"<p class=\"name\">{escape(t['name'])} : <span></span></p>" if ui == "fr"
                     else f"<p class=\"name\">{escape(t['name'])}: <span></span></p>")
    parts.append(f"<p>{escape(t['instructions'])}</p>")
    if answers:
        parts.append(f"<p class=\"legend\"><span class=\"promotional\">"
                     f"{escape(t['label']['promotional'])}</span><span class=\"critical\">"
                     f"{escape(t['label']['critical'])}</span><span class=\"sovereignty\">"
                     f"{escape(t['sovereignty_head'])}</span></p>")
    for article in exercise["articles"]:
        parts.append(_article_sheet(article, exercise, t, answers))
    if answers:
        parts.append(f"<section class=\"article-block\"><h2>{escape(t['wrong_head'])}</h2><ul>"
                     + "".join(f"<li>{escape(w)}</li>" for w in t["wrong"]) + "</ul></section>")
    return page(title, "\n".join(parts), style=PRINT_STYLE, lang=ui)


def _article_sheet(article: dict, exercise: dict, t: dict, answers: bool) -> str:
    heading = article["title"] or article["id"]
    out = [(f"<section class=\"article-block\"><h2>{escape(t['article'])} {article['number']}"
           f" — {escape(heading)}</h2>"),
           (f"<p class=\"muted\">{escape(article['id']) + ' · ' if article['title'] else ''}"
           f"{escape(article['language'])} · "
           f"{len(article['sentences'])} {escape(t['sentence'])}s</p>")]
    if answers:
        counts = Counter(s["label"] for s in article["sentences"])
        said = t["tool_label"].format(label=t["label"][article["label"]], p=counts["P"],
                                      n=counts["N"], c=counts["C"])
        out.append(f"<p><strong>{escape(said)}</strong></p>")
    out.append("<table class=\"sheet\"><thead><tr>"
               f"<th>{escape(t['col.n'])}</th><th>{escape(t['col.sentence'])}</th>"
               "<th>P</th><th>N</th><th>C</th>"
               f"<th>{escape(t['col.copied'])}</th></tr></thead><tbody>")
    for s in article["sentences"]:
        body = _marked_sentence(s) if answers else escape(s["text"])
        if answers and s["passage"]:
            p = s["passage"]
            kind = t["reuse_kind"].get(p["kind"], p["kind"])
            head = t["passage"].format(kind=kind, similarity=_number(p["similarity"],
                                                                     exercise["ui"]))
            body += (f"<div class=\"passage\">[{p['number']}] {escape(head)} "
                     f"{escape(_cut(p.get('source_text', ''), 220))}</div>")
        ticks = "".join(
            f"<td class=\"tick\">{_box(answers and s['label'] == letter, letter)}</td>"
            for letter in "PNC")
        copied = _box(answers and bool(s["copied"]), "X")
        if answers and s["copied"] is None:
            copied = "—"
        out.append(f"<tr><td class=\"n\">{s['n']}</td><td>{body}</td>{ticks}"
                   f"<td class=\"copied\">{copied}</td></tr>")
    out.append("</tbody></table>")
    out.append(f"<h3>{escape(t['questions'])}</h3>")
    for key in ("q.speakers", "q.sovereignty", "q.missing", "q.source"):
        out.append(f"<div class=\"question\"><p><strong>{escape(t[key])}</strong></p>")
        if answers:
            out.append(f"<p class=\"answer\">{escape(_answer(key, article, exercise, t))}</p>")
        else:
            out.append("<div class=\"lines\"></div><div class=\"lines\"></div>")
        out.append("</div>")
    out.append("</section>")
    return "\n".join(out)


def _answer(key: str, article: dict, exercise: dict, t: dict) -> str:
    ui = exercise["ui"]
    names = ", ".join(article["speakers"]) or "—"
    if key == "q.speakers":
        if article["speakers"]:
            return t["speakers"].format(names=names, q=article["quotes"],
                                        share=_percent(article["quote_share"], ui))
        if article["quotes"]:
            return t["speakers_unnamed"].format(q=article["quotes"],
                                                share=_percent(article["quote_share"], ui))
        return t["no_quotes"]
    if key == "q.sovereignty":
        s = article["sovereignty"]
        if s["stance"] == "none" or s["sentence"] is None:
            said = t["sovereignty.none"]
        else:
            text = article["sentences"][s["sentence"] - 1]["text"]
            said = t[f"sovereignty.{s['stance']}"].format(n=s["sentence"], text=_cut(text, 200))
        if s["laws"]:
            said += " " + t["laws"].format(laws=", ".join(s["laws"]))
        return said
    if key == "q.missing":
        return t["a.missing"].format(names=names)
    reuse = article["reuse"]
    if reuse is None:
        return t["reuse_unchecked"]
    if reuse["kind"] == "none":
        return t["reuse_none"]
    return t["reuse"].format(share=_percent(reuse["article_share"], ui), source=reuse["source"],
                             kind=t["reuse_kind"][reuse["kind"]],
                             sshare=_percent(reuse["source_share"], ui)) + " " + t["a.source"]


def _box(on: bool, letter: str) -> str:
    return (f"<span class=\"box on\" aria-label=\"{escape(letter)}\">{escape(letter)}</span>"
            if on else "<span class=\"box\"></span>")


def _marked_sentence(s: dict) -> str:
    raw, out, pos = s["raw"], [], 0
    for e in s["evidence"]:
        if e["start"] < pos:
            continue
        out.append(escape(raw[pos : e["start"]]))
        out.append(f"<mark class=\"{e['effect']}\" title=\"{escape(e['context'])}\">"
                   f"{escape(raw[e['start'] : e['end']])}</mark>")
        pos = e["end"]
    out.append(escape(raw[pos:]))
    return " ".join("".join(out).split())


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def responses_template(exercise: dict, students: int = TEMPLATE_STUDENTS) -> str:
    """responses.csv: one row per student × sentence, label and copied left blank."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(RESPONSE_COLUMNS)
    for k in range(1, students + 1):
        for article in exercise["articles"]:
            for s in article["sentences"]:
                writer.writerow([f"student{k}", article["id"], s["n"], "", ""])
    return buffer.getvalue()


def write_exercise(exercise: dict, out_dir: Path | str) -> list[Path]:
    """exercise.json, worksheet.html, answers.html and responses.csv in `out_dir`."""
    from framing.outputs import write_atomic

    out = Path(out_dir)
    return [
        write_atomic(out / "exercise.json",
                     json.dumps(exercise, ensure_ascii=False, indent=1) + "\n"),
        write_atomic(out / "worksheet.html", worksheet_html(exercise)),
        write_atomic(out / "answers.html", worksheet_html(exercise, answers=True)),
        write_atomic(out / "responses.csv", responses_template(exercise)),
    ]


def load_exercise(out_dir: Path | str) -> dict:
    path = Path(out_dir) / "exercise.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ValueError(f"{path}: not an exercise folder ({err}); make one with "
                         "`framing exercise ARTICLES... --out DIR`") from err


# --- grading -----------------------------------------------------------------------------------


def read_responses(path: Path | str, exercise: dict) -> tuple[list[dict], list[str]]:
    """(usable answers, errors as "file:line: reason"). A row is one student's answer for one
    sentence; rows with no student and no answer (the template's leftovers) and rows whose label
    and copied are both blank (not answered) are skipped silently. A file without the needed
    columns raises ValueError."""
    path = Path(path)
    by_key = {}
    for a in exercise["articles"]:
        by_key[a["id"]] = a
        by_key[str(a["number"])] = a
    raw = path.read_text(encoding="utf-8-sig")
    first = raw.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(raw), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ValueError(f"{path}: empty file; expected the columns "
                         f"{', '.join(RESPONSE_COLUMNS)}") from None
    missing = [c for c in RESPONSE_COLUMNS if c != "copied" and c not in header]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; expected "
                         f"{', '.join(RESPONSE_COLUMNS)} (copied optional)")
    col = {c: header.index(c) for c in RESPONSE_COLUMNS if c in header}
    answers, errors, seen = [], [], {}
    for row in reader:
        line = reader.line_num

        def cell(name, row=row):
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        student, article_key, number = cell("student"), cell("article"), cell("sentence")
        label, copied = cell("label"), cell("copied")
        if not any(c.strip() for c in row) or not (label or copied):
            continue
        where = f"{path}:{line}"
        if not student:
            errors.append(f"{where}: no student name")
            continue
        article = by_key.get(article_key)
        if not article_key:
            errors.append(f"{where}: missing article")
            continue
        if article is None:
            known = ", ".join(a["id"] for a in exercise["articles"])
            errors.append(f"{where}: unknown article {article_key!r} (this exercise has {known}, "
                          "or their numbers 1, 2…)")
            continue
        if not number:
            errors.append(f"{where}: missing sentence number")
            continue
        try:
            n = int(number)
        except ValueError:
            errors.append(f"{where}: sentence {number!r} is not a number")
            continue
        if not 1 <= n <= len(article["sentences"]):
            errors.append(f"{where}: sentence {n} does not exist: article {article['id']} has "
                          f"sentences 1 to {len(article['sentences'])}")
            continue
        letter = LABEL_ANSWERS.get(label.lower()) if label else None
        if label and letter is None:
            errors.append(f"{where}: unknown label {label!r} (use P, N or C)")
            continue
        said_copied = None
        if copied:
            if copied.lower() in YES:
                said_copied = True
            elif copied.lower() in NO:
                said_copied = False
            else:
                errors.append(f"{where}: unknown copied value {copied!r} (use yes/no, oui/non, "
                              "1/0, x or leave blank)")
                continue
        key = (student, article["id"], n)
        if key in seen:
            errors.append(f"{where}: {student} already answered sentence {n} of "
                          f"{article['id']} on line {seen[key]}")
            continue
        seen[key] = line
        answers.append({"student": student, "article": article["id"], "sentence": n,
                        "label": letter, "copied": said_copied, "line": line})
    return answers, errors


def grade(exercise: dict, answers: list[dict]) -> dict:
    """Agreement of each student and of the class with framing and with each other."""
    from framing.agreement import cohen_kappa, fleiss_kappa

    units = [(a["id"], s["n"]) for a in exercise["articles"] for s in a["sentences"]]
    sentence_of = {(a["id"], s["n"]): s for a in exercise["articles"] for s in a["sentences"]}
    number_of = {a["id"]: a["number"] for a in exercise["articles"]}
    tool = {u: sentence_of[u]["label"] for u in units}
    students: list[str] = []
    labels: dict[str, dict] = {}
    copied: dict[str, dict] = {}
    for a in answers:
        if a["student"] not in labels:
            students.append(a["student"])
            labels[a["student"]] = {}
            copied[a["student"]] = {}
        u = (a["article"], a["sentence"])
        if a["label"]:
            labels[a["student"]][u] = a["label"]
        if a["copied"] is not None:
            copied[a["student"]][u] = a["copied"]

    sentences = []
    majority = {}
    for u in units:
        votes = Counter(labels[s][u] for s in students if u in labels[s])
        total = sum(votes.values())
        top = votes.most_common()
        winner = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
        if winner:
            majority[u] = winner
        said_copied = [copied[s][u] for s in students if u in copied[s]]
        s = sentence_of[u]
        sentences.append({
            "article": u[0], "number": number_of[u[0]], "sentence": u[1], "text": s["text"],
            "tool": tool[u], "votes": {k: votes.get(k, 0) for k in "PNC"}, "answers": total,
            "majority": winner,
            "disagreement": round(1 - votes.get(tool[u], 0) / total, 4) if total else None,
            "copied_tool": s["copied"],
            "copied_yes": sum(said_copied), "copied_answers": len(said_copied),
        })

    per_student = []
    for name in students:
        mine = labels[name]
        answered = [u for u in units if u in mine]
        with_tool = [mine[u] for u in answered], [tool[u] for u in answered]
        vs_class = [u for u in answered if u in majority]
        with_class = [mine[u] for u in vs_class], [majority[u] for u in vs_class]
        copy_units = [u for u in units if u in copied[name] and sentence_of[u]["copied"]
                      is not None]
        per_student.append({
            "student": name, "answered": len(answered), "sentences": len(units),
            "agreement_tool": _share(*with_tool), "kappa_tool": _kappa(cohen_kappa, *with_tool),
            "agreement_class": _share(*with_class),
            "kappa_class": _kappa(cohen_kappa, *with_class),
            "copied_agreement": _share([copied[name][u] for u in copy_units],
                                       [sentence_of[u]["copied"] for u in copy_units]),
        })
    graded = [s for s in students if labels[s]]
    everyone = [u for u in units if graded and all(u in labels[s] for s in graded)]
    fleiss = None
    if len(graded) >= 2 and everyone:
        table = [[sum(1 for s in graded if labels[s][u] == k) for k in "PNC"] for u in everyone]
        fleiss = fleiss_kappa(table)
    with_majority = [u for u in units if u in majority]
    class_tool = [majority[u] for u in with_majority], [tool[u] for u in with_majority]
    return {
        "students": per_student,
        "class": {
            "students": len(graded), "sentences": len(units),
            "fleiss_kappa": fleiss, "fleiss_sentences": len(everyone),
            "majority_sentences": len(with_majority),
            "majority_agreement_tool": _share(*class_tool),
            "majority_kappa_tool": _kappa(cohen_kappa, *class_tool),
        },
        "sentences": sentences,
    }


def _share(a: list, b: list) -> float | None:
    return round(sum(x == y for x, y in zip(a, b)) / len(a), 4) if a else None


def _kappa(kappa, a: list, b: list) -> float | None:
    return round(kappa(a, b), 4) if a else None


def most_disagreed(result: dict, limit: int = CHART_SENTENCES) -> list[dict]:
    """The sentences where the fewest students chose framing's label (at least one disagreed),
    most disagreement first, then the most answers, then reading order."""
    rows = [s for s in result["sentences"] if s["answers"] and s["disagreement"]]
    rows.sort(key=lambda s: (-s["disagreement"], -s["answers"], s["number"], s["sentence"]))
    return rows[:limit]


GRADE_COLUMNS = ("student", "answered", "sentences", "agreement_tool", "kappa_tool",
                 "agreement_class", "kappa_class", "copied_agreement")
SENTENCE_COLUMNS = ("article", "number", "sentence", "tool", "votes_P", "votes_N", "votes_C",
                    "answers", "majority", "disagreement", "copied_tool", "copied_yes",
                    "copied_answers", "text")


def grade_files(exercise: dict, result: dict, errors: list[str], out_dir: Path | str
                ) -> list[Path]:
    """grades.csv, sentences.csv, disagreement.png/.svg and summary.html in `out_dir`."""
    from framing.charts import draw_disagreement
    from framing.outputs import write_atomic

    out = Path(out_dir)
    grades = io.StringIO()
    writer = csv.DictWriter(grades, fieldnames=GRADE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(result["students"])
    per_sentence = io.StringIO()
    writer = csv.DictWriter(per_sentence, fieldnames=SENTENCE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for s in result["sentences"]:
        row = {k: v for k, v in s.items() if k in SENTENCE_COLUMNS}
        row.update({f"votes_{k}": v for k, v in s["votes"].items()})
        writer.writerow(row)
    written = [write_atomic(out / "grades.csv", grades.getvalue()),
               write_atomic(out / "sentences.csv", per_sentence.getvalue())]
    top = most_disagreed(result)
    t = UI[exercise["ui"]]
    chart = draw_disagreement(
        [(f"{s['number']}·{s['sentence']}  {_cut(s['text'], 38)}", s["votes"], s["tool"])
         for s in top], out / "disagreement", title=t["disagree_head"],
        names={LETTERS[k]: v for k, v in t["label"].items()}, words=t["chart"])
    written += chart
    written.append(write_atomic(out / "summary.html",
                                summary_html(exercise, result, errors, bool(chart))))
    return written


def summary_html(exercise: dict, result: dict, errors: list[str], chart: bool) -> str:
    """The printable debrief: the class's figures, each student, the sentences of most
    disagreement with framing's evidence, and the rows that were not graded."""
    ui = exercise["ui"]
    t = UI[ui]
    c = result["class"]
    fleiss = _number(c["fleiss_kappa"], ui)
    parts = [f"<h1>{escape(t['summary'])}</h1>", f"<h2>{escape(t['class_head'])}</h2>",
             "<table class=\"sheet\"><tbody>",
             f"<tr><th>{escape(t['students'])}</th><td>{c['students']}</td></tr>",
             (f"<tr><th>{escape(t['fleiss'])}</th><td>{escape(fleiss)} "
             f"({escape(t['fleiss_on'].format(k=c['fleiss_sentences']))})</td></tr>"),
             (f"<tr><th>{escape(t['majority_tool'])}</th><td>"
             f"{escape(_pct_or_dash(c['majority_agreement_tool'], ui))}, κ "
             f"{escape(_number(c['majority_kappa_tool'], ui))} "
             f"({c['majority_sentences']} {escape(t['sentence'])}s)</td></tr>"),
             "</tbody></table>", f"<p class=\"muted\">{escape(t['kappa_note'])}</p>",
             f"<h2>{escape(t['students_head'])}</h2><table class=\"sheet\"><thead><tr>"]
    heads = ("col.student", "col.answered", "col.acc_tool", "col.kappa_tool", "col.acc_class",
             "col.kappa_class", "col.copied_agree")
    parts.append("".join(f"<th>{escape(t[h])}</th>" for h in heads) + "</tr></thead><tbody>")
    for s in result["students"]:
        cells = [escape(s["student"]), f"{s['answered']} / {s['sentences']}",
                 _pct_or_dash(s["agreement_tool"], ui), _number(s["kappa_tool"], ui),
                 _pct_or_dash(s["agreement_class"], ui), _number(s["kappa_class"], ui),
                 _pct_or_dash(s["copied_agreement"], ui)]
        parts.append("<tr>" + "".join(f"<td>{escape(x) if i else x}</td>"
                                      for i, x in enumerate(cells)) + "</tr>")
    parts.append("</tbody></table>")
    parts.append(f"<h2>{escape(t['disagree_head'])}</h2>")
    if chart:
        parts.append("<p class=\"charts\"><img src=\"disagreement.svg\" "
                     f"alt=\"{escape(t['disagree_head'])}\"></p>")
    sentences = {(a["id"], s["n"]): s for a in exercise["articles"] for s in a["sentences"]}
    parts.append("<table class=\"sheet\"><thead><tr>"
                 f"<th>{escape(t['article'])}</th><th>{escape(t['col.n'])}</th>"
                 f"<th>{escape(t['col.sentence'])}</th><th>{escape(t['col.votes'])}</th>"
                 f"<th>{escape(t['col.majority'])}</th><th>{escape(t['col.tool'])}</th>"
                 f"<th>{escape(t['col.disagree'])}</th></tr></thead><tbody>")
    for s in most_disagreed(result):
        votes = " / ".join(str(s["votes"][k]) for k in "PNC")
        parts.append(f"<tr><td>{s['number']}</td><td class=\"n\">{s['sentence']}</td>"
                     f"<td>{_marked_sentence(sentences[(s['article'], s['sentence'])])}</td>"
                     f"<td>{votes}</td><td>{escape(s['majority'] or t['tie'])}</td>"
                     f"<td>{escape(s['tool'])}</td>"
                     f"<td>{escape(_pct_or_dash(s['disagreement'], ui))}</td></tr>")
    parts.append("</tbody></table>")
    if errors:
        parts.append(f"<h2 class=\"error\">{escape(t['rejected_head'])} ({len(errors)})</h2><ul>")
        parts += [f"<li>{escape(e)}</li>" for e in errors]
        parts.append("</ul>")
    parts.append(f"<h2>{escape(t['wrong_head'])}</h2><ul>"
                 + "".join(f"<li>{escape(w)}</li>" for w in t["wrong"]) + "</ul>")
    return page(t["summary"], "\n".join(parts), style=PRINT_STYLE, lang=ui)


def _pct_or_dash(x: float | None, ui: str) -> str:
    return "—" if x is None else _percent(x, ui)


def grade_text(result: dict, ui: str) -> str:
    """The figures `framing exercise grade` prints."""
    t = UI[ui]
    c = result["class"]
    colon = " : " if ui == "fr" else ": "
    lines = [f"{c['students']} {t['students']}, {c['sentences']} {t['sentence']}s",
             (f"{t['fleiss']}{colon}{_number(c['fleiss_kappa'], ui)} "
             f"({t['fleiss_on'].format(k=c['fleiss_sentences'])})"),
             (f"{t['majority_tool']}{colon}{_pct_or_dash(c['majority_agreement_tool'], ui)}, κ "
             f"{_number(c['majority_kappa_tool'], ui)}"), ""]
    width = max([len(s["student"]) for s in result["students"]] + [7])
    lines.append(f"{t['col.student']:<{width}}  {t['col.answered']:>8}  {t['col.tool']:>7}  κ"
                 f"      {t['col.class']:>7}  κ")
    for s in result["students"]:
        lines.append(f"{s['student']:<{width}}  {s['answered']:>4}/{s['sentences']:<3}  "
                     f"{_pct_or_dash(s['agreement_tool'], ui):>7}  "
                     f"{_number(s['kappa_tool'], ui):>5}  "
                     f"{_pct_or_dash(s['agreement_class'], ui):>7}  "
                     f"{_number(s['kappa_class'], ui):>5}")
    return "\n".join(lines) + "\n"
