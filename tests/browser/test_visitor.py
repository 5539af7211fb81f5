"""The built site as a visitor's browser sees it: errors, requests, language switcher, no-JS."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Request

from tests.browser.conftest import DATA, SiteServer, pages


def test_every_page_loads_without_errors_or_foreign_requests(
    site: Path, server: SiteServer, browser: Browser
) -> None:
    problems: list[str] = []
    context = browser.new_context()
    for path in pages(site):
        page = context.new_page()
        seen: list[str] = []

        def console(message: ConsoleMessage, where: str = path, log: list[str] = seen) -> None:
            if message.type == "error":
                log.append(f"{where}: console error: {message.text}")

        def request(sent: Request, where: str = path, log: list[str] = seen) -> None:
            if urlsplit(sent.url).netloc not in {urlsplit(server.origin).netloc, ""}:
                if not sent.url.startswith(("data:", "blob:")):
                    log.append(f"{where}: request to another host: {sent.url}")

        def failed(sent: Request, where: str = path, log: list[str] = seen) -> None:
            log.append(f"{where}: failed request: {sent.url} ({sent.failure})")

        page.on("console", console)
        page.on("request", request)
        page.on("requestfailed", failed)
        page.on(
            "response",
            lambda response, where=path, log=seen: response.status >= 400
            and not where.endswith("404.html")
            and log.append(f"{where}: HTTP {response.status} for {response.url}"),
        )
        page.goto(server.url(path), wait_until="networkidle")
        problems.extend(seen)
        page.close()
    context.close()
    assert problems == []


def test_language_switcher_leads_to_the_counterpart(
    site: Path, server: SiteServer, browser: Browser
) -> None:
    context = browser.new_context()
    page = context.new_page()
    wrong: list[str] = []
    for path in pages(site):
        if path.endswith("404.html"):
            continue
        page.goto(server.url(path))
        here = page.evaluate("document.documentElement.lang")
        for link in page.locator(".md-select__link[hreflang]").all():
            language = link.get_attribute("hreflang") or ""
            target = link.evaluate("a => a.href")
            response = page.request.get(target)
            counterpart = DATA.prefix(language) + path.removeprefix(DATA.prefix(here))
            if response.status != 200 or target != server.url(counterpart):
                wrong.append(f"{path} -> {language}: {target} ({response.status})")
    context.close()
    assert wrong == []


def test_edition_page_reads_without_javascript(server: SiteServer, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("en/editions/2021/"))
    text = page.locator("article").inner_text()
    context.close()
    assert "17–21 May 2021" in text
    assert "Phase I: Launch of the open consultations" in text
    assert "9 September 2020, 15:00–16:00 CEST (UTC+2)" in text
    assert "Phase V: Final virtual/physical briefing" in text
    assert "Deadline for the submission of official contributions" in text
    assert "8 March 2021" in text
