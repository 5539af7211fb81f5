"""MkDocs hook: on right-to-left pages, isolate runs of Latin script (`wsis_site.pages.bidi`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from wsis_site.build.mkdocs_adapter import (
    REWRITE_RIGHT_TO_LEFT,
    is_other_language_build,
    language_folders,
    site_data,
)
from wsis_site.pages.bidi import is_right_to_left, isolate_in_folder

# --- Hooks ----------------------------------------------------------------------------------


@event_priority(REWRITE_RIGHT_TO_LEFT)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Rewrite each right-to-left language's pages once they are all written."""
    if is_other_language_build(config):
        return
    data = site_data(config)
    site_dir = Path(config.site_dir)
    folders = language_folders(config, data.default_language)
    below = [folder for folder in folders.values() if folder != site_dir]
    for language, folder in folders.items():
        if is_right_to_left(language):
            # The default language's folder is the site's root: the others are below it.
            isolate_in_folder(folder, skip=below if folder == site_dir else ())
