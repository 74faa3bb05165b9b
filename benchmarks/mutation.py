"""`make mutation`: mutation testing (mutmut) of the functions that hold framing's core rules,
then the survivors and the kill rate.

    python benchmarks/mutation.py            # every rule function below
    python benchmarks/mutation.py tone       # the modules whose name holds this text

mutmut's settings (the modules copied, the tests run) are in pyproject.toml, [tool.mutmut].
Only the functions named in RULES are mutated: on two cores a whole-module run (about 3,000
mutants) takes hours, and most of those mutants sit in plumbing (record building, CSV
dialects, page furniture) that other tests cover. Each survivor is listed with its diff; a
survivor that cannot change what the function returns is explained in README.md ("Mutation
testing"), every other one is a missing test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# module: the functions of its rules (the list: negation and its window, questions,
# clause breaks, quoted vs writer's voice, the stance decision, passage minimums, boilerplate,
# the translated chain, encoding and row errors, escaping).
RULES = {
    "framing.tone": ["is_negated", "is_question", "_effect", "_sentence_label", "article_label",
                     "closing_start", "in_any"],
    "framing.sovereignty": ["stance_in", "_sentence_stance", "_doubt", "_shield_negated",
                            "_has_substance", "_counts"],
    "framing.reuse.align": ["_passage", "_chains"],
    "framing.reuse.summary": ["matches"],
    "framing.reuse.translate": ["align_sentences", "_is_translation", "sentence_similarity",
                                "number_value"],
    "framing.documents.tables": ["_jsonl_row_document", "csv_row_document"],
    "framing.documents.decoding": ["mend_fields", "_cp1252", "has_undecoded"],
    "framing.html": ["escape", "mark_tag", "origin", "_web_address"],
}


def mutant_globs(chosen: list[str]) -> list[str]:
    return [f"{module}.x_{name}__mutmut_*" for module, names in RULES.items()
            if not chosen or any(c in module for c in chosen) for name in names]


def mutmut(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)


def main(argv: list[str]) -> int:
    globs = mutant_globs(argv)
    run = mutmut("run", "--max-children", os.environ.get("MUTATION_JOBS", "2"), *globs)
    if run.returncode != 0:
        print(run.stdout[-3000:], run.stderr[-3000:], sep="\n")
        return run.returncode
    listed = mutmut("results", "--all", "true").stdout
    status = dict(re.findall(r"^\s*(\S+__mutmut_\d+): (.+)$", listed, re.MULTILINE))
    wanted = re.compile("|".join(g.replace(".", r"\.").replace("*", r"\d+") for g in globs))
    status = {name: s for name, s in status.items() if wanted.fullmatch(name)}
    killed = sum(s == "killed" for s in status.values())
    survivors = sorted(name for name, s in status.items() if s != "killed")
    for name in survivors:
        print(f"{status[name]}: {name}")
        print(mutmut("show", name).stdout.rstrip() + "\n")
    by_module: dict[str, list[int]] = {}
    for name, s in status.items():
        module = name.rsplit(".x_", 1)[0]
        by_module.setdefault(module, [0, 0])
        by_module[module][0] += s == "killed"
        by_module[module][1] += 1
    for module, (k, n) in sorted(by_module.items()):
        print(f"{module}: {k} of {n} killed ({k / n:.1%})")
    total = len(status)
    print(f"mutation: {killed} of {total} mutants killed ({killed / max(total, 1):.1%}), "
          f"{len(survivors)} survived")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
