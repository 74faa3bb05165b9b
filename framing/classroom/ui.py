"""The classroom's interface in words: the French and English strings in one table, `UI`, the
labels and the worksheet's letters for them, and how numbers are written in each language."""

from __future__ import annotations

from framing.labels import LABELS

LETTERS = {label: label[0].upper() for label in LABELS}  # P, N, C: the worksheet's boxes

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


def percent(x: float, ui: str) -> str:
    """A share as a whole percentage; French puts a space before the sign."""
    value = f"{round(100 * x)}"
    return f"{value} %" if ui == "fr" else f"{value}%"


def percent_or_dash(x: float | None, ui: str) -> str:
    """`percent`, or a dash where there is nothing to measure."""
    return "—" if x is None else percent(x, ui)


def number(x: float | None, ui: str, digits: int = 2) -> str:
    """A decimal with a comma in French, or a dash where there is nothing to measure."""
    if x is None:
        return "—"
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if ui == "fr" else text


def shorten(text: str, width: int) -> str:
    """The text on one line, cut with an ellipsis to at most `width` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
