"""Every link of a served site followed: it answers, its anchor exists, and it stays inside."""

from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


class _Links(HTMLParser):
    """Collects the link targets and the element ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("href", "src"):
            if found.get(name) and tag in {"a", "link", "script", "img"}:
                self.targets.append(found[name] or "")
        for name in ("id", "name"):
            if found.get(name):
                self.ids.add(found[name] or "")


def _read(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def follow_links(paths: list[str], base: str, public: str) -> tuple[list[str], set[str]]:
    """The broken links of the pages at `base` + each path, and every address checked.

    Absolute links to the site's public address `public` are followed at `base`. A link to
    `base`'s host outside `base` is broken: the site would leave its path prefix. Links to
    other hosts are not ours to check.
    """
    parsed: dict[str, _Links] = {}

    def links_of(url: str) -> _Links:
        if url not in parsed:
            collector = _Links()
            collector.feed(_read(url)[1].decode("utf-8"))
            parsed[url] = collector
        return parsed[url]

    broken: set[str] = set()
    checked: set[str] = set()
    host = urlsplit(base).netloc
    for path in paths:
        page_url = base + path
        for target in links_of(page_url).targets:
            absolute = urljoin(page_url, target).replace("webcal://", "https://", 1)
            if absolute.startswith(public):
                absolute = base + absolute.removeprefix(public)
            if urlsplit(absolute).netloc != host:
                continue
            if not absolute.startswith(base):
                broken.add(f"{path} -> {target} (outside {base})")
                continue
            address, _, anchor = absolute.partition("#")
            if absolute in checked:
                continue
            checked.add(absolute)
            status, _ = _read(address)
            if status != 200:
                broken.add(f"{path} -> {target} (HTTP {status})")
            elif anchor and address.endswith("/") and anchor not in links_of(address).ids:
                broken.add(f"{path} -> {target} (no element with id {anchor!r})")
    return sorted(broken), checked
