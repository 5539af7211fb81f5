"""The site's address: `WSIS_SITE_URL`, and placeholders refused when publishing."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.conftest import build, edit
from tests.test_build import tree_digest
from tests.test_validation import line_of
from wsis_site.addresses import is_placeholder
from wsis_site.build.site_address import check_address
from wsis_site.cli import main
from wsis_site.environment import AddressError, is_publishing, site_url_override

DEMO = "https://forum.wsis-demo.net/"


def site_yaml_lines(project: Path) -> tuple[int, int]:
    """The lines of data/site.yaml where `site_url` and `calendar_uid_domain` are set."""
    site_yaml = project / "data" / "site.yaml"
    return line_of(site_yaml, "\nsite_url:") + 1, line_of(site_yaml, "\ncalendar_uid_domain:") + 1


@pytest.mark.parametrize(
    "host",
    [
        "example.org",
        "EXAMPLE.COM",
        "example.net.",
        "wsis-forum.example.org",
        "site.example",
        "wsis.test",
        "forum.invalid",
        "localhost",
        "a.localhost",
    ],
)
def test_reserved_names_are_placeholders(host: str) -> None:
    assert is_placeholder(host)


@pytest.mark.parametrize("host", ["forum.wsis-demo.net", "itu.int", "example.org.uk", "testing"])
def test_real_names_are_not(host: str) -> None:
    assert not is_placeholder(host)


def test_site_url_variable_gets_its_final_slash() -> None:
    assert site_url_override({"WSIS_SITE_URL": "https://owner.github.io/repo"}) == (
        "https://owner.github.io/repo/"
    )
    assert site_url_override({}) is None
    with pytest.raises(AddressError, match="is not an https:// address"):
        site_url_override({"WSIS_SITE_URL": "http://owner.github.io/"})


def test_bad_site_url_variable_is_a_clear_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WSIS_SITE_URL", "forum.wsis-demo.net")
    assert main(["validate", "--data", str(project / "data")]) == 2
    assert "WSIS_SITE_URL='forum.wsis-demo.net' is not an https:// address" in (
        capsys.readouterr().err
    )


def test_publishing_build_refuses_placeholders_naming_file_line_and_variable(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    site = build(project, tmp_path / "site", "2024-01-10", only="es")  # the site to keep
    before = tree_digest(site)
    monkeypatch.setenv("WSIS_PUBLISH", "1")
    arguments = ["build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site)]
    caplog.clear()
    assert main(arguments) == 1
    [error] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    site_url, uid_domain = site_yaml_lines(project)
    assert error.splitlines()[:2] == [
        f"data/site.yaml:{site_url}:11: site_url: example.org is a reserved example name: "
        "set WSIS_SITE_URL or site_url to the address the site is published at",
        f"data/site.yaml:{uid_domain}:22: calendar_uid_domain: wsis-forum.example.org is a "
        "reserved example name: set a domain you control, once, before the first publication "
        "(UIDs must never change)",
    ]
    assert tree_digest(site) == before

    monkeypatch.setenv("WSIS_SITE_URL", "https://wsis.test/")
    caplog.clear()
    assert main(arguments) == 1
    [error] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert error.startswith("WSIS_SITE_URL: wsis.test is a reserved example name")


def test_publishing_accepts_addresses_the_publisher_controls(project: Path) -> None:
    edit(project / "data" / "site.yaml", "wsis-forum.example.org", "calendar.wsis-demo.net")
    publishing = {"WSIS_REQUIRE_HISTORY": "1", "WSIS_SITE_URL": DEMO}
    check_address(project / "data", DEMO, "calendar.wsis-demo.net", publishing)


def test_local_build_with_placeholders_warns_once(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="wsis_site.build.site_address"):
        build(project, tmp_path / "site", "2024-01-10")
    [warning] = [r for r in caplog.records if r.name == "wsis_site.build.site_address"]
    site_url, uid_domain = site_yaml_lines(project)
    assert warning.getMessage().startswith(f"data/site.yaml:{site_url}:11: site_url: example.org")
    assert f"data/site.yaml:{uid_domain}:22: calendar_uid_domain:" in warning.getMessage()


def test_site_url_variable_moves_every_absolute_link(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WSIS_SITE_URL", DEMO.rstrip("/"))  # as GitHub Pages gives it
    site = build(project, tmp_path / "site", "2024-01-10")
    leftovers = []
    for path in (p for p in site.rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8", errors="replace")
        if "//example.org" in text or "%2F%2Fexample.org" in text:
            leftovers.append(str(path.relative_to(site)))
    assert leftovers == []
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{DEMO}en/">' in home
    assert f"<loc>{DEMO}en/editions/2021/</loc>" in (site / "sitemap.xml").read_text("utf-8")
    feed = (site / "calendar" / "2021.ics").read_bytes().decode("utf-8")
    assert f"URL:{DEMO}editions/2021/#phase-1\r\n" in feed


def test_publishing_has_its_own_name_and_the_older_one_still_works() -> None:
    assert is_publishing({"WSIS_PUBLISH": "1"})
    assert is_publishing({"WSIS_REQUIRE_HISTORY": "1"})
    assert not is_publishing({"WSIS_PUBLISH": "0", "WSIS_REQUIRE_HISTORY": ""})
    assert not is_publishing({})
