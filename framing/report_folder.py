"""A report folder written by one run at a time.

    with ReportFolder(out):               # the lock: OUT/.framing.lock names the run holding it
        ...score and write...

A second run into the same folder is refused (an OutputError naming the holder: pid, host, since
when, command); a lock left by a run that died on this machine (its pid is gone) is taken over.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from datetime import datetime, timezone
from pathlib import Path

from framing.outputs import OutputError, writing

LOCK = ".framing.lock"


class FolderBusy(OutputError):
    """Another run holds the folder's lock (exit status 3, like any output not written)."""

    def __init__(self, out: Path, holder: dict):
        super().__init__(out, OSError(errno.EBUSY, _busy_message(out, holder)))


def _busy_message(out: Path, holder: dict) -> str:
    return (f"another framing run is writing it (pid {holder.get('pid')} on "
            f"{holder.get('host')}, since {holder.get('started')}: "
            f"{' '.join(holder.get('command') or [])}); wait for it to end, or delete "
            f"{out / LOCK} if that run is gone")


class ReportFolder:
    """The lock on a report folder (see the module's doc)."""

    def __init__(self, out: Path | str):
        self.out = Path(os.path.realpath(out))  # a symlinked --out: its target
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
            _remove(self.lock)
        return False


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
    _remove(aside)


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
