"""Result files, written atomically: a temporary file in the same folder, then a rename, so an
interrupted run never leaves a half-written scores.csv behind."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.record import Record


class OutputError(OSError):
    """A result that could not be written (disk full, no permission, a file where a folder is
    due): the command line says so in one line and exits with status 3. Its message names the
    path and the system's reason."""

    def __init__(self, path: Path | str, cause: OSError):
        super().__init__(cause.errno, f"could not write {path}: {cause.strerror or cause}")
        self.path = Path(path)

    def __str__(self) -> str:
        return str(self.strerror)


@contextmanager
def writing(path: Path | str) -> Iterator[None]:
    """A block that writes `path`: an OSError in it becomes an OutputError naming `path`."""
    try:
        yield
    except OutputError:
        raise
    except OSError as err:
        raise OutputError(path, err) from err


def write_atomic(path: Path | str, content: str) -> Path:
    return write_bytes_atomic(path, content.encode("utf-8"))


def write_bytes_atomic(path: Path | str, content: bytes) -> Path:
    path = Path(path)
    with writing(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(path)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(content)
            return _rename(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise


def _temporary(path: Path) -> tuple[int, str]:
    """(descriptor, name) of a new hidden file beside `path`, to be renamed over it, with the
    permissions of any file the user makes (mkstemp makes files private; results are not)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, 0o666 & ~_umask())
    return fd, tmp


def _rename(tmp: str, path: Path) -> Path:
    os.replace(tmp, path)
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# A spreadsheet (Excel, LibreOffice) runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def csv_cell(value: object) -> object:
    """A value as framing writes it into a CSV cell: a string a spreadsheet would run as a
    formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, which
    spreadsheets show as text and hide; a string of apostrophes then one of those gets one more,
    so that `plain_cell` gives every string back exactly. Numbers, booleans and empty cells are
    written as they are, and so is a string that is a plain number ("-0.5" from a metadata
    column): a spreadsheet reads it as that number, not as a formula."""
    if (isinstance(value, str) and value.lstrip("'")[:1] in FORMULA_PREFIXES
            and not _NUMBER.fullmatch(value)):
        return "'" + value
    return value


def plain_cell(text: str) -> str:
    """The string `csv_cell` was given, from the cell it wrote (reading framing's CSV back)."""
    return text[1:] if text[:1] == "'" and csv_cell(text[1:]) == text else text


def csv_text(rows: list[dict], columns: list[str] | None = None) -> str:
    """CSV with the union of all keys as columns, in first-seen order (errors have fewer), or
    `columns` (then the header alone when there are no rows). Every CSV framing writes comes
    from here or `csv_table`: cells go through `csv_cell`."""
    buffer = io.StringIO()
    _write_csv(buffer, _columns(rows) if columns is None else columns, rows)
    return buffer.getvalue()


def csv_table(header: list[str], rows: Iterable[list]) -> str:
    """CSV of a header and rows given as lists, cells through `csv_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(_LineEnds(buffer), lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in header])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return buffer.getvalue()


def _columns(rows) -> dict[str, None]:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return columns


def _write_csv(out, columns, rows) -> None:
    names = list(columns)
    writer = csv.writer(_LineEnds(out), lineterminator="\r\n")
    writer.writerow([csv_cell(name) for name in names])
    for row in rows:
        extra = row.keys() - set(names)
        if extra:
            raise ValueError(f"CSV row has columns not in the header: {sorted(extra)}")
        writer.writerow([csv_cell(row.get(name)) for name in names])


class _LineEnds:
    """The file a CSV writer writes to with lineterminator="\r\n", each row's "\r\n" made "\n".
    The csv module quotes a cell only for the terminator's characters: with "\n" alone, a bare
    CR inside a cell (a title, an outlet) would go unquoted and end the row for every reader."""

    def __init__(self, out):
        self.out = out

    def write(self, line: str) -> int:
        return self.out.write(line[:-2] + "\n")


FORMATS = ("csv", "jsonl", "parquet")
# Rows per Parquet part file.
PARQUET_ROWS = 10_000


class ScoreFiles:
    """scores.jsonl, scores.csv and scores.parquet/ in `out_dir`, written as the records come:
    each record's JSON line and CSV row go to temporary files at once, so that memory does not
    grow with the corpus (Parquet, whose column types depend on every row, keeps the rows), and
    the files are renamed into place when the block ends without an error."""

    def __init__(self, out_dir: Path | str, formats=("jsonl", "csv")):
        self.out_dir, self.formats = Path(out_dir), set(formats)
        with writing(self.out_dir):
            self.out_dir.mkdir(parents=True, exist_ok=True)
        self.columns: dict[str, None] = {}  # the CSV's: all rows' keys, in first-seen order
        self.parquet_rows: list[dict] = []
        self.written: list[Path] = []
        self._open: dict[str, tuple] = {}

    def __enter__(self):
        with writing(self.out_dir):
            recover_commit(self.out_dir)
        for name in ("jsonl", "csv"):
            if name in self.formats:
                with writing(self.out_dir / f"scores.{name}"):
                    fd, tmp = _temporary(self.out_dir / f"scores.{name}")
                self._open[name] = (os.fdopen(fd, "w", encoding="utf-8", newline=""), tmp)
        return self

    def add(self, record: Record) -> None:
        with writing(self.out_dir):
            self._add(record)

    def _add(self, record: Record) -> None:
        if "jsonl" in self._open:
            self._open["jsonl"][0].write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        if "csv" in self._open or "parquet" in self.formats:
            row = record.to_row()
            self.columns.update(dict.fromkeys(row))
            if "csv" in self._open:  # spooled as JSON: the header is known only at the end
                self._open["csv"][0].write(json.dumps(row, ensure_ascii=False) + "\n")
            if "parquet" in self.formats:
                self.parquet_rows.append(row)

    def __exit__(self, kind, error, trace):
        try:
            with writing(self.out_dir):
                for out, _ in self._open.values():
                    out.close()
                if kind is None:
                    self._finish()
        finally:
            for _, tmp in self._open.values():
                if os.path.exists(tmp):
                    os.unlink(tmp)
        return False

    def _finish(self) -> None:
        """All the files, finished as temporaries, then renamed into place as one unit."""
        moves = []
        if "jsonl" in self._open:
            moves.append((Path(self._open["jsonl"][1]), self.out_dir / "scores.jsonl"))
        if "csv" in self._open:
            moves.append((self._csv_from_spool(self._open["csv"][1]), self.out_dir / "scores.csv"))
        if "parquet" in self.formats:
            moves.append((parquet_folder(self.parquet_rows, self.out_dir / "scores.parquet"),
                          self.out_dir / "scores.parquet"))
        try:
            commit_files(self.out_dir, moves)
        finally:
            for tmp, _ in moves:
                remove_any(tmp)
        self.written += [path for _, path in moves]

    def _csv_from_spool(self, spool: str) -> Path:
        """scores.csv finished as a temporary file beside it."""
        fd, tmp = _temporary(self.out_dir / "scores.csv")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out, \
                    open(spool, encoding="utf-8") as rows:
                _write_csv(out, self.columns, (json.loads(line) for line in rows))
            return Path(tmp)
        except BaseException:
            os.unlink(tmp)
            raise


# The list of a commit's (temporary, result) pairs while it renames them (commit_files).
JOURNAL = ".scores.commit.tmp"


def commit_files(out_dir: Path, moves: list[tuple[Path, Path]]) -> None:
    """Rename each finished temporary (file or folder) over its result in `out_dir`, all or
    none: when a rename fails, those done are undone (the results are the last run's); when
    the run is killed between them, the journal they follow lets the next run
    (`recover_commit`, under the folder's lock) finish them."""
    journal = out_dir / JOURNAL
    write_atomic(journal, json.dumps([[os.fspath(t), os.fspath(p)] for t, p in moves]))
    backups: list[Path | None] = []
    try:
        for tmp, path in moves:
            with writing(path):
                backups.append(_set_aside(path))
                os.replace(tmp, path)
    except BaseException:
        _put_back(moves[:len(backups)], backups)
        remove_any(journal)
        raise
    remove_any(journal)
    for backup in backups:
        if backup is not None:
            remove_any(backup)


def _set_aside(path: Path) -> Path | None:
    """A copy of the result about to be replaced (a hard link; a folder is moved)."""
    if not os.path.lexists(path):
        return None
    backup = path.with_name(f".{path.name}.old.tmp")
    remove_any(backup)
    if path.is_dir():
        os.rename(path, backup)
    else:
        os.link(path, backup)
    return backup


def _put_back(moves: list[tuple[Path, Path]], backups: list[Path | None]) -> None:
    for (tmp, path), backup in reversed(list(zip(moves, backups))):
        if backup is not None:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            os.rename(backup, path)
            remove_any(backup)  # (a rename between two links of one file leaves both)
        elif not os.path.lexists(tmp):  # it was renamed into place: no result before it
            remove_any(path)


def recover_commit(out_dir: Path) -> None:
    """Finish the renames of a commit killed between them, then remove what killed runs left
    (temporary files, set-aside results); the caller holds the folder's lock."""
    try:
        moves = json.loads((out_dir / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        moves = []
    for tmp, path in moves:
        if os.path.lexists(tmp):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            os.replace(tmp, path)
    for entry in os.listdir(out_dir):  # only the score files' (other files are the user's)
        if entry.startswith(".scores.") and is_temporary(entry):
            remove_any(out_dir / entry)


def is_temporary(name: str) -> bool:
    """A hidden temporary file or folder this module makes beside a result and renames over it
    (".scores.csv.x.tmp", ".scores.parquet.x.tmp", a set-aside ".scores.csv.old.tmp"): what a
    run killed before the rename leaves."""
    return name.startswith(".") and name.endswith(".tmp")


def remove_any(path: Path | str) -> None:
    """Remove a file, a link or a whole folder, if it is there."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        os.unlink(path)


def _parquet_table(rows: list[dict]):
    try:
        import pyarrow as pa
        import pyarrow.parquet
    except ImportError as err:
        raise RuntimeError("--format parquet needs pyarrow: pip install 'framing[dask]'") from err
    columns = _columns(rows)
    arrays = {}
    for name in columns:
        values = [row.get(name) for row in rows]
        try:
            arrays[name] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed kinds: written as text
            arrays[name] = pa.array([None if v is None else str(v) for v in values])
    table = pa.table(arrays) if arrays else pa.table({"id": pa.array([], pa.string())})
    return table


def write_parquet(rows: list[dict], directory: Path | str, rows_per_part: int = PARQUET_ROWS
                  ) -> Path:
    """Partitioned Parquet: `directory`/part-00000.parquet, ... of `rows_per_part` rows in
    order, all with one schema (the union of the rows' columns, as in the CSV), so that pandas,
    pyarrow, Dask, DuckDB, Spark or R's arrow read the folder as one table. Written into a
    temporary folder, then renamed over the old one (commit_files)."""
    directory = Path(directory)
    tmp = parquet_folder(rows, directory, rows_per_part)
    try:
        commit_files(directory.parent, [(tmp, directory)])
    finally:
        remove_any(tmp)
    return directory


def parquet_folder(rows: list[dict], directory: Path | str,
                   rows_per_part: int = PARQUET_ROWS) -> Path:
    """The Parquet folder of `rows` (as write_parquet), written as a hidden temporary folder
    beside `directory`, for the caller to rename."""
    directory = Path(directory)
    table = _parquet_table(rows)
    with writing(directory):
        return _parts_folder(table, directory, rows_per_part)


def _parts_folder(table, directory: Path, rows_per_part: int) -> Path:
    import pyarrow.parquet as pq

    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".tmp", dir=directory.parent))
    try:
        for part, start in enumerate(range(0, max(table.num_rows, 1), rows_per_part)):
            pq.write_table(table.slice(start, rows_per_part), tmp / f"part-{part:05d}.parquet")
        os.chmod(tmp, 0o777 & ~_umask())
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp
