"""The web UI in a real Chromium driven by Playwright, over the demo case plus a hostile document.

Needs Debian's chromium (`apt-get install chromium`; `.ci/run` installs it). Without it
these tests fail and say how to get it: they are never skipped.
Screenshots of the main views go to test-artifacts/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, expect, sync_playwright
from typer.testing import CliRunner

from casegraph.api.app import create_app
from casegraph.cli import app
from casegraph.pipeline import ingest, rebuild
from casegraph.store.database import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TOKEN = "browser-test-token"
HOSTILE = """Harbour notes

Marlow Freight Ltd supplied pumps to Ostrander Works in 2023, invoices seen by the Ledger show.
<script>window.__pwned = 'script';</script>
<img src="x" onerror="window.__pwned = 'onerror'"> Ostrander Works denied it.
"""



def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("ui")
    db = f"sqlite:///{folder / 'case.db'}"
    made = CliRunner().invoke(app, ["demo", "--db", db, "-o", str(folder / "demo.json")])
    assert made.exit_code == 0, made.output
    store = Store(db)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    ingest(store, [folder / "hostile.txt"])
    rebuild(store)
    port = _free_port()
    config = uvicorn.Config(create_app(store, TOKEN), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if uv.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Page]:
    if not CHROMIUM:
        pytest.fail("no chromium on this machine: apt-get install chromium (.ci/run does)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        yield page
        browser.close()


def _open_entity(page: Page, name: str) -> None:
    page.locator(f'g.node[data-label="{name}"] circle').click()
    expect(page.locator("#entity h2")).to_have_text(name)


def test_click_entity_shows_claims_and_highlighted_evidence(page: Page, server: str) -> None:
    page.goto(f"{server}/#token={TOKEN}")
    expect(page.locator("g.node").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    _open_entity(page, "TSK Vektor")
    expect(page.locator("#entity .match").first).to_contain_text("46441")
    first = page.locator("#entity .claim").first
    quote = first.locator("blockquote").inner_text()
    first.locator("button.show-evidence").click()
    mark = page.locator("#document mark.evidence")
    expect(mark).to_be_visible()
    assert " ".join(mark.inner_text().split()) == " ".join(quote.split())
    page.screenshot(path=str(ARTIFACTS / "entity.png"))


def test_accepted_claim_is_kept_after_reload(page: Page, server: str) -> None:
    page.goto(f"{server}/#token={TOKEN}")
    _open_entity(page, "TSK Vektor")
    claim = page.locator("#entity .claim").first
    claim_id = claim.get_attribute("data-claim")
    claim.locator("button.accept").click()
    reviewed = page.locator(f'#entity .claim[data-claim="{claim_id}"] .review')
    expect(reviewed).to_have_text("accepted")
    page.reload()
    _open_entity(page, "TSK Vektor")
    expect(page.locator(f'#entity .claim[data-claim="{claim_id}"] .review')).to_have_text("accepted")


def test_hostile_document_text_is_shown_not_run(page: Page, server: str) -> None:
    page.goto(f"{server}/")
    page.fill("#search", "onerror")
    page.press("#search", "Enter")
    page.locator("#results button.link", has_text="Harbour notes").click()
    expect(page.locator("#document pre")).to_contain_text("<script>window.__pwned")
    expect(page.locator("#document pre")).to_contain_text('onerror="window.__pwned')
    assert page.locator("#document pre script, #document pre img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.screenshot(path=str(ARTIFACTS / "hostile-document.png"))
