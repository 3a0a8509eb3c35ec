"""Databases for the store tests: a SQLite file, and a fresh PostgreSQL database per test.

PostgreSQL comes from `CASEGRAPH_TEST_POSTGRES_URL` (a role allowed to create
databases; `.ci/run` starts one and sets it), else from a throwaway server
started here from the installed binaries (Debian: `apt-get install postgresql`).
With neither, the PostgreSQL variants fail and say how to get one: they are
never skipped.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError

ENV = "CASEGRAPH_TEST_POSTGRES_URL"
HOW = (
    f"the PostgreSQL variant needs a server: set {ENV}=postgresql://USER@HOST:PORT/DB "
    "(a role that may create databases), or install PostgreSQL (Debian: apt-get install "
    "postgresql) so the tests start a throwaway one; .ci/run does both"
)


def pg_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on the PATH, else Debian's newest version."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return versions[-1] if versions else None


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    """PostgreSQL refuses to run as root: run it as `owner` then."""
    return ["runuser", "-u", owner, "--", *command] if owner else command


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ThrowawayServer:
    """A PostgreSQL server in a temporary folder, trusting local connections, fast and unsafe
    (no fsync): for tests only."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.base = Path(tempfile.mkdtemp(prefix="casegraph-pg-"))
        self.owner = "postgres" if os.geteuid() == 0 else None
        if self.owner:
            user = pwd.getpwnam(self.owner)
            os.chown(self.base, user.pw_uid, user.pw_gid)
        self.data = self.base / "data"
        self.port = _free_port()

    def run(self, *args: str) -> None:
        command = _as_owner([str(self.bin / args[0]), *args[1:]], self.owner)
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.base / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            pytest.fail(f"{' '.join(args[:2])} failed: {done.stderr.strip()} {tail}")

    def start(self) -> str:
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--no-sync", "--no-instructions")
        options = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.base / "log"), "-w", "start")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        command = _as_owner([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"], self.owner)
        subprocess.run(command, capture_output=True, check=False)
        shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A URL of a PostgreSQL server where the tests may create databases."""
    given = os.environ.get(ENV)
    if given:
        yield given
        return
    bin_dir = pg_bin()
    if bin_dir is None:
        raise pytest.fail.Exception(HOW)
    server = ThrowawayServer(bin_dir)
    try:
        yield server.start()
    finally:
        server.stop()


def fresh_postgres(admin_url: str) -> Iterator[str]:
    """A new empty database on the server; dropped afterwards, whoever is still connected."""
    from casegraph.settings import engine_url

    name = f"casegraph_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(engine_url(admin_url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except SQLAlchemyError as exc:  # no usable server behind the URL
        admin.dispose()
        pytest.fail(f"cannot create a database on {ENV} / the throwaway server: {exc}; {HOW}")
    try:
        yield make_url(engine_url(admin_url)).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each store test runs twice: on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'case.db'}"
        return
    yield from fresh_postgres(request.getfixturevalue("postgres_admin_url"))
