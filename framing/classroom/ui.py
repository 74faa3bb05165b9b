"""The classroom's interface in words: the English and French strings side by side in one table,
`STRINGS`, and each language's own table, `UI`; the labels and the worksheet's letters for them,
and how numbers are written in each language."""

from __future__ import annotations

from framing.classroom.ui_added import ADDED_STRINGS
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
    # singular and plural: counted(n, noun, ui) writes "1 sentence", "2 sentences"
    "nouns": {
        "sentence": (("sentence", "sentences"), ("phrase", "phrases")),
        "quote": (("direct quote", "direct quotes"), ("citation directe", "citations directes")),
        "student": (("student", "students"), ("élève", "élèves")),
        "passage": (("passage", "passages"), ("passage", "passages")),
        "word": (("word", "words"), ("mot", "mots")),
        "promotional": (("promotional", "promotional"), ("promotionnelle", "promotionnelles")),
        "critical": (("critical", "critical"), ("critique", "critiques")),
    },
    # a sentence's label as an adjective of "sentence" (French: feminine)
    "label_f": {
        "promotional": ("promotional", "promotionnelle"),
        "neutral": ("neutral", "neutre"),
        "critical": ("critical", "critique"),
    },
    "why": ("Why framing rates this article {label}", "Pourquoi framing juge cet article {label}"),
    # {"one": ..., "many": ...}: chosen by `pick` from a count (see each one's comment)
    "because.promotional": {  # by k
        "one": (
            ("Rated {label} because {k} of its {n} is promotional (it praises or sells), "
             "{voice}."),
            ("Jugé {label} parce que {k} de ses {n} fait la promotion (elle vante ou vend), "
             "{voice}.")),
        "many": (
            ("Rated {label} because {k} of its {n} are promotional (they praise or sell), "
             "{voice}."),
            ("Jugé {label} parce que {k} de ses {n} font la promotion (elles vantent ou "
             "vendent), {voice}.")),
    },
    "because.critical": {  # by k
        "one": (
            "Rated {label} because {k} of its {n} questions or criticises, {voice}.",
            "Jugé {label} parce que {k} de ses {n} questionne ou critique, {voice}."),
        "many": (
            "Rated {label} because {k} of its {n} question or criticise, {voice}.",
            "Jugé {label} parce que {k} de ses {n} questionnent ou critiquent, {voice}."),
    },
    "voice.mixed": (
        "{w} of them in the writer's own voice and {o} in quotes or reported speech",
        ("dont {w} dans la voix même du rédacteur et {o} dans des citations ou au discours "
         "rapporté")),
    "voice.writer": {  # by the sentences with a lexicon cue
        "one": ("in the writer's own voice", "dans la voix même du rédacteur"),
        "many": ("all in the writer's own voice", "toutes dans la voix même du rédacteur"),
    },
    "voice.others": {  # by the sentences with a lexicon cue
        "one": ("in a quote or reported speech", "dans une citation ou au discours rapporté"),
        "many": (
            "all in quotes or reported speech",
            "toutes dans des citations ou au discours rapporté"),
    },
    "voice.cued": (
        "{c} with a word of the lexicon ({voice}) and {m}",
        "{c} avec un mot du lexique ({voice}) et {m}"),
    "voice.model_part": {  # by the sentences the model labelled without a lexicon cue
        "one": (
            "{m} marked by the trained model alone, without any word of the lexicon",
            "{m} classée par le modèle entraîné seul, sans aucun mot du lexique"),
        "many": (
            "{m} marked by the trained model alone, without any word of the lexicon",
            "{m} classées par le modèle entraîné seul, sans aucun mot du lexique"),
    },
    "voice.model": {  # by k
        "one": (
            "marked by the trained model alone, without any word of the lexicon",
            "classée par le modèle entraîné seul, sans aucun mot du lexique"),
        "many": (
            "all marked by the trained model alone, without any word of the lexicon",
            "toutes classées par le modèle entraîné seul, sans aucun mot du lexique"),
    },
    "because.neutral": {  # by k
        "one": (
            ("Rated {label}: {k} of its {n} is neutral (no praise or criticism framing "
             "recognises); {p}, {c}."),
            ("Jugé {label} : {k} de ses {n} est neutre (ni éloge ni critique que framing "
             "reconnaisse) ; {p}, {c}.")),
        "many": (
            ("Rated {label}: {k} of its {n} are neutral (no praise or criticism framing "
             "recognises); {p}, {c}."),
            ("Jugé {label} : {k} de ses {n} sont neutres (ni éloge ni critique que framing "
             "reconnaisse) ; {p}, {c}.")),
    },
    "closing": {  # by c, the critical sentences in the last fifth; "only" when k is 1
        "only": (
            ("The only critical sentence comes in the last fifth: the article ends on a "
             "critical note."),
            ("La seule phrase critique est dans le dernier cinquième : l’article se termine "
             "sur une note critique.")),
        "one": (
            ("{c} of the {k} critical sentences comes in the last fifth: the article ends on a "
             "critical note."),
            ("{c} des {k} phrases critiques est dans le dernier cinquième : l’article se termine "
             "sur une note critique.")),
        "many": (
            ("{c} of the {k} critical sentences come in the last fifth: the article ends on a "
             "critical note."),
            ("{c} des {k} phrases critiques sont dans le dernier cinquième : l’article se "
             "termine sur une note critique.")),
    },
    "no_critical": ("No sentence is critical.", "Aucune phrase n’est critique."),
    "one_critical": (
        "The only critical sentence is sentence {n}: “{text}”",
        "La seule phrase critique est la phrase {n} : « {text} »"),
    "also_promotional": {  # by o, those in quotes or reported speech ("one" and "many": o > 0)
        "none": ("It also has {k} promotional sentences.",
                 "Il compte aussi {k} phrases promotionnelles."),
        "one": (
            ("It also has {k} promotional sentences, {o} of them in a quote or reported speech: "
             "someone else does the praising."),
            ("Il compte aussi {k} phrases promotionnelles, dont {o} dans une citation ou au "
             "discours rapporté : quelqu’un d’autre fait l’éloge.")),
        "many": (
            ("It also has {k} promotional sentences, {o} of them in quotes or reported speech: "
             "others do the praising."),
            ("Il compte aussi {k} phrases promotionnelles, dont {o} dans des citations ou au "
             "discours rapporté : d’autres font l’éloge.")),
    },
    "few_promotional": (
        "The only promotional sentence is sentence {n}: “{text}”",
        "La seule phrase promotionnelle est la phrase {n} : « {text} »"),
    "classifier_differs": (
        "The label comes from the trained model; the lexicon alone would say {lexicon}.",
        "Le jugement vient du modèle entraîné ; le lexique seul dirait {lexicon}."),
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
        "Quoted: {names} ({q}, {share} of the words).",
        "Cités : {names} ({q}, {share} des mots)."),
    "speakers_unnamed": (
        "{q} ({share} of the words); no speaker named.",
        "{q} ({share} des mots) ; aucun nom trouvé."),
    "no_quotes": ("No one is quoted directly.", "Personne n’est cité directement."),
    "who_missing": ("Who is not quoted?", "Qui n’est pas cité ?"),
    "reuse_head": ("The press release", "Le communiqué de presse"),
    "reuse": (
        ("{share} of the article comes from the {source} ({kind}); it reproduces {sshare} of "
         "the release."),
        "{share} de l’article vient du {source} ({kind}) ; il reprend {sshare} du communiqué."),
    "reuse_kind": {
        "verbatim": ("copied word for word", "mot pour mot"),
        "partial": ("in part", "en partie"),
        "near": ("nearly word for word", "presque mot pour mot"),
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
         "C if it criticises or raises a doubt."),
        ("Lisez chaque phrase. Cochez P si elle fait la promotion (vante, vend), N si elle "
         "informe de façon neutre, C si elle critique ou émet un doute.")),
    "instructions.copied": (
        ("Read the press release first. Tick the last box if you think a sentence was copied "
         "(or translated) from it."),
        ("Lisez d’abord le communiqué de presse. Cochez la dernière case si vous pensez qu’une "
         "phrase en est copiée (ou traduite).")),
    "reading_head": {  # by the number of releases
        "one": ("Reading: the press release", "À lire : le communiqué de presse"),
        "many": ("Reading: the press releases", "À lire : les communiqués de presse"),
    },
    "release": ("press release", "communiqué de presse"),
    "release_n": ("press release {n}", "communiqué {n}"),
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
        "framing's label, chosen by {chooser}: {label} (sentences: {p} P, {n} N, {c} C).",
        "Jugement de framing, choisi par {chooser} : {label} (phrases : {p} P, {n} N, {c} C)."),
    "chooser": {
        "model": ("the trained model", "le modèle entraîné"),
        "lexicon": ("the lexicon", "le lexique"),
    },
    "legend": {
        "promotional": ("promotional word (lexicon)", "mot promotionnel (lexique)"),
        "critical": ("critical word (lexicon)", "mot critique (lexique)"),
        "sovereignty": ("sovereignty / foreign law", "souveraineté / loi étrangère"),
    },
    # How a sentence of the answers was labelled, when the highlighted words do not say it.
    "how.model_alone": (
        "The trained model marked this sentence {label}; no word of the lexicon marks it.",
        "Le modèle entraîné a classé cette phrase {label} ; aucun mot du lexique ne la marque."),
    "how.model_differs": (
        ("The trained model marked this sentence {label}; the lexicon alone would mark it "
         "{lexicon}."),
        ("Le modèle entraîné a classé cette phrase {label} ; le lexique seul la classerait "
         "{lexicon}.")),
    "passage.copied": (
        "{release}, {kind}: {share} of the words in common, in the same order —",
        "{release}, {kind} : {share} des mots en commun, dans le même ordre —"),
    "passage.translated": (
        "{release}, translated: similarity {score} —",
        "{release}, traduit : similarité {score} —"),
    "similarity_note": (
        ("The figure beside a passage of the release: for a passage copied word for word or "
         "nearly, the share of the words of the longer of the two passages (the article's or "
         "the release's) that are found in the other, in runs of at least 3 words in the same "
         "order (0.82 = 82%). For a translated passage, a score from 0 to 1 of the numbers, "
         "names and key words the two sentences share, rare ones counting more (1 = they share "
         "all of them)."),
        ("Le chiffre à côté d’un passage du communiqué : pour un passage copié mot pour mot ou "
         "presque, la part des mots du plus long des deux passages (celui de l’article ou celui "
         "du communiqué) que l’on retrouve dans l’autre, par suites d’au moins 3 mots dans le "
         "même ordre (0,82 = 82 %). Pour un passage traduit, une note de 0 à 1 des nombres, "
         "noms et mots clés que les deux phrases partagent, les plus rares comptant davantage "
         "(1 = elles les partagent tous).")),
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
            ("Sentences are labelled by what labelled the article: the trained model when one "
             "is loaded, else the lexicon. The highlighted words are the lexicon's; the model "
             "can mark a sentence that has none, and a note under the sentence then says so."),
            ("Les phrases sont classées par ce qui a classé l’article : le modèle entraîné "
             "quand il est chargé, sinon le lexique. Les mots surlignés sont ceux du lexique ; "
             "le modèle peut classer une phrase qui n’en a aucun, et une note sous la phrase le "
             "dit alors.")),
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
    # the debrief's table headers, for a teacher who reads them once
    "head.answered": ("sentences answered", "phrases répondues"),
    "head.acc_tool": (
        "same answer as framing (% of the sentences answered)",
        "même réponse que framing (% des phrases répondues)"),
    "head.kappa_tool": (
        "κ with framing (agreement beyond chance)",
        "κ avec framing (accord au-delà du hasard)"),
    "head.acc_class": (
        "same answer as the class majority (%)",
        "même réponse que la majorité de la classe (%)"),
    "head.kappa_class": ("κ with the class majority", "κ avec la majorité de la classe"),
    "head.copied_agree": (
        "“copied” ticked as framing did (%)",
        "« copiée » cochée comme framing (%)"),
    "head.votes": ("students who ticked P / N / C", "élèves ayant coché P / N / C"),
    "head.majority": ("the class majority's answer", "réponse de la majorité de la classe"),
    "head.tool": ("framing's answer", "réponse de framing"),
    "head.disagree": (
        "share of the class that did not give framing's answer",
        "part de la classe qui n’a pas donné la réponse de framing"),
    "col.tool": ("framing", "framing"),
    "col.class": ("class", "classe"),
    "fleiss": ("Fleiss' κ across students", "κ de Fleiss entre élèves"),
    "fleiss_on": {  # by k
        "one": (
            "on the {k} sentence every student answered",
            "sur la {k} phrase à laquelle tous les élèves ont répondu"),
        "many": (
            "on the {k} sentences every student answered",
            "sur les {k} phrases auxquelles tous les élèves ont répondu"),
    },
    "majority_head": (
        "Sentences where the class majority gave framing's answer",
        "Phrases où la majorité de la classe a donné la réponse de framing"),
    "majority_of": {  # by the sentences with a majority (ties left out)
        "one": (
            "of the {k} sentence with a majority (ties left out)",
            "de la {k} phrase où une majorité se dégage (égalités exclues)"),
        "many": (
            "of the {k} sentences with a majority (ties left out)",
            "des {k} phrases où une majorité se dégage (égalités exclues)"),
    },
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

STRINGS.update(ADDED_STRINGS)
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


def singular(n: int, ui: str) -> bool:
    """Whether a count takes the singular: 1 in English, 0 and 1 in French."""
    return n == 1 or (ui == "fr" and n == 0)


def counted(n: int, noun: str, ui: str) -> str:
    """n with its noun (a key of STRINGS["nouns"]) in the right number: "1 citation directe",
    "2 citations directes", "0 phrase", "0 sentences"."""
    one, many = UI[ui]["nouns"][noun]
    return f"{n} {one if singular(n, ui) else many}"


def pick(variants: dict, n: int, ui: str) -> str:
    """The "one" or the "many" string of a table of variants, by the count `n`."""
    return variants["one" if singular(n, ui) else "many"]


def release_names(ids: list[str], ui: str) -> dict[str, str]:
    """What the sheets call each press release (by source id): "press release" when there is
    one, else "press release 1", "press release 2"... in the order given (never a hash id)."""
    t = UI[ui]
    if len(ids) == 1:
        return {ids[0]: t["release"]}
    return {source: t["release_n"].format(n=i) for i, source in enumerate(ids, 1)}


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
