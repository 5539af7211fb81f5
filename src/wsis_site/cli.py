"""Command line of the core: validate, schemas, safe builds, new editions, change reports,
translation status."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from wsis_site import environment
from wsis_site.build.engines import DEFAULT_ENGINE, ENGINES, EngineError, use_engine
from wsis_site.domain.changes import compare
from wsis_site.editors.change_report import change_report, snapshot_at
from wsis_site.editors.json_schema import render_schemas
from wsis_site.editors.new_edition import ScaffoldError, add_edition
from wsis_site.editors.new_language import add_language
from wsis_site.editors.translations import (
    completeness_table,
    reviewed,
    stale,
    stale_issues,
    stale_translations,
    stale_warnings,
    translations,
    write_record,
)
from wsis_site.environment import AddressError, build_date
from wsis_site.model.fields import LANGUAGE_PATTERN
from wsis_site.model.loader import load_site_data
from wsis_site.model.parse import DATA_FILES, parse_files, read_languages
from wsis_site.model.translation_record import read_record
from wsis_site.reading.errors import DataError, running_on_github

LANGUAGE_CODE = re.compile(LANGUAGE_PATTERN)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command and return the process exit status."""
    parser = argparse.ArgumentParser(prog="wsis-site", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check data/ and report every error")
    validate.add_argument("--data", type=Path, default=Path("data"), help="data folder")

    schema = commands.add_parser("schema", help="write the JSON Schemas of the data files")
    schema.add_argument("--data", type=Path, default=Path("data"), help="data folder")
    schema.add_argument("--out", type=Path, default=Path("schema"), help="schema folder")
    schema.add_argument("--check", action="store_true", help="fail if a schema is stale")

    build = commands.add_parser("build", help="build the site; keep the old one on failure")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    build.add_argument(
        "--build-date",
        help=f"compute past/upcoming for this YYYY-MM-DD day (default: ${environment.BUILD_DATE}, "
        "else $SOURCE_DATE_EPOCH, else today)",
    )
    build.add_argument(
        "--engine",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help="MkDocs 1.x, or ProperDocs, its maintained fork (the same site but the generator tag)",
    )

    scaffold = commands.add_parser("new-edition", help="add a skeleton edition to fill in")
    scaffold.add_argument("year", help="the edition's year, e.g. 2027")
    scaffold.add_argument("--data", type=Path, default=Path("data"), help="data folder")

    changes = commands.add_parser("changes", help="what a change does for the public, in words")
    changes.add_argument("base", help="the revision before, e.g. origin/main")
    changes.add_argument("head", nargs="?", default="HEAD", help="the revision after")
    changes.add_argument("--data", type=Path, default=Path("data"), help="data folder")

    new_language = commands.add_parser("add-language", help="write TODO for a new language")
    new_language.add_argument("code", help="the language's code, as Material names it: de, ja…")
    new_language.add_argument("--data", type=Path, default=Path("data"), help="data folder")

    status = commands.add_parser("translations", help="how complete and fresh each language is")
    status.add_argument("--data", type=Path, default=Path("data"), help="data folder")
    status.add_argument(
        "--reviewed",
        nargs="*",
        metavar="LANGUAGE",
        help="mark these languages' translations (all when none given) as up to date",
    )

    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args.data)
        if args.command == "schema":
            return _schema(args.data, args.out, check=args.check)
        if args.command == "new-edition":
            return _new_edition(args.data, args.year)
        if args.command == "changes":
            return _changes(args.data, args.base, args.head)
        if args.command == "add-language":
            return _add_language(args.data, args.code)
        if args.command == "translations":
            return _translations(args.data, args.reviewed)
        if args.build_date:
            os.environ[environment.BUILD_DATE] = args.build_date
        try:
            build_date()  # refuse a malformed date before building anything
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        return _build(args.config, args.site_dir, args.engine)
    except DataError as error:
        _report(error)
        return 1
    except AddressError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _validate(data_dir: Path) -> int:
    data = load_site_data(data_dir)
    to_review = stale_warnings(stale_translations(data_dir, data.languages))
    for issue in to_review:
        print(f"warning: {issue.as_text()}", file=sys.stderr)
    items = sum(len(items) for items in data.schedules.values())
    print(
        f"{data_dir}: OK: {len(data.editions)} editions, {items} dated items, "
        f"{len(data.letters)} letters, {len(data.organizations)} organizations, "
        f"languages {', '.join(data.languages)}"
        + (f"; {len(to_review)} translation(s) to review" if to_review else "")
    )
    return 0


def _add_language(data_dir: Path, code: str) -> int:
    if not LANGUAGE_CODE.fullmatch(code):
        print(f"error: {code!r} is not a language code such as de or pt_BR", file=sys.stderr)
        return 2
    for name in add_language(data_dir, code):
        print(f"{data_dir / name}: {code} marked TODO")
    print(
        f"Add {code} to data/site.yaml and mkdocs.yml, translate each TODO, then `make validate`."
    )
    return 0


def _translations(data_dir: Path, review: list[str] | None) -> int:
    parsed, _ = parse_files(data_dir)
    languages = read_languages(data_dir)
    found = translations(parsed, languages)
    record, issues = read_record(data_dir)
    if issues:
        raise DataError(issues)
    if review is not None:
        unknown = sorted(set(review) - set(languages[1:]))
        if unknown:
            print(f"error: {', '.join(unknown)} is not a translated language", file=sys.stderr)
            return 2
        record = reviewed(found, record, review or languages[1:])
        write_record(data_dir, record)
    print(completeness_table(found, record), end="")
    for issue in stale_issues(stale(found, record)):
        print(issue.as_text())
    return 0


def _changes(data_dir: Path, base: str, head: str) -> int:
    try:
        found = compare(snapshot_at(data_dir, base), snapshot_at(data_dir, head))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    data = load_site_data(data_dir)
    stale = stale_translations(data_dir, data.languages)
    print(change_report(data, found, stale), end="")
    if any(change.is_silent_removal for change in found):
        print("error: the change removes published entries without a reason", file=sys.stderr)
        return 1
    return 0


def _new_edition(data_dir: Path, year: str) -> int:
    try:
        path = add_edition(data_dir, year)
    except ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Added edition {year} to {path}. Replace each TODO, then run `make validate`.")
    return 0


def _schema(data_dir: Path, out_dir: Path, *, check: bool) -> int:
    languages = read_languages(data_dir)
    stale = []
    for name, text in render_schemas(DATA_FILES, languages).items():
        target = out_dir / name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(str(target))
        if not check:
            out_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    if check and stale:
        print(
            f"Stale JSON Schema: {', '.join(stale)}. Run `make schema` and commit the result.",
            file=sys.stderr,
        )
        return 1
    print(f"{'Wrote' if stale else 'Up to date:'} {len(stale) or len(DATA_FILES)} schema file(s)")
    return 0


def _build(config_file: Path, site_dir: Path, engine: str) -> int:
    try:
        use_engine(engine)
    except EngineError as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 2
    from mkdocs.exceptions import Abort, MkDocsException

    # MkDocs reports warnings through logging; without a handler, strict mode aborts silently.
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s- %(message)s")

    from wsis_site.build.memory import frozen_during_build
    from wsis_site.build.staging import build_site

    load_site_data(config_file.parent / "data")  # fail fast, with the data errors on top
    try:
        with frozen_during_build():
            build_site(config_file, site_dir)
    except (Abort, MkDocsException) as error:
        print(f"Build failed: {error}\n{site_dir} was left as it was.", file=sys.stderr)
        return 1
    print(f"Built {site_dir}")
    return 0


def _report(error: DataError) -> None:
    if running_on_github():
        print(error.report(github=True))
    print(error.report(), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
