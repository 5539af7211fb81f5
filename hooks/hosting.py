"""MkDocs hook: write what hosts need (headers with a CSP hashed from the pages, robots.txt)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from wsis_site.build.hosting import write_host_files
from wsis_site.build.mkdocs_adapter import (
    WRITE_HOST_FILES,
    is_other_language_build,
    running_command,
    site_data,
)

# --- Hooks ----------------------------------------------------------------------------------


@event_priority(WRITE_HOST_FILES)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the host files once every page exists, so the CSP hashes the scripts they hold."""
    if is_other_language_build(config):
        return
    # `mkdocs serve`'s live reload runs an inline script that a policy in the pages would refuse.
    serving = running_command() == "serve"
    write_host_files(site_data(config), Path(config.site_dir), policy_in_pages=not serving)
