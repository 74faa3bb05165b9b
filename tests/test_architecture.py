"""The package's shape: data flows one way, modules use each other's public names only, no file
or function grows past what a reader takes in at once (issue 13). Read from the source with
`ast`, not by importing, so a lazy import inside a function counts as much as one at the top."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "framing"
MAX_LINES = 500
MAX_FUNCTION_LINES = 50
# Third-party code copied as it is, so that it can be compared line for line with its origin:
# framing.stemming's base, english and french are NLTK's Snowball stemmers
# (tests/test_stemming.py): their functions stay NLTK's length; each module is under 500 lines.
COPIED = {"framing.stemming.base", "framing.stemming.english", "framing.stemming.french"}


def modules() -> dict[str, Path]:
    """framing.x.y -> its file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, list[str]]]:
    """(module imported, names taken from it) for every `import` in a module, wherever it is."""
    found = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names if a.name.startswith("framing")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            if not base.startswith("framing"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append((sub, []) if sub in known else (base, [alias.name]))
    return found


def test_no_import_cycle_between_modules():
    """The façade (framing/__init__.py) imports its modules lazily and they take __version__
    from it: it is left out. Every other import edge must go one way."""
    known = modules()
    graph = {m: {t for t, _ in imports(m, p, known) if t in known and t != "framing" and t != m}
             for m, p in known.items() if m != "framing"}
    cycles = []

    def visit(node, stack, seen):
        for nxt in sorted(graph.get(node, ())):
            if nxt in stack:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in seen:
                seen.add(nxt)
                visit(nxt, stack + [nxt], seen)

    for start in sorted(graph):
        visit(start, [start], {start})
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles[:5])


def test_no_module_takes_another_module_s_private_names():
    known = modules()
    private = [f"{m} takes {t}.{n}" for m, p in known.items() for t, names in imports(m, p, known)
               for n in names if n.startswith("_") and not n.startswith("__") and t != m]
    assert not private, private


def test_no_file_over_500_lines_and_no_function_over_50():
    ours = {name: path for name, path in modules().items() if name not in COPIED}
    too_long = [f"{p.relative_to(PACKAGE.parent)}: {n} lines" for p in ours.values()
                if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES]
    long_functions = []
    for name, path in ours.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                qualified = f"{name}.{node.name}"
                if length > MAX_FUNCTION_LINES:
                    long_functions.append(f"{qualified}: {length} lines")
    assert not too_long and not long_functions, too_long + long_functions


def calls(path: Path) -> list[str]:
    """The name of every function or method a module calls (`x.compare(...)` -> "compare")."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            found.append(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return found


def test_one_scoring_path_and_one_executor():
    """Only pipeline makes records and compares an article with sources (the reuse package
    compares articles with each other, for `--among`); only engines starts processes."""
    where = {"Record": set(), "compare": set(), "Pool": set(), "LocalCluster": set()}
    for name, path in modules().items():
        for called in calls(path):
            if called in where:
                where[called].add(name)
    assert where["Record"] == {"framing.pipeline"}
    assert where["compare"] - {"framing.pipeline"} <= {"framing.reuse.clusters",
                                                      "framing.reuse.index"}
    assert where["Pool"] == where["LocalCluster"] == {"framing.engines"}


def unannotated(path: Path) -> list[str]:
    """`name(parameter, ..., ->)` for each public function or method of a module (a name without
    a leading "_", at module level or in a class) missing a parameter or return annotation;
    a method's self or cls needs none."""
    found = []

    def check(node: ast.AST, owner: str) -> None:
        for child in node.body:
            if isinstance(child, ast.ClassDef):
                check(child, f"{owner}{child.name}.")
            elif (isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
                  and not child.name.startswith("_")):
                a = child.args
                params = [*a.posonlyargs, *a.args, *a.kwonlyargs,
                          *filter(None, (a.vararg, a.kwarg))]
                if owner and params and params[0].arg in ("self", "cls"):
                    params = params[1:]
                missing = [p.arg for p in params if p.annotation is None]
                missing += ["->"] if child.returns is None else []
                if missing:
                    found.append(f"{owner}{child.name}({', '.join(missing)})")

    check(ast.parse(path.read_text("utf-8")), "")
    return found


def test_public_functions_are_type_hinted():
    """Every public function and method outside cli/ (click commands take their parameters from
    click) annotates its parameters and its return."""
    missing = []
    for path in modules().values():
        where = path.relative_to(PACKAGE.parent).as_posix()
        if where.startswith("framing/cli/"):
            continue
        missing += [f"{where}: {f}" for f in unannotated(path)]
    assert not missing, missing
