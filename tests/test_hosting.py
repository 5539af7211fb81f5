"""What hosts are told: types, a CSP hashed from the built pages, error pages, robots.txt."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, PREFIXES, build, copy_project, edit
from wsis_site.build.hosting import inline_script_hashes

SITE_URL = "https://example.org/wsis-forum/"


@pytest.fixture(scope="module")
def site(multilingual_site: Path) -> Path:
    """The real project built as on 10 January 2024."""
    return multilingual_site


def sha256(script: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


def page_texts(site: Path) -> list[str]:
    return [page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))]


def header_policy(site: Path) -> str:
    headers = (site / "_headers").read_text(encoding="utf-8").splitlines()
    return headers[1].removeprefix("  Content-Security-Policy: ")


def test_headers_file_carries_security_headers_and_types(site: Path) -> None:
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    hashes = " ".join(inline_script_hashes(page_texts(site)))
    assert lines == [
        "/*",
        f"  Content-Security-Policy: default-src 'self'; script-src 'self' {hashes}; "
        "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        *(
            line
            for prefix in PREFIXES.values()  # each language's feeds, in the site's order
            for line in [
                f"/{prefix}calendar/*",
                "  Content-Type: text/calendar; charset=utf-8",
                f"/{prefix}feed.xml",
                "  Content-Type: application/atom+xml; charset=utf-8",
            ]
        ),
    ]


def test_htaccess_has_the_same_headers_and_each_languages_404(site: Path) -> None:
    htaccess = (site / ".htaccess").read_text(encoding="utf-8")
    policy = header_policy(site)
    assert f'  Header always set Content-Security-Policy "{policy}"\n' in htaccess
    assert '  Header always set X-Content-Type-Options "nosniff"\n' in htaccess
    assert '  Header always set Referrer-Policy "strict-origin-when-cross-origin"\n' in htaccess
    assert htaccess.endswith(
        "ErrorDocument 404 /wsis-forum/404.html\n"
        + "".join(
            f'<If "%{{REQUEST_URI}} =~ m#^/wsis-forum/{code}/#">\n'
            f"  ErrorDocument 404 /wsis-forum/{code}/404.html\n"
            "</If>\n"
            for code in LANGUAGES[1:]
        )
    )
    for prefix in PREFIXES.values():
        assert (site / prefix / "404.html").is_file()


def test_csp_allows_exactly_the_inline_scripts_the_pages_run(site: Path) -> None:
    hashes = inline_script_hashes(page_texts(site))
    assert 1 < len(hashes) < 20  # the theme's few scripts, once per folder depth
    page = (site / "en" / "editions" / "2021" / "index.html").read_text(encoding="utf-8")
    assert '<script type="application/ld+json">' in page  # data, not run: never hashed
    body = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert sha256(body) not in hashes


def test_a_new_inline_script_in_a_template_is_hashed_at_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    script = 'console.log("added by a template")'
    edit(
        project / "overrides" / "main.html",
        "{% block extrahead %}\n  {{ super() }}\n",
        f"{{% block extrahead %}}\n  {{{{ super() }}}}\n  <script>{script}</script>\n",
    )
    site = build(project, tmp_path / "site", "2024-01-10", only="fr")
    assert sha256(script) in (site / "_headers").read_text(encoding="utf-8")
    assert sha256(script) in (site / ".htaccess").read_text(encoding="utf-8")
    assert sha256(script) in (site / "404.html").read_text(encoding="utf-8")


def test_every_page_carries_the_policy_where_hosts_send_no_headers(site: Path) -> None:
    """GitHub Pages ignores `_headers`: each page's head holds the policy, before any script."""
    policy = header_policy(site).removesuffix("; frame-ancestors 'none'")
    assert "frame-ancestors" not in policy  # ignored in a <meta>, with an error in the console
    element = (
        f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{policy}">'
    )
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 70
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert head.count("Content-Security-Policy") == 1, page
        assert element in head, page
        assert head.index(element) < head.index("<script"), page


def test_robots_txt_points_at_the_sitemap(site: Path) -> None:
    assert (site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"
    )
    assert (site / "sitemap.xml").is_file()
