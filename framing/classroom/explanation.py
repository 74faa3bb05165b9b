"""What `framing explain` says about one article: the facts behind its label as plain data
(`explanation`), then those facts in words, as blocks of lines whose evidence is marked
(`explanation_parts`), for the terminal and the HTML page to render."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from framing.classroom.ui import LABELS, UI, counted, percent, pick
from framing.marks import Mark, pieces

if TYPE_CHECKING:  # the scorer is loaded only when an article is scored, not on import
    from framing.record import Record
    from framing.reuse.found import Reuse

EVIDENCE_SHOWN = 3  # strongest pieces of evidence for and against the label
EXCERPT_CHARS = 300  # an evidence sentence longer than this is cut around its evidence
# The writer's own voice: a cue in a plain sentence, or one the writer negates or questions.
WRITER_CONTEXTS = ("writer", "negated", "question")


def explanation(record: Record, text: str) -> dict:
    """The facts behind one record's label, as plain data (no wording): sentence counts by label
    and voice, where the critical sentences sit, the strongest evidence on each side with its
    sentence, the speakers, the reuse and the sovereignty stance with its sentence."""
    from framing.tone import closing_start

    f, a = record.framing, record.attribution
    sentences = f.sentences
    n = len(sentences)
    first_closing = closing_start(n) if n else 0
    counts = Counter(x.label for x in sentences)
    sentence = partial(_sentence_facts, sentences, text)
    return {
        "id": record.id, "title": record.title, "language": record.language,
        "label": f.label, "lexicon_label": f.lexicon_label, "method": f.method,
        "n_sentences": n, "counts": {label: counts.get(label, 0) for label in LABELS},
        "voice": _voices(sentences),
        "critical_in_closing": sum(1 for i, x in enumerate(sentences)
                                   if x.label == "critical" and i >= first_closing),
        "critical_sentences": [sentence(i) for i, x in enumerate(sentences)
                               if x.label == "critical"][:2],
        "promotional_sentences": [sentence(i) for i, x in enumerate(sentences)
                                  if x.label == "promotional"][:2],
        "evidence": _strongest_evidence(sentences, sentence),
        "speakers": list(a.speakers), "quotes": a.quotes, "quote_share": a.quote_share,
        "reuse": _reuse_facts(record.reuse), "sovereignty": _sovereignty_facts(record, sentence),
        "added": _added_facts(record, len(text)),
    }


def _sentence_facts(sentences: list, text: str, i: int) -> dict:
    """Sentence i (from 0) as plain data, numbered from 1, with its text."""
    x = sentences[i]
    return {"n": i + 1, "start": x.start, "end": x.end, "label": x.label,
            "text": text[x.start : x.end]}


def _voices(sentences: list) -> dict:
    """For each side, how many of its sentences carry a cue in the writer's voice, how many only
    in others' (quotes, reported speech), and how many the trained model labelled uncued."""
    voice = {}
    for label in ("promotional", "critical"):
        mine = [i for i, x in enumerate(sentences) if x.label == label]
        contexts = [{e.context for e in sentences[i].evidence if e.effect == label}
                    for i in mine]
        own = sum(1 for c in contexts if c & set(WRITER_CONTEXTS))
        cued = sum(1 for c in contexts if c)  # the rest were labelled by the trained model
        voice[label] = {"writer": own, "others": cued - own, "model": len(mine) - cued,
                        "sentences": [i + 1 for i in mine]}
    return voice


def _strongest_evidence(sentences: list, sentence: Callable[[int], dict]) -> dict:
    """The EVIDENCE_SHOWN heaviest cues of each side, each with its sentence."""
    evidence = {}
    for effect in ("promotional", "critical"):
        found = [(e, i) for i, x in enumerate(sentences) for e in x.evidence
                 if e.effect == effect]
        found.sort(key=lambda p: (-p[0].weight, p[0].start))
        evidence[effect] = [
            {"text": e.text, "start": e.start, "end": e.end, "weight": e.weight,
             "category": e.category, "context": e.context, "sentence": sentence(i)}
            for e, i in found[:EVIDENCE_SHOWN]]
    return evidence


def _sovereignty_facts(record: Record, sentence: Callable[[int], dict]) -> dict:
    """The stance, the laws named, and the sentence that carries the stance with its cues."""
    s, sentences = record.sovereignty, record.framing.sentences
    sovereignty = {"stance": s.stance, "laws": list(s.laws), "sentence": None, "spans": []}
    i = stance_sentence(record)
    if i is not None:
        sovereignty["sentence"] = sentence(i)
        sovereignty["spans"] = [(e.start, e.end) for e in s.evidence
                                if sentences[i].start <= e.start < sentences[i].end]
    return sovereignty


def _reuse_facts(r: Reuse | None) -> dict | None:
    """The reuse without its passages (only their number), or None when not checked."""
    if r is None:
        return None
    return {"kind": r.kind, "source": r.source, "article_share": r.article_share,
            "source_share": r.source_share, "passages": len(r.passages)}


def _added_facts(record: Record, length: int) -> dict | None:
    """What the newsroom added (framing.added_value) without the cue lists: the verdict, each
    part's share and reading, where the own part sits, and the shift's counts."""
    a = record.added_value
    if a is None:
        return None
    changes = Counter((c.change, c.category.split(".")[0]) for c in
                      (a.shift.changes if a.shift else []))
    return {
        "verdict": a.verdict, "reused_share": a.reused.share, "own_words": a.own.words,
        "own_label": a.own.label, "own_stance": a.own.stance,
        "own_where": own_where(a.own.spans, length),
        "independent_voices": a.independent_voices,
        "shift": None if a.shift is None else {
            "direction": a.shift.direction,
            "added": changes["added", "promotional"], "removed": changes["removed", "promotional"],
            "hedges": changes["removed", "hedging"], "hedges_added": changes["added", "hedging"],
        },
    }


def own_where(spans: list, length: int) -> str:
    """Where the longest stretch of an article's own part sits: "end" when it closes the
    article, "start" when it opens it (nothing but a tenth of the text before or after it),
    else "middle"."""
    if not spans or not length:
        return "middle"
    start, end = max(spans, key=lambda s: (s[1] - s[0], -s[0]))
    if length - end <= length / 10:
        return "end"
    if start <= length / 10:
        return "start"
    return "middle"


def added_lines(facts: dict, t: dict, ui: str, names: dict | None = None) -> list[str]:
    """What the newsroom added, in words a teacher can use: the verdict with its figures, the
    independent voices of the own part, and how the taken passages moved from the release."""
    added, reuse = facts.get("added"), facts.get("reuse")
    if added is None or reuse is None:
        return []
    source = (names or {}).get(reuse["source"], reuse["source"]) or t["release"]
    kind = t["reuse_kind"][reuse["kind"]]
    verdict = added["verdict"]
    own_label = added["own_label"] or "neutral"
    lines = [t["added"][verdict].format(
        share=percent(added["reused_share"], ui), source=source, kind=kind,
        words=counted(added["own_words"], "word", ui), where=t["added_where"][added["own_where"]],
        label=t["label_f"][own_label] if ui == "fr" else t["label"][own_label],
        sovereignty=t["added_sovereignty"][added["own_stance"]])]
    if verdict == "reprint":
        from framing.added_value import COMMENTARY_WORDS

        rest = "short" if added["own_words"] < COMMENTARY_WORDS else "plain"
        lines.append(t["added_reprint_rest"][rest].format(
            words=counted(added["own_words"], "word", ui)))
    if verdict == "original" and not added["reused_share"]:
        lines[0] = t["added_none"]
    n = added["independent_voices"]
    lines.append(pick(t["added_voices"], n, ui).format(n=n) if n else t["added_no_voices"])
    if added["shift"] is not None:
        lines.append(t["shift"][added["shift"]["direction"]].format(**added["shift"]))
    return lines


def stance_sentence(record: Record) -> int | None:
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
    blocks = [_why_block(facts, t, ui), *_evidence_blocks(facts, t)]
    blocks.append({"head": t["speakers_head"], "lines": [[(speakers_line(facts, t, ui), None)],
                                                        [(t["who_missing"], None)]]})
    reuse = reuse_line(facts["reuse"], t, ui, facts.get("source_names"))
    blocks.append({"head": t["reuse_head"], "lines": [[(reuse, None)]]})
    added = added_lines(facts, t, ui, facts.get("source_names"))
    if added:
        blocks.append({"head": t["added_head"], "lines": [[(line, None)] for line in added]})
    blocks.append(_sovereignty_block(facts, t))
    blocks.append({"head": None, "lines": [[(t["caveat"], None)]]})
    return blocks


def _because(facts: dict, t: dict, ui: str) -> str:
    """Why the label: how many sentences of that side there are, and in whose voice."""
    names, label = t["label"], facts["label"]
    n, counts, voice = facts["n_sentences"], facts["counts"], facts["voice"]
    of_n = counted(n, "sentence", ui)
    if label not in ("promotional", "critical"):
        k = counts["neutral"]
        return pick(t["because.neutral"], k, ui).format(
            label=names[label], k=k, n=of_n, p=counted(counts["promotional"], "promotional", ui),
            c=counted(counts["critical"], "critical", ui))
    v = voice[label]
    cued = v["writer"] + v["others"]
    said = "voice.others" if not v["writer"] else "voice.writer" if not v["others"] \
        else "voice.mixed"
    said = t[said] if said == "voice.mixed" else pick(t[said], cued, ui)
    said = said.format(w=v["writer"], o=v["others"])
    if v["model"]:  # sentences the trained model labelled without a lexicon cue
        model = pick(t["voice.model_part"], v["model"], ui).format(m=v["model"])
        said = (t["voice.cued"].format(c=cued, voice=said, m=model) if cued
                else pick(t["voice.model"], counts[label], ui))
    return pick(t[f"because.{label}"], counts[label], ui).format(
        label=names[label], k=counts[label], n=of_n, voice=said)


def _closing_line(facts: dict, t: dict, ui: str) -> str:
    """How many critical sentences close the article, in words agreeing with the count."""
    c, k = facts["critical_in_closing"], facts["counts"]["critical"]
    variants = t["closing"]
    said = variants["only"] if k == 1 else pick(variants, c, ui)
    return said.format(c=c, k=k)


def _why_block(facts: dict, t: dict, ui: str) -> dict:
    """The first block: the reason for the label, then what tempers or confirms it."""
    names, label = t["label"], facts["label"]
    counts, voice = facts["counts"], facts["voice"]
    lines = [[(_because(facts, t, ui), None)]]
    if counts["critical"] and facts["critical_in_closing"] * 2 >= counts["critical"]:
        lines.append([(_closing_line(facts, t, ui), None)])
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
            o = voice["promotional"]["others"]
            said = t["also_promotional"]["none"] if not o else \
                pick(t["also_promotional"], o, ui)
            lines.append([(said.format(k=counts["promotional"], o=o), None)])
    if facts["method"] != "lexicon" and facts["lexicon_label"] not in (None, label):
        lines.append([(t["classifier_differs"].format(lexicon=names[facts["lexicon_label"]]),
                       None)])
    return {"head": t["why"].format(label=names[label]), "lines": lines}


def _evidence_blocks(facts: dict, t: dict) -> list[dict]:
    """The strongest evidence for and against the label (for a neutral article: on each side)."""
    label = facts["label"]
    if label == "neutral":
        sides = [("promotional", t["side.promotional"]), ("critical", t["side.critical"])]
    else:
        other = "critical" if label == "promotional" else "promotional"
        sides = [(label, t["for"]), (other, t["against"])]
    blocks = []
    for effect, head in sides:
        items = facts["evidence"][effect]
        block_lines = [_evidence_line(e, effect, t) for e in items] or [[(t["none_found"], None)]]
        blocks.append({"head": head, "lines": block_lines})
    return blocks


def speakers_line(article: dict, t: dict, ui: str) -> str:
    """Who is quoted, from the `speakers`, `quotes` and `quote_share` of an explanation's facts
    or an exercise's article (the answers sheet says the same)."""
    if article["speakers"]:
        return t["speakers"].format(names=", ".join(article["speakers"]),
                                    q=counted(article["quotes"], "quote", ui),
                                    share=percent(article["quote_share"], ui))
    if article["quotes"]:
        return t["speakers_unnamed"].format(q=counted(article["quotes"], "quote", ui),
                                            share=percent(article["quote_share"], ui))
    return t["no_quotes"]


def reuse_line(reuse: dict | None, t: dict, ui: str, names: dict | None = None) -> str:
    """How much of the article comes from a press release, or why that is not known; the
    release is named by `names` (source id -> name) when given."""
    if reuse is None:
        return t["reuse_unchecked"]
    if reuse["kind"] == "none":
        return t["reuse_none"]
    source = (names or {}).get(reuse["source"], reuse["source"])
    return t["reuse"].format(share=percent(reuse["article_share"], ui), source=source,
                             kind=t["reuse_kind"][reuse["kind"]],
                             sshare=percent(reuse["source_share"], ui))


def _sovereignty_block(facts: dict, t: dict) -> dict:
    """The stance with its sentence marked, and the foreign laws named."""
    s = facts["sovereignty"]
    if s["stance"] == "none" or s["sentence"] is None:
        sov = [[(t["sovereignty.none"], None)]]
    else:
        sov = [_with_sentence(t[f"sovereignty.{s['stance']}"], s["sentence"], facts,
                              "sovereignty", s["spans"])]
    if s["laws"]:
        sov.append([(t["laws"].format(laws=", ".join(s["laws"])), None)])
    return {"head": t["sovereignty_head"], "lines": sov}


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
    # The sentence's text starts at `start`: the spans are moved to offsets into it.
    marks = [Mark(a - start, b - start, mark) for a, b in spans]
    found = [(_fold(piece), None if m is None else mark)
             for piece, m in pieces(text, marks, lo - start, hi - start)]
    if lo > start:
        found.insert(0, ("…", None))
    if hi < end:
        found.append(("…", None))
    return [p for p in found if p[0]]


def _fold(text: str) -> str:
    """Whitespace runs (line breaks included) as one space, ends kept."""
    if not text:
        return text
    inner = " ".join(text.split())
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and inner else ""
    return lead + inner + trail

