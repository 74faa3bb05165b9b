"""Grading a class: the agreement of each student and of the class majority with framing's
sentence labels (share and Cohen's kappa), the agreement among students (Fleiss' kappa), the
votes on each sentence, and the sentences where the class and framing disagree most.

Labels are the worksheet's letters P, N, C; a sentence is a unit (article id, sentence number).
"""

from __future__ import annotations

from collections import Counter

from framing.agreement import cohen_kappa, fleiss_kappa

CHART_SENTENCES = 15  # the disagreement chart shows at most this many sentences
# The columns of grades.csv (one row per student) and sentences.csv (one row per sentence).
GRADE_COLUMNS = ("student", "answered", "sentences", "agreement_tool", "kappa_tool",
                 "agreement_class", "kappa_class", "copied_agreement")
SENTENCE_COLUMNS = ("article", "number", "sentence", "tool", "votes_P", "votes_N", "votes_C",
                    "answers", "majority", "disagreement", "copied_tool", "copied_yes",
                    "copied_answers", "text")


def grade(exercise: dict, answers: list[dict]) -> dict:
    """Agreement of each student and of the class with framing and with each other."""
    units = [(a["id"], s["n"]) for a in exercise["articles"] for s in a["sentences"]]
    sentence_of = {(a["id"], s["n"]): s for a in exercise["articles"] for s in a["sentences"]}
    number_of = {a["id"]: a["number"] for a in exercise["articles"]}
    tool = {u: sentence_of[u]["label"] for u in units}
    students, labels, copied = _by_student(answers)
    sentences, majority = _sentence_votes(units, sentence_of, number_of, students, labels, copied)
    per_student = [_student_figures(units, sentence_of, majority, labels[name], copied[name],
                                    name) for name in students]
    graded = [s for s in students if labels[s]]
    return {
        "students": per_student,
        "class": _class_figures(units, tool, majority, graded, labels),
        "sentences": sentences,
    }


def _by_student(answers: list[dict]) -> tuple[list[str], dict[str, dict], dict[str, dict]]:
    """(students in order of first answer, each one's label by unit, each one's copied by
    unit); a blank label or copied is not an answer."""
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
    return students, labels, copied


def _sentence_votes(units: list, sentence_of: dict, number_of: dict, students: list[str],
                    labels: dict, copied: dict) -> tuple[list[dict], dict]:
    """(one row per sentence: the class's votes, its majority, its disagreement with framing and
    its "copied" answers; the majority label of each unit that has one, ties left out)."""
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
        tool = s["label"]
        sentences.append({
            "article": u[0], "number": number_of[u[0]], "sentence": u[1], "text": s["text"],
            "tool": tool, "votes": {k: votes.get(k, 0) for k in "PNC"}, "answers": total,
            "majority": winner,
            "disagreement": round(1 - votes.get(tool, 0) / total, 4) if total else None,
            "copied_tool": s["copied"],
            "copied_yes": sum(said_copied), "copied_answers": len(said_copied),
        })
    return sentences, majority


def _student_figures(units: list, sentence_of: dict, majority: dict, mine: dict,
                     copied: dict, name: str) -> dict:
    """One student's row: how many answered, agreement and kappa with framing and with the
    class majority, and agreement on "copied" where framing checked the sources."""
    answered = [u for u in units if u in mine]
    with_tool = [mine[u] for u in answered], [sentence_of[u]["label"] for u in answered]
    vs_class = [u for u in answered if u in majority]
    with_class = [mine[u] for u in vs_class], [majority[u] for u in vs_class]
    copy_units = [u for u in units if u in copied and sentence_of[u]["copied"] is not None]
    return {
        "student": name, "answered": len(answered), "sentences": len(units),
        "agreement_tool": _share(*with_tool), "kappa_tool": _kappa(*with_tool),
        "agreement_class": _share(*with_class),
        "kappa_class": _kappa(*with_class),
        "copied_agreement": _share([copied[u] for u in copy_units],
                                   [sentence_of[u]["copied"] for u in copy_units]),
    }


def _class_figures(units: list, tool: dict, majority: dict, graded: list[str],
                   labels: dict) -> dict:
    """Fleiss' kappa over the sentences every graded student answered, and the class
    majority's agreement with framing."""
    everyone = [u for u in units if graded and all(u in labels[s] for s in graded)]
    fleiss = None
    if len(graded) >= 2 and everyone:
        table = [[sum(1 for s in graded if labels[s][u] == k) for k in "PNC"] for u in everyone]
        fleiss = fleiss_kappa(table)
    with_majority = [u for u in units if u in majority]
    class_tool = [majority[u] for u in with_majority], [tool[u] for u in with_majority]
    return {
        "students": len(graded), "sentences": len(units),
        "fleiss_kappa": fleiss, "fleiss_sentences": len(everyone),
        "majority_sentences": len(with_majority),
        "majority_agreement_tool": _share(*class_tool),
        "majority_kappa_tool": _kappa(*class_tool),
    }


def _share(a: list, b: list) -> float | None:
    return round(sum(x == y for x, y in zip(a, b)) / len(a), 4) if a else None


def _kappa(a: list, b: list) -> float | None:
    return round(cohen_kappa(a, b), 4) if a else None


def most_disagreed(result: dict, limit: int = CHART_SENTENCES) -> list[dict]:
    """The sentences where the fewest students chose framing's label (at least one disagreed),
    most disagreement first, then the most answers, then reading order."""
    rows = [s for s in result["sentences"] if s["answers"] and s["disagreement"]]
    rows.sort(key=lambda s: (-s["disagreement"], -s["answers"], s["number"], s["sentence"]))
    return rows[:limit]
