"""The classroom's printable HTML pages (A4): the explanation of articles, the worksheet and its
answers, and the class's debrief. Every piece of article or student text goes through
`framing.html.escape`; the pages share one print style sheet, PRINT_STYLE."""

from __future__ import annotations

from collections import Counter

from framing.classroom.explanation import explanation_parts, reuse_line, speakers_line
from framing.classroom.grading import most_disagreed
from framing.classroom.ui import UI, counted, number, percent, percent_or_dash, pick, shorten
from framing.html import escape, legend, mark_tag, page, titled_mark, without_links
from framing.marks import Mark, draw, pieces

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
.how{font-size:.85em;color:#444;margin-top:.2em;font-style:italic}
.reading p{margin:.4em 0} .reading{border:1px solid #999;padding:.2em .8em;margin:.8em 0}
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
        parts.append(legend(UI[ui]["legend"]))
        for block in explanation_parts(facts, ui):
            if block["head"]:
                parts.append(f"<h2>{escape(block['head'])}</h2>")
            tag = "li" if block["head"] and block["lines"] and len(block["lines"]) > 1 else "p"
            if tag == "li":
                parts.append("<ul>")
            for line in block["lines"]:
                parts.append(f"<{tag}>{draw(line, mark_tag, escape)}</{tag}>")
            if tag == "li":
                parts.append("</ul>")
        parts.append("</section>")
    title = UI[lang]["why"].format(label="…") if len(items) != 1 else \
        UI[lang]["why"].format(label=UI[lang]["label"][items[0][0]["label"]])
    return page(title, "\n".join(parts), style=PRINT_STYLE, lang=lang)


def worksheet_html(exercise: dict, answers: bool = False) -> str:
    """The printable worksheet (A4), or with `answers` the same sheet filled in by framing."""
    ui = exercise["ui"]
    t = UI[ui]
    title = t["answers"] if answers else t["worksheet"]
    parts = [f"<h1>{escape(title)}</h1>"]
    if not answers:
        parts.append(f"<p class=\"name\">{escape(t['name'])} : <span></span></p>" if ui == "fr"
                     else f"<p class=\"name\">{escape(t['name'])}: <span></span></p>")
    copying = bool(exercise.get("sources"))  # the copying column needs a release to read
    parts.append(f"<p>{escape(t['instructions'])}"
                 + (f" {escape(t['instructions.copied'])}" if copying else "") + "</p>")
    if answers:
        parts.append(legend(t["legend"]))
        if any(s["passage"] for a in exercise["articles"] for s in a["sentences"]):
            parts.append(f"<p class=\"muted\">{escape(t['similarity_note'])}</p>")
    elif copying:
        parts.append(_reading(exercise["sources"], t, ui))
    for article in exercise["articles"]:
        parts.append(_article_sheet(article, exercise, t, answers))
    if answers:
        parts.append(f"<section class=\"article-block\"><h2>{escape(t['wrong_head'])}</h2><ul>"
                     + "".join(f"<li>{escape(w)}</li>" for w in t["wrong"]) + "</ul></section>")
    return page(title, "\n".join(parts), style=PRINT_STYLE, lang=ui)


def _reading(sources: list[dict], t: dict, ui: str) -> str:
    """The press releases as a reading, each under its name, paragraph by paragraph."""
    head = pick(t["reading_head"], len(sources), ui)
    out = [f"<section class=\"reading\"><h2>{escape(head)}</h2>"]
    for source in sources:
        if len(sources) > 1:
            out.append(f"<h3>{escape(source['name'])}</h3>")
        # A crawled release's Markdown leftovers ("[Newsroom](#)") read as their text.
        paragraphs = [" ".join(without_links(p).split()) for p in source["text"].split("\n\n")]
        out += [f"<p>{escape(p)}</p>" for p in paragraphs if p]
    out.append("</section>")
    return "\n".join(out)


def article_name(article: dict, t: dict) -> str:
    """How the sheets name an article: "Article 2 — its title", or "Article 2" (never its id,
    often a file name with a hash)."""
    name = f"{t['article']} {article['number']}"
    return f"{name} — {article['title']}" if article.get("title") else name


def _article_sheet(article: dict, exercise: dict, t: dict, answers: bool) -> str:
    ui = exercise["ui"]
    copying = bool(exercise.get("sources"))
    out = [f"<section class=\"article-block\"><h2>{escape(article_name(article, t))}</h2>",
           (f"<p class=\"muted\">{escape(article['language'])} · "
            f"{escape(counted(len(article['sentences']), 'sentence', ui))}</p>")]
    if answers:
        counts = Counter(s["label"] for s in article["sentences"])
        said = t["tool_label"].format(label=t["label"][article["label"]], p=counts["P"],
                                      n=counts["N"], c=counts["C"],
                                      chooser=t["chooser"][article.get("by", "lexicon")])
        out.append(f"<p><strong>{escape(said)}</strong></p>")
    copied_head = f"<th>{escape(t['col.copied'])}</th>" if copying else ""
    out.append("<table class=\"sheet\"><thead><tr>"
               f"<th>{escape(t['col.n'])}</th><th>{escape(t['col.sentence'])}</th>"
               f"<th>P</th><th>N</th><th>C</th>{copied_head}</tr></thead><tbody>")
    names = {s["id"]: s["name"] for s in exercise.get("sources", [])}
    out += [_sentence_row(s, t, ui, answers, copying, names) for s in article["sentences"]]
    out.append("</tbody></table>")
    out.append(f"<h3>{escape(t['questions'])}</h3>")
    questions = ("q.speakers", "q.sovereignty", "q.missing") + (("q.source",) if copying else ())
    for key in questions:
        out.append(f"<div class=\"question\"><p><strong>{escape(t[key])}</strong></p>")
        if answers:
            out.append(f"<p class=\"answer\">{escape(_answer(key, article, exercise, t))}</p>")
        else:
            out.append("<div class=\"lines\"></div><div class=\"lines\"></div>")
        out.append("</div>")
    out.append("</section>")
    return "\n".join(out)


def _sentence_row(s: dict, t: dict, ui: str, answers: bool, copying: bool,
                  names: dict) -> str:
    """One sentence of the sheet: its number, its text (in the answers: its evidence marked,
    how it was labelled when the marks do not say it, the release passage it copies), the boxes
    P N C and, with a release, the box "copied"."""
    body = _marked_sentence(s) if answers else escape(s["text"])
    if answers:
        how = _how(s, t)
        body += f"<div class=\"how\">{escape(how)}</div>" if how else ""
        if s["passage"]:
            p = s["passage"]
            head = _passage_head(p, t, ui, names)
            body += (f"<div class=\"passage\">[{p['number']}] {escape(head)} "
                     f"{escape(shorten(p.get('source_text', ''), 220))}</div>")
    ticks = "".join(f"<td class=\"tick\">{_box(answers and s['label'] == letter, letter)}</td>"
                    for letter in "PNC")
    copied = ""
    if copying:
        box = "—" if answers and s["copied"] is None else _box(answers and bool(s["copied"]), "X")
        copied = f"<td class=\"copied\">{box}</td>"
    return f"<tr><td class=\"n\">{s['n']}</td><td>{body}</td>{ticks}{copied}</tr>"


LETTER_LABELS = {"P": "promotional", "N": "neutral", "C": "critical"}


def _how(s: dict, t: dict) -> str | None:
    """How the model labelled a sentence when its highlighted words do not say it: against the
    lexicon's own label, or with no word of the lexicon on its side; None otherwise (the
    lexicon labelled it, and its words are marked)."""
    if s.get("by") != "model":
        return None
    side = LETTER_LABELS[s["label"]]
    label = t["label_f"][side]
    if side != "neutral" and not any(e["effect"] == side for e in s["evidence"]):
        return t["how.model_alone"].format(label=label)
    lexicon = s.get("lexicon_label") or s["label"]
    if lexicon != s["label"]:
        return t["how.model_differs"].format(label=label,
                                             lexicon=t["label_f"][LETTER_LABELS[lexicon]])
    return None


def _passage_head(p: dict, t: dict, ui: str, names: dict) -> str:
    """The release passage a sentence copies, its kind and what its figure means."""
    release = names.get(p["source"], t["release"])
    if p["kind"] == "translated":
        return t["passage.translated"].format(release=release, score=number(p["similarity"], ui))
    kind = t["reuse_kind"].get(p["kind"], p["kind"])
    return t["passage.copied"].format(release=release, kind=kind,
                                      share=percent(p["similarity"], ui))


def _answer(key: str, article: dict, exercise: dict, t: dict) -> str:
    """framing's answer to one of the worksheet's questions about an article."""
    ui = exercise["ui"]
    if key == "q.speakers":
        return speakers_line(article, t, ui)
    if key == "q.sovereignty":
        s = article["sovereignty"]
        if s["stance"] == "none" or s["sentence"] is None:
            said = t["sovereignty.none"]
        else:
            text = article["sentences"][s["sentence"] - 1]["text"]
            said = t[f"sovereignty.{s['stance']}"].format(n=s["sentence"],
                                                          text=shorten(text, 200))
        if s["laws"]:
            said += " " + t["laws"].format(laws=", ".join(s["laws"]))
        return said
    if key == "q.missing":
        return t["a.missing"].format(names=", ".join(article["speakers"]) or "—")
    reuse = article["reuse"]
    said = reuse_line(reuse, t, ui, {s["id"]: s["name"] for s in exercise.get("sources", [])})
    if reuse is None or reuse["kind"] == "none":
        return said
    return said + " " + t["a.source"]  # and the sentences ticked "copied" on the sheet


def _box(on: bool, letter: str) -> str:
    return (f"<span class=\"box on\" aria-label=\"{escape(letter)}\">{escape(letter)}</span>"
            if on else "<span class=\"box\"></span>")


def _marked_sentence(s: dict) -> str:
    """The sentence with its evidence marked (offsets into the sentence), on one line."""
    marks = [Mark(e["start"], e["end"], e["effect"], e["context"]) for e in s["evidence"]]
    html = draw(pieces(s["raw"], marks), titled_mark, escape)
    return " ".join(html.split())


def summary_html(exercise: dict, result: dict, errors: list[str], chart: bool) -> str:
    """The printable debrief: the class's figures, each student, the sentences of most
    disagreement with framing's evidence, and the rows that were not graded."""
    ui = exercise["ui"]
    t = UI[ui]
    parts = [f"<h1>{escape(t['summary'])}</h1>", *_class_table(result["class"], t, ui),
             *_students_table(result["students"], t, ui),
             *_disagreement_table(exercise, result, chart, t, ui)]
    if errors:
        parts.append(f"<h2 class=\"error\">{escape(t['rejected_head'])} ({len(errors)})</h2><ul>")
        parts += [f"<li>{escape(e)}</li>" for e in errors]
        parts.append("</ul>")
    parts.append(f"<h2>{escape(t['wrong_head'])}</h2><ul>"
                 + "".join(f"<li>{escape(w)}</li>" for w in t["wrong"]) + "</ul>")
    return page(t["summary"], "\n".join(parts), style=PRINT_STYLE, lang=ui)


def _class_table(c: dict, t: dict, ui: str) -> list[str]:
    """The class's figures: students, Fleiss' kappa, the majority against framing."""
    fleiss = number(c["fleiss_kappa"], ui)
    fleiss_on = pick(t["fleiss_on"], c["fleiss_sentences"], ui).format(k=c["fleiss_sentences"])
    of = pick(t["majority_of"], c["majority_sentences"], ui).format(k=c["majority_sentences"])
    return [f"<h2>{escape(t['class_head'])}</h2>",
            "<table class=\"sheet\"><tbody>",
            f"<tr><th>{escape(t['students'])}</th><td>{c['students']}</td></tr>",
            (f"<tr><th>{escape(t['fleiss'])}</th><td>{escape(fleiss)} "
             f"({escape(fleiss_on)})</td></tr>"),
            (f"<tr><th>{escape(t['majority_head'])}</th><td>"
             f"{escape(percent_or_dash(c['majority_agreement_tool'], ui))} {escape(of)}"
             f"{' ;' if ui == 'fr' else ';'} κ "
             f"{escape(number(c['majority_kappa_tool'], ui))}</td></tr>"),
            "</tbody></table>", f"<p class=\"muted\">{escape(t['kappa_note'])}</p>"]


def _students_table(students: list[dict], t: dict, ui: str) -> list[str]:
    """One row per student: answers, agreement and kappa with framing and with the class."""
    parts = [f"<h2>{escape(t['students_head'])}</h2><table class=\"sheet\"><thead><tr>"]
    heads = ("col.student", "head.answered", "head.acc_tool", "head.kappa_tool",
             "head.acc_class", "head.kappa_class", "head.copied_agree")
    parts.append("".join(f"<th>{escape(t[h])}</th>" for h in heads) + "</tr></thead><tbody>")
    for s in students:
        cells = [escape(s["student"]), f"{s['answered']} / {s['sentences']}",
                 percent_or_dash(s["agreement_tool"], ui), number(s["kappa_tool"], ui),
                 percent_or_dash(s["agreement_class"], ui), number(s["kappa_class"], ui),
                 percent_or_dash(s["copied_agreement"], ui)]
        parts.append("<tr>" + "".join(f"<td>{escape(x) if i else x}</td>"
                                      for i, x in enumerate(cells)) + "</tr>")
    parts.append("</tbody></table>")
    return parts


def _disagreement_table(exercise: dict, result: dict, chart: bool, t: dict,
                        ui: str) -> list[str]:
    """The chart, then the sentences of most disagreement with framing's evidence marked."""
    parts = [f"<h2>{escape(t['disagree_head'])}</h2>"]
    if chart:
        parts.append("<p class=\"charts\"><img src=\"disagreement.svg\" "
                     f"alt=\"{escape(t['disagree_head'])}\"></p>")
    sentences = {(a["id"], s["n"]): s for a in exercise["articles"] for s in a["sentences"]}
    parts.append(legend(t["legend"]))
    parts.append("<table class=\"sheet\"><thead><tr>"
                 f"<th>{escape(t['article'])}</th><th>{escape(t['col.n'])}</th>"
                 f"<th>{escape(t['col.sentence'])}</th><th>{escape(t['head.votes'])}</th>"
                 f"<th>{escape(t['head.majority'])}</th><th>{escape(t['head.tool'])}</th>"
                 f"<th>{escape(t['head.disagree'])}</th></tr></thead><tbody>")
    for s in most_disagreed(result):
        votes = " / ".join(str(s["votes"][k]) for k in "PNC")
        parts.append(f"<tr><td>{s['number']}</td><td class=\"n\">{s['sentence']}</td>"
                     f"<td>{_marked_sentence(sentences[(s['article'], s['sentence'])])}</td>"
                     f"<td>{votes}</td><td>{escape(s['majority'] or t['tie'])}</td>"
                     f"<td>{escape(s['tool'])}</td>"
                     f"<td>{escape(percent_or_dash(s['disagreement'], ui))}</td></tr>")
    parts.append("</tbody></table>")
    return parts
