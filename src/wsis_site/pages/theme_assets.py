"""The theme's stylesheet and script, by the hashed names its installed release gives them.

`overrides/main.html` links Material's stylesheet without its palette file, and its script
deferred; the names carry a content hash (`bundle.a5f9d56c.min.js`) that changes with every
release of the theme, so they are read from the installed theme at each build.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Each asset's name pattern inside the theme's folder.
PATTERNS = {
    "stylesheet": "assets/stylesheets/main.*.min.css",
    "script": "assets/javascripts/bundle.*.min.js",
}


class ThemeAssetError(RuntimeError):
    """The theme no longer has exactly one file where the site's templates expect one."""


@dataclass(frozen=True)
class ThemeAssets:
    """Paths inside the site, as the theme's files are copied to it."""

    stylesheet: str
    script: str


def theme_assets(theme_dirs: Sequence[str | Path]) -> ThemeAssets:
    """The theme's hashed stylesheet and script, found in its template folders."""
    found: dict[str, str] = {}
    for name, pattern in PATTERNS.items():
        matches = sorted(
            {
                path.relative_to(folder).as_posix()
                for folder in map(Path, theme_dirs)
                for path in folder.glob(pattern)
            }
        )
        if len(matches) != 1:
            raise ThemeAssetError(
                f"the theme should have one {pattern}, and has {matches or 'none'}: "
                "overrides/main.html links it (see wsis_site.pages.theme_assets)"
            )
        found[name] = matches[0]
    return ThemeAssets(**found)
