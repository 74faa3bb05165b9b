"""Flat report rows for the index page at scale (tests/test_report.py, benchmarks/index_speed.py):
row i is article art{i:05d} of outlet OUTLETS[i % 5], label LABELS[i % 3], stance
STANCES[i % 3], reuse KINDS[i % 4], critical score i / n (so the last article is the most
critical); everything a test expects follows from i."""

OUTLETS = ["Le Quotidien", "La Dépêche du Web", "Tech Hebdo", "Le Courrier", "Wire FR"]
LABELS = ["promotional", "neutral", "critical"]
STANCES = ["none", "promise", "question"]
KINDS = ["none", "verbatim", "near", "translated"]


def many_rows(n: int, method: str = "lexicon") -> list[dict]:
    """n rows as Record.to_row() gives them (the columns the index shows), plus their group."""
    return [{
        "id": f"art{i:05d}", "path": f"corpus.jsonl#{i}", "title": f"Article {i} sur le cloud",
        "error_code": None, "language": "fr", "n_words": 300 + i, "label": LABELS[i % 3],
        "label_method": method, "promotional": (i % 100) / 100, "critical": i / n,
        "sovereignty_stance": STANCES[i % 3], "laws": "CLOUD Act" if i % 7 == 0 else "",
        "reuse_kind": KINDS[i % 4], "reuse_article_share": (i % 10) / 10,
        "readability_score": 40 + i % 30, "meta_outlet": OUTLETS[i % 5],
        "group": OUTLETS[i % 5],
    } for i in range(n)]


def links(rows: list[dict]) -> dict[str, str]:
    """id -> the article page each row links to."""
    return {r["id"]: f"articles/{r['id']}.html" for r in rows}
