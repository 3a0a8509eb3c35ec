"""Settings read once, from `CASEGRAPH_*` environment variables."""

from __future__ import annotations

import os

DEFAULT_DB = "casegraph.db"
SQLITE_BUSY_TIMEOUT_MS = 60_000
"""How long a SQLite writer waits for another process's transaction before giving up."""

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")
POSTGRES_DRIVER = "postgresql+psycopg://"


def database_url(value: str | None = None) -> str:
    """The store URL: explicit value, else `CASEGRAPH_DB`, else `./casegraph.db`.

    A bare file path is accepted and turned into a SQLite URL.
    """
    raw = value or os.environ.get("CASEGRAPH_DB") or DEFAULT_DB
    if "://" in raw:
        return engine_url(raw)
    return f"sqlite:///{raw}"


def engine_url(url: str) -> str:
    """A plain `postgresql://` (or `postgres://`) URL goes through psycopg 3, the driver
    casegraph installs; a URL naming its driver is left alone."""
    for scheme in _POSTGRES_SCHEMES:
        if url.startswith(scheme):
            return POSTGRES_DRIVER + url.removeprefix(scheme)
    return url
