"""Build the site with MkDocs into a fresh folder and swap it in only when the build succeeded."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def build_site(config_file: Path, site_dir: Path) -> None:
    """Build into a sibling staging folder, then replace `site_dir`; on failure it is untouched."""
    # Imported here so that validating data never pays for importing MkDocs.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-staging-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        build(config)
        staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        _swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `staging` with two renames, so there is never a half-written site."""
    retired = site_dir.with_name(f".{site_dir.name}-retired")
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
