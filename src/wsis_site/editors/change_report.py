"""The change report of a pull request: what it changes for the public, where each change
shows, and the translations it leaves to update, in every language (`wsis-site changes`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wsis_site.addresses import is_placeholder
from wsis_site.domain.changes import Change, ChangeWords, Snapshot, page_of
from wsis_site.domain.history import as_mapping
from wsis_site.editors.translations import Translation
from wsis_site.model.loader import SiteData
from wsis_site.model.parse import EVENTS_FILE, LETTERS_FILE, PHASES_FILE
from wsis_site.reading.git import git, read_blobs
from wsis_site.reading.yaml_source import parse_yaml

COMPARED = (EVENTS_FILE, PHASES_FILE, LETTERS_FILE)


def snapshot_at(data_dir: Path, revision: str) -> Snapshot:
    """The data as committed in `revision` (a file missing there counts as empty)."""
    commit = git(data_dir, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if commit is None:
        raise ValueError(f"{revision!r} is not a commit of this repository")
    prefix = _required(git(data_dir, "rev-parse", "--show-prefix")).strip()
    requests = "".join(f"{commit.strip()}:{prefix}{name}\n" for name in COMPARED)
    texts = read_blobs(data_dir, requests)
    return Snapshot(*(_raw(text, name) for text, name in zip(texts, COMPARED, strict=True)))


def _required(output: str | None) -> str:
    if output is None:
        raise ValueError("git failed in the data folder: is it inside a git repository?")
    return output


def _raw(text: str, name: str) -> Mapping[str, Any]:
    document, issues = parse_yaml(text, name)
    if issues:
        raise ValueError(f"{name} does not parse at that revision: {issues[0].as_text()}")
    return as_mapping(document.data)


@dataclass(frozen=True)
class Reporter(ChangeWords):
    """The report's section of one language."""

    stale_translations: tuple[Translation, ...] = ()
    """The translations the pull request leaves to update (all languages)."""

    def line(self, change: Change) -> str:
        """One change as a sentence, headed by its edition."""
        return f"{change.edition_id} · {self.t(f'change_{change.kind}', **self.values(change))}"

    def page(self, change: Change) -> str:
        """The page showing `change` in this language: a link to it where the site has an
        address (a pull request's preview), its path otherwise."""
        path = self.data.prefix(self.language) + page_of(change)
        if is_placeholder(urlsplit(self.data.site_url).hostname or ""):
            return f"`{path}`"
        return f"[{path}]({self.data.site_url}{path})"

    def report(self, changes: list[Change]) -> str:
        """The Markdown section of this language."""
        lines = [f"### {self.t('change_heading')}", ""]
        lines += [
            "- " + self.t("change_line", change=self.line(change), page=self.page(change))
            for change in changes
        ] or [self.t("change_none")]
        # The translations into this language that the change leaves to update.
        stale = [t for t in self.stale_translations if t.language == self.language]
        if stale:
            lines += ["", f"#### {self.t('change_stale_translations')}", ""]
            lines += [f"- `{t.at}` ({t.key}), source `{t.source_at}`" for t in stale]
        return "\n".join(lines)


def change_report(
    data: SiteData, changes: list[Change], stale_translations: tuple[Translation, ...] = ()
) -> str:
    """The whole report: one section per language, silent removals first and loud, each with
    the translations into it that the change leaves to update."""
    ordered = sorted(changes, key=lambda change: not change.is_silent_removal)
    sections = [
        Reporter(data, language, stale_translations).report(ordered) for language in data.languages
    ]
    return "\n\n".join(sections) + "\n"
