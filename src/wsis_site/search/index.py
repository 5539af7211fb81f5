"""One search index per language, so a search on the English site finds English pages only."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from wsis_site.addresses import SEARCH_INDEX
from wsis_site.search.folding import FOLDED_LANGUAGES, with_folded_words
from wsis_site.search.languages import search_language

INDEX = Path(SEARCH_INDEX)
#: Material reads its settings, including the base URL search uses, from this element.
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)


def searching_own_index(html: str, language: str) -> str:
    """A page of `language` (not the default) made to search its language's own index: the
    theme's settings point search at the language's folder, written back HTML-safe."""

    def rebase(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        settings["base"] = f"{settings['base'].rstrip('/')}/{language}/"
        return match.group(1) + str(htmlsafe_json_dumps(settings)) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, html, count=1)


def split_search_index(site_dir: Path, languages: Sequence[str]) -> None:
    """Move each non-default language's entries from the combined index into its own folder.

    Each index gets its language's own lunr settings; Material writes the default's into all.
    """
    combined = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    default, *others = languages
    remaining = combined["docs"]
    for language in others:
        prefix = f"{language}/"
        own = [entry for entry in remaining if entry["location"].startswith(prefix)]
        remaining = [entry for entry in remaining if not entry["location"].startswith(prefix)]
        docs = [{**entry, "location": entry["location"].removeprefix(prefix)} for entry in own]
        _write(site_dir / language / INDEX, combined["config"], language, docs)
    _write(site_dir / INDEX, combined["config"], default, remaining)


def language_index(config: dict[str, Any], language: str, docs: list[Any]) -> dict[str, Any]:
    """One language's index: its own lunr settings, its entries accent-folded where expected."""
    if language in FOLDED_LANGUAGES:
        docs = [with_folded_words(entry) for entry in docs]
    return {"config": {**config, **asdict(search_language(language))}, "docs": docs}


def _write(path: Path, config: dict[str, Any], language: str, docs: list[Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    index = language_index(config, language, docs)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
