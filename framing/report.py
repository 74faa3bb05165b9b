"""`framing report`: a batch of articles scored into one folder a researcher can open, analyse
and cite.

    OUT/index.html        summary, failures, charts, then the article table (filters, sort, 100 a page);
                          articles/*.html per article
    OUT/scores.csv|jsonl  one flat row per article (pandas, R, Excel)
    OUT/records.jsonl     the full records of score.schema.json (evidence, sentences, passages)
    OUT/passages.csv      one row per reused passage, with offsets into both texts
    OUT/errors.csv        one row per input (article or source) that could not be used
    OUT/manifest.json     versions, lexicon/model hashes, the command, every input's sha256
    OUT/charts/           every chart as PNG and SVG

The report is written as one unit (report_folder: a staging folder swapped into place, under a
lock that keeps out a second run). Results are deterministic: only manifest.json carries the time
of the run, in its `generated_at` field.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from framing import __version__
from framing.engines import map_documents
from framing.html import article_page, safe_name
from framing.index_page import index_page
from framing.outputs import csv_text, write_atomic, writing
from framing.pipeline import Scorer, Sources, unscored
from framing.progress import RunProgress
from framing.record import Record
from framing.report_folder import Checkpoint, ReportFolder, resumable

if TYPE_CHECKING:
    from framing.analysis import Analysis
    from framing.churn import ArticleChurn, First
    from framing.documents import Document


@dataclass
class Batch:
    """What `run` found: records and their flat rows in input order, and the inputs that
    failed."""

    records: list[Record] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # records.jsonl's, one per record
    rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    resumed: int = 0
    churn: Churn | None = None  # with --among: copies, clusters and outlets


@dataclass
class Churn:
    """The corpus compared with itself (framing.churn): its copy edges, each reuse cluster's
    first publisher, and the outlets' figures."""

    copies: list
    firsts: list
    outlets: list


def make(paths: Iterable[str], out_dir: Path, scorer: Scorer, sources: Sources, *,
         read_options: dict, lexicon_dir: Path, model_dir: Path | None, title: str,
         group_by: str | None = None, charts: bool = True, parquet: bool = False,
         resume: bool = False, engine: str = "local", jobs: int = 1,
         scheduler: str | None = None, workers: int | None = None, among: bool = False,
         progress: RunProgress | None = None) -> tuple[Batch, list[Path]]:
    """Score `paths` with `scorer` on the engine and write the report into `out_dir`: (the
    batch, the paths written). `resume` takes the records of articles already in `out_dir`,
    and those a killed run had scored (report_folder.Checkpoint). `progress` follows every
    phase (scoring and reuse, article pages, charts, index page) to 100 %.
    The folder is locked for the run and the report replaces the last one in one step
    (report_folder.ReportFolder): a crash leaves the last one whole."""
    fingerprinted = fingerprint(lexicon_dir, model_dir, sources.entries(), scorer.lang)
    progress = progress or RunProgress(lambda fraction, label, final: None)
    scoring = "scoring and reuse" if sources.index is not None else "scoring"

    def files_known(files: int) -> None:
        progress.plan(phase_plan(scoring, files, charts, among))
        progress.start(scoring, files)
    with ReportFolder(out_dir) as folder:
        with Checkpoint(folder.out, fingerprinted, resume) as checkpoint:
            previous = {**checkpoint.previous,
                        **(load_previous(out_dir, fingerprinted) if resume else {})}
            documents, results = [], []
            for document, result in map_documents(
                    score_unless_resumed, paths, read_options, (scorer, set(previous)),
                    engine=engine, jobs=jobs, scheduler=scheduler, workers=workers,
                    progress=progress.advance, progress_length=files_known):
                documents.append(document)
                results.append(result)
                if result is not None and document.error is None:
                    checkpoint.add(result[1])
        batch = run(documents, results, previous)
        batch.errors += [error_row("source", d) for d in sources.failed]
        if among:
            progress.start("comparing the articles", 1)
            found = _among(documents, paths, read_options, engine, scheduler, workers)
            churn(batch, documents, scorer, found)
            progress.advance()
        made = manifest(documents, sources.entries(), lexicon_dir=lexicon_dir,
                        model_dir=model_dir, group_by=group_by, title=title,
                        command=default_command(), fingerprinted=fingerprinted)
        texts = {d.id: d.text for d in documents if d.error is None}
        staging = folder.staging()
        written = write(staging, batch, texts, sources.texts(), title, group_by, made, charts,
                        parquet, progress)
        folder.commit(staging)
    progress.finish()
    return batch, [Path(out_dir) / p.relative_to(staging) for p in written]


# What each phase of a report costs, in the time one file takes to score (and compare with the
# sources): on the seeds, the eight charts take about ten times as long as scoring the articles,
# an article page a few milliseconds.
PAGE_COST = 0.05
AMONG_COST = 0.5
CHART_COST = 3.0
INDEX_COST = 1.0


def phase_plan(scoring: str, files: int, charts: bool, among: bool = False
               ) -> list[tuple[str, float]]:
    """The phases of a report of `files` files and their estimated costs (RunProgress.plan);
    one article page per file is expected."""
    from framing.charts import KINDS

    plan = [(scoring, float(files)), ("article pages", files * PAGE_COST)]
    if among:
        plan.insert(1, ("comparing the articles", files * AMONG_COST))
    if charts:
        plan.append(("charts", len(KINDS) * CHART_COST))
    return [*plan, ("index page", INDEX_COST)]


def score_unless_resumed(document: Document,
                         shared: tuple[Scorer, set]) -> tuple[Record, str] | None:
    """(the record of one document, its records.jsonl line), on an engine's worker: `shared` is
    (the pipeline.Scorer, the sha256 of the articles --resume takes from the last report); None
    for those. The line is made once, where the work is shared out: the checkpoint and
    records.jsonl both write it."""
    scorer, resumed = shared
    if document.error is None and _sha(document) in resumed:
        return None
    record = scorer.score(document)
    return record, record_line(record)


def record_line(record: Record) -> str:
    """A record as one line of records.jsonl (and of the checkpoint)."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


def run(documents: list[Document], results: list[tuple[Record, str] | None],
        previous: dict[str, Record]) -> Batch:
    """The batch of `documents` from their `score_unless_resumed` results; `previous` maps
    sha256 -> record of the articles already scored (--resume), whose analyses are taken as
    they are and whose id, path, title and metadata are the document's now."""
    batch = Batch()
    for document, result in zip(documents, results, strict=True):
        if result is None:
            now = unscored(document)
            sha = _sha(document)
            assert sha is not None  # resumed: found in `previous` by its digest
            record = replace(previous[sha], id=now.id, path=now.path,
                             title=now.title, meta=now.meta)
            result = record, record_line(record)
            batch.resumed += 1
        batch.records.append(result[0])
        batch.lines.append(result[1])
        batch.rows.append(result[0].to_row())
        if document.error is not None:
            batch.errors.append(error_row("article", document))
    return batch


def _among(documents: list[Document], paths, read_options: dict, engine: str,
           scheduler: str | None, workers: int | None) -> dict:
    """The readable articles compared with each other: {id: reuse record} (framing.reuse
    among; on Dask, the shuffle, where no worker holds every article)."""
    if engine == "dask":
        from framing.reuse.shuffle import among_on_dask

        _, found = among_on_dask(paths, read_options, scheduler=scheduler, workers=workers)
        return found
    from framing.reuse import among

    return among([(d.id, d.text) for d in documents if d.error is None])


def churn(batch: Batch, documents: list[Document], scorer: Scorer, found: dict) -> None:
    """Who copies whom in `batch` (framing.churn), from `found` (each article's reuse record
    among the others): the copy edges by date, each article's added value measured against its
    releases and the earlier articles it copied, the clusters' first publishers, the outlets'
    figures, and each row's churn columns."""
    from functools import lru_cache

    from framing import churn as c
    from framing.analysis import analyse_text

    texts = {d.id: d.text for d in documents if d.error is None}

    @lru_cache(maxsize=ANALYSES_KEPT)
    def analysed(article: str) -> Analysis:  # an earlier article: the shift of what it gave
        assert scorer.lexicon is not None
        return analyse_text(texts[article], scorer.lexicon)

    ok = [r for r in batch.records if r.ok and r.id in found]
    dates = {r.id: c.when(r.meta) for r in ok}
    outlets = {r.id: str(r.meta.get("outlet") or "unknown") for r in ok}
    copies = c.in_releases(c.edges({r.id: found[r.id] for r in ok}, dates, outlets), found,
                           {r.id: r.reuse for r in ok}, texts)
    earlier = c.copied_from(copies)
    firsts = c.firsts(copies, dates)
    first_of = {i: f for f in firsts for i in (*f.delays, *f.undated)}
    articles = []
    position = {r.id: i for i, r in enumerate(batch.records)}
    for record in ok:
        mine = earlier.get(record.id, set())
        reuse = c.with_earlier(record.reuse, found[record.id], mine)
        if mine:  # measured again, against the earlier articles too
            record.added_value = scorer.added_value(scorer.score_part(texts[record.id]), reuse,
                                                    analysed)
        original = record.n_words - c.covered_words(
            texts[record.id], [(p.article_start, p.article_end) for p in reuse.passages])
        articles.append(_article_churn(record, outlets[record.id], original))
        batch.lines[position[record.id]] = record_line(record)
        batch.rows[position[record.id]] = {**record.to_row(), **churn_columns(
            record.id, first_of.get(record.id), mine, original, record.n_words)}
    batch.churn = Churn(copies, firsts, c.outlets(articles, copies, firsts))
    for row in batch.rows:  # every row has the same columns, failed inputs too
        for column in CHURN_COLUMNS:
            row.setdefault(column, None)


def _article_churn(record: Record, outlet: str, original: int) -> ArticleChurn:
    from framing.churn import ArticleChurn

    a = record.added_value
    return ArticleChurn(record.id, outlet, record.n_words, original,
                        a.verdict if a else "original", a.independent_voices if a else 0)


# Earlier articles' analyses kept while the corpus is measured: the first articles of a story
# are read again for each of their copies.
ANALYSES_KEPT = 2048
CHURN_COLUMNS = ("churn_cluster", "churn_first", "churn_delay_hours", "copied_from",
                 "original_share")


def churn_columns(article: str, first: First | None, copied: set[str], original: int,
                  words: int) -> dict:
    """An article's churn columns in the flat rows: its cluster, whether it published first,
    its delay after the cluster's first, the earlier articles it copied, its original share."""
    return {
        "churn_cluster": first.cluster if first else None,
        "churn_first": (article in first.first) if first and first.first else None,
        "churn_delay_hours": first.delays.get(article) if first else None,
        "copied_from": "; ".join(sorted(copied)) or None,
        "original_share": round(original / words, 4) if words else None,
    }


def error_row(role: str, document: Document) -> dict:
    """errors.csv's row of an input that could not be used (role: article or source)."""
    error = document.error
    assert error is not None  # an input that could not be used
    return {"role": role, "id": document.id, "path": document.path,
            "code": error.code, "message": error.message}


def _sha(document) -> str | None:
    return document.meta.get("sha256")


def load_previous(out_dir: Path, fingerprint: dict) -> dict[str, Record]:
    """sha256 -> record from the records.jsonl of an earlier report in `out_dir`, when it was
    made with the same lexicons, model and sources (else nothing is reused)."""
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
        lines = (out_dir / "records.jsonl").read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return {}
    if manifest.get("fingerprint") != fingerprint:
        return {}
    return resumable(lines)[0]


# --- writing --------------------------------------------------------------------------------


def write(out_dir: Path, batch: Batch, texts: dict[str, str], source_texts: dict[str, str],
          title: str, group_by: str | None, manifest: dict, charts: bool = True,
          parquet: bool = False, progress: RunProgress | None = None) -> list[Path]:
    """Every file of the report (`parquet`: scores.parquet/ too); returns the paths written.
    `progress` is told of the article pages, the charts and the index page as they are made."""
    from framing.charts import group_of

    progress = progress or RunProgress(lambda fraction, label, final: None)

    with writing(out_dir / "articles"):
        (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    # `framing score --out`'s rows, plus the group each article is charted in.
    rows = [{**row, "group": group_of(row, group_by)} for row in batch.rows]
    written = [*_churn_files(out_dir, batch.churn)] if batch.churn else []
    written += [
        write_atomic(out_dir / "scores.jsonl", _jsonl(rows)),
        write_atomic(out_dir / "scores.csv", csv_text(rows)),
        write_atomic(out_dir / "records.jsonl", "".join(line + "\n" for line in batch.lines)),
        write_atomic(out_dir / "passages.csv", _csv_or_header(
            passage_rows(batch.records, texts, source_texts), PASSAGE_COLUMNS)),
        write_atomic(out_dir / "errors.csv", _csv_or_header(batch.errors, ERROR_COLUMNS)),
    ]
    links = {}
    progress.start("article pages", sum(1 for record in batch.records if record.ok))
    for record in batch.records:
        if record.ok:
            name = safe_name(record.id)
            links[record.id] = f"articles/{name}"
            written.append(write_atomic(out_dir / "articles" / name, article_page(
                record, texts[record.id], source_texts, "../index.html")))
            progress.advance()
    chart_files = _draw_charts(rows, out_dir / "charts", group_by, progress) if charts else []
    churn_alt = _draw_churn(batch.churn, out_dir / "charts") if charts and batch.churn else {}
    chart_files += list(churn_alt)
    written += chart_files
    progress.start("index page", 1)
    notes = _notes(batch, manifest)
    svgs = [f"charts/{p.name}" for p in sorted(chart_files) if p.suffix == ".svg"]
    alts = {f"charts/{p.name}": alt for p, alt in churn_alt.items()}
    written.append(write_atomic(out_dir / "index.html", index_page(
        title, rows, links, svgs, batch.errors, notes, alts=alts,
        outlets=batch.churn.outlets if batch.churn else None)))
    written.append(write_atomic(out_dir / "manifest.json",
                                json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"))
    if parquet:
        from framing.outputs import write_parquet

        written.append(write_parquet(rows, out_dir / "scores.parquet"))
    progress.advance()
    return written


def _draw_charts(rows: list[dict], out_dir: Path, group_by: str | None,
                 progress: RunProgress) -> list[Path]:
    from framing.charts import KINDS, draw_all

    progress.start("charts", len(KINDS))
    return draw_all(rows, out_dir, group_by=group_by, drawn=lambda _: progress.advance())


def _draw_churn(churn: Churn, out_dir: Path) -> dict[Path, str]:
    """The churn charts (framing.charts.churn): {path: alt text}."""
    from framing.charts.churn import draw_churn

    return draw_churn(churn.copies, churn.outlets, out_dir)


ERROR_COLUMNS = ["role", "id", "path", "code", "message"]
OUTLET_COLUMNS = ["outlet", "articles", "words", "originality", "first_publisher",
                  "copying_articles", "median_delay_hours", "reprint_share", "commentary_share",
                  "independent_share"]
CLUSTER_COLUMNS = ["cluster", "first", "members", "delays_hours", "undated"]


def _churn_files(out_dir: Path, churn: Churn) -> list[Path]:
    """copies.csv (every copy edge), outlets.csv (each outlet's figures) and clusters.csv
    (each reuse cluster's first publisher and its members' delays)."""
    from dataclasses import asdict

    from framing.churn import COPY_COLUMNS, copy_rows

    clusters = [{"cluster": f.cluster, "first": "; ".join(f.first),
                 "members": "; ".join(sorted(f.delays, key=lambda i: (f.delays[i], i))),
                 "delays_hours": "; ".join(f"{f.delays[i]:g}" for i in
                                           sorted(f.delays, key=lambda i: (f.delays[i], i))),
                 "undated": "; ".join(f.undated)} for f in churn.firsts]
    return [
        write_atomic(out_dir / "copies.csv", _csv_or_header(copy_rows(churn.copies),
                                                            COPY_COLUMNS)),
        write_atomic(out_dir / "outlets.csv", _csv_or_header(
            [asdict(o) for o in churn.outlets], OUTLET_COLUMNS)),
        write_atomic(out_dir / "clusters.csv", _csv_or_header(clusters, CLUSTER_COLUMNS)),
    ]


def _csv_or_header(rows: list[dict], columns: list[str]) -> str:
    """CSV of `rows`, or the header alone when there are none (the file still says what it
    would hold)."""
    return csv_text(rows, None if rows else columns)


def _jsonl(items: list[dict]) -> str:
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items)


def _notes(batch: Batch, manifest: dict) -> list[str]:
    ok = sum(1 for r in batch.rows if not r.get("error_code"))
    method = ("labels chosen by the trained model, scores are its probabilities"
              if manifest["model"] else "labels and scores from the lexicon")
    notes = [(f"{ok} articles scored, {len(batch.errors)} inputs failed; framing "
              f"{manifest['framing_version']}; {method}.")]
    if manifest["sources"]:
        notes.append("Press releases compared: "
                     + ", ".join(s["id"] for s in manifest["sources"]) + ".")
    notes.append("Labels point to their evidence; they are not verdicts. See each article's "
                 "page for the sentences and words that produced its scores.")
    return notes


PASSAGE_COLUMNS = ["id", "source", "kind", "similarity", "words", "article_start", "article_end",
                   "source_start", "source_end", "article_text", "source_text"]


def passage_rows(records: list[Record], texts: dict[str, str],
                 source_texts: dict[str, str]) -> list[dict]:
    """passages.csv: one row per reused passage, with the text of both sides."""
    rows = []
    for record in records:
        for p in record.reuse.passages if record.reuse else []:
            text, source = texts.get(record.id, ""), source_texts.get(p.source, "")
            rows.append({
                "id": record.id, "source": p.source, "kind": p.kind,
                "similarity": p.similarity, "words": p.words,
                "article_start": p.article_start, "article_end": p.article_end,
                "source_start": p.source_start, "source_end": p.source_end,
                "article_text": text[p.article_start : p.article_end],
                "source_text": source[p.source_start : p.source_end],
            })
    return rows


# --- the manifest -----------------------------------------------------------------------------


def fingerprint(lexicon_dir: Path, model_dir: Path | None, sources: list[dict],
                lang: str | None = None) -> dict:
    """What the scores depend on besides the article: lexicons, model, sources, framing, and
    the language forced with --lang (None: detected), so that --resume never takes records
    scored another way."""
    from framing.training import files_sha256

    return {
        "framing_version": __version__,
        "lexicons_sha256": files_sha256(Path(lexicon_dir), "*.tsv"),
        "model_sha256": files_sha256(Path(model_dir), "*") if model_dir else None,
        "sources_sha256": sorted(s["sha256"] for s in sources),
        "lang": lang,
    }


def manifest(documents: list[Document], sources: list[dict], *, lexicon_dir: Path,
             model_dir: Path | None, group_by: str | None, title: str,
             command: list[str], fingerprinted: dict) -> dict:
    """manifest.json: what made the report (versions, command, hashes, every input)."""
    return {
        "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "framing_version": __version__,
        "python": platform.python_version(),
        "libraries": _library_versions(),
        "command": command,
        "title": title,
        "group_by": group_by,
        "lexicons": str(lexicon_dir),
        "model": str(model_dir) if model_dir else None,
        "fingerprint": fingerprinted,
        "inputs": [{"id": d.id, "path": d.path, "sha256": d.meta.get("sha256"),
                    "error": d.error.code if d.error else None} for d in documents],
        "sources": sources,
    }


def _library_versions() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str | None] = {}
    for name in ("click", "nltk", "textstat", "scikit-learn", "numpy", "matplotlib"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def default_command() -> list[str]:
    return [os.path.basename(sys.argv[0])] + sys.argv[1:]
