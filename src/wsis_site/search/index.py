"""One search index per language, so a search on the English site finds English pages only."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from wsis_site.addresses import SEARCH_INDEX
from wsis_site.search.folding import FOLDED_LANGUAGES, with_folded_words
from wsis_site.search.languages import search_language

INDEX = Path(SEARCH_INDEX)


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
