"""The theme's markup that the Nu HTML Checker rejects, mended in the built pages."""

from __future__ import annotations

import re

# Material writes autocomplete="off" on its drawer and search checkboxes, outside any template
# block; HTML allows the attribute on text-like inputs only.
CHECKBOX_AUTOCOMPLETE = re.compile(
    r'''(<input class="md-toggle"(?:[^>"']|"[^"]*"|'[^']*')*?type="checkbox"'''
    r'''(?:[^>"']|"[^"]*"|'[^']*')*?) autocomplete="off"'''
)


def mended(html: str) -> str:
    """`html` without the attribute the checker rejects on the theme's checkbox toggles."""
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
