"""The groups of rows every chart shares: a row's group (`--group-by outlet` or any column), the
smallest groups pooled as "other" when there are too many to tell apart, the order groups are
shown in, and the tick label of a row in its group.

>>> group_of({"meta_outlet": "Le Monde", "language": "fr"}, "outlet")
'Le Monde'
>>> group_of({"language": "fr"}, "outlet"), group_of({"language": "fr"}, None)
('unknown', 'all')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from framing.charts.rows import Row, clean, short

MAX_GROUPS = 8  # beyond this, the smallest groups are pooled as "other"


def group_of(row: Row, group_by: str | None) -> str:
    """The row's group: "all" without grouping; "outlet" is the `meta_outlet` column; any other
    name is a column, with or without its `meta_` prefix; a missing value is "unknown"."""
    if group_by is None:
        return "all"
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
