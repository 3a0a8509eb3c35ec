"""`casegraph lists`: load, show and update the sanctions lists stored in the database.

Screening (`ingest`, `demo`) uses the stored lists; with none stored it uses the
OFAC SDN snapshot bundled with casegraph, so it works offline. Loading or
updating a list re-screens the parties already in the database against the
stored lists, so no match shown comes from a list that is no longer loaded.
"""

from __future__ import annotations

import json
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import asdict, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.client import HTTPException
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urljoin, urlsplit

import typer
from rich.markup import escape
from rich.table import Table

from casegraph.commands.common import DbOption, err, fail, open_store, out
from casegraph.errors import CasegraphError
from casegraph.screen.formats import FORMATS
from casegraph.screen.lists import SanctionsList, default_lists, load_list, load_ofac_csv_folder
from casegraph.store.database import Store
from casegraph.store.lists_table import list_summaries, save_list

# OFAC's legacy CSV files as the US Treasury publishes them (Sanctions List Service).
OFAC_SDN_URLS: dict[str, str] = {
    "sdn.csv": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
    "alt.csv": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV",
    "add.csv": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV",
}
OFAC_LIST_NAME = "OFAC SDN"
DEFAULT_TIMEOUT = 60.0
MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024  # the SDN files are a few MB; stop a runaway response
_USER_AGENT = "casegraph (sanctions list update)"
_CHUNK = 1 << 16

lists_app = typer.Typer(
    help=(
        "Sanctions lists in the database: load a list file, show what is stored, "
        "update OFAC SDN from the US Treasury. Screening uses the stored lists, "
        "else the bundled OFAC SDN snapshot (offline default)."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@lists_app.command("load")
def load_command(
    file: Annotated[
        Path,
        typer.Argument(help="List file, or for ofac-csv a folder with sdn.csv, alt.csv, add.csv."),
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"List format: {', '.join(sorted(FORMATS))}.")
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name", help="Store under this name. Default: the list's own (e.g. OFAC SDN)."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Load a sanctions list from its official file format into the database.

    A stored list of the same name is replaced. Parties already in the database
    are screened again against the stored lists.
    """
    if format not in FORMATS:
        fail(f"unknown list format {format!r}; known formats: {', '.join(sorted(FORMATS))}")
    if not file.exists():
        fail(f"no such file or folder: {file}")
    if name is not None and not name.strip():
        fail("--name must not be empty")
    try:
        store = open_store(db)
        loaded = load_list(file, format)
        loaded = replace(
            loaded, name=name.strip() if name else loaded.name, source=str(file.resolve())
        )
        _save_and_rescreen(store, loaded, format)
    except CasegraphError as exc:
        fail(str(exc))


@lists_app.command("show")
def show_command(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Show the stored lists: name, publication date, source and number of entries.

    With no list stored, shows the bundled OFAC SDN snapshot that screening then uses.
    """
    if format not in ("table", "json"):
        fail(f"unknown format {format!r}; use table or json")
    try:
        rows = _show_rows(open_store(db))
    except CasegraphError as exc:
        fail(str(exc))
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if rows and rows[0]["offline_default"]:
        out.print("no list stored: screening uses the bundled OFAC SDN snapshot (offline default)")
    table = Table()
    for column in ("name", "published", "entries", "format"):
        table.add_column(column, no_wrap=True)
    table.add_column("loaded", overflow="fold")
    table.add_column("source", overflow="fold")
    for row in rows:
        loaded = (
            "offline default"
            if row["offline_default"]
            else row["loaded_at"][:16].replace("T", " ") + " UTC"
        )
        table.add_row(
            escape(row["name"]),
            row["published"] or "unknown",
            str(row["entries"]),
            row["format"],
            loaded,
            escape(row["source"]),
        )
    out.print(table)


@lists_app.command("update")
def update_command(
    db: DbOption = None,
    url_base: Annotated[
        str | None,
        typer.Option(
            "--url-base",
            help="Download sdn.csv, alt.csv and add.csv from this URL (a mirror). "
            "Default: the US Treasury's OFAC Sanctions List Service.",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds to wait for the server, per file.")
    ] = DEFAULT_TIMEOUT,
) -> None:
    """Download the current OFAC SDN list (legacy CSV files) and store it as "OFAC SDN".

    The publication date is the server's Last-Modified date of sdn.csv, else
    today's date. Without network access this fails with a one-line error;
    load a copy downloaded elsewhere with `lists load FOLDER --format ofac-csv`.
    """
    urls = _urls(url_base)
    try:
        store = open_store(db)
        with tempfile.TemporaryDirectory(prefix="casegraph-ofac-") as tmp:
            folder = Path(tmp)
            modified = {name: _download(url, folder / name, timeout) for name, url in urls.items()}
            published = modified["sdn.csv"] or datetime.now(UTC).date().isoformat()
            try:
                loaded = load_ofac_csv_folder(folder, OFAC_LIST_NAME, published)
            except CasegraphError as exc:
                fail(f"the files downloaded from {_where(urls)} are not OFAC legacy CSV: {exc}")
        _save_and_rescreen(store, replace(loaded, source=urls["sdn.csv"]), "ofac-csv")
    except CasegraphError as exc:
        fail(str(exc))


def _save_and_rescreen(store: Store, loaded: SanctionsList, format: str) -> None:
    save_list(store, loaded, format)
    published = loaded.published or "unknown date"
    out.print(f"stored {escape(loaded.name)}, published {published}, {len(loaded.entries)} entries")
    if store.entities():
        from casegraph.pipeline import rebuild

        matches = rebuild(store)
        err.print(f"re-screened the stored parties: {len(matches)} matches")


def _show_rows(store: Store) -> list[dict[str, Any]]:
    stored = [asdict(s) | {"offline_default": False} for s in list_summaries(store)]
    if stored:
        return stored
    return [
        {
            "name": s.name,
            "published": s.published,
            "source": s.source,
            "format": "ofac-csv",
            "loaded_at": None,
            "entries": len(s.entries),
            "offline_default": True,
        }
        for s in default_lists()
    ]


def _urls(url_base: str | None) -> dict[str, str]:
    if url_base is None:
        return dict(OFAC_SDN_URLS)
    parts = urlsplit(url_base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        fail(f"--url-base must be an http:// or https:// URL, not {url_base!r}")
    base = url_base if url_base.endswith("/") else url_base + "/"
    return {name: urljoin(base, name) for name in OFAC_SDN_URLS}


def _where(urls: dict[str, str]) -> str:
    return urls["sdn.csv"].rsplit("/", 1)[0] + "/"


def _download(url: str, target: Path, timeout: float) -> str:
    """Write `url` to `target`; the server's Last-Modified date (YYYY-MM-DD) or ""."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with (
            urllib.request.urlopen(request, timeout=timeout) as response,
            target.open("wb") as sink,
        ):
            copied = 0
            while chunk := response.read(_CHUNK):
                copied += len(chunk)
                if copied > MAX_DOWNLOAD_BYTES:
                    fail(f"cannot download {url}: larger than {MAX_DOWNLOAD_BYTES} bytes")
                sink.write(chunk)
            modified = response.headers.get("Last-Modified")
    except urllib.error.HTTPError as exc:
        fail(f"cannot download {url}: HTTP {exc.code} {exc.reason}")
    except urllib.error.URLError as exc:
        fail(
            f"cannot download {url}: {exc.reason}; no network? "
            "Load a downloaded copy with `casegraph lists load FOLDER --format ofac-csv`"
        )
    except (OSError, HTTPException, ValueError) as exc:
        fail(f"cannot download {url}: {exc or type(exc).__name__}")
    return _date(modified)


def _date(http_date: str | None) -> str:
    if not http_date:
        return ""
    try:
        return parsedate_to_datetime(http_date).date().isoformat()
    except (TypeError, ValueError):
        return ""
