"""MkDocs hook: mend markup of the theme that the Nu HTML Checker rejects, and tell the
templates the theme's hashed asset names."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wsis_site.build.mkdocs_adapter import FIX_THEME_OUTPUT
from wsis_site.pages.theme_assets import theme_assets
from wsis_site.pages.theme_markup import mended

# --- Hooks ----------------------------------------------------------------------------------


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """`wsis_theme`: the installed theme's stylesheet and script, which `main.html` links."""
    env.globals["wsis_theme"] = theme_assets(config.theme.dirs)
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Drop the attribute the checker rejects from the theme's checkbox toggles."""
    return mended(output)


@event_priority(FIX_THEME_OUTPUT)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for theme templates rendered outside pages (the 404 page)."""
    return mended(output_content)
