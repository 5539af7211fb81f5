"""The built site as a visitor's browser sees it: errors, requests, language switcher, no-JS."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Request

from tests.browser.conftest import SiteServer, pages


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
