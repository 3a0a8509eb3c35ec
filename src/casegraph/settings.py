"""Settings read once, from `CASEGRAPH_*` environment variables."""

from __future__ import annotations

import os

DEFAULT_DB = "casegraph.db"


def database_url(value: str | None = None) -> str:
    """The store URL: explicit value, else `CASEGRAPH_DB`, else `./casegraph.db`.

    A bare file path is accepted and turned into a SQLite URL.
    """
    raw = value or os.environ.get("CASEGRAPH_DB") or DEFAULT_DB
    if "://" in raw:
        return raw
    return f"sqlite:///{raw}"
