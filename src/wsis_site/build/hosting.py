"""What hosts need beside the pages: types, security headers, error pages and robots.txt.

The Content-Security-Policy allows the site's own origin only. The theme's inline scripts are
allowed by their hashes, computed from the built pages, so a new template needs no edit here.
Hosts that send no custom headers (GitHub Pages ignores `_headers` and `.htaccess`) still apply
it: every page carries it in a `<meta>` element, less what a `<meta>` cannot carry.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from wsis_site.addresses import FEED_DIR, NEWS_FEED, NOT_FOUND_PAGE, ROBOTS, SITEMAP
from wsis_site.feeds.atom import NEWS_TYPE
from wsis_site.model.loader import SiteData

# Only `</script` ends a script element, in any letter case (HTML's script data state).
#: A script element; its start tag ends at the first `>` outside a quoted attribute value.
SCRIPT = re.compile(
    r"""<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>(.*?)</script""", re.DOTALL | re.IGNORECASE
)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
SCRIPT_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
#: Script types a browser runs; JSON data blocks (the theme's settings, JSON-LD) never run.
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
CALENDAR_TYPE = "text/calendar; charset=utf-8"
#: Directives browsers ignore in a `<meta>` policy, each with an error in the console.
HEADER_ONLY_DIRECTIVES = frozenset({"frame-ancestors", "report-uri", "sandbox"})
#: The first element of every page's head (overrides/main.html): the policy goes right after it,
#: before any script or style it governs.
CHARSET = '<meta charset="utf-8">'


def inline_script_hashes(pages: Iterable[str]) -> list[str]:
    """CSP sources (`'sha256-…'`) of every inline script the pages' HTML runs, sorted."""
    found: set[str] = set()
    for page in pages:
        for match in SCRIPT.finditer(page):
            attributes, body = match.groups()
            kind = SCRIPT_TYPE.search(attributes)
            if SCRIPT_SRC.search(attributes) or (kind and kind[1].lower() not in RUNNABLE_TYPES):
                continue
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(found)


def content_security_policy(script_hashes: Iterable[str], *, in_meta: bool = False) -> str:
    """The site's own origin for everything; inline scripts by hash; no plugin, no framing.

    `in_meta`: without the directives only a header can carry.
    """
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        # The theme's stylesheet draws its icons with data: SVG masks.
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(
        f"{name} {value}"
        for name, value in directives.items()
        if not (in_meta and name in HEADER_ONLY_DIRECTIVES)
    )


def write_host_files(data: SiteData, site_dir: Path, *, policy_in_pages: bool = True) -> None:
    """Write `_headers` (Netlify, Cloudflare Pages), `.htaccess` (Apache) and `robots.txt`.

    With `policy_in_pages`, every page also gets the policy in a `<meta>` element.
    """
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(site_dir.rglob("*.html"))}
    hashes = inline_script_hashes(pages.values())
    if policy_in_pages:
        add_policy_to_pages(pages, content_security_policy(hashes, in_meta=True))
    headers = {"Content-Security-Policy": content_security_policy(hashes)}
    headers |= SECURITY_HEADERS
    prefixes = [f"/{data.prefix(code)}" for code in data.languages]
    (site_dir / "_headers").write_text(_headers_file(headers, prefixes), encoding="utf-8")
    site_path = urlsplit(data.site_url).path
    (site_dir / ".htaccess").write_text(
        _htaccess(headers, [f"{site_path}{prefix.lstrip('/')}" for prefix in prefixes]),
        encoding="utf-8",
    )
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {data.site_url}{SITEMAP}\n"
    (site_dir / ROBOTS).write_text(robots, encoding="utf-8")


def add_policy_to_pages(pages: dict[Path, str], policy: str) -> None:
    """Write `policy` into each page's head, right after its charset."""
    # Hashes are base64 and directives are ours: the policy holds no `"`, `&` or `<`.
    element = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    for page, text in pages.items():
        if CHARSET not in text:
            raise ValueError(f"{page}: no {CHARSET} to put the Content-Security-Policy after")
        page.write_text(text.replace(CHARSET, CHARSET + element, 1), encoding="utf-8")


def _headers_file(headers: dict[str, str], prefixes: list[str]) -> str:
    """Netlify's format: a path pattern, then its headers indented."""
    lines = ["/*", *(f"  {name}: {value}" for name, value in headers.items())]
    for prefix in prefixes:
        lines += [f"{prefix}{FEED_DIR}/*", f"  Content-Type: {CALENDAR_TYPE}"]
        lines += [f"{prefix}{NEWS_FEED}", f"  Content-Type: {NEWS_TYPE}; charset=utf-8"]
    return "\n".join(lines) + "\n"


def _htaccess(headers: dict[str, str], language_paths: list[str]) -> str:
    """Apache's rules; each language's missing pages get its own 404 page."""
    default, *others = language_paths
    lines = [
        "AddType text/calendar .ics",
        "AddCharset utf-8 .ics",
        f'<Files "{NEWS_FEED}">',
        f'  ForceType "{NEWS_TYPE}; charset=utf-8"',
        "</Files>",
        "<IfModule mod_headers.c>",  # without the module, a `Header` line is a server error
        *(f'  Header always set {name} "{value}"' for name, value in headers.items()),
        "</IfModule>",
        f"ErrorDocument 404 {default}{NOT_FOUND_PAGE}",
    ]
    for path in others:
        lines += [
            f'<If "%{{REQUEST_URI}} =~ m#^{path}#">',
            f"  ErrorDocument 404 {path}{NOT_FOUND_PAGE}",
            "</If>",
        ]
    return "\n".join(lines) + "\n"
