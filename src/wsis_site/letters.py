"""Turn a letter's Markdown into HTML that cannot carry markup or scripts from the data."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = frozenset({"https", "mailto"})


class _SafeLinks(Treeprocessor):
    """Keep https and mailto links (http upgraded); anything else becomes plain text."""

    def run(self, root: ET.Element) -> None:
        for image in root.iter("img"):
            # Images would load from other hosts: keep their words only.
            alt = image.get("alt", "")
            image.tag = "span"
            image.attrib.clear()
            image.text = alt
        for link in root.iter("a"):
            # Markdown hides e-mail autolinks behind character references; read them first.
            href = html.unescape(self.md.postprocessors["amp_substitute"].run(link.get("href", "")))
            link.set("href", href)
            scheme = urlsplit(href).scheme
            if scheme == "http":
                link.set("href", "https" + href[len("http") :])
            elif scheme not in SAFE_SCHEMES:
                # The source copies lost some targets (`(#)`): show the words, not a dead link.
                link.tag = "span"
                link.attrib.clear()


class _NoRawHtml(Extension):
    """Raw HTML in the text is shown as text, never passed through."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)


def letter_html(text: str) -> str:
    """The HTML of a letter's Markdown text, escaped and with safe links only."""
    return markdown.markdown(text, extensions=[_NoRawHtml()], output_format="html")
