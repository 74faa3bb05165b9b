"""Plant the bugs of issue 21, one at a time, each in a copy of the tree, and run the tests of the
rule it breaks: every planted bug must make one of them fail.

    python benchmarks/planted_bugs.py            # every bug
    python benchmarks/planted_bugs.py tone-n't   # the bugs whose name holds this text

Prints one line per bug: CAUGHT (and the failing tests) or SURVIVED. Exit status 1 when one
survives. The working tree is never touched: each bug is planted in a copy under a temporary
folder, and the tests run with that copy first on PYTHONPATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("framing", "lexicons", "seeds", "tests", "pyproject.toml")

TONE = ["tests/test_rules_tone.py", "tests/test_tone.py"]
SOVEREIGNTY = ["tests/test_rules_sovereignty.py", "tests/test_sovereignty.py"]
REUSE = ["tests/test_rules_reuse.py", "tests/test_reuse_align.py"]
TRANSLATE = ["tests/test_rules_reuse.py", "tests/test_reuse_translate.py"]
DOCUMENTS = ["tests/test_rules_documents.py", "tests/test_documents_tables.py",
             "tests/test_documents_decoding.py"]
ESCAPING = ["tests/test_rules_html.py", "tests/test_escaping.py", "tests/test_html.py"]

# (name, file, the text replaced (found exactly once), its replacement, the tests of the rule).
BUGS = [
    ("sovereignty: >= becomes > in the question-vs-promise decision", "framing/sovereignty.py",
     "doubted = doubt > 0 and doubt >= scored.promotional",
     "doubted = doubt > 0 and doubt > scored.promotional", SOVEREIGNTY),
    ("sovereignty: >= becomes > in the article's question share", "framing/sovereignty.py",
     "question >= promise * QUESTION_OVER_PROMISE", "question > promise * QUESTION_OVER_PROMISE",
     SOVEREIGNTY),
    ("tone: English n't negation dropped", "framing/tone.py",
     'if word in NEGATIONS or word.endswith("n\'t"):', "if word in NEGATIONS:", TONE),
    ("tone: clause-break check dropped", "framing/tone.py",
     "if _CLAUSE_BREAK.search(text, sentence.matches[i].end(), hit.start):",
     "if False:", TONE),
    ("tone: negation window 4 -> 1 word", "framing/tone.py",
     "NEGATION_WINDOW = 4", "NEGATION_WINDOW = 1", TONE),
    ("tone: negation window 4 -> 6 words", "framing/tone.py",
     "NEGATION_WINDOW = 4", "NEGATION_WINDOW = 6", TONE),
    ("tone: 'non seulement' no longer exempt", "framing/tone.py",
     "                continue\n            return True", "                pass\n            return True",
     TONE),
    ("tone: a question no longer doubts a promise", "framing/tone.py",
     "if question and not quoted and family == \"promotional\":",
     "if False:", TONE),
    ("tone: quotes no longer weigh less", "framing/tone.py",
     "QUOTED = 0.3", "QUOTED = 1.0", TONE),
    ("reuse: minimum passage 10 -> 6 words", "framing/reuse/align.py",
     "MIN_PASSAGE_WORDS = 10", "MIN_PASSAGE_WORDS = 6", REUSE),
    ("reuse: boilerplate discount halved", "framing/reuse/align.py",
     "boiler * 2 > matched", "boiler > matched", REUSE),
    ("reuse: boilerplate words counted in the source share", "framing/reuse/summary.py",
     "if not source.boilerplate[i])", ")", REUSE),
    ("translation: minimum chain 3 -> 2 sentences", "framing/reuse/translate.py",
     "MIN_SENTENCES = 3", "MIN_SENTENCES = 2", TRANSLATE),
    ("translation: mean-similarity condition dropped", "framing/reuse/translate.py",
     "if not chain or sum(p[2] for p in chain) / len(chain) < MIN_MEAN_SIMILARITY:",
     "if not chain:", TRANSLATE),
    ("translation: or -> and in the chain guard", "framing/reuse/translate.py",
     "if not chain or sum(", "if not chain and sum(", TRANSLATE),
    ("translation: a pair needs one shared word, not two", "framing/reuse/translate.py",
     "if len(shared) < 2:", "if len(shared) < 1:", TRANSLATE),
    ("translation: a short chain needs a third of the article, not half",
     "framing/reuse/translate.py", "SHORT_CHAIN_SHARE = 0.5", "SHORT_CHAIN_SHARE = 0.3",
     TRANSLATE),
    ("html: no escaping in the reuse side-by-side view", "framing/html.py",
     "lambda t: escape(shown(t)))", "lambda t: shown(t))", ESCAPING),
    ("html: no escaping inside marked evidence", "framing/html.py",
     "inner = draw(shown, titled_mark, escape)", "inner = draw(shown, titled_mark, str)",
     ESCAPING),
    ("html: mark_tag text unescaped", "framing/html.py",
     "return f\"<mark class=\\\"{kind}\\\"{tooltip}>{escape(text)}</mark>\"",
     "return f\"<mark class=\\\"{kind}\\\"{tooltip}>{text}</mark>\"", ESCAPING),
    ("html: escape keeps quotes", "framing/html.py",
     "quote=True)", "quote=False)", ESCAPING),
    ("terminal: a document's control characters printed as they are", "framing/explain.py",
     'return _TERMINAL_CONTROL.sub("\\ufffd", text)', "return text", ESCAPING),
    ("documents: wrong field count is not an error", "framing/documents/tables.py",
     "if len(fields) != len(header):", "if len(fields) < len(header):", DOCUMENTS),
    ("documents: a JSON array line is read as a row", "framing/documents/tables.py",
     "if not isinstance(value, dict):", "if value is None:", DOCUMENTS),
    ("documents: a non-string text gets code malformed_row", "framing/documents/tables.py",
     'return failed_document(doc_id, source.path, "missing_column", message, meta)',
     'return failed_document(doc_id, source.path, "malformed_row", message, meta)', DOCUMENTS),
    ("documents: NUL bytes in a row are not binary", "framing/documents/decoding.py",
     'raise DocumentReadError("binary", f"{where}: contains NUL',
     'raise DocumentReadError("encoding", f"{where}: contains NUL', DOCUMENTS),
    ("documents: undecodable row bytes pass", "framing/documents/decoding.py",
     'return data.decode("cp1252")', 'return data.decode("cp1252", errors="replace")',
     DOCUMENTS),
]


def plant(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"{file}: {old!r} found {text.count(old)} times, not once")
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(name: str, file: str, old: str, new: str, tests: list[str]) -> tuple[bool, list[str]]:
    with tempfile.TemporaryDirectory(prefix="planted-") as tmp:
        copy = Path(tmp)
        for item in COPIED:
            source = ROOT / item
            if source.is_dir():
                shutil.copytree(source, copy / item,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(source, copy / item)
        plant(copy, file, old, new)
        existing = [t for t in tests if (copy / t).exists()]
        env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
             "-p", "no:randomly", *existing],
            cwd=copy, env=env, capture_output=True, text=True, check=False)
        failed = re.findall(r"^FAILED (\S+)", done.stdout, re.MULTILINE)
        return done.returncode != 0, failed


def main(argv: list[str]) -> int:
    chosen = [b for b in BUGS if not argv or any(a in b[0] for a in argv)]
    survived = 0
    for name, file, old, new, tests in chosen:
        caught, failed = run(name, file, old, new, tests)
        survived += not caught
        print(f"{'CAUGHT  ' if caught else 'SURVIVED'} {name}: {', '.join(failed) or '-'}",
              flush=True)
    print(f"{len(chosen) - survived} of {len(chosen)} planted bugs caught")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
