"""The checks public-sector sites are held to: axe-core, the Nu HTML Checker, links, escaping."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import NODE_TOOLS, SiteServer, pages

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = [
    "",
    "editions/",
    "editions/2021/",
    "editions/2024/",
    "letters/",
    "letters/2024-01-31-wsis-plus-20-invitation/",
    "deadlines/",
    "calendars/",
    "about/",
    "accessibility/",
    "404.html",
]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_axe_finds_no_wcag_21_aa_violation(
    server: SiteServer, browser: Browser, prefix: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for path in PAGE_TYPES:
        page.goto(server.url(prefix + path), wait_until="networkidle")
        page.add_script_tag(path=NODE_TOOLS / "node_modules" / "axe-core" / "axe.min.js")
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
        )
        violations = [
            f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}"
            for v in result["violations"]
            for node in v["nodes"]
        ]
        if violations:
            found[prefix + path] = violations
    context.close()
    assert found == {}


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
