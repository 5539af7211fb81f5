"""Each language's search settings, read from Material's own language files."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

import jieba

from wsis_site.pages.theme_languages import theme_text


@dataclass(frozen=True)
class SearchLanguage:
    """What Material's search worker needs to tokenize one language: lunr languages and rules."""

    lang: list[str]
    separator: str
    pipeline: list[str]


@cache
def search_language(code: str) -> SearchLanguage:
    """The settings Material's search plugin would choose for a site in language `code`."""
    pipeline = theme_text(code, "search.config.pipeline")
    return SearchLanguage(
        lang=[theme_text(code, "search.config.lang")],
        separator=theme_text(code, "search.config.separator"),
        # Material splits on commas; Arabic's " " means "no trimmer, stop words or stemmer".
        pipeline=[name for name in re.split(r"\s*,\s*", pipeline.strip()) if name],
    )


def quiet_jieba() -> None:
    """Keep jieba, which Material's search segments Chinese with, from chattering on stderr."""
    jieba.setLogLevel(logging.WARNING)
