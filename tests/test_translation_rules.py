"""Issue 25: the rules a UN translator follows, kept as tests on the data and a real build.

Status words agree with what they qualify, each language numbers phases one way, and Russian,
Chinese and Arabic pages write people and organizations in their own script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wsis_site.model.documents import Contact, Signatory
from wsis_site.model.loader import SiteData, load_site_data

KINDS = ("launch", "meeting", "briefing", "deadline", "call", "event")
TIMES = ("past", "today", "upcoming")

#: The noun each language names a kind of item with (`kind_*`), and its gender: the status words
#: under it agree with it. A translator who changes a noun updates its gender here.
KIND_NOUNS = {
    "es": {
        "launch": ("Apertura", "f"),
        "meeting": ("Reunión", "f"),
        "briefing": ("Sesión informativa", "f"),
        "deadline": ("Plazo", "m"),
        "call": ("Convocatoria", "f"),
        "event": ("Evento", "m"),
    },
    "fr": {
        "launch": ("Lancement", "m"),
        "meeting": ("Réunion", "f"),
        "briefing": ("Séance d'information", "f"),
        "deadline": ("Date limite", "f"),
        "call": ("Appel", "m"),
        "event": ("Manifestation", "f"),
    },
    "ru": {
        "launch": ("Открытие", "n"),
        "meeting": ("Собрание", "n"),
        "briefing": ("Брифинг", "m"),
        "deadline": ("Срок", "m"),
        "call": ("Прием заявок", "m"),
        "event": ("Мероприятие", "n"),
    },
    "ar": {
        "launch": ("افتتاح", "m"),
        "meeting": ("اجتماع", "m"),
        "briefing": ("جلسة إحاطة", "f"),
        "deadline": ("موعد نهائي", "m"),
        "call": ("دعوة", "f"),
        "event": ("حدث", "m"),
    },
}

#: The gender of the first word of an edition's name: its status agrees with it.
EDITION_NOUNS = {
    "es": {"Foro": "m", "Evento": "m"},
    "fr": {"Forum": "m", "Manifestation": "f"},
    "ru": {"Форум": "m", "Мероприятие": "n"},
    "ar": {"منتدى": "m", "الحدث": "m"},
}
GENDER_SUFFIX = {"m": "", "f": "_feminine", "n": "_neuter"}
NAME_GENDER = {"feminine": "f", "neuter": "n"}

#: Status words that do not agree: verbs, adverbial phrases and epicene adjectives.
INVARIABLE = {
    "es": {"En curso", "Vence hoy", "Provisional"},
    "fr": {"En cours", "À venir", "Dernier jour", "Provisoire"},
    "ru": {"Проходит", "Предстоит", "Истекает сегодня"},
    "ar": {"ينقضي اليوم", "لم ينقضِ بعد"},
}


def gender_of(language: str, word: str) -> str:
    """The gender a status word is written in, by its ending (the agreeing word of the phrase)."""
    if language == "es":
        return {"o": "m", "a": "f"}[word.split()[0][-1]]
    if language == "fr":
        return "f" if word.split()[0].endswith("e") else "m"
    if language == "ru":
        last = re.sub(r"(ся|сь)$", "", word.split()[-1])
        return "n" if last.endswith("о") else "f" if last.endswith(("а", "я")) else "m"
    first = word.split()[0]
    return "f" if first.endswith(("ة", "ت")) else "m"


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(ROOT / "data")


def agreement_cases() -> Iterator[tuple[str, str, str]]:
    for language in KIND_NOUNS:
        for kind in KINDS:
            for status in (*TIMES, "cancelled", "tentative"):
                yield language, kind, status


@pytest.mark.parametrize(("language", "kind", "status"), list(agreement_cases()))
def test_item_status_words_agree_with_the_kinds_noun(
    data: SiteData, language: str, kind: str, status: str
) -> None:
    noun, gender = KIND_NOUNS[language][kind]
    assert data.ui[language][f"kind_{kind}"] == noun, "update KIND_NOUNS with the noun's gender"
    word = data.ui[language][f"status_{kind}_{status}"]
    if word not in INVARIABLE[language]:
        assert gender_of(language, word) == gender, f"{word!r} does not agree with {noun!r}"


@pytest.mark.parametrize("language", list(EDITION_NOUNS))
def test_edition_status_words_agree_with_each_editions_name(data: SiteData, language: str) -> None:
    for edition_id, edition in data.editions.items():
        head = edition.name[language].split()[0]
        assert head in EDITION_NOUNS[language], f"{edition_id}: add {head!r} to EDITION_NOUNS"
        gender = EDITION_NOUNS[language][head]
        assert NAME_GENDER.get(edition.name_gender.get(language, ""), "m") == gender, (
            f"events.yaml: {edition_id}.name_gender.{language} does not match {head!r}"
        )
    for gender, suffix in GENDER_SUFFIX.items():
        for status in TIMES:
            word = data.ui[language][f"status_edition_{status}{suffix}"]
            if word not in INVARIABLE[language]:
                # Where the language has no neuter, its neuter form is the masculine one.
                expected = gender if gender in {"m", "f"} or language == "ru" else "m"
                assert gender_of(language, word) == expected, f"{word!r} is not {gender}"


class _VisibleText(HTMLParser):
    """The text a reader sees in the page's own language: no scripts, styles or templates,
    and nothing marked as another language (references as issued, language names)."""

    SKIPPED = frozenset({"script", "style", "template", "svg"})
    VOID = frozenset({"br", "img", "input", "link", "meta", "hr", "source", "wbr"})

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[bool] = []  # for each open element: is its text hidden from the check?
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        other = lang is not None and lang != self.language
        self.stack.append((bool(self.stack) and self.stack[-1]) or tag in self.SKIPPED or other)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(page: Path, language: str) -> str:
    parser = _VisibleText(language)
    parser.feed(page.read_text(encoding="utf-8"))
    text = " ".join(parser.parts)
    # Addresses are identifiers, not names: www.wsis.org, wsis-info@itu.int, https://…
    return re.sub(r"\S*(?:https?://|www\.|@|\.int\b|\.org\b)\S*", " ", text)


def latin_names(data: SiteData) -> set[str]:
    """Every person's name and organization's acronym as the Latin-script languages write them."""
    signatories = (s for letter in data.letters.values() for s in letter.signatories)
    people: list[Contact | Signatory] = [*data.contacts.values(), *signatories]
    names = {word for person in people for word in person.name["en"].split()}
    acronyms = {
        acronym
        for organization in data.organizations.values()
        for language in ("es", "en", "fr")
        if (acronym := organization.acronym_in(language))
    }
    return names | acronyms


@pytest.mark.parametrize("language", ["ru", "zh", "ar"])
def test_names_and_acronyms_are_in_the_pages_own_script(
    multilingual_site: Path, data: SiteData, language: str
) -> None:
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(map(re.escape, sorted(latin_names(data), key=len)))
        + r")(?![\w-])"
    )
    found = {}
    for page in sorted((multilingual_site / language).rglob("*.html")):
        if hits := sorted(set(pattern.findall(visible_text(page, language)))):
            found[str(page.relative_to(multilingual_site))] = hits
    assert found == {}


@pytest.mark.parametrize(
    ("language", "ours", "others"),
    [
        ("zh", "第一阶段", re.compile(r"阶段\s*[IVX]+\b|第\s*[IVX]+\s*阶段")),
        ("ar", "المرحلة الأولى", re.compile(r"المرحلة\s+[IVX]+\b|المراحل\s+[IVX]+")),
    ],
)
def test_one_phase_numbering_per_language(
    multilingual_site: Path, language: str, ours: str, others: re.Pattern[str]
) -> None:
    edition = multilingual_site / language / "editions" / "2021" / "index.html"
    assert ours in visible_text(edition, language)
    found = {
        str(page.relative_to(multilingual_site)): others.findall(visible_text(page, language))
        for page in (multilingual_site / language).rglob("*.html")
    }
    assert {page: hits for page, hits in found.items() if hits} == {}
