"""A report folder written as one unit, by one run at a time.

    with ReportFolder(out) as folder:     # the lock: OUT/.framing.lock names the run holding it
        ...score...                       # OUT is the last report, untouched
        staging = folder.staging()        # .OUT.staging-PID beside OUT: the new report goes here
        ...write into staging...
        folder.commit(staging)            # swapped with OUT in one step; the old one removed

A second run into the same folder is refused (an OutputError naming the holder: pid, host, since
when, command); a lock left by a run that died on this machine (its pid is gone) is taken over.
`framing exercise grade` writes its grade folder the same way (ReportFolder(out, GRADE_ENTRIES)).
A crash, a kill or a full disk before `commit` leaves OUT as the last complete report; after it,
OUT is the new one. Nothing of an earlier report stays in the new one (pages of articles no
longer in the corpus, charts no longer drawn), while files framing did not write are carried
over. Leftovers of killed runs (staging folders, hidden *.tmp files) are removed by the next run.
On Linux the swap is one renameat2(RENAME_EXCHANGE); elsewhere two renames, and a run finding OUT
missing but its old copy beside it puts that back first.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from framing.outputs import OutputError, is_temporary, remove_any, write_atomic, writing
from framing.record import Record

LOCK = ".framing.lock"
CHECKPOINT = ".checkpoint.jsonl"
# What framing writes in a report folder: replaced by each run. Anything else is carried over.
REPORT_ENTRIES = {"index.html", "scores.csv", "scores.jsonl", "records.jsonl", "passages.csv",
                  "errors.csv", "manifest.json", "articles", "charts", "scores.parquet",
                  CHECKPOINT}


class FolderBusy(OutputError):
    """Another run holds the folder's lock (exit status 3, like any output not written)."""

    def __init__(self, out: Path, holder: dict):
        super().__init__(out, OSError(errno.EBUSY, _busy_message(out, holder)))


def _busy_message(out: Path, holder: dict) -> str:
    return (f"another framing run is writing it (pid {holder.get('pid')} on "
            f"{holder.get('host')}, since {holder.get('started')}: "
            f"{' '.join(holder.get('command') or [])}); wait for it to end, or delete "
            f"{out / LOCK} if that run is gone")


class Checkpoint:
    """OUT/.checkpoint.jsonl: each article's record appended as soon as it is scored, under a
    first line giving the fingerprint (framing, lexicons, model, sources) it was scored with, so
    that `--resume` after a kill takes those records instead of scoring the articles again. A
    line cut by the kill is dropped. It is not part of the report: the report that completes
    the run replaces the folder that holds it."""

    def __init__(self, out: Path | str, fingerprint: dict, resume: bool):
        self.path = Path(out) / CHECKPOINT
        self.fingerprint, self.resume = fingerprint, resume
        self.previous: dict[str, Record] = {}  # sha256 -> record, when resuming

    def __enter__(self):
        kept = self._read() if self.resume else []
        header = json.dumps({"fingerprint": self.fingerprint}) + "\n"
        write_atomic(self.path, header + "".join(line + "\n" for line in kept))
        with writing(self.path):
            self._file = open(self.path, "a", encoding="utf-8")
        return self

    def _read(self) -> list[str]:
        """The whole lines of a checkpoint of the same fingerprint (their records go into
        `previous`); none for another fingerprint."""
        try:
            lines = self.path.read_text(encoding="utf-8").split("\n")
            if json.loads(lines[0]).get("fingerprint") != self.fingerprint:
                return []
        except (OSError, ValueError, AttributeError):
            return []
        self.previous, kept = resumable(lines[1:])
        return kept

    def add(self, line: str) -> None:
        """One scored record, as its records.jsonl line (report.record_line)."""
        with writing(self.path):
            self._file.write(line + "\n")
            self._file.flush()  # in the system's hands: a killed run keeps it

    def __exit__(self, kind, error, trace):
        try:
            with writing(self.path):
                self._file.close()
        except OutputError:
            if kind is None:  # else the error on its way out already says why
                raise
        return False


def resumable(lines: list[str]) -> tuple[dict[str, Record], list[str]]:
    """(sha256 of the text -> record, the lines they come from) of the records that `--resume`
    can take from records.jsonl or a checkpoint: scored ones with a sha256. A line that is not
    such a record (cut by a kill, edited by hand) is left out, not the whole file."""
    found: dict[str, Record] = {}
    kept = []
    for line in lines:
        try:
            record = Record.from_dict(json.loads(line))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        if record.ok and record.meta.get("sha256"):
            found[record.meta["sha256"]] = record
            kept.append(line)
    return found, kept


class FolderLock:
    """OUT/.framing.lock while a run writes OUT (`framing report`, `score --out`, `exercise
    --out`): a second run is refused (FolderBusy names the holder); a lock of a run that died on
    this machine is taken over; the lock is removed when the block ends."""

    def __init__(self, out: Path | str):
        self.out = Path(os.path.realpath(out))  # a symlinked --out: its target is locked
        self.lock = self.out / LOCK
        self.me = {"pid": os.getpid(), "host": socket.gethostname(),
                   "started": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                   "command": [os.path.basename(sys.argv[0])] + sys.argv[1:]}

    def __enter__(self):
        with writing(self.out):
            self.out.mkdir(parents=True, exist_ok=True)
            self._take_lock()
        return self

    def _take_lock(self) -> None:
        for _ in range(3):
            try:
                fd = os.open(self.lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _holder(self.lock)
                if holder is not None and not _stale(holder):
                    raise FolderBusy(self.out, holder) from None
                if holder is not None:
                    _take_over(self.lock, holder)
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(json.dumps(self.me) + "\n")
            return
        raise FolderBusy(self.out, _holder(self.lock) or {})

    def __exit__(self, kind, error, trace):
        if _holder(self.lock) == self.me:
            remove_any(self.lock)
        return False


class ReportFolder(FolderLock):
    """The lock on a report folder, its staging folder and the swap (see the module's doc)."""

    def __init__(self, out: Path | str, entries: frozenset[str] | set[str] = REPORT_ENTRIES):
        """`entries`: the names framing writes in OUT (replaced by each run; anything else in
        OUT is carried over): a report's by default, `framing exercise grade`'s for a grade
        folder."""
        super().__init__(out)
        self.entries = entries
        self._staging: Path | None = None

    def __enter__(self):
        with writing(self.out):
            _put_back_old(self.out)
            self.out.mkdir(parents=True, exist_ok=True)
            self._take_lock()
            _remove_leftovers(self.out)
        return self

    def staging(self) -> Path:
        """A new empty folder beside OUT (same file system) for the new report."""
        with writing(self.out.parent):
            self._staging = Path(tempfile.mkdtemp(
                prefix=f".{self.out.name}.staging-{os.getpid()}-", dir=self.out.parent))
            os.chmod(self._staging, self.out.stat().st_mode & 0o7777)
        return self._staging

    def commit(self, staging: Path) -> None:
        """Swap `staging` into OUT's place, carrying over the lock and what framing did not
        write; the old report is removed."""
        with writing(self.out):
            try:  # the same lock file: OUT is never unlocked
                os.link(self.lock, staging / LOCK)
            except OSError:  # a file system without hard links
                (staging / LOCK).write_text(json.dumps(self.me) + "\n", encoding="utf-8")
            for entry in os.listdir(self.out):
                if entry not in self.entries and entry != LOCK and not is_temporary(entry):
                    os.rename(self.out / entry, staging / entry)
            if _exchange(staging, self.out):
                old = staging
            else:
                old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
                os.rename(self.out, old)
                os.rename(staging, self.out)
            self._staging = None
            shutil.rmtree(old, ignore_errors=True)

    def __exit__(self, kind, error, trace):
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
        return super().__exit__(kind, error, trace)


def _holder(lock: Path) -> dict | None:
    """The run named in a lock file; {} when it cannot be read (just being written: held)."""
    try:
        return json.loads(lock.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}


def _stale(holder: dict) -> bool:
    """A lock of a run on this machine whose process is gone."""
    if holder.get("host") != socket.gethostname() or not isinstance(holder.get("pid"), int):
        return False
    try:
        os.kill(holder["pid"], 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _take_over(lock: Path, stale: dict) -> None:
    """Remove a stale lock, unless another run took it over first (then its lock is put
    back)."""
    aside = lock.with_name(f"{LOCK}.stale-{os.getpid()}")
    try:
        os.rename(lock, aside)
    except FileNotFoundError:
        return
    if _holder(aside) != stale:
        try:
            os.link(aside, lock)
        except FileExistsError:
            pass
    remove_any(aside)


def _remove_leftovers(out: Path) -> None:
    """What killed runs left: staging and old folders beside OUT, temporary files in it (the
    caller holds the lock, so no other run is using them)."""
    for sibling in out.parent.glob(f".{out.name}.staging-*"):
        shutil.rmtree(sibling, ignore_errors=True)
    for sibling in out.parent.glob(f".{out.name}.old-*"):
        shutil.rmtree(sibling, ignore_errors=True)
    for entry in os.listdir(out):
        if is_temporary(entry):
            remove_any(out / entry)


def _put_back_old(out: Path) -> None:
    """A run killed between the two renames of a swap (no renameat2) left OUT missing and the
    last report beside it: put it back."""
    if out.exists():
        return
    olds = sorted(out.parent.glob(f".{out.name}.old-*"))
    if olds:
        os.rename(olds[-1], out)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system or
    the file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
