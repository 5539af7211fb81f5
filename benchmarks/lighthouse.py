"""Lighthouse's mobile audit of every page type, with the site served as GitHub Pages serves it.

The site is served on 127.0.0.1 as GitHub Pages serves it (`tests.browser.conftest.PagesServer`),
so the audit sees what a visitor of the published site gets. (Lighthouse refuses to audit a 404
answer, so the 404 page is audited at its own address.)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path
from typing import Any

from tests.browser.conftest import PagesServer, chromium_path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "js" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGE_TYPES = {
    "home": "",
    "editions index": "editions/",
    "edition": "editions/2024/",
    "letters index": "letters/",
    "letter": "letters/2024-01-31-wsis-plus-20-invitation/",
    "deadlines": "deadlines/",
    "calendars": "calendars/",
    "about (hand-written)": "about/",
    "404": "404.html",  # Lighthouse audits pages answered with 200 only
}


def audit(url: str, report: Path) -> dict[str, Any]:
    """One Lighthouse mobile run (its default preset) on Debian's Chromium."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": chromium_path()},
        capture_output=True,
    )
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def lighthouse_rows(site: Path, work: Path, languages: dict[str, str], runs: int = 3) -> list[str]:
    """Median scores (0–100) of `runs` audits per page type and language, as Lighthouse advises:
    on a shared two-core machine one run's blocking time varies by tens of milliseconds."""
    lines = [
        "| page | language | performance | accessibility | best practices | SEO | bytes |"
        " failed audits |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    with PagesServer(site) as server:
        for label, path in PAGE_TYPES.items():
            for language, prefix in languages.items():
                url = server.url(prefix + path)
                report = work / f"lighthouse-{language}-{label.split()[0]}.json"
                results = [audit(url, report) for _ in range(runs)]
                scores = [
                    statistics.median(
                        100 * (result["categories"][category]["score"] or 0) for result in results
                    )
                    for category in CATEGORIES
                ]
                weight = results[-1]["audits"]["total-byte-weight"]["numericValue"]
                failed = sorted(
                    name
                    for result in results
                    for name, found in result["audits"].items()
                    if found.get("score") is not None
                    and found["score"] < 1
                    and found.get("scoreDisplayMode") == "binary"
                )
                row = " | ".join(f"{score:.0f}" for score in scores)
                lines.append(
                    f"| {label} | {language} | {row} | {weight:.0f} | "
                    f"{', '.join(dict.fromkeys(failed)) or '-'} |"
                )
    return lines
