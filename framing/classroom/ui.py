"""The classroom's interface in words: the English and French strings side by side in one table,
`STRINGS`, and each language's own table, `UI`; the labels and the worksheet's letters for them,
and how numbers are written in each language."""

from __future__ import annotations

from framing.labels import LABELS

LETTERS = {label: label[0].upper() for label in LABELS}  # P, N, C: the worksheet's boxes

# Every string once, in English then French, so that no key is missing from one language and a
# translator reads both side by side. A value is an (English, French) pair, or a table or a list
# of such pairs.
STRINGS = {
    # the explanation
    "label": {
        "promotional": ("promotional", "promotionnel"),
        "neutral": ("neutral", "neutre"),
        "critical": ("critical", "critique"),
    },
    "why": ("Why framing rates this article {label}", "Pourquoi framing juge cet article {label}"),
    "because.promotional": (
        ("Rated {label} because {k} of its {n} sentences are promotional (they praise or sell), "
         "{voice}."),
        ("Jugé {label} parce que {k} de ses {n} phrases font la promotion (elles vantent ou "
         "vendent), {voice}.")),
    "because.critical": (
        "Rated {label} because {k} of its {n} sentences question or criticise, {voice}.",
        "Jugé {label} parce que {k} de ses {n} phrases questionnent ou critiquent, {voice}."),
    "voice.mixed": (
        "{w} of them in the writer's own voice and {o} in quotes or reported speech",
        ("dont {w} dans la voix même du rédacteur et {o} dans des citations ou au discours "
         "rapporté")),
    "voice.writer": ("all in the writer's own voice", "toutes dans la voix même du rédacteur"),
    "voice.others": (
        "all in quotes or reported speech",
        "toutes dans des citations ou au discours rapporté"),
    "voice.cued": (
        ("{c} with a lexicon cue ({voice}) and {m} labelled by the trained model alone, from "
         "their wording and their article"),
        ("{c} avec un indice du lexique ({voice}) et {m} classées par le modèle entraîné seul, "
         "d’après leur formulation et leur article")),
    "voice.model": (
        "all labelled by the trained model alone, from their wording and article",
        "toutes classées par le modèle entraîné seul, d’après leur formulation et leur article"),
    "because.neutral": (
        ("Rated {label}: {k} of its {n} sentences are neutral (no praise or criticism framing "
         "recognises); {p} promotional, {c} critical."),
        ("Jugé {label} : {k} de ses {n} phrases sont neutres (ni éloge ni critique que framing "
         "reconnaisse) ; {p} promotionnelles, {c} critiques.")),
    "closing": (
        ("{c} of the {k} critical sentences come in the last fifth: the article ends on a "
         "critical note."),
        ("{c} des {k} phrases critiques sont dans le dernier cinquième : l’article se termine "
         "sur une note critique.")),
    "no_critical": ("No sentence is critical.", "Aucune phrase n’est critique."),
    "one_critical": (
        "The only critical sentence is sentence {n}: “{text}”",
        "La seule phrase critique est la phrase {n} : « {text} »"),
    "also_promotional": (
        ("It also has {k} promotional sentences, {o} of them in quotes or reported speech: "
         "others do the praising."),
        ("Il compte aussi {k} phrases promotionnelles, dont {o} dans des citations ou au "
         "discours rapporté : d’autres font l’éloge.")),
    "few_promotional": (
        "The only promotional sentence is sentence {n}: “{text}”",
        "La seule phrase promotionnelle est la phrase {n} : « {text} »"),
    "classifier_differs": (
        "The label comes from the trained classifier; the word lists alone would say {lexicon}.",
        ("Le jugement vient du classifieur entraîné ; les listes de mots seules diraient "
         "{lexicon}.")),
    "for": ("Strongest evidence for this label", "Les indices les plus forts pour ce jugement"),
    "against": ("Strongest evidence against it", "Les indices les plus forts contre"),
    "side.promotional": (
        "Strongest promotional evidence",
        "Les indices promotionnels les plus forts"),
    "side.critical": ("Strongest critical evidence", "Les indices critiques les plus forts"),
    "none_found": ("none found", "aucun"),
    "evidence_item": ("“{span}”, {context}, sentence {n}", "« {span} », {context}, phrase {n}"),
    "context": {
        "writer": ("in the writer's own voice", "dans la voix du rédacteur"),
        "quoted": ("inside a quote", "dans une citation"),
        "reported": ("in reported speech", "au discours rapporté"),
        "negated": ("negated by the writer", "nié par le rédacteur"),
        "question": ("asked as a question", "sous forme de question"),
    },
    "speakers_head": ("Who speaks", "Qui parle"),
    "speakers": (
        "Quoted: {names} ({q} direct quotes, {share} of the words).",
        "Cités : {names} ({q} citations directes, {share} des mots)."),
    "speakers_unnamed": (
        "{q} direct quotes ({share} of the words); no speaker named.",
        "{q} citations directes ({share} des mots) ; aucun nom trouvé."),
    "no_quotes": ("No one is quoted directly.", "Personne n’est cité directement."),
    "who_missing": ("Who is not quoted?", "Qui n’est pas cité ?"),
    "reuse_head": ("The press release", "Le communiqué de presse"),
    "reuse": (
        ("{share} of the article comes from {source} ({kind}); it reproduces {sshare} of the "
         "release."),
        "{share} de l’article vient de {source} ({kind}) ; il reprend {sshare} du communiqué."),
    "reuse_kind": {
        "verbatim": ("copied word for word", "mot pour mot"),
        "partial": ("in part", "en partie"),
        "translated": ("translated", "traduit"),
        "none": ("none", "aucun"),
    },
    "reuse_none": (
        "No passage of the releases given was found in the article.",
        "Aucun passage des communiqués donnés n’a été trouvé dans l’article."),
    "reuse_unchecked": (
        "Not checked: give the press release with --sources.",
        "Non vérifié : donner le communiqué avec --sources."),
    "sovereignty_head": ("Sovereignty", "Souveraineté"),
    "sovereignty.none": ("Sovereignty is not raised.", "La souveraineté n’est pas évoquée."),
    "sovereignty.question": (
        "Sovereignty is raised as a question (sentence {n}): “{text}”",
        "La souveraineté est posée comme une question (phrase {n}) : « {text} »"),
    "sovereignty.promise": (
        "Sovereignty is raised as a promise (sentence {n}): “{text}”",
        "La souveraineté est présentée comme une promesse (phrase {n}) : « {text} »"),
    "laws": ("Foreign law named: {laws}.", "Loi étrangère nommée : {laws}."),
    "caveat": (
        ("framing points to evidence; it is not a verdict. It can be wrong: check each sentence "
         "yourself."),
        ("framing montre des indices, pas un verdict. Il peut se tromper : vérifiez chaque "
         "phrase vous-même.")),
    "sentence": ("sentence", "phrase"),
    # worksheet and answers
    "worksheet": (
        "Worksheet: promotion or reporting?",
        "Fiche d’exercice : promotion ou information ?"),
    "answers": ("Answers: framing's reading", "Corrigé : la lecture de framing"),
    "name": ("Name", "Nom"),
    "instructions": (
        ("Read each sentence. Tick P if it promotes (praises, sells), N if it reports neutrally, "
         "C if it criticises or raises a doubt. Tick the last box if you think it was copied (or "
         "translated) from the press release."),
        ("Lisez chaque phrase. Cochez P si elle fait la promotion (vante, vend), N si elle "
         "informe de façon neutre, C si elle critique ou émet un doute. Cochez la dernière case "
         "si vous pensez qu’elle est copiée (ou traduite) du communiqué de presse.")),
    "article": ("Article", "Article"),
    "col.n": ("#", "n°"),
    "col.sentence": ("Sentence", "Phrase"),
    "col.copied": ("Copied?", "Copiée ?"),
    "questions": ("Questions", "Questions"),
    "q.speakers": (
        "Who speaks? Who is quoted, and who is not?",
        "Qui parle ? Qui est cité, et qui ne l’est pas ?"),
    "q.sovereignty": (
        "Is sovereignty raised? As a promise or as a question? In which sentence?",
        ("La souveraineté est-elle évoquée ? Comme une promesse ou comme une question ? Dans "
         "quelle phrase ?")),
    "q.missing": (
        "What is missing? What would you ask, and whom?",
        "Que manque-t-il ? Quelle question poseriez-vous, et à qui ?"),
    "q.source": (
        "Which parts look like the press release?",
        "Quelles parties ressemblent au communiqué de presse ?"),
    "a.missing": (
        ("framing cannot see what is absent. It found these voices: {names}. Whom else could the "
         "writer have asked?"),
        ("framing ne voit pas ce qui est absent. Il a trouvé ces voix : {names}. Qui d’autre le "
         "rédacteur aurait-il pu interroger ?")),
    "a.source": (
        "Sentences that framing aligns with the release are ticked in the last column.",
        "Les phrases que framing aligne avec le communiqué sont cochées dans la dernière colonne."),
    "tool_label": (
        "framing's label: {label} (sentences: {p} P, {n} N, {c} C).",
        "Jugement de framing : {label} (phrases : {p} P, {n} N, {c} C)."),
    "passage": ("release, {kind} {similarity}:", "communiqué, {kind} {similarity} :"),
    "wrong_head": ("Where the tool can be wrong", "Où l’outil peut se tromper"),
    "wrong": [
        (
            ("It reads words, not intentions: irony, understatement and praise without stock "
             "words escape it."),
            ("Il lit des mots, pas des intentions : l’ironie, la litote et l’éloge sans mots "
             "convenus lui échappent.")),
        (
            ("Praise inside a quote counts for little: a piece that only quotes enthusiastic "
             "people may come out neutral."),
            ("Un éloge entre guillemets compte peu : un article qui ne fait que citer des gens "
             "enthousiastes peut sortir neutre.")),
        (
            ("A question or a negation near a promotional word turns it critical, even when the "
             "writer agrees."),
            ("Une question ou une négation près d’un mot promotionnel le rend critique, même "
             "quand le rédacteur approuve.")),
        (
            ("Sentence labels come from word lists; the article's label may come from a trained "
             "classifier that reads the whole text, so the two can differ."),
            ("Les jugements des phrases viennent des listes de mots ; celui de l’article peut "
             "venir d’un classifieur entraîné qui lit tout le texte : les deux peuvent différer.")),
        (
            ("Translated passages are found sentence by sentence: a long sentence that "
             "translates part of the release counts in full (an overstatement)."),
            ("Les passages traduits sont trouvés phrase par phrase : une longue phrase qui "
             "traduit une partie du communiqué compte en entier (une surestimation).")),
        (
            "Page furniture (menus, captions, 'read also') is read as sentences.",
            "Le décor de la page (menus, légendes, « lire aussi ») est lu comme des phrases."),
    ],
    # grading
    "summary": ("Debrief: the class and framing", "Bilan : la classe et framing"),
    "class_head": ("The class", "La classe"),
    "students_head": ("Each student", "Chaque élève"),
    "disagree_head": (
        "Where the class and framing disagree most",
        "Là où la classe et framing divergent le plus"),
    "rejected_head": ("Rows not graded", "Lignes non notées"),
    "students": ("students", "élèves"),
    "sentences_answered": ("sentences answered", "phrases répondues"),
    "col.student": ("student", "élève"),
    "col.answered": ("answered", "réponses"),
    "col.acc_tool": ("agreement with framing", "accord avec framing"),
    "col.kappa_tool": ("Cohen's κ with framing", "κ de Cohen avec framing"),
    "col.acc_class": ("agreement with the class majority", "accord avec la majorité de la classe"),
    "col.kappa_class": ("Cohen's κ with the class majority", "κ de Cohen avec la majorité"),
    "col.copied_agree": ("“copied” agrees with framing", "« copiée » d’accord avec framing"),
    "col.votes": ("class votes (P/N/C)", "votes de la classe (P/N/C)"),
    "col.majority": ("class majority", "majorité de la classe"),
    "col.tool": ("framing", "framing"),
    "col.disagree": ("class not with framing", "classe en désaccord avec framing"),
    "col.class": ("class", "classe"),
    "fleiss": ("Fleiss' κ across students", "κ de Fleiss entre élèves"),
    "fleiss_on": (
        "on the {k} sentences every student answered",
        "sur les {k} phrases auxquelles tous les élèves ont répondu"),
    "majority_tool": ("class majority against framing", "majorité de la classe contre framing"),
    "tie": ("tie", "égalité"),
    "chart": {
        "tool": ("framing: {tool} ({agree}% agree)", "framing : {tool} ({agree} % d’accord)"),
        "axis": ("students' answers (% of the class)", "réponses des élèves (% de la classe)"),
        "legend": ("class answer", "réponse de la classe"),
        "note": (
            "{n} sentences (article·sentence), most disagreement first",
            "{n} phrases (article·phrase), les plus discutées d’abord"),
    },
    "kappa_note": (
        ("κ: 1 = perfect agreement, 0 = no better than chance; below 0.4 is weak, 0.4–0.6 "
         "moderate, above 0.6 substantial (Landis & Koch)."),
        ("κ : 1 = accord parfait, 0 = pas mieux que le hasard ; moins de 0,4 : faible, 0,4–0,6 : "
         "moyen, plus de 0,6 : fort (Landis et Koch).")),
}

LANGUAGES = ("en", "fr")  # in the order of each pair in STRINGS


def _side(value: tuple | dict | list, index: int) -> str | dict | list:
    """One language's side of a STRINGS value: the pair's string, tables and lists kept."""
    if isinstance(value, tuple):
        return value[index]
    if isinstance(value, dict):
        return {key: _side(inner, index) for key, inner in value.items()}
    return [_side(inner, index) for inner in value]


UI = {language: _side(STRINGS, index) for index, language in enumerate(LANGUAGES)}


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
