"""The web page in headless Chromium: open an article, see its quote and speaker highlighted."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from lagebild.analysis import analyze_article
from lagebild.read.text import parse_text_article
from lagebild.store.database import open_database, store_analysis

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
OWN_ARTICLE = (
    "Ministerin lobt neue Brücke\n\n"
    "Die Verkehrsministerin Jana Beispiel hat am Montag die neue Brücke in Nordhaven eröffnet. "
    '"Diese Brücke verbindet zwei Stadtteile, die lange getrennt waren", sagte Beispiel bei '
    "der Feier. Der Bürgermeister dankte den Arbeitern.\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _analysis(nlp: Language, which: str) -> tuple[dict[str, Any], str]:
    """The real pipeline's analysis of our own article or of the seed article (`../shared`)."""
    if which == "seed":
        if not SEED.exists():
            pytest.skip(f"seed article not found at {SEED} (../shared beside the repo)")
        article = parse_text_article(SEED.read_text(encoding="utf-8"), "article.txt")
    else:
        article = parse_text_article(OWN_ARTICLE, "bruecke.txt")
    analysis = analyze_article(nlp, article)
    assert analysis["quotes"] and analysis["quotes"][0].get("speaker"), "no quote with speaker"
    return analysis, article.content_hash


@pytest.fixture(params=["own", "seed"])
def server(
    request: pytest.FixtureRequest, tmp_path: Path, nlp: Language
) -> Iterator[tuple[str, dict[str, Any]]]:
    import uvicorn

    from lagebild.api.app import create_app

    analysis, digest = _analysis(nlp, request.param)
    db = str(tmp_path / "web.db")
    store_analysis(open_database(db), analysis, digest)
    port = _free_port()
    config = uvicorn.Config(create_app(db, nlp_loader=lambda: nlp), host="127.0.0.1",
                            port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/", analysis
    uv.should_exit = True
    thread.join(timeout=10)


def test_page_article_highlights_quote_and_speaker(server: tuple[str, dict[str, Any]]) -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"needs Chromium at {CHROMIUM} (.ci/run installs the Debian package)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    url, analysis = server
    quote = analysis["quotes"][0]
    linked = {side["entity_id"] for e in analysis["events"]
              if (e.get("actor") or {}).get("entity_id")
              and (e.get("recipient") or {}).get("entity_id")
              for side in (e["actor"], e["recipient"])}
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(url)
            link = page.locator(".article-item a").first
            link.wait_for(timeout=10000)
            link.focus()
            page.keyboard.press("Enter")  # keyboard-accessible: open the article
            page.locator(".doc").wait_for(timeout=10000)
            quote_text = "".join(page.locator('.doc .seg[data-quote="0"]').all_text_contents())
            speaker = "".join(page.locator(".doc .seg.speaker").all_text_contents())
            chain = page.locator(".quotes-list li").first.inner_text()
            for route in ("#/quotes", "#/timeline", "#/network"):
                page.goto(url + route)
                page.locator("main h2").wait_for(timeout=10000)
            if linked:  # the network is drawn after its data arrives
                page.locator("svg .node").first.wait_for(timeout=10000)
            network_nodes = page.locator("svg .node").count()
        finally:
            browser.close()
    assert not errors
    assert quote["text"] in quote_text
    assert quote["speaker"]["text"] in speaker  # its pieces are highlighted as a speaker
    assert quote["speaker"]["text"] in chain and "→" in chain
    assert network_nodes == len(linked)
