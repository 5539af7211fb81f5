"""Field types for the data files: each parses the editor's text and explains a refusal plainly."""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from datetime import date, time
from functools import cache
from typing import Annotated, Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, StrictStr, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError, Url

from wsis_site.reading.errors import shown
from wsis_site.reading.plaintext import FORBIDDEN, character_problem

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
YEAR_PATTERN = r"^[0-9]{4}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"
PHONE_PATTERN = r"^\+[0-9]+(?: [0-9]+)*$"
#: For the JSON Schema's hint only: validation asks `email-validator`.
EMAIL_PATTERN = r"^[^@\s\"<>]+@[^@\s]+\.[a-z]{2,}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:_[A-Z]{2})?$"
ROMAN_PATTERN = r"^[IVXLC]+$"

#: Marks a localized text in the JSON Schema so the generator can list the configured languages.
LOCALIZED_SCHEMA_MARK = "x-localized"


def _fail(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context)


def _matching(pattern: str, kind: str, message: str) -> AfterValidator:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise _fail(kind, message, value=shown(value))
        return value

    return AfterValidator(check)


def _non_blank(value: str) -> str:
    if not value.strip():
        raise _fail("blank_text", "must not be empty")
    # A YAML escape such as "\u202E" writes what the file's own text may not hold.
    if found := FORBIDDEN.search(value):
        raise _fail("forbidden_character", "{problem}", problem=character_problem(found.group()))
    return value


def _text_schema(pattern: str | None = None) -> WithJsonSchema:
    schema: dict[str, Any] = {"type": "string", "minLength": 1}
    if pattern:
        schema["pattern"] = pattern
    return WithJsonSchema(schema)


Text = Annotated[StrictStr, AfterValidator(_non_blank), _text_schema()]

#: File names hold at most 255 bytes; the longest name made from an id is a letter's text,
#: `<id>.<language>.md`, whose language code has up to 6 characters (`fil_PH`).
FILE_NAME_LIMIT = 255
ID_MAX_LENGTH = FILE_NAME_LIMIT - len(".fil_PH.md")


def _check_id_length(value: str) -> str:
    if len(value) > ID_MAX_LENGTH:
        raise _fail(
            "long_id",
            "the id '{value}' has {length} characters: ids have at most {limit}, so that every "
            "file named after one (such as <id>.<language>.md or <id>.ics) fits the file "
            "system's {name_limit}-byte limit on file names",
            value=shown(value),
            length=len(value),
            limit=ID_MAX_LENGTH,
            name_limit=FILE_NAME_LIMIT,
        )
    return value


Slug = Annotated[
    StrictStr,
    _matching(
        SLUG_PATTERN,
        "unsafe_id",
        "'{value}' is not a safe id: use lowercase letters a-z, digits and single hyphens, "
        "so it works in a URL and a file name",
    ),
    AfterValidator(_check_id_length),
    WithJsonSchema(
        {"type": "string", "minLength": 1, "maxLength": ID_MAX_LENGTH, "pattern": SLUG_PATTERN}
    ),
]

EditionId = Annotated[
    StrictStr,
    _matching(
        YEAR_PATTERN, "edition_id", "'{value}' is not an edition id: use the year, e.g. 2025"
    ),
    _text_schema(YEAR_PATTERN),
]

LanguageCode = Annotated[
    StrictStr,
    _matching(LANGUAGE_PATTERN, "language_code", "'{value}' is not a language code such as es"),
    _text_schema(LANGUAGE_PATTERN),
]

UI_KEY_PATTERN = r"^[a-z][a-z0-9_]*$"
UiKey = Annotated[
    StrictStr,
    _matching(UI_KEY_PATTERN, "ui_key", "'{value}' is not a key: use lowercase snake_case"),
    _text_schema(UI_KEY_PATTERN),
]

DOMAIN_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$"
Domain = Annotated[
    StrictStr,
    _matching(DOMAIN_PATTERN, "domain", "'{value}' is not a domain name such as example.org"),
    _text_schema(DOMAIN_PATTERN),
]

PhaseNumber = Annotated[
    StrictStr,
    _matching(ROMAN_PATTERN, "phase_number", "'{value}' is not a Roman numeral such as IV"),
    _text_schema(ROMAN_PATTERN),
]


def _is_phone_number(value: str) -> bool:
    """ITU-T E.123's international form, then the country's numbering plan (libphonenumber)."""
    if not re.fullmatch(PHONE_PATTERN, value):
        return False
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(value, None)))
    except phonenumbers.NumberParseException:  # no such country code, or too few digits
        return False


def _check_phone(value: str) -> str:
    if not _is_phone_number(value):
        raise _fail(
            "phone",
            "'{value}' is not an international phone number: write + and the country code, "
            "then the digits in groups separated by spaces, such as +41 22 730 6240",
            value=shown(value),
        )
    return value


Phone = Annotated[StrictStr, AfterValidator(_check_phone), _text_schema(PHONE_PATTERN)]


def _check_email(value: str) -> str:
    try:
        validate_email(value, check_deliverability=False)  # no network: the syntax only
    except EmailNotValidError as refused:
        raise _fail(
            "email",
            "'{value}' is not an e-mail address: {reason}",
            value=shown(value),
            reason=str(refused),
        ) from None
    return value


Email = Annotated[StrictStr, AfterValidator(_check_email), _text_schema(EMAIL_PATTERN)]


def _parse_date(value: object) -> object:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(DATE_PATTERN, value):
        raise _fail(
            "date_format", "'{value}' is not a date written as YYYY-MM-DD", value=shown(value)
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(
            "impossible_date", "{value} is not a real calendar date", value=shown(value)
        ) from None


def _parse_time(value: object) -> object:
    if isinstance(value, time):
        return value
    if not isinstance(value, str) or not re.fullmatch(TIME_PATTERN, value):
        raise _fail(
            "time_format",
            "'{value}' is not a time written as HH:MM on the 24-hour clock, in quotes",
            value=shown(value),
        )
    return time.fromisoformat(value)


IsoDate = Annotated[
    date, BeforeValidator(_parse_date), WithJsonSchema({"type": "string", "format": "date"})
]
WallTime = Annotated[
    time, BeforeValidator(_parse_time), WithJsonSchema({"type": "string", "pattern": TIME_PATTERN})
]


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _check_zone(value: str) -> str:
    # Fixed offsets and abbreviations lose the summer-time rules that CET/CEST labels depend on.
    if re.search(r"[+-][0-9]", value) or "/" not in value:
        raise _fail(
            "bare_offset",
            "'{value}' is an offset or an abbreviation, not a place: use an IANA time zone "
            "such as Europe/Zurich (CET/CEST are derived from the date)",
            value=shown(value),
        )
    if value not in _known_zones():
        raise _fail(
            "unknown_zone",
            "'{value}' is not a known IANA time zone; use e.g. Europe/Zurich",
            value=shown(value),
        )
    return value


TimeZoneName = Annotated[StrictStr, AfterValidator(_check_zone), _text_schema()]


#: What an address may hold as written (RFC 3986); anything else is percent-encoded first.
URL_CHARACTERS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)


def _check_https(value: str) -> str:
    if not value.startswith("https://"):
        raise _fail("https_url", "'{value}' is not an https:// address", value=shown(value))
    if unusual := sorted(set(value) - URL_CHARACTERS):
        raise _fail(
            "url_characters",
            "'{value}' holds {characters}, which a web address cannot hold as written: copy the "
            "address from the browser's address bar",
            value=shown(value),
            characters=" ".join(repr(character) for character in unusual),
        )
    try:
        url: Url | None = Url(value)
    except ValueError:  # pydantic_core's ValidationError: no host, or a malformed one
        url = None
    host = (url.host or "") if url else ""
    # A name, not a number: the last label of a domain is never all digits.
    named = re.fullmatch(DOMAIN_PATTERN, host) and not host.rpartition(".")[2].isdigit()
    if url is None or url.username or url.password or not named:
        raise _fail(
            "https_host",
            "'{value}' does not name a web site by its domain, such as https://www.itu.int",
            value=shown(value),
        )
    if str(url) not in {value, value + "/"}:
        raise _fail(
            "url_form",
            "'{value}' is not written as browsers write it: write {url}",
            value=shown(value),
            url=str(url),
        )
    return value


HttpsUrl = Annotated[StrictStr, AfterValidator(_check_https), _text_schema("^https://[^\\s]+$")]


def _check_known_languages(value: Mapping[str, str], info: ValidationInfo) -> Mapping[str, str]:
    languages: tuple[str, ...] = (info.context or {}).get("languages", ())
    unknown = [code for code in value if languages and code not in languages]
    if unknown:
        raise _fail(
            "unknown_language",
            "{unknown} is not a configured language ({languages})",
            unknown=", ".join(unknown),
            languages=", ".join(languages),
        )
    return value


def _check_languages(value: Mapping[str, str], info: ValidationInfo) -> Mapping[str, str]:
    languages: tuple[str, ...] = (info.context or {}).get("languages", ())
    missing = [code for code in languages if code not in value]
    if missing:
        raise _fail(
            "missing_translation",
            "missing translation for {missing} (every text needs {languages})",
            missing=", ".join(missing),
            languages=", ".join(languages),
        )
    return _check_known_languages(value, info)


#: A text in every configured language, e.g. `{es: Ginebra, en: Geneva}`.
Localized = Annotated[
    dict[LanguageCode, Text],
    AfterValidator(_check_languages),
    WithJsonSchema({"type": "object", LOCALIZED_SCHEMA_MARK: True}),
]

#: A text in the languages that have one, e.g. an acronym: `{es: UIT, en: ITU}` (none in Arabic).
InSomeLanguages = Annotated[dict[LanguageCode, Text], AfterValidator(_check_known_languages)]
