"""The checks public-sector sites are held to: axe-core, the Nu HTML Checker, links, escaping."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from playwright.sync_api import Browser, Dialog

from tests.browser.conftest import (
    DATA,
    NODE_TOOLS,
    VIOLATIONS,
    PagesServer,
    SiteServer,
    language_of,
    pages,
)
from tests.browser.links import follow_links
from tests.browser.page_checks import SCRIPTS
from tests.poison import PAYLOAD


def test_nu_html_checker_finds_no_error(site: Path) -> None:
    jar = NODE_TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    documents = sorted(str(page) for page in site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *documents],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{m.get('url', '').removeprefix(f'file:{site}/')}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
    assert len(documents) > 20


def test_no_broken_internal_link_or_anchor(site: Path, server: SiteServer) -> None:
    broken, checked = follow_links(pages(site), server.url(""), DATA.site_url)
    assert broken == []
    assert sum(url.endswith(".ics") for url in checked) >= 26


def test_hostile_data_is_shown_as_text_and_never_runs(
    poisoned_site: Path, browser: Browser
) -> None:
    """Markup and script in every value of `data/`, on a host that sends no policy header."""
    dialogs: list[str] = []
    with PagesServer(poisoned_site) as server:
        context = browser.new_context()
        context.add_init_script(VIOLATIONS)
        page = context.new_page()

        def opened(dialog: Dialog) -> None:
            dialogs.append(f"{page.url}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", opened)
        violations: dict[str, list[str]] = {}
        # An injected script or handler would run, or be refused by the policy, as it loads. In
        # the scripts whose text the build rewrites differently (Spanish's folded search copy,
        # Arabic's isolated runs, Chinese's segmented words); the others share Spanish's paths.
        for path in pages(poisoned_site):
            if DATA.prefix(language_of(path)) not in SCRIPTS:
                continue
            page.goto(server.url(path), wait_until="load")
            if found := page.evaluate("window.__violations"):
                violations[path] = found
        page.goto(server.url("ar/editions/2021/"))
        shown_in_arabic = page.locator("article").inner_text()
        page.goto(server.url("en/editions/2021/"))
        shown = page.locator("article").inner_text()
        footer = page.locator("footer").inner_text()
        context.close()
    assert dialogs == []
    assert violations == {}
    assert f"لعام 2021{PAYLOAD}" in shown_in_arabic
    assert f"WSIS Forum 2021{PAYLOAD}" in shown
    assert f"During the Internet Governance Forum (IGF) 2020.{PAYLOAD}" in shown
    assert f"Gitanjali Sah{PAYLOAD}" in footer
