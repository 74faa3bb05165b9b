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


# What is plotted: hand-made rows, expected values written from them, asserted on the figures.

def hand_rows(method="combined"):
    """Five articles with known labels, scores (the model's, with different lexicon scores),
    sentence labels, dates, stances, rates and readability."""
    base = [  # id, label, promotional, critical, lexicon p/c, sentences, date, stance
        ("a1", "promotional", 0.82, 0.10, 0.30, 0.20, "PPNN", "2024-03-04", "promise"),
        ("a2", "critical", 0.15, 0.71, 0.10, 0.05, "NNNC", "2024-03-04", "question"),
        ("a3", "critical", 0.20, 0.64, 0.05, 0.60, "CCCN", "2024-03-04", "none"),
        ("a4", "neutral", 0.30, 0.25, 0.40, 0.45, "NNNN", "2024-03-05", "none"),
        ("a5", "promotional", 0.55, 0.30, 0.20, 0.10, "PNCC", "2024-03-05", "none"),
    ]
    rows = []
    for i, (id_, label, p, c, lp, lc, letters, day, stance) in enumerate(base):
        rows.append({
            "id": id_, "path": f"{id_}.txt", "language": ["fr", "fr", "mixed", "en", "fr"][i],
            "label": label, "label_method": method if isinstance(method, str) else method[i],
            "promotional": p, "critical": c, "lexicon_promotional": lp, "lexicon_critical": lc,
            "sentence_labels": letters, "meta_date": day, "sovereignty_stance": stance,
            "meta_outlet": f"outlet {i}",
            "readability_formula": ("flesch_reading_ease (Flesch 1948)" if i == 3 else
                                    "flesch_reading_ease_fr (Kandel & Moles 1958)"),
            "readability_score": [40.0, 55.0, 61.0, 30.0, 48.0][i],
            "rate_promotional": 10.0, "rate_critical": 2.0,
            "rate_sovereignty": [25.2, 10.0, 0.0, 4.0, 0.0][i],
            "rate_sovereignty.context": [25.2, 6.0, 0.0, 0.0, 0.0][i],
        })
    return rows


@pytest.fixture
def plotted():
    """charts.figure(kind, rows, ...) as a list, every figure closed at the end."""
    import matplotlib.pyplot as plt

    made = []

    def make(kind, rows, **options):
        fig = charts.figure(kind, rows, **options)
        made.append(fig)
        if fig is not None:
            fig.draw_without_rendering()
        return fig

    yield make
    for fig in made:
        if fig is not None:
            plt.close(fig)


def texts(fig):
    """Every text of the figure: titles, labels, annotations, tick labels, legend."""
    found = [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]
    return [t for t in found if t]


@pytest.mark.parametrize("method, words", [
    ("combined", "model probability"), ("lexicon", "lexicon score")])
def test_framing_map_names_what_its_axes_plot(plotted, method, words):
    fig = plotted("framing_map", hand_rows(method))
    ax = fig.axes[0]
    assert ax.get_xlabel() == f"promotional ({words}, 0–1)"
    assert ax.get_ylabel() == f"critical ({words}, 0–1)"
    assert "classifier" not in " ".join(texts(fig)) and "combined" not in " ".join(texts(fig))
    chooser = "model" if method == "combined" else "lexicon"
    assert fig.legends[0].get_title().get_text() == f"article label ({chooser})"
    # The points are the `promotional`/`critical` columns, not the lexicon's own scores.
    points = sorted(tuple(map(float, xy)) for c in ax.collections for xy in c.get_offsets())
    assert points == sorted((r["promotional"], r["critical"]) for r in hand_rows())
    # Axes end near the data: past the largest value, by less than a fifth of the scale.
    assert 0.82 < ax.get_xlim()[1] <= 0.82 * 1.15 + 0.05 + 1e-9
    assert 0.71 < ax.get_ylim()[1] <= 0.71 * 1.15 + 0.05 + 1e-9


def test_framing_map_says_when_rows_mix_model_and_lexicon(plotted):
    methods = ["combined", "combined", "lexicon", "combined", "lexicon"]
    fig = plotted("framing_map", hand_rows(methods))
    ax = fig.axes[0]
    assert ax.get_xlabel() == "promotional (model probability or lexicon score, 0–1)"
    assert "mixed: model probabilities for 3 articles, lexicon scores for 2" in ax.get_title(
        loc="left")
    assert fig.legends[0].get_title().get_text() == "article label (model or lexicon)"


def test_sentence_strip_ranks_by_the_critical_sentences_it_colours(plotted):
    rows = hand_rows()
    # By the article's critical score a2 (0.71) would come first; by its cells, a3 (3 of 4 C).
    strips, shown, total = charts.sentence_cells(rows, limit=2)
    assert (shown, total) == (2, 5)
    assert [label for label, _ in strips] == ["a3", "a5"]
    first = [letter for _, _, letter, colour in strips[0][1]]
    assert first == list("CCCN")
    fig = plotted("sentence_strip", rows)
    assert "sentences labelled by the model (what chose the article's label)" in \
        fig.axes[0].get_title(loc="left")


def test_category_profile_does_not_count_context_words_as_sovereignty(plotted, seed_rows):
    seed_003 = next(r for r in seed_rows if r["id"].startswith("003"))
    assert seed_003["sovereignty_stance"] == "none" and seed_003["rate_sovereignty"] > 20
    assert charts.profile_rate(seed_003, "sovereignty") == 0.0
    assert charts.profile_rate(seed_003, "sovereignty.context") == seed_003[
        "rate_sovereignty.context"]
    fig = plotted("categories", hand_rows())
    ax = fig.axes[0]
    columns = [t.get_text() for t in ax.get_xticklabels()]
    assert columns == ["promotional", "critical", "sovereignty\n(cues, no context)",
                       "context words\n(données, cloud…)"]
    rows_shown = [t.get_text() for t in ax.get_yticklabels()]
    assert rows_shown == ["a1", "a2", "a3", "a4", "a5"]
    cells = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text()
             for t in ax.texts}
    # a1: 25.2 hits, all context words: none is a sovereignty cue. a2: 10 of which 6 context.
    assert [cells[(i, 2)] for i in range(5)] == ["0.0", "4.0", "0.0", "4.0", "0.0"]
    assert [cells[(i, 3)] for i in range(5)] == ["25.2", "6.0", "0.0", "0.0", "0.0"]
    assert "hits per 1,000 words" in fig.axes[1].get_ylabel()


def many_reuse_rows(n, releases=20):
    """n articles, each taking a share from one or two of `releases` releases (n / 2 none)."""
    rows = []
    for i in range(n):
        shares = {} if i % 2 else {f"rel_{i // 2 % releases:02d}": round((i % 97) / 97, 4),
                                   f"rel_{(i // 2 + 7) % releases:02d}": 0.05}
        rows.append({"id": f"art_{i:04d}", "path": f"{i}.txt", "reuse_kind":
                     "partial" if shares else "none",
                     "reuse_article_share": max(shares.values(), default=0.0),
                     "reuse_sources": ";".join(f"{s}={v}" for s, v in sorted(shares.items()))})
    return rows


def test_reuse_heatmap_shows_the_most_reused_articles_and_counts_the_rest(plotted):
    rows = many_reuse_rows(400)
    fig = plotted("reuse_heatmap", rows)
    ax = fig.axes[0]
    used = [r for r in rows if r["reuse_sources"]]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ticks) == charts.MAX_HEATMAP_ROWS == 40
    assert len(ax.get_xticklabels()) == charts.MAX_HEATMAP_SOURCES == 15
    best = sorted(used, key=lambda r: (-r["reuse_article_share"], r["id"]))
    assert ticks[:3] == [r["id"] for r in best[:3]]
    assert f"({len(used) - 40:,} more not shown)" in ax.get_title(loc="left")
    assert "(5 more not shown)" in ax.get_title(loc="left")  # 20 releases, 15 shown
    assert fig.get_size_inches()[1] < 12 and fig.get_size_inches()[0] < 13


def test_timeline_shows_n_per_point_and_ends_near_its_data(plotted):
    fig = plotted("timeline", hand_rows())
    ax = fig.axes[0]
    # 2024-03-04: a1, a2, a3 → mean of (0.72, -0.56, -0.44) = -0.0933; 03-05: a4, a5 → 0.15.
    assert [t.get_text() for t in ax.texts] == ["3", "2"]
    (points,) = [c for c in ax.collections if len(c.get_offsets()) == 2]
    sizes = list(points.get_sizes())
    assert sizes[0] > sizes[1]  # marker area follows n
    low, high = ax.get_ylim()
    assert -0.0933 - 0.06 < low < -0.0933 and 0.15 < high < 0.15 + 0.06
    assert "model probability" in ax.get_ylabel()


def test_timeline_draws_one_panel_per_group_beyond_a_few(plotted):
    fig = plotted("timeline", hand_rows(), group_by="outlet")
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert len(shown) == 5 > charts.MAX_TIMELINE_LINES
    assert sorted(ax.get_title(loc="left") for ax in shown) == [
        f"outlet {i} (n=1)" for i in range(5)]
    for ax in shown:  # its own group, coloured, over the grey line of all articles
        coloured = [line for line in ax.get_lines() if line.get_color() not in ("#BBBBBB",)
                    and line.get_linestyle() == "-"]
        assert len(coloured) == 1
    assert fig.legends == []
    fig = plotted("timeline", hand_rows())
    assert len(fig.axes) == 1


def test_readability_labels_its_points_and_puts_mixed_articles_in_their_formula(plotted):
    fig = plotted("readability", hand_rows())
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["French (fr 3, mixed 1)", "English (en)"]
    assert not any("mixed (mixed)" in t for t in texts(fig))
    french, english = fig.axes
    assert sorted(t.get_text() for t in french.texts) == ["a1", "a2", "a3", "a5"]
    assert [t.get_text() for t in english.texts] == ["a4"]
    low, high = french.get_ylim()
    assert 40.0 - 5 <= low < 40.0 and 61.0 < high <= 61.0 + 5


def test_bars_say_what_they_count(plotted, seed_rows):
    fig = plotted("sovereignty", hand_rows())
    ax = fig.axes[0]
    assert ax.get_xlabel() == "articles (count)"
    assert max(ax.get_xticks()) <= 5 and ax.spines["bottom"].get_bounds()[1] == 5
    fig = plotted("reuse", seed_rows)
    assert fig.axes[0].get_xlabel() == "share of the article's words taken from a release (%)"


def test_alt_text_says_what_each_chart_plots_with_its_numbers(seed_rows):
    rows = hand_rows()
    assert charts.alt_text("charts/framing_map.svg", rows) == (
        "Framing map: 5 articles plotted by promotional against critical model probability; "
        "labels by the model: 2 critical, 2 promotional, 1 neutral. Most critical: a2 at 0.71.")
    assert charts.alt_text("sovereignty", rows) == (
        "Sovereignty stance of 5 articles: 3 none, 1 promise, 1 question; 0 name an "
        "extraterritorial law.")
    strip = charts.alt_text("sentence_strip", rows)
    assert strip == ("Sentence strip: each sentence of the 5 articles in reading order, labelled "
                     "by the model: 15% promotional, 55% neutral, 30% critical.")
    profile = charts.alt_text("categories", seed_rows)
    assert "sovereignty 2.2, context words 31.5" in profile
    for kind in set(charts.KINDS) - {"reuse_heatmap", "timeline"}:  # the seeds' charts
        text = charts.alt_text(kind, seed_rows)
        assert text.endswith(".") and len(text) > 60, kind
    assert charts.alt_text("timeline", rows) == (
        "Framing balance over time: the mean promotional − critical model probability per day "
        "of 5 dated articles, 2024-03-04 to 2024-03-05; lowest -0.09 (2024-03-04), highest "
        "+0.15 (2024-03-05).")
    from framing.index_page import index_page

    page = index_page("t", rows, {}, ["charts/sovereignty.svg"], [], [])
    assert 'alt="Sovereignty stance of 5 articles: 3 none' in page


def test_every_chart_of_5000_articles_stays_readable(plotted):
    rows = synthetic_rows(5000, sources=100, days=365)
    sizes = {}
    for kind in charts.KINDS:
        fig = plotted(kind, rows, group_by="outlet")
        sizes[kind] = tuple(fig.get_size_inches())
        smallest = min(t.get_fontsize() for t in fig.findobj(lambda o: hasattr(o, "get_fontsize"))
                       if getattr(t, "get_text", lambda: "")())
        assert smallest >= 6.5, kind
    assert all(w <= 14 and h <= 15 for w, h in sizes.values()), sizes


def test_reuse_bars_show_the_most_reused_and_count_the_rest(plotted):
    rows = many_reuse_rows(400)
    ax = plotted("reuse", rows).axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ticks) == charts.MAX_BAR_ROWS == 40
    heights = [p.get_width() for p in ax.patches]
    assert max(heights) == 100 * max(r["reuse_article_share"] for r in rows)
    half = sum(1 for r in rows if r["reuse_article_share"] >= 0.5)
    assert ax.get_title(loc="left") == (
        f"the 40 most reused of 400 articles (360 more not shown)\n{half:,} took half their "
        "words or more from a release")


def test_a_group_keeps_its_colour_and_marker_across_charts(plotted):
    """The framing map and the timeline of one report drew one outlet in two styles: the
    timeline styled (and pooled) only its dated articles. Outlets "outlet 0", "outlet 2",
    "outlet 4" are dated; "outlet 1" and "outlet 3" are not: "outlet 2" is the third group of
    the report, and must look the same on both charts."""
    rows = hand_rows()
    for row in rows[1::2]:
        row["meta_date"] = None

    def styles(fig):
        found = {}
        for ax in fig.axes:
            legend = ax.get_legend() or (fig.legends[0] if fig.legends else None)
            for handle, text in zip(legend.legend_handles, legend.get_texts()):
                if text.get_text().startswith("outlet"):
                    colour = (handle.get_color() if hasattr(handle, "get_marker")
                              else handle.get_facecolor()[0])
                    marker = handle.get_marker() if hasattr(handle, "get_marker") else None
                    found[text.get_text().split(" (")[0]] = (tuple(to_rgb(colour)), marker)
        return found

    from matplotlib.colors import to_rgb

    on_map = styles(plotted("framing_map", rows, group_by="outlet"))
    on_timeline = styles(plotted("timeline", rows, group_by="outlet"))
    assert set(on_timeline) == {"outlet 0", "outlet 2", "outlet 4"}
    for outlet in on_timeline:
        assert on_timeline[outlet][0] == on_map[outlet][0], outlet


def test_the_heatmap_alt_text_names_a_cell_the_chart_draws():
    """One article takes 90 % from release Z, 39 take 50 % each from releases r00-r15: Z sums
    to 0.9 and each r to 1.2 or more, so Z is not among the 15 releases drawn; the alt text
    named "top from Z, 90 %", an empty cell."""
    rows = [{"id": "top", "path": "top.txt", "reuse_kind": "partial",
             "reuse_article_share": 0.9, "reuse_sources": "Z=0.9"}]
    rows += [{"id": f"a{i:02d}", "path": f"{i}.txt", "reuse_kind": "partial",
              "reuse_article_share": 0.5, "reuse_sources": f"r{i % 16:02d}=0.5"}
             for i in range(39)]
    alt = charts.alt_text("reuse_heatmap", rows)
    assert "from Z" not in alt
    assert "Largest: top" not in alt and "50%" in alt
