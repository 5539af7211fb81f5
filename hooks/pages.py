"""MkDocs hook: put the pages generated from `data/` into the docs tree, as first-class pages."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from wsis_site.docs_tree import DocsTreeError, is_generated_tree, write_docs_tree
from wsis_site.loader import load_site_data
from wsis_site.timeline import build_date

# --- Hooks ----------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Point MkDocs at a tree holding docs/ plus the generated pages, written once per build.

    The i18n plugin only treats files inside `docs_dir` as pages of a language, so generated
    pages are written there rather than added as virtual `File` objects, which it would drop.
    """
    docs_dir = Path(config.docs_dir)
    if is_generated_tree(docs_dir):  # the i18n plugin's rebuild for another language
        return config
    project = Path(config.config_file_path).parent
    data = load_site_data(project / "data")
    try:
        tree = write_docs_tree(data, docs_dir, templates_dir(config), build_date())
    except DocsTreeError as error:
        raise PluginError(str(error)) from None
    config.docs_dir = str(tree)
    return config


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Write each language's 404 page into its own folder instead of over the default one."""
    i18n = config.plugins.get("i18n")
    if template_name != "404.html" or i18n is None:
        return output_content
    language = i18n.current_language
    if language == i18n.default_language:
        return output_content
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return ""  # MkDocs skips writing an empty template, so the default 404 stays


# --- Helpers --------------------------------------------------------------------------------


def templates_dir(config: MkDocsConfig) -> Path:
    """Templates of the generated pages, inside the theme's override folder."""
    return Path(config.theme.custom_dir or "overrides") / "wsis"
