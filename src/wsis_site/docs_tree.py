"""Write the documentation tree MkDocs reads: the hand-written pages plus the generated ones."""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

from jinja2 import TemplateNotFound

from wsis_site.background import in_background
from wsis_site.loader import SiteData
from wsis_site.pages import PageRenderer, compile_templates

#: `<!-- wsis:next-deadline -->` in a hand-written page is replaced by that data fragment.
FRAGMENT = re.compile(r"<!--\s*wsis:([a-z-]+)\s*-->")
#: Present in every generated tree, so a second look at the same build recognises it.
MARKER = ".wsis-generated"


class DocsTreeError(Exception):
    """A hand-written page clashes with a generated one or names an unknown fragment."""


def is_generated_tree(docs_dir: Path) -> bool:
    """True for a tree written by `write_docs_tree`."""
    return (docs_dir / MARKER).is_file()


def write_docs_tree(data: SiteData, docs_dir: Path, templates_dir: Path, today: date) -> Path:
    """A fresh folder holding `docs_dir` and every generated page of every language.

    The generated pages sit in each language's folder like hand-written ones, so the i18n
    plugin gives them a language switcher, search and sitemap entries like any other page.
    """
    tree = Path(tempfile.mkdtemp(prefix="wsis-docs-"))
    atexit.register(shutil.rmtree, tree, ignore_errors=True)
    shutil.copytree(docs_dir, tree, dirs_exist_ok=True)
    compile_templates(templates_dir)  # before the fork, so neither process compiles them again
    # Half the languages are written by a second process, on the core MkDocs leaves idle.
    here, there = data.languages[0::2], data.languages[1::2]
    pending = in_background(
        partial(_write_languages, data, there, tree, docs_dir, templates_dir, today)
    )
    _write_languages(data, here, tree, docs_dir, templates_dir, today)
    pending.result()
    (tree / MARKER).write_text("generated from data/; edit data/ and docs/ instead\n")
    return tree


def _write_languages(
    data: SiteData,
    languages: Sequence[str],
    tree: Path,
    docs_dir: Path,
    templates_dir: Path,
    today: date,
) -> None:
    """Fill the fragments of hand-written pages and write the generated pages of `languages`."""
    for language in languages:
        renderer = PageRenderer(data, language, today, templates_dir)
        for page in sorted((tree / language).rglob("*.md")):
            relative = page.relative_to(tree / language)
            _fill_fragments(page, relative, renderer, docs_dir / language / relative)
        for source_path, text in renderer.pages().items():
            target = tree / language / source_path
            if target.exists():
                raise DocsTreeError(
                    f"{docs_dir / language / source_path} is generated from data/: remove it"
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def _fill_fragments(page: Path, relative: Path, renderer: PageRenderer, source: Path) -> None:
    """Replace each fragment marker of a hand-written page by its rendered HTML."""
    text = page.read_text(encoding="utf-8")
    url = page_url(relative)

    def fill(match: re.Match[str]) -> str:
        try:
            return renderer.fragment(match.group(1), url)
        except TemplateNotFound:
            line = text[: match.start()].count("\n") + 1
            raise DocsTreeError(
                f"{source}:{line}: unknown data fragment {match.group(1)!r}"
            ) from None

    page.write_text(FRAGMENT.sub(fill, text), encoding="utf-8")


def page_url(relative: Path) -> str:
    """The directory URL MkDocs gives a Markdown file: `about.md` → `about/`, `index.md` → ``."""
    parts = relative.with_suffix("").parts
    if parts and parts[-1] in {"index", "README"}:
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)
