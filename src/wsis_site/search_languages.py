"""Each language's search settings, read from Material's own language files."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jieba
import jinja2

#: Material's templates, whose `partials/languages/<code>.html` hold `search.config.*`.
MATERIAL_TEMPLATES = Path(str(files("material") / "templates"))


@dataclass(frozen=True)
class SearchLanguage:
    """What Material's search worker needs to tokenize one language: lunr languages and rules."""

    lang: list[str]
    separator: str
    pipeline: list[str]


@cache
def search_language(code: str) -> SearchLanguage:
    """The settings Material's search plugin would choose for a site in language `code`."""
    pipeline = _translate(code, "search.config.pipeline")
    return SearchLanguage(
        lang=[_translate(code, "search.config.lang")],
        separator=_translate(code, "search.config.separator"),
        # Material splits on commas; Arabic's " " means "no trimmer, stop words or stemmer".
        pipeline=[name for name in re.split(r"\s*,\s*", pipeline.strip()) if name],
    )


def quiet_jieba() -> None:
    """Keep jieba, which Material's search segments Chinese with, from chattering on stderr."""
    jieba.setLogLevel(logging.WARNING)


def _translate(code: str, key: str) -> str:
    # As Material's partials/language.html: the language's own text, else English's.
    return _text(code, key) or _text("en", key)


def _text(code: str, key: str) -> str:
    return str(_texts(code)(key))


@cache
def _texts(code: str) -> Callable[[str], object]:
    # Compiled once per user, as the site's own templates are (`pages.template_environment`).
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(MATERIAL_TEMPLATES),
        bytecode_cache=jinja2.FileSystemBytecodeCache(pattern="__wsis_material_%s.cache"),
    )
    module: Any = environment.get_template(f"partials/languages/{code}.html").module
    translate: Callable[[str], object] = module.t  # the file's one macro
    return translate
