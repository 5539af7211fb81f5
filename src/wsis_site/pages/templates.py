"""The site's own templates: the pages' (`overrides/wsis/`) and the Atom feed's (in this package),
all compiled with one set of options: autoescaping, strict about undefined names, cached.

The theme's templates are MkDocs' business (`hooks/chrome.py` gives them escaped values), and
`pages.theme_languages` reads the theme's language files with the theme's own options.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2

#: The Atom feed's template, shipped with the package.
PACKAGE_TEMPLATES = Path(str(files("wsis_site") / "templates"))


def _utc_timestamp(moment: datetime) -> str:
    """An instant as RFC 3339 in UTC, as Atom dates are written: `2024-01-10T09:00:00Z`."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


#: How templates are compiled; part of the bytecode cache's file names, so a change of any of
#: these never loads code compiled under the old ones.
TEMPLATE_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


@cache
def template_environment(templates_dir: Path) -> jinja2.Environment:
    """The environment of a folder of the site's own templates, once per process.

    Compiled templates are kept in Jinja's per-user bytecode cache (checked against each
    template's source), as Python keeps `__pycache__`: compiling costs more than a small build.
    """
    options = hashlib.sha256(repr(sorted(TEMPLATE_OPTIONS.items())).encode()).hexdigest()[:12]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=jinja2.FileSystemBytecodeCache(pattern=f"__wsis_{options}_%s.cache"),
        **TEMPLATE_OPTIONS,
    )
    environment.filters["utc_timestamp"] = _utc_timestamp
    return environment


def compile_templates(templates_dir: Path) -> None:
    """Compile every template of the folder now, into the process-wide environment."""
    environment = template_environment(templates_dir)
    for name in environment.list_templates(extensions=["html"]):
        environment.get_template(name)
