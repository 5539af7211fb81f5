"""Write the documentation tree MkDocs reads: the hand-written pages plus the generated ones."""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from wsis_site.addresses import markdown_page_url
from wsis_site.build.background import Pending, completed, in_background
from wsis_site.domain.published_changes import PublishedChange
from wsis_site.model.loader import SiteData
from wsis_site.pages.generated import PageRenderer, PageSpec, page_specs
from wsis_site.pages.source_links import Repository
from wsis_site.pages.templates import compile_templates, template_environment
from wsis_site.reading.files import refusals
from wsis_site.reading.plaintext import decode, forbidden_characters

#: `<!-- wsis:next-deadline -->` in a hand-written page is replaced by that data fragment.
FRAGMENT = re.compile(r"<!--\s*wsis:([a-z-]+)\s*-->")


class DocsTreeError(Exception):
    """A hand-written page is unreadable, clashes with a generated one or names an unknown
    fragment."""


@dataclass(frozen=True)
class DocsTree:
    """A tree whose first language is written and whose other languages may still be."""

    path: Path
    pending: Pending[None]

    def complete(self) -> Path:
        """Wait until every page is written (raising what went wrong); return the tree."""
        self.pending.result()
        return self.path

    def remove(self) -> None:
        """Delete the tree once its build is over: `mkdocs serve` makes one per rebuild."""
        self.pending.cancel()
        shutil.rmtree(self.path, ignore_errors=True)


def write_docs_tree(data: SiteData, docs_dir: Path, templates_dir: Path, today: date) -> Path:
    """A fresh folder holding `docs_dir` and every generated page of every language."""
    return start_docs_tree(data, docs_dir, templates_dir, today).complete()


def start_docs_tree(
    data: SiteData,
    docs_dir: Path,
    templates_dir: Path,
    today: date,
    built: Sequence[str] = (),
    history: Sequence[PublishedChange] | None = None,
    repository: Repository | None = None,
) -> DocsTree:
    """A fresh tree of `docs_dir` plus the generated pages, the first built language written.

    The generated pages sit in each language's folder like hand-written ones, so the i18n
    plugin gives them a language switcher, search and sitemap entries like any other page.
    Every page file exists on return, so MkDocs lists them all; the other languages in `built`
    (default: every language) are written by a second process while MkDocs builds the first,
    and must be complete (`DocsTree.complete`) before MkDocs reads them. `history` is every
    published change (None: unknown, without git history), which edition pages list;
    `repository`, where pages link their sources (None: no such links).
    """
    built = tuple(built) or data.languages
    # Copying would follow a link and publish what it points at: refuse links before reading.
    if refused := refusals(docs_dir, str(docs_dir)):
        raise DocsTreeError("\n".join(f"{issue.file}: {issue.message}" for issue in refused))
    tree = Path(tempfile.mkdtemp(prefix="wsis-docs-"))
    atexit.register(shutil.rmtree, tree, ignore_errors=True)
    shutil.copytree(docs_dir, tree, dirs_exist_ok=True)
    compile_templates(templates_dir)  # before the fork, so neither process compiles them again
    templates = set(template_environment(templates_dir).list_templates())
    for language in data.languages:  # every error is found before anything is built
        _check_hand_written_pages(data, language, docs_dir / language, templates)
    # MkDocs needs the first language at once: two processes share its pages. The other
    # languages' files are created empty, so that MkDocs lists every page, before the fork:
    # after it, this process pays a copy for each page of memory it writes to first.
    first = PageRenderer(data, built[0], today, templates_dir, history, repository)
    specs = list(page_specs(data, built[0]))
    _reserve_pages(data, [language for language in data.languages if language != built[0]], tree)
    half = in_background(partial(_write_pages, first, specs[1::2], tree / built[0]))
    _write_pages(first, specs[0::2], tree / built[0])
    _fill_fragments(first, tree / built[0], docs_dir / built[0])
    half.result()
    rest = partial(
        _write_languages, data, built[1:], tree, docs_dir, templates_dir, today, history, repository
    )
    pending = in_background(rest) if built[1:] else completed(None)
    return DocsTree(tree, pending)


def _check_hand_written_pages(
    data: SiteData, language: str, source_folder: Path, templates: set[str]
) -> None:
    """Hand-written pages must name known fragments and leave generated pages' paths free."""
    sources = sorted(source_folder.rglob("*.md"))
    for source in sources:
        # As the data files: UTF-8 only, and no character that hides what the text says.
        text, issues = decode(source.read_bytes(), str(source))
        if text is not None:
            issues = forbidden_characters(text, str(source))
        if text is None or issues:
            raise DocsTreeError("\n".join(issue.as_text() for issue in issues))
        for match in FRAGMENT.finditer(text):
            if f"fragments/{match.group(1)}.html" not in templates:
                line = text[: match.start()].count("\n") + 1
                raise DocsTreeError(f"{source}:{line}: unknown data fragment {match.group(1)!r}")
    hand_written = {source.relative_to(source_folder).as_posix() for source in sources}
    for spec in page_specs(data, language):
        if spec.source_path in hand_written:
            raise DocsTreeError(
                f"{source_folder / spec.source_path} is generated from data/: remove it"
            )


def _write_languages(
    data: SiteData,
    languages: Sequence[str],
    tree: Path,
    docs_dir: Path,
    templates_dir: Path,
    today: date,
    history: Sequence[PublishedChange] | None,
    repository: Repository | None,
) -> None:
    """Write the generated pages of each language, and fill its hand-written pages' fragments."""
    for language in languages:
        renderer = PageRenderer(data, language, today, templates_dir, history, repository)
        _write_pages(renderer, list(page_specs(data, language)), tree / language)
        _fill_fragments(renderer, tree / language, docs_dir / language)


def _write_pages(renderer: PageRenderer, specs: list[PageSpec], folder: Path) -> None:
    for spec in specs:
        target = folder / spec.source_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(renderer.page(spec), encoding="utf-8")


def _reserve_pages(data: SiteData, languages: Sequence[str], tree: Path) -> None:
    """Create the generated pages' files of `languages`, empty, to be written later."""
    for language in languages:
        for spec in page_specs(data, language):
            target = tree / language / spec.source_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.touch()


def _fill_fragments(renderer: PageRenderer, folder: Path, source_folder: Path) -> None:
    """Replace each fragment marker of the hand-written pages by its rendered HTML."""
    for source in sorted(source_folder.rglob("*.md")):
        relative = source.relative_to(source_folder)
        text = source.read_text(encoding="utf-8")
        fill = partial(_fragment_html, renderer, markdown_page_url(relative))
        filled = FRAGMENT.sub(fill, text)
        if filled != text:
            (folder / relative).write_text(filled, encoding="utf-8")


def _fragment_html(renderer: PageRenderer, url: str, match: re.Match[str]) -> str:
    return renderer.fragment(match.group(1), url)
