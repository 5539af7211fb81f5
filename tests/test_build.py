"""Integration: real MkDocs builds of a copy of the project into temporary folders."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import PREFIXES, REPOSITORY, build, edit
from wsis_site.build.background import can_fork
from wsis_site.cli import main
from wsis_site.model import loader


def tree_digest(folder: Path) -> dict[str, str]:
    """Each file under `folder` and the hash of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def built(project: Path, multilingual_site: Path) -> Path:
    """A site already built in `project/site` (a copy of the session's): what a failed build
    must leave as it was."""
    return Path(shutil.copytree(multilingual_site, project / "site"))


def test_build_writes_every_language(multilingual_site: Path) -> None:
    built = multilingual_site
    pages = sorted(str(p.relative_to(built)) for p in built.rglob("*.html"))
    assert pages == sorted(
        f"{prefix}{page}"
        for prefix in PREFIXES.values()
        for page in [
            "404.html",
            "index.html",
            "about/index.html",
            "accessibility/index.html",
            "calendars/index.html",
            "deadlines/index.html",
            "editions/index.html",
            "editions/2021/index.html",
            "editions/2024/index.html",
            "letters/index.html",
            "letters/2020-10-13-wsis-forum-2021/index.html",
            "letters/2023-11-06-wsis-2024-contributions/index.html",
            "letters/2024-01-31-wsis-plus-20-invitation/index.html",
        ]
    )
    assert (built / "sitemap.xml").is_file()
    for prefix in PREFIXES.values():  # each language's own search index
        assert (built / prefix / "search" / "search_index.json").is_file()
    assert (built / "assets" / "stylesheets" / "wsis.css").is_file()
    assert not list(built.parent.glob(".site-*")), "no staging folder is left behind"


def test_failed_data_validation_keeps_the_previous_site(
    project: Path, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(built)
    line = edit(project / "data" / "events.yaml", "end: 2021-05-21", "end: 2021-05-16")
    assert main(["build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(built)]) == 1
    assert f"data/events.yaml:{line}:14: editions.2021.dates[0].end:" in capsys.readouterr().err
    assert tree_digest(built) == before


def test_failed_template_keeps_the_previous_site(
    project: Path, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(built)
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ page.meta.missing.deeper }}{% endblock %}',
        encoding="utf-8",
    )
    with pytest.raises(Exception, match="missing"):
        main(["build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(built)])
    assert tree_digest(built) == before
    assert not list(built.parent.glob(".site-*"))


def test_plain_mkdocs_build_fails_on_bad_data_before_cleaning(project: Path, built: Path) -> None:
    before = tree_digest(built)
    line = edit(project / "data" / "phases.yaml", "zone: Europe/Zurich", "zone: CET")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(built)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode != 0
    assert f"data/phases.yaml:{line}:17: editions.2021.items.phase-1.time.zone:" in result.stderr
    assert tree_digest(built) == before


def test_languages_of_mkdocs_and_data_must_agree(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site_yaml = project / "data" / "site.yaml"
    edit(site_yaml, "  - ru\n", "  - ru\n  - de\n")  # a seventh language, with no texts
    with pytest.raises(Exception, match="missing translation for de"):
        loader.load_site_data(project / "data")
    # The same six languages as mkdocs.yml, but another default (the first).
    edit(site_yaml, "  - es\n  - ar\n", "  - ar\n  - es\n")
    edit(site_yaml, "  - ru\n  - de\n", "  - ru\n")
    assert loader.load_site_data(project / "data").default_language == "ar"
    result = main(["build", "--config", str(project / "mkdocs.yml"), "--site-dir", "unused"])
    assert result == 1
    assert "(default es) but data/site.yaml lists ar, es, zh, en, fr, ru (default ar" in caplog.text


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch_until(url: str, wanted: str, deadline: float) -> str:
    """GET `url` until its body contains `wanted`, or fail at `deadline` (a monotonic time)."""
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
        except OSError:
            body = ""
        if wanted in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {wanted!r}")


def test_serve_rebuilds_when_data_changes_and_leaves_nothing_behind(
    project: Path, tmp_path: Path
) -> None:
    port = free_port()
    temporary = tmp_path / "tmp"  # where the server makes its docs trees
    temporary.mkdir()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            # Spanish alone, as `make serve ONLY=es`: each rebuild in a third of the time.
            env={
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "TMPDIR": str(temporary),
                "WSIS_PREVIEW_LANGUAGE": "es",
            },
            stdout=subprocess.DEVNULL,
            stderr=output,
            # Ctrl-C stops it even when this run was started in the background, which ignores it.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    phases = project / "data" / "phases.yaml"
    try:
        page = f"http://127.0.0.1:{port}/editions/2021/"
        served = fetch_until(page, "Segunda reunión virtual/presencial", time.monotonic() + 90)
        # Live reload's inline script must run: the policy stays in `_headers` only.
        assert 'http-equiv="Content-Security-Policy"' not in served
        assert "livereload" in served
        stale = "translation may be out of date"
        assert stale not in log.read_text(encoding="utf-8")
        # The Spanish title changes: its five translations are now to review, a warning each.
        edit(phases, "presencial\n", "presencial renombrada\n")
        fetch_until(page, "Segunda reunión virtual/presencial renombrada", time.monotonic() + 90)
        warned = log.read_text(encoding="utf-8")
        assert warned.count(stale) == warned.count("phase-3.title: the") == 5
        # Each rebuild deletes its tree of pages once its site is written: none piles up.
        assert list(temporary.glob("wsis-docs-*")) == []
        # Undone, the next rebuild says nothing of the warnings that held for the last save.
        edit(phases, "presencial renombrada\n", "presencial\n")
        fetch_until(page, "Segunda reunión virtual/presencial</", time.monotonic() + 90)
        assert stale not in log.read_text(encoding="utf-8")[len(warned) :]
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C in a terminal
        server.wait(timeout=30)
    assert list(temporary.glob("wsis-docs-*")) == []


def test_one_language_preview(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "preview"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WSIS_PREVIEW_LANGUAGE": "en"},
        check=True,
        capture_output=True,
    )
    assert '<html lang="en"' in (site / "editions" / "2021" / "index.html").read_text("utf-8")
    assert not (site / "en").exists()
    assert (site / "calendar" / "2021" / "phase-1.ics").is_file()


def test_two_builds_forked_and_serial_hooks_in_any_order_write_the_same_bytes_loading_once(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, multilingual_site: Path
) -> None:
    # The session's build forked its feeds and other languages' pages; this one runs serially,
    # from another folder, with the same inputs and mkdocs.yml's hooks listed the other way round.
    assert can_fork(), "the session's first build must have used a second process"
    config = project / "mkdocs.yml"
    hooks = re.findall(r"^  - hooks/\w+\.py$", config.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(hooks) == len(list((project / "hooks").glob("*.py")))
    edit(config, "\n".join(hooks), "\n".join(reversed(hooks)))
    for name, value in (("WSIS_REPO_URL", REPOSITORY), ("WSIS_REPO_BRANCH", "main")):
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("WSIS_SERIAL", "1")
    loader._load_cached.cache_clear()
    serial = build(project, tmp_path / "serial", "2024-01-10")
    info = loader._load_cached.cache_info()
    assert (info.misses, info.currsize) == (1, 1)
    assert info.hits == 1  # the command line loads it; every hook of every language shares it
    assert tree_digest(serial) == tree_digest(multilingual_site)
    assert len(list(serial.rglob("*.ics"))) > 20
