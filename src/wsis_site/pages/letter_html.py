"""Turn a letter's Markdown into HTML that cannot carry markup or scripts from the data."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = frozenset({"https", "mailto"})
#: An address written as text in a letter ("www.wsis.org/stocktaking"), without a final stop.
BARE_ADDRESS = re.compile(r"\bwww(?:\.[A-Za-z0-9-]+)+(?:/[\w~%/.-]*[\w~%/-])?")
#: A header line of a letter: a short label and a colon, ASCII or full-width ("Ref.:", "Tel.:").
HEADER_FIELD = re.compile(r"^[^\s:\uff1a*#>\-][^:\uff1a]{0,24}(?::\s|\uff1a)")
#: A line the original broke after a slash to fit a narrow column ("Instituciones académicas/").
COLUMN_BREAK = re.compile(r"/ *\n(?=\S)")
#: What ends a sentence or a clause, in the letters' scripts: the closing formula ends so.
SENTENCE_ENDS = frozenset(".,:;!?。，：；！？،؛؟")  # noqa: RUF001 (the full-width forms are meant)


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
        _link_addresses(root)


def _address_link(address: str, tail: str | None) -> ET.Element:
    link = ET.Element("a", {"href": "https://" + address})
    link.text, link.tail = address, tail
    return link


def _split_addresses(text: str | None) -> tuple[str | None, list[ET.Element]]:
    """The text before the first bare address, and a link per address with the text after it."""
    if not text or not BARE_ADDRESS.search(text):
        return text, []
    pieces = BARE_ADDRESS.split(text)
    addresses = BARE_ADDRESS.findall(text)
    afters = pieces[1:]
    links = [_address_link(a, after or None) for a, after in zip(addresses, afters, strict=True)]
    return pieces[0] or None, links


def _link_addresses(element: ET.Element) -> None:
    """Addresses written as text become https links, except inside links and code."""
    if element.tag in {"a", "code", "pre"}:
        return
    for child in list(element):
        _link_addresses(child)
    element.text, links = _split_addresses(element.text)
    for i, link in enumerate(links):
        element.insert(i, link)
    for child in list(element):
        if child in links:
            continue
        child.tail, after = _split_addresses(child.tail)
        position = list(element).index(child) + 1
        for j, link in enumerate(after):
            element.insert(position + j, link)


def _split_signatures(text: str) -> tuple[str, str]:
    """The letter up to its closing formula, and the signatures below it, one line per line.

    The closing formula ("Atentamente,", "顺致敬意。") ends with punctuation, the signature
    lines below it ("[Original firmado]", "Houlin ZHAO", "Secretario General de la UIT") do not.
    """
    blocks = text.rstrip().split("\n\n")
    start = len(blocks)
    while start > 0:
        lines = blocks[start - 1].strip().split("\n")
        if lines[-1].rstrip()[-1:] in SENTENCE_ENDS or lines[0].startswith(("- ", "#")):
            break
        start -= 1
    signatures = [
        "  \n".join(line.rstrip() for line in block.strip().split("\n")) for block in blocks[start:]
    ]
    return "\n\n".join(blocks[:start]), "\n\n".join(signatures)


def _line_blocks(text: str) -> str:
    """Header blocks one field per line, and the original's column breaks undone.

    The letters' header (date, Ref., Contact, Tel., E-mail) is a block of short "Label: value"
    lines; a line without a label continues the previous field (a reference broken to fit).
    """
    text = COLUMN_BREAK.sub("/", text)
    blocks = text.split("\n\n")
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        if len(lines) < 2 or not HEADER_FIELD.match(lines[0]):
            continue
        fields: list[str] = []
        for line in lines:
            if HEADER_FIELD.match(line) or not fields:
                fields.append(line.rstrip())
            else:
                fields[-1] += " " + line.strip()
        blocks[i] = "  \n".join(fields)
    return "\n\n".join(blocks)


class _NoRawHtml(Extension):
    """Raw HTML in the text is shown as text, never passed through."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)


def letter_html(text: str) -> str:
    """The HTML of a letter's Markdown text, escaped and with safe links only."""
    body, signatures = _split_signatures(_line_blocks(text))
    html = _markdown(body)
    if signatures:
        # One wrapper for all of them, however many: the shape of the page does not depend on it.
        html += f'\n<div class="wsis-signatures">\n{_markdown(signatures)}\n</div>'
    return html


def _markdown(text: str) -> str:
    return markdown.markdown(text, extensions=[_NoRawHtml()], output_format="html")
