"""Which engine builds the site: MkDocs 1.x (the default) or ProperDocs, its maintained fork.

ProperDocs runs the same hooks, theme and plugins: once `properdocs.replacement` is imported,
every `mkdocs.*` import (ours, Material's, the i18n plugin's) resolves to `properdocs.*`. So the
engine must be chosen before anything in the process imports MkDocs.
"""

from __future__ import annotations

import importlib
import sys

ENGINES = ("mkdocs", "properdocs")
DEFAULT_ENGINE = "mkdocs"


class EngineError(Exception):
    """The engine cannot be used in this process."""


def use_engine(engine: str) -> None:
    """Make `mkdocs.*` imports resolve to `engine` from now on in this process."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "mkdocs":
        return
    loaded = sys.modules.get("mkdocs")
    if loaded is not None and loaded.__name__ != "properdocs":
        raise EngineError("MkDocs is imported already: choose ProperDocs before building")
    importlib.import_module("properdocs.replacement")
