"""The change report on real revisions of a temporary git repository."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, edit
from wsis_site.cli import main
from wsis_site.domain.changes import Change, Snapshot, compare, page_of


def commit(project: Path, message: str) -> str:
    """Commit everything as an editor would, and return the commit id."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture
def repo(project: Path) -> tuple[Path, str]:
    """The project in a fresh git repository, with its first commit."""
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    return project, commit(project, "Seed")


def report(
    project: Path, base: str, head: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[str]]:
    status = main(["changes", "--data", str(project / "data"), base, head])
    return status, capsys.readouterr().out.splitlines()


def test_report_states_moves_additions_and_translations(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, base = repo
    phases = project / "data" / "phases.yaml"
    edit(phases, "date: 2024-02-15", "date: 2024-02-29")
    edit(phases, "en: Second virtual/physical meeting", "en: Second meeting, virtual or physical")
    added = edit(
        phases,
        "  2024:\n    items:\n",
        "  2024:\n    items:\n      registration-deadline:\n        kind: deadline\n"
        "        title: {es: Plazo de inscripción, ar: الموعد النهائي للتسجيل, zh: 注册截止日期,\n"
        "          en: Registration deadline, fr: Date limite d\u2019inscription,\n"
        "          ru: Крайний срок регистрации}\n"
        "        date: 2024-05-01\n        letter: 2024-01-31-wsis-plus-20-invitation\n",
    )
    head = commit(project, "Editor's changes")
    status, lines = report(project, base, head, capsys)
    assert status == 0
    assert lines[0] == "### Cambios para el público"
    assert (
        "- 2024 · Plazo de presentación de contribuciones al proceso de consultas abiertas: "
        "fecha cambiada de 15 de febrero de 2024 a 29 de febrero de 2024 "
        "(los suscriptores de los calendarios recibirán la actualización) "
        "(visible en `editions/2024/#open-consultation-deadline`)"
    ) in lines
    assert (
        "- 2024 · Submission deadline for the open consultation process: moved from "
        "15 February 2024 to 29 February 2024 (calendar subscribers will receive an update) "
        "(shown on `en/editions/2024/#open-consultation-deadline`)"
    ) in lines
    assert (
        "- 2024 · New item added: Registration deadline (1 May 2024) "
        "(shown on `en/editions/2024/#registration-deadline`)"
    ) in lines
    assert (
        "- 2024 · Nuevo elemento: Plazo de inscripción (1 de mayo de 2024) "
        "(visible en `editions/2024/#registration-deadline`)"
    ) in lines
    assert (
        "- 2021 · English title of “Second meeting, virtual or physical” changed "
        "(shown on `en/editions/2021/#phase-3`)"
    ) in lines
    assert (
        "- 2021 · «Segunda reunión virtual/presencial»: se modificó el título en inglés "
        "(visible en `editions/2021/#phase-3`)"
    ) in lines
    for title in ("الموعد النهائي للتسجيل", "注册截止日期", "Date limite d\u2019inscription"):
        assert sum(title in line for line in lines) == 1
    assert (
        "- 2024 · Новый элемент: Крайний срок регистрации (1 мая 2024\u202f\u0433.) "
        "(см. `ru/editions/2024/#registration-deadline`)"
    ) in lines
    assert (
        "- 2024 · 新增项目：注册截止日期（2024年5月1日）"
        "（见`zh/editions/2024/#registration-deadline`）"
    ) in lines
    # The new title's translations are not marked reviewed yet: each language's section lists
    # its own, which the flow mapping spreads over three lines after `title:` opens it.
    opened = added + 4  # 2024:, items:, registration-deadline:, kind:, then title:
    source = f"source `data/phases.yaml:{opened}:17`"
    stale = [line for line in lines if line.startswith("- `data/")]
    assert [line.split(":")[1] for line in stale] == [
        str(number) for number in (opened, opened, opened + 1, opened + 1, opened + 2)
    ]  # ar and zh, then en and fr, then ru: the languages' order
    assert all(line.endswith(source) and "registration-deadline.title" in line for line in stale)
    # Six sections of a heading, a blank and three lines, separated by blank lines; all but
    # the default language's with a heading, a blank and a line between blanks for the stale one.
    assert len([line for line in lines if line.startswith("### ")]) == len(LANGUAGES)
    assert len(lines) == len(LANGUAGES) * (2 + 3) + (len(LANGUAGES) - 1) * (1 + 4)


def test_silent_removal_fails_loudly_and_a_reason_makes_it_pass(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, base = repo
    phases = project / "data" / "phases.yaml"
    text = phases.read_text(encoding="utf-8")
    start, end = text.index("      phase-5:"), text.index("\n  2024:")
    phases.write_text(
        text[:start].rstrip("\n") + "\n\n" + text[end:].lstrip("\n"), encoding="utf-8"
    )
    silent = commit(project, "Drop phase V")
    status, lines = report(project, base, silent, capsys)
    assert status == 1
    assert lines[2].startswith("- 2021 · ⚠️ ELIMINADO SIN MOTIVO: Sesión final informativa")
    assert any(
        line.startswith("- 2021 · ⚠️ REMOVED WITHOUT A REASON: Final virtual") for line in lines
    )

    edit(
        phases,
        "\n  2024:\n",
        "    removed:\n      phase-5:\n"
        "        es: Publicado por error.\n        ar: نُشر عن طريق الخطأ.\n"
        "        zh: 误发。\n        en: Published by mistake.\n"
        "        fr: Publié par erreur.\n        ru: Опубликовано по ошибке.\n\n  2024:\n",
    )
    explained = commit(project, "Explain the removal")
    status, lines = report(project, base, explained, capsys)
    assert status == 0
    assert (
        "- 2021 · Removed: Final virtual/physical briefing on the WSIS Forum 2021. "
        "Reason: Published by mistake. (shown on `en/editions/2021/`)" in lines
    )


def test_no_change(repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    project, base = repo
    status, lines = report(project, base, base, capsys)
    assert status == 0
    assert "Ningún cambio visible para el público." in lines
    assert "No change visible to the public." in lines


def test_other_public_fields_are_named_and_statuses_are_words(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, base = repo
    edit(project / "data" / "events.yaml", "    remote_participation: true\n", "")
    edit(
        project / "data" / "phases.yaml",
        "        date: 2021-01-29\n",
        "        date: 2021-01-29\n        status: cancelled\n",
    )
    head = commit(project, "Drop remote participation, cancel phase III")
    status, lines = report(project, base, head, capsys)
    assert status == 0
    assert (
        "- 2024 · WSIS+20 Forum High-Level Event: “remote_participation” changed "
        "(shown on `en/editions/2024/`)" in lines
    )
    assert (
        "- 2021 · Segunda reunión virtual/presencial: estado cambiado de «Confirmado» a "
        "«Cancelado» (los suscriptores de los calendarios recibirán la actualización) "
        "(visible en `editions/2021/#phase-3`)" in lines
    )


def test_in_a_preview_each_change_links_the_page_it_shows_on(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, base = repo
    edit(project / "data" / "phases.yaml", "date: 2024-02-15", "date: 2024-02-29")
    head = commit(project, "Move a deadline")
    preview = "https://owner.github.io/wsis/pr-preview/pr-7/"
    monkeypatch.setenv("WSIS_SITE_URL", preview)
    status, lines = report(project, base, head, capsys)
    assert status == 0
    page = "editions/2024/#open-consultation-deadline"
    assert lines[2].endswith(f"(visible en [{page}]({preview}{page}))")
    assert any(line.endswith(f"(انظر [ar/{page}]({preview}ar/{page}))") for line in lines)


def test_the_page_of_a_change_is_where_a_visitor_sees_it() -> None:
    letter = Change("letter_added", "2021, 2024", {}, letter_id="2020-10-13-open-consultation")
    assert page_of(letter) == "letters/2020-10-13-open-consultation/"
    moved = Change("item_moved", "2024", {}, item_id="phase-2")
    assert page_of(moved) == "editions/2024/#phase-2"  # the item's own anchor
    assert page_of(replace(moved, kind="item_removed")) == "editions/2024/"  # gone: its edition
    assert page_of(Change("edition_dates", "2021", {})) == "editions/2021/"
    assert page_of(Change("edition_removed_silently", "2021", {})) == "editions/"


def test_unknown_revision_is_an_error(
    repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, base = repo
    assert main(["changes", "--data", str(project / "data"), "no-such-branch", base]) == 2
    assert "'no-such-branch' is not a commit of this repository" in capsys.readouterr().err


def test_a_translation_written_is_not_a_venue_moving() -> None:
    def snapshot(venue: dict[str, dict[str, str]]) -> Snapshot:
        return Snapshot({"editions": {"2021": {"venue": venue}}}, {}, {})

    spanish = {"city": {"es": "Ginebra"}, "country": {"es": "Suiza"}}
    translated = {"city": {"es": "Ginebra", "fr": "Genève"}, "country": {"es": "Suiza"}}
    moved = {"city": {"es": "Túnez", "fr": "Genève"}, "country": {"es": "Suiza"}}
    named = {**translated, "name": {"es": "Sede de la UIT"}}
    assert [c.kind for c in compare(snapshot(spanish), snapshot(translated))] == []
    assert [c.kind for c in compare(snapshot(translated), snapshot(moved))] == ["edition_venue"]
    assert [c.kind for c in compare(snapshot(translated), snapshot(named))] == ["edition_venue"]
