"""One rebuild at a time per store, across processes and machines.

A rebuild reads every mention and rewrites resolution whole. Two ingests that
finish close together could each read the store, and the one that read first
could write last, leaving out the other's documents. Holding this lock from the
read to the write means the last rebuild sees every document written before it
began. Document writes do not take it: they stay concurrent.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from casegraph.store.database import Store

ADVISORY_KEY = 0x63617365  # "case": the PostgreSQL advisory lock casegraph's rebuild holds
_in_process = threading.Lock()


@contextmanager
def rebuild_lock(store: Store) -> Iterator[None]:
    """Hold the store's rebuild lock: an advisory lock on PostgreSQL, a lock file beside
    a SQLite file. Either is released by the server or the OS when a process dies."""
    if store.engine.dialect.name == "postgresql":
        with _advisory_lock(store):
            yield
        return
    database = store.engine.url.database
    if store.engine.dialect.name != "sqlite" or not database or database == ":memory:":
        with _in_process:
            yield
        return
    with _file_lock(f"{database}-rebuild.lock"):
        yield


@contextmanager
def _advisory_lock(store: Store) -> Iterator[None]:
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})


@contextmanager
def _file_lock(path: str) -> Iterator[None]:
    import fcntl

    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
