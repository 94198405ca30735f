"""A durable print queue: a job is a file until the printer took it, so a fault or a crash loses nothing.

Jobs are the rendered bytes, one file each, named `<sequence>-<job id>.job`, written to a
temporary name, flushed to disk and renamed, so a power cut leaves either the
whole job or none of it.  Order is the sequence; a job submitted again under
the same id (a reprint) replaces the waiting one instead of printing twice.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

_NAME = re.compile(r"^(\d{12})-(.+)\.job$")


@dataclass(frozen=True, slots=True)
class SpoolJob:
    seq: int
    job_id: str
    path: Path | None

    def data(self) -> bytes:
        assert self.path is not None
        return self.path.read_bytes()


def _safe(job_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in job_id)[:120] or "job"


class PrintSpool:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.Lock()
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob(".*.tmp"):  # a write cut short by a crash: never renamed, never valid
            stale.unlink(missing_ok=True)

    def add(self, job_id: str, data: bytes) -> SpoolJob:
        safe = _safe(job_id)
        with self._lock:
            jobs = self._jobs()
            same = next((j for j in jobs if j.job_id == safe), None)
            seq = same.seq if same else (jobs[-1].seq + 1 if jobs else 1)
            path = self.directory / f"{seq:012d}-{safe}.job"
            tmp = self.directory / f".{seq:012d}-{safe}.tmp"
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
            self._sync_dir()
            return SpoolJob(seq, safe, path)

    def pending(self) -> list[SpoolJob]:
        with self._lock:
            return self._jobs()

    def data(self, job: SpoolJob) -> bytes:
        return job.data()

    def __len__(self) -> int:
        return len(self.pending())

    def done(self, job: SpoolJob) -> None:
        with self._lock:
            if job.path is not None:
                job.path.unlink(missing_ok=True)
            self._sync_dir()

    def _jobs(self) -> list[SpoolJob]:
        found = []
        for path in self.directory.iterdir():
            m = _NAME.match(path.name)
            if m:
                found.append(SpoolJob(int(m[1]), m[2], path))
        return sorted(found, key=lambda j: j.seq)

    def _sync_dir(self) -> None:
        if os.name != "posix":
            return
        fd = os.open(self.directory, os.O_RDONLY)
        try:
            with contextlib.suppress(OSError):
                os.fsync(fd)
        finally:
            os.close(fd)


class MemorySpool:
    """The same queue kept in memory, for tools and tests that have no data directory."""

    def __init__(self) -> None:
        self._jobs: list[tuple[SpoolJob, bytes]] = []
        self._seq = 0
        self._lock = threading.Lock()

    def add(self, job_id: str, data: bytes) -> SpoolJob:
        safe = _safe(job_id)
        with self._lock:
            for i, (job, _data) in enumerate(self._jobs):
                if job.job_id == safe:
                    self._jobs[i] = (job, data)
                    return job
            self._seq += 1
            job = SpoolJob(self._seq, safe, None)
            self._jobs.append((job, data))
            return job

    def pending(self) -> list[SpoolJob]:
        with self._lock:
            return [job for job, _data in self._jobs]

    def data(self, job: SpoolJob) -> bytes:
        with self._lock:
            return next(d for j, d in self._jobs if j.seq == job.seq)

    def __len__(self) -> int:
        return len(self.pending())

    def done(self, job: SpoolJob) -> None:
        with self._lock:
            self._jobs = [(j, d) for j, d in self._jobs if j.seq != job.seq]
