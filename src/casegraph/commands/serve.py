"""`casegraph serve`: the API and the web UI over one case store."""

from __future__ import annotations

import os
import secrets
from typing import Annotated

import typer

from casegraph.commands.common import DbOption, err, fail, open_store
from casegraph.errors import CasegraphError

TOKEN_ENV = "CASEGRAPH_TOKEN"


def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. Default: this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8484,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help=f"Bearer token for review actions. Default: ${TOKEN_ENV}, else a new random one.",
        ),
    ] = None,
) -> None:
    """Serve the web UI and the API (OpenAPI docs at /docs) for a case store.

    Reads are open from this machine; review actions (accept or reject a claim,
    merge or split entities) and reads from other machines need the token. The
    link printed at start carries it for the browser.
    """
    import uvicorn

    from casegraph.api.app import create_app

    token = token or os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(18)
    try:
        store = open_store(db)
        store.entities()
    except CasegraphError as exc:
        fail(str(exc))
    shown = "localhost" if host in {"127.0.0.1", "::1"} else host
    err.print(f"casegraph UI: http://{shown}:{port}/#token={token}")
    err.print(
        f"API docs: http://{shown}:{port}/docs  (writes need 'Authorization: Bearer {token}')"
    )
    uvicorn.run(create_app(store, token), host=host, port=port, log_level="warning")
