"""What the theme's own language files say about each language (Material's `partials/languages`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2

#: Material's templates, whose `partials/languages/<code>.html` hold each language's texts.
MATERIAL_TEMPLATES = Path(str(files("material") / "templates"))


def theme_text(code: str, key: str) -> str:
    """`key` (`direction`, `search.config.lang`…) for language `code`, as the theme reads it."""
    # As Material's partials/language.html: the language's own text, else English's.
    return _text(code, key) or _text("en", key)


def _text(code: str, key: str) -> str:
    return str(_texts(code)(key))


@cache
def _texts(code: str) -> Callable[[str], object]:
    module: Any = _environment().get_template(f"partials/languages/{code}.html").module
    translate: Callable[[str], object] = module.t  # the file's one macro
    return translate


@cache
def _environment() -> jinja2.Environment:
    # Compiled once per user, as the site's own templates are (`pages.templates`).
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(MATERIAL_TEMPLATES),
        bytecode_cache=jinja2.FileSystemBytecodeCache(pattern="__wsis_material_%s.cache"),
    )
