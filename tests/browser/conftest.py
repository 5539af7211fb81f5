"""The built site served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import fnmatch
import functools
import gzip
import io
import shutil
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    sync_playwright,
)

from tests.conftest import ROOT, run_folder
from tests.test_pages import BEFORE_DEADLINES
from wsis_site.model.loader import load_site_data

BUILD_DATE = BEFORE_DEADLINES  # the date of the session's shared build, `multilingual_site`
NODE_TOOLS = ROOT / "tests" / "js"
DATA = load_site_data(ROOT / "data")
SITE_PATH = urlsplit(DATA.site_url).path  # the site is served where it will live
#: What GitHub Pages compresses.
COMPRESSED = ("text/", "application/json", "application/javascript", "image/svg+xml")
#: Collects the page's Content-Security-Policy violations into `window.__violations`.
VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""
#: Material's search worker has its index: the results' line invites the visitor to type. Its
#: requests (the worker, the index, lunr's language files) are all answered by then.
SEARCH_READY = """() => {
  const words = JSON.parse(document.getElementById("__config").textContent).translations;
  const line = document.querySelector(".md-search-result__meta");
  return line?.textContent === words["search.result.placeholder"];
}"""
CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",  # no calls home: the machine has no network
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def header_rules(site: Path) -> list[tuple[str, dict[str, str]]]:
    """The rules of the site's `_headers` file (Netlify's format): a path pattern, its headers."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            rules.append((line, {}))
        elif line.strip():
            name, _, value = line.strip().partition(": ")
            rules[-1][1][name] = value
    return rules


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site quietly, under its public path, with the headers a host should send.

    Those of `_headers` are sent as written, Content-Security-Policy included.
    """

    def __init__(self, *args: Any, directory: str, site_path: str, **kwargs: Any) -> None:
        self.site_path = site_path
        self.rules = header_rules(Path(directory))
        self.extensions_map = {
            **self.extensions_map,
            ".ics": "text/calendar; charset=utf-8",
            ".html": "text/html; charset=utf-8",
            ".json": "application/json",
            ".js": "text/javascript",
        }
        super().__init__(*args, directory=directory, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        return

    def end_headers(self) -> None:
        path = "/" + urlsplit(self.path).path.removeprefix(self.site_path)
        for pattern, headers in self.rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers.items():
                    if name != "Content-Type":  # sent already, from the extension
                        self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        # Outside the site's path (like /sitemap.xml on a /wsis-forum/ site) nothing exists.
        if not path.startswith(self.site_path):
            return str(Path(self.directory) / ".outside-the-site")
        return super().translate_path("/" + path.removeprefix(self.site_path))


class PagesHandler(SiteHandler):
    """GitHub Pages' behaviour: no custom headers (`_headers` is ignored), gzip for text, the
    root `404.html`, with status 404, for every missing address, and its caching: ten minutes'
    freshness, then a revalidation by `ETag` answered with 304."""

    def end_headers(self) -> None:
        SimpleHTTPRequestHandler.end_headers(self)  # none of `_headers`

    def send_head(self) -> io.BytesIO:
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(str(self.directory)) / "404.html", 404
        stat = path.stat()
        tag = f'"{int(stat.st_mtime):x}-{stat.st_size:x}"'  # as Pages' nginx writes it
        if status == 200 and self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self.send_caching_headers(tag, stat.st_mtime)
            self.end_headers()
            return io.BytesIO()
        kind = self.guess_type(str(path))
        body = path.read_bytes()
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSED)
        if gzipped:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_caching_headers(tag, stat.st_mtime)
        self.end_headers()
        return io.BytesIO(body)

    def send_caching_headers(self, tag: str, modified: float) -> None:
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("ETag", tag)
        self.send_header("Last-Modified", self.date_time_string(int(modified)))
        self.send_header("Vary", "Accept-Encoding")


class QuietServer(ThreadingHTTPServer):
    """A server that does not print a traceback when the browser drops a connection it no longer
    needs (a page left before its search worker finished loading)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """One built site on a free loopback port, in a background thread."""

    handler_class: type[SiteHandler] = SiteHandler

    def __init__(self, site: Path, path: str = SITE_PATH) -> None:
        handler = functools.partial(self.handler_class, directory=str(site), site_path=path)
        self.site = site
        self.path = path
        self.server = QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        """`http://127.0.0.1:<port>`."""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        """The address of a path inside the site."""
        return f"{self.origin}{self.path}{path}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class PagesServer(SiteServer):
    """A built site served as GitHub Pages serves it (`PagesHandler`)."""

    handler_class = PagesHandler


def watch(page: Page, inside: str) -> list[str]:
    """What goes wrong while `page` loads, as it happens: console errors, failed requests (but
    those the browser abandons as it leaves a page), HTTP errors, and requests to addresses not
    starting with `inside` (another host, or outside the site's path)."""
    problems: list[str] = []
    host = urlsplit(inside).netloc

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    def request(sent: Request) -> None:
        if urlsplit(sent.url).netloc != host:
            problems.append(f"request to another host: {sent.url}")
        elif not sent.url.startswith(inside):
            problems.append(f"request outside {inside}: {sent.url}")

    def failed(sent: Request) -> None:
        # Leaving a page before its search worker is done aborts the worker's requests: not a
        # failure (a page that waits for the worker sees its requests end, and an error answer
        # always counts).
        if sent.failure != "net::ERR_ABORTED":
            problems.append(f"failed request: {sent.url} ({sent.failure})")

    def response(answer: Response) -> None:
        if answer.status >= 400:
            problems.append(f"HTTP {answer.status} for {answer.url}")

    page.on("console", console)
    page.on("request", request)
    page.on("requestfailed", failed)
    page.on("response", response)
    return problems


def chromium_path() -> str:
    """Debian's Chromium; `make test` installs it (apt-get install chromium) when it can."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail(
            "Chromium is missing: run `make test` (it installs Debian's chromium) "
            "or `apt-get install chromium`"
        )
    return found


@pytest.fixture(scope="session")
def site(multilingual_site: Path) -> Path:
    """The real project built as on 10 January 2024 (the session's shared build)."""
    return multilingual_site


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[SiteServer]:
    """The built site on 127.0.0.1."""
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def pages_server(site: Path) -> Iterator[SiteServer]:
    """The built site on 127.0.0.1, as GitHub Pages serves it."""
    with PagesServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Headless Chromium from Debian; Playwright never downloads a browser here."""
    launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def visitor(browser: Browser) -> Iterator[BrowserContext]:
    """One visitor's browser, its cache warm as on a visit's second page, shared by the tests
    that leave nothing in it (no stored choice, no permission)."""
    context = browser.new_context()
    yield context
    context.close()


def _tab(context: BrowserContext) -> Iterator[Page]:
    tab = context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def page(visitor: BrowserContext) -> Iterator[Page]:
    """A new tab of the shared visitor, at 1280 by 720 px, closed after the test."""
    yield from _tab(visitor)


@pytest.fixture(scope="session")
def reader_without_javascript(browser: Browser) -> Iterator[BrowserContext]:
    """A visitor whose browser runs no script, shared as `visitor` is."""
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture
def page_without_javascript(reader_without_javascript: BrowserContext) -> Iterator[Page]:
    """A new tab of the visitor without JavaScript, closed after the test."""
    yield from _tab(reader_without_javascript)


@pytest.fixture(scope="session")
def output_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: inside this test run's temporary folder, printed at the end."""
    return run_folder(tmp_path_factory) / "screenshots"


def pages(site: Path) -> list[str]:
    """Every HTML page of the site, as paths inside it (`en/editions/2021/`)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        found.append(relative.removesuffix("index.html"))
    return found


def language_of(path: str) -> str:
    """The language of a page's path inside the site: its folder, or the default's."""
    first = path.split("/", 1)[0]
    return first if first in DATA.languages else DATA.default_language


def wait_for_search_once(page: Page, written: set[tuple[str, str]]) -> bool:
    """Wait for the search worker if no page before this one wrote its search addresses as this
    one does (`written`): relative to its depth, or absolute on a 404 page. Pages that write them
    alike request the same worker, index and language files. Whether it waited."""
    settings = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    addresses = (settings["base"], settings["search"])
    if addresses in written:
        return False
    page.wait_for_function(SEARCH_READY)
    written.add(addresses)
    return True
