"""Charts drawn from flat rows: every kind writes valid PNG and SVG, charts that do not apply
write nothing, SVG is byte-identical across runs, and the data plotted is the data scored."""

import json
import random
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from framing import charts
from framing.outputs import csv_text
from tests.conftest import ROOT, seed_path

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def seed_rows(seed_records):
    """The seeds' flat rows, with reuse measured against the press release (seed 004)."""
    from framing.pipeline import read_sources

    index = read_sources([str(seed_path("004"))]).index
    rows = []
    for record in sorted(seed_records.values(), key=lambda r: r.id):
        record = replace(record)  # the session's records stay as scored
        if record.ok:
            text = Path(record.path).read_text(encoding="utf-8")
            record.reuse = index.compare(text, record.id)
        rows.append(record.to_row())
    return rows


def synthetic_rows(n: int, seed: int = 7, sources: int = 3, days: int = 90) -> list[dict]:
    """Rows shaped like `Record.to_row()`, with outlets, dates and several releases."""
    rng = random.Random(seed)
    outlets = ["Le Monde", "Les Échos", "The Register", "L'Usine <Nouvelle>", "Wired"]
    start = date(2024, 1, 1)
    rows = []
    for i in range(n):
        language = rng.choice(["fr", "fr", "en"])
        promotional, critical = round(rng.random() * 0.8, 4), round(rng.random() * 0.6, 4)
        shares = {f"release_{k:03d}": round(rng.random(), 4) for k in range(sources)
                  if rng.random() < 0.4}
        kind = rng.choice(["verbatim", "partial", "translated"]) if shares else "none"
        row = {
            "id": f"art_{i:05d}_{rng.getrandbits(32):08x}",
            "path": f"corpus/{i}.txt",
            "title": f"Title {i}\x07 with $5bn",
            "error_code": "empty" if i % 97 == 5 else None,
            "language": language,
            "label": "critical" if critical > promotional else "promotional",
            "promotional": promotional,
            "critical": critical,
            "sentence_labels": "".join(rng.choice("PNNNC") for _ in range(rng.randint(3, 60))),
            "sovereignty_stance": rng.choice(["question", "promise", "none", "none"]),
            "extraterritorial_law": rng.random() < 0.15,
            "laws": "",
            "readability_formula": ("flesch_reading_ease_fr (Kandel & Moles 1958)"
                                    if language == "fr" else "flesch_reading_ease (Flesch 1948)"),
            "readability_score": round(rng.gauss(50 if language == "fr" else 40, 12), 2),
            "reuse_kind": kind,
            "reuse_article_share": max(shares.values()) if shares else 0.0,
            "reuse_sources": ";".join(f"{s}={v}" for s, v in sorted(shares.items())),
        }
        for category in charts.CATEGORY_ORDER:
            row[f"rate_{category}"] = round(rng.random() * 30, 3)
        row["rate_promotional.benefit"] = 1.0
        row["meta_outlet"] = rng.choice(outlets)
        row["meta_date"] = (start + timedelta(days=rng.randrange(days))).isoformat()
        rows.append(row)
    return rows


def check_files(paths, stem):
    assert [p.name for p in paths] == [f"{stem}.png", f"{stem}.svg"]
    png, svg = paths
    assert png.read_bytes()[:8] == PNG_MAGIC
    root = ET.fromstring(svg.read_bytes())
    assert root.tag.endswith("svg")
    assert not list(png.parent.glob(".*.tmp"))  # no temporary file left behind


@pytest.mark.parametrize("kind", [k for k in charts.KINDS if k not in ("reuse_heatmap",
                                                                        "timeline")])
def test_seed_charts_are_valid_png_and_svg(seed_rows, tmp_path, kind):
    check_files(charts.draw(kind, seed_rows, tmp_path / kind), kind)


def test_charts_that_do_not_apply_write_nothing(seed_rows, tmp_path):
    # One release only: no heatmap; no dates: no timeline.
    assert charts.draw("reuse_heatmap", seed_rows, tmp_path / "h") == []
    assert charts.draw("timeline", seed_rows, tmp_path / "t") == []
    no_reuse = [dict(r, reuse_kind=None, reuse_sources=None) for r in seed_rows]
    assert charts.draw("reuse", no_reuse, tmp_path / "r") == []
    errors = [dict(r, error_code="unreadable") for r in seed_rows]
    assert all(charts.draw(k, errors, tmp_path / k) == [] for k in charts.KINDS)
    assert list(tmp_path.iterdir()) == []


def test_draw_all_on_synthetic_rows_is_valid_and_byte_identical(tmp_path):
    rows = synthetic_rows(80, sources=4)
    paths = charts.draw_all(rows, tmp_path / "a", group_by="outlet")
    assert sorted(p.name for p in paths) == sorted(f"{k}.{f}" for k in charts.KINDS
                                                   for f in ("png", "svg"))
    for kind in charts.KINDS:
        check_files([tmp_path / "a" / f"{kind}.png", tmp_path / "a" / f"{kind}.svg"], kind)
    # A second run, rows in another order: the same SVG, byte for byte.
    again = charts.draw_all(list(reversed(rows)), tmp_path / "b", group_by="outlet",
                            formats=("svg",))
    assert len(again) == len(charts.KINDS)
    for path in again:
        assert path.read_bytes() == (tmp_path / "a" / path.name).read_bytes(), path.name


def test_seed_svg_is_byte_identical_across_runs(seed_rows, tmp_path):
    for kind in ("framing_map", "sentence_strip"):  # labels placed, cells drawn
        first = charts.draw(kind, seed_rows, tmp_path / "a" / kind, formats=("svg",))
        second = charts.draw(kind, seed_rows[::-1], tmp_path / "b" / kind, formats=("svg",))
        assert first[0].read_bytes() == second[0].read_bytes(), kind


def test_options_size_title_and_formats(seed_rows, tmp_path):
    (svg,) = charts.draw("framing_map", seed_rows, tmp_path / "map", size=(5, 4),
                         formats=("svg",), title="Custom <title> $x$")
    root = ET.fromstring(svg.read_bytes())
    assert root.get("width") == "360pt" and root.get("height") == "288pt"
    hostile = [dict(r, id=f"$x^{{2}}$ <script>\x1b[31m{r['id']}\u202e", meta_outlet="$ \\frac")
               for r in seed_rows]
    for kind in ("framing_map", "reuse", "sentence_strip", "sovereignty"):
        (svg,) = charts.draw(kind, hostile, tmp_path / kind, formats=("svg",), group_by="outlet")
        text = svg.read_text(encoding="utf-8")
        assert "<script" not in text and "\x1b" not in text
    with pytest.raises(ValueError):
        charts.draw("pie", seed_rows, tmp_path / "x")
    with pytest.raises(ValueError):
        charts.draw("reuse", seed_rows, tmp_path / "x", formats=("gif",))


def test_sentence_strip_shows_the_critical_ending_of_seed_001(seed_rows):
    strips, shown, total = charts.sentence_cells(seed_rows)
    assert shown == total == 5
    cells = dict(strips)["001_d61afefeb5640952"]
    assert abs(sum(w for _, w, _, _ in cells) - 1) < 1e-9
    ending = [(letter, colour) for start, _, letter, colour in cells if start >= 0.8]
    critical = [c for letter, c in ending if letter == "C"]
    assert len(critical) >= 3 and set(critical) == {charts.LETTER_COLOURS["C"]}


def test_sentence_strip_keeps_the_articles_with_most_critical_sentences_when_many():
    """Ranked by what the cells colour (the share of C sentences), not the article's score."""
    rows = [r for r in synthetic_rows(500) if not r["error_code"]]
    strips, shown, total = charts.sentence_cells(rows)
    assert (shown, total) == (charts.MAX_STRIP_ROWS, len(rows))

    def share(r):
        return r["sentence_labels"].count("C") / len(r["sentence_labels"])

    cutoff = sorted((share(r) for r in rows), reverse=True)[shown - 1]
    by_label = {charts.row_label(r, None): r for r in rows}
    assert all(share(by_label[label]) >= cutoff for label, _ in strips)
    first = [letter for _, _, letter, _ in strips[0][1]]
    assert first.count("C") / len(first) == max(share(r) for r in rows)


def test_load_rows_round_trips_csv_and_jsonl(seed_rows, tmp_path):
    rows = seed_rows + synthetic_rows(20)
    (tmp_path / "scores.csv").write_text(csv_text(rows), encoding="utf-8")
    (tmp_path / "scores.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    from_csv = charts.load_rows(tmp_path / "scores.csv")
    from_jsonl = charts.load_rows(tmp_path / "scores.jsonl")
    # CSV has every column on every row (empty when a row lacks it): compare what is present.
    assert [_present(r) for r in from_csv] == [_present(r) for r in from_jsonl]
    assert list(from_csv[0])[: len(seed_rows[0])] == list(seed_rows[0])
    first = from_csv[1]
    assert first["id"] == "001_d61afefeb5640952" and first["extraterritorial_law"] is True
    assert first["n_sentences"] == 40 and isinstance(first["critical"], float)
    assert first["error_code"] is None and first["laws"] == "lois extraterritoriales"
    expected = {k: (None if v == "" else v) for k, v in seed_rows[1].items()}
    assert _present(first) == _present(expected)


def _present(row):
    return {k: v for k, v in row.items() if v is not None}


def test_load_rows_flattens_nested_records(seed_records, seed_rows, tmp_path):
    record = seed_records["001"]
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record.to_dict()) + "\n", encoding="utf-8")
    (row,) = charts.load_rows(path)
    flat = record.to_row()
    for column in ("id", "label", "promotional", "critical", "sentence_labels",
                   "sovereignty_stance", "extraterritorial_law", "readability_score",
                   "readability_formula", "rate_critical"):
        assert row[column] == flat[column], column


def test_group_by_month_and_year_of_the_date():
    dated = [{"meta_date": "2024-05-13"}, {"meta_date": "2024-05-31T23:30:00+02:00"},
             {"meta_date": "2025-01-02T08:00:00Z"}, {"meta_date": "not a date"}, {"meta_date": ""},
             {"meta_outlet": "Le Monde"}]
    assert [charts.group_of(r, "month") for r in dated] == [
        "2024-05", "2024-05", "2025-01", "unknown", "unknown", "unknown"]
    assert [charts.group_of(r, "year") for r in dated] == [
        "2024", "2024", "2025", "unknown", "unknown", "unknown"]


def test_a_group_by_column_no_row_has_is_found_with_the_columns_there_are():
    rows = [{"id": "a", "label": "neutral", "promotional": 0.2, "meta_outlet": "x.fr",
             "meta_desk": None}, {"id": "b", "label": None, "promotional": 0.1,
                                  "meta_date": "2024-05-13"}]
    for fine in (None, "outlet", "month", "year", "language", "meta_outlet", "date", "label"):
        assert charts.missing_group_column(rows, fine) is None, fine
    columns = charts.missing_group_column(rows, "outlett")
    assert columns == ["meta_date", "meta_outlet", "id", "label"]  # no empty desk, no scores
    assert charts.missing_group_column(rows, "desk") == columns


def test_groups_and_timeline_bins():
    row = {"language": "fr", "meta_outlet": "Le Monde", "meta_desk": "tech", "label": None}
    assert charts.group_of(row, None) == "all"
    assert charts.group_of(row, "outlet") == "Le Monde"
    assert charts.group_of(row, "desk") == charts.group_of(row, "meta_desk") == "tech"
    assert charts.group_of(row, "label") == charts.group_of(row, "missing") == "unknown"
    assert charts.group_of({"meta_outlet": "A\x00B\u202e"}, "outlet") == "A B"
    assert charts.choose_bin(date(2024, 1, 1), date(2024, 1, 20)) == "day"
    assert charts.choose_bin(date(2024, 1, 1), date(2024, 4, 1)) == "week"
    assert charts.choose_bin(date(2024, 1, 1), date(2025, 1, 1)) == "month"
    rows = [{"id": "a", "promotional": 0.5, "critical": 0.1, "meta_date": "2024-03-04"},
            {"id": "b", "promotional": 0.1, "critical": 0.3, "meta_date": "2024-03-05T10:00"},
            {"id": "c", "promotional": 0.1, "critical": 0.3, "meta_date": "not a date"}]
    unit, series = charts.timeline_points(rows)
    assert unit == "day"
    assert [(d.isoformat(), round(v, 3), n) for d, v, n in series["all"]] == [
        ("2024-03-04", 0.4, 1), ("2024-03-05", -0.2, 1)]


def test_reuse_heatmap_needs_two_releases(tmp_path):
    rows = synthetic_rows(40, sources=1)
    assert charts.draw("reuse_heatmap", rows, tmp_path / "one") == []
    _, sources, cells = charts.reuse_matrix(synthetic_rows(40, sources=4))
    assert len(sources) == 4 and cells
    check_files(charts.draw("reuse_heatmap", synthetic_rows(40, sources=4), tmp_path / "h"),
                "h")


def test_many_groups_are_pooled_and_large_batches_stay_readable(tmp_path):
    rows = synthetic_rows(400, sources=12)
    for i, row in enumerate(rows):
        row["meta_outlet"] = f"outlet {i % 20:02d}"
    groups = charts.display_groups([r for r in rows if not r["error_code"]], "outlet")
    assert len(set(groups.values())) == charts.MAX_GROUPS and "other" in groups.values()
    for kind in ("framing_map", "sovereignty", "timeline"):
        (png,) = charts.draw(kind, rows, tmp_path / kind, group_by="outlet", formats=("png",))
        assert png.read_bytes()[:8] == PNG_MAGIC


def test_importing_charts_does_not_import_matplotlib():
    code = "import sys, framing.charts; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
