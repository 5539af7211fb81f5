"""Regression tests of issue 20: nothing written in `data/` becomes markup or script."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import edit
from tests.poison import PAYLOAD, poison_data
from tests.test_validation import errors
from wsis_site.model.loader import load_site_data

#: Attributes whose value a browser follows or runs as an address.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
#: Elements the build adds around data text by design: right-to-left pages isolate Latin runs.
TEXT_WRAPPERS = {"bdi"}


class _Shape(HTMLParser):
    """Every element with its attribute names, and every address that would run script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: Counter[tuple[str, tuple[str, ...]]] = Counter()
        self.script_addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TEXT_WRAPPERS:
            self.elements[tag, tuple(sorted(name for name, _ in attrs))] += 1
        for name, value in attrs:
            address = "".join((value or "").split()).lower()
            if name in URL_ATTRIBUTES and address.startswith(("javascript:", "data:text/html")):
                self.script_addresses.append(f"{tag} {name}={value}")

    handle_startendtag = handle_starttag


def shape(page: Path) -> _Shape:
    parser = _Shape()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_the_payload_reaches_every_kind_of_text(poisoned_site: Path) -> None:
    """The poisoned build is a real test: the payload is printed, as text, on every page."""
    escaped = "&lt;script&gt;alert(2)&lt;/script&gt;"
    pages = sorted(poisoned_site.rglob("*.html"))
    assert pages
    assert [page for page in pages if escaped not in page.read_text(encoding="utf-8")] == []


def test_no_element_attribute_or_script_address_comes_from_data(
    poisoned_site: Path, multilingual_site: Path
) -> None:
    """Compared with the same build of the real data, the poisoned pages have the same shape."""
    original_pages = sorted(
        page.relative_to(multilingual_site) for page in multilingual_site.rglob("*.html")
    )
    assert original_pages == sorted(
        page.relative_to(poisoned_site) for page in poisoned_site.rglob("*.html")
    )
    added: dict[str, list[str]] = {}
    for relative in original_pages:
        before, after = shape(multilingual_site / relative), shape(poisoned_site / relative)
        new = [f"<{tag} {' '.join(names)}>" for tag, names in (after.elements - before.elements)]
        new += after.script_addresses
        if new:
            added[str(relative)] = new
    assert added == {}


def test_only_values_with_a_form_refuse_the_payload(data_dir: Path) -> None:
    """Free text takes any character; addresses and numbers keep their form, payload or not."""
    before = load_site_data(data_dir)
    # Of the words and letters, only the Babel time patterns have a form ("HH:mm").
    patterns = {
        f"data/ui/{path.name}:{number}"
        for path in (data_dir / "ui").glob("*.yaml")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith("time_pattern")
    }
    kept_clean = poison_data(data_dir)
    after = load_site_data(data_dir)
    words = [where for where in kept_clean if where.startswith(("data/letters/", "data/ui/"))]
    assert set(words) == patterns
    for contact_id, contact in before.contacts.items():
        kept = after.contacts[contact_id]
        assert (kept.email, kept.phone, kept.fax) == (contact.email, contact.phone, contact.fax)
    assert [edition.website for edition in after.editions.values()] == [
        edition.website for edition in before.editions.values()
    ]
    assert [org.url for org in after.organizations.values()] == [
        org.url for org in before.organizations.values()
    ]
    assert PAYLOAD in after.contacts["wsis-secretariat"].name["es"]


# --- What has a form is checked --------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        (
            'x"><script>alert(1)</script>@evil.example',
            "An email address must have an @-sign.",
        ),
        (
            "wsis info@itu.int",
            "The email address contains invalid characters before the @-sign: SPACE.",
        ),
        ("wsis-info@itu", "The part after the @-sign is not valid. It should have a period."),
    ],
)
def test_contact_email_is_an_address(data_dir: Path, written: str, reason: str) -> None:
    line = edit(data_dir / "contacts.yaml", "email: wsis-info@itu.int", f"email: '{written}'")
    assert errors(data_dir) == [
        f"data/contacts.yaml:{line}:12: contacts.wsis-secretariat.email: '{written}' is not an "
        f"e-mail address: {reason}"
    ]


@pytest.mark.parametrize(
    "written", ["+41 22 730 624", "41 22 730 6240", "+41-22-730-6240", "+999 1234", "+4"]
)
def test_contact_phone_is_an_international_number(data_dir: Path, written: str) -> None:
    line = edit(data_dir / "contacts.yaml", 'phone: "+41 22 730 6240"', f'phone: "{written}"')
    assert errors(data_dir) == [
        f"data/contacts.yaml:{line}:12: contacts.wsis-secretariat.phone: '{written}' is not an "
        "international phone number: write + and the country code, then the digits in groups "
        "separated by spaces, such as +41 22 730 6240"
    ]


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("javascript:alert(1)", "is not an https:// address"),
        (
            'https://www.itu.int/"><svg/onload=alert(1)>',
            "holds '\"' '<' '>', which a web address cannot hold as written: copy the address "
            "from the browser's address bar",
        ),
        (
            "https://evil.example@www.itu.int",
            "does not name a web site by its domain, such as https://www.itu.int",
        ),
        (
            "https://127.0.0.1",
            "does not name a web site by its domain, such as https://www.itu.int",
        ),
        ("https://WWW.ITU.INT", "is not written as browsers write it: write https://www.itu.int/"),
    ],
)
def test_organization_url_is_an_https_address(data_dir: Path, written: str, problem: str) -> None:
    line = edit(
        data_dir / "organizations.yaml", "url: https://www.itu.int\n", f"url: '{written}'\n"
    )
    assert errors(data_dir) == [
        f"data/organizations.yaml:{line}:10: organizations.itu.url: '{written}' {problem}"
    ]


# --- Found in the same run -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "em"])
def test_letter_text_in_a_language_the_site_does_not_have(data_dir: Path, language: str) -> None:
    letter = "2020-10-13-wsis-forum-2021"
    text = (data_dir / "letters" / f"{letter}.en.md").read_text(encoding="utf-8")
    (data_dir / "letters" / f"{letter}.{language}.md").write_text(text, encoding="utf-8")
    assert errors(data_dir) == [
        f"data/letters/{letter}.{language}.md:1:1: '{language}' is not one of the site's "
        f"languages (es, ar, zh, en, fr, ru): rename this file to {letter}.<language>.md or "
        "remove it"
    ]


def test_a_file_in_letters_that_is_no_letter_text(data_dir: Path) -> None:
    (data_dir / "letters" / "notes.txt").write_text("to do\n", encoding="utf-8")
    assert errors(data_dir) == [
        "data/letters/notes.txt:1:1: this file is not a letter's text: name it "
        "<letter id>.<language>.md, the language being one of the site's (es, ar, zh, en, fr, "
        "ru), or remove it"
    ]
