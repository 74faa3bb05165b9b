"""The groups of rows every chart shares: a row's group (`--group-by outlet`, `month`, `year` or
any column), the smallest groups pooled as "other" when there are too many to tell apart, the
order groups are shown in, the tick label of a row in its group, and the columns to name when
`--group-by` names one no row has.

>>> group_of({"meta_outlet": "Le Monde", "language": "fr"}, "outlet")
'Le Monde'
>>> group_of({"language": "fr"}, "outlet"), group_of({"language": "fr"}, None)
('unknown', 'all')
>>> row = {"meta_date": "2024-05-13T08:00:00+02:00"}
>>> group_of(row, "month"), group_of(row, "year"), group_of({}, "month")
('2024-05', '2024', 'unknown')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from framing.charts.rows import Row, clean, parse_date, short

MAX_GROUPS = 8  # beyond this, the smallest groups are pooled as "other"

# Groupings every row can be put in, whatever its columns (a row without the value is "unknown").
NAMED_GROUPS = ("outlet", "month", "year", "language")


def group_of(row: Row, group_by: str | None) -> str:
    """The row's group: "all" without grouping; "outlet" is the `meta_outlet` column; "month"
    and "year" the YYYY-MM and YYYY of its `meta_date` (an ISO date or datetime); any other
    name is a column, with or without its `meta_` prefix; a missing value is "unknown"."""
    if group_by is None:
        return "all"
    if group_by in ("month", "year"):
        return _period(row, group_by)
    if group_by == "outlet":
        candidates = ["meta_outlet", "outlet"]
    elif group_by.startswith("meta_"):
        candidates = [group_by, group_by[5:]]
    else:
        candidates = [group_by, f"meta_{group_by}"]
    for column in candidates:
        value = row.get(column)
        if value is not None and value != "":
            text = clean(str(value))
            return text if text.strip() else "unknown"
    return "unknown"


def _period(row: Row, unit: str) -> str:
    """YYYY-MM ("month") or YYYY ("year") of the row's date; "unknown" without one."""
    day = parse_date(row.get("meta_date") or row.get("date"))
    if day is None:
        return "unknown"
    return f"{day.year:04d}-{day.month:02d}" if unit == "month" else f"{day.year:04d}"


def missing_group_column(rows: Iterable[Row], group_by: str | None) -> list[str] | None:
    """None when `group_by` is no grouping, one of NAMED_GROUPS, or a column (with or without
    its `meta_` prefix) some row has a value in; else, for a warning that every row would be
    "unknown", the columns one could group by: the metadata columns the rows have values in,
    then their other columns that hold text (not the scores, which are numbers)."""
    if group_by is None or group_by in NAMED_GROUPS:
        return None
    values: dict[str, list] = {}
    for row in rows:
        for column, value in row.items():
            if value is not None and value != "":
                values.setdefault(column, []).append(value)
    bare = group_by.removeprefix("meta_")
    if {group_by, bare, f"meta_{bare}"} & values.keys():
        return None
    meta = sorted(c for c in values if c.startswith("meta_"))
    text = sorted(c for c, v in values.items() if not c.startswith("meta_")
                  and not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v))
    return meta + text


def row_key(row: Row) -> tuple[str, str]:
    """(id, path): what identifies a row across the groupings of one chart."""
    return (str(row.get("id")), str(row.get("path")))


def display_groups(rows: Iterable[Row], group_by: str | None) -> dict[tuple[str, str], str]:
    """{row key: display group}, pooling the smallest groups as "other" beyond MAX_GROUPS."""
    raw = {row_key(r): group_of(r, group_by) for r in rows}
    counts = Counter(raw.values())
    if len(counts) <= MAX_GROUPS:
        return raw
    keep = {g for g, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[: MAX_GROUPS - 1]}
    return {k: g if g in keep else "other" for k, g in raw.items()}


def group_order(names: Iterable[str]) -> list[str]:
    """Alphabetical, with "unknown" and "other" last."""
    tail = {"unknown": 1, "other": 2}
    return sorted(set(names), key=lambda g: (tail.get(g, 0), g.casefold(), g))


def group_by_name(group_by: str | None) -> str:
    """The grouping column as axis and legend titles name it (no `meta_` prefix)."""
    return {None: "", "meta_outlet": "outlet"}.get(group_by, group_by or "").removeprefix("meta_")


def row_label(row: Row, group_by: str | None) -> str:
    """A row's tick label: its short id, after its short group when the chart is grouped."""
    label = short(str(row.get("id")))
    return f"{short(group_of(row, group_by), 14)} · {label}" if group_by else label
