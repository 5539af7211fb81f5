"""Issue 22: the core's layout holds: each package imports only those before it in the data's
flow, and one module spells the site's addresses."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

CORE = ROOT / "src" / "wsis_site"
#: The packages in the order data flows; a package may import those before it, never after.
FLOW = ("reading", "model", "domain", "pages", "feeds", "search", "editors", "build")
#: Outside the flow: what every package may read (the environment, the addresses), which imports
#: nothing of the core, and the command line on top of all.
SHARED = ("environment", "addresses")
OUTSIDE = {*SHARED, "cli", "__init__"}
ADDRESSES = CORE / "addresses.py"
#: A page, feed or root file's path written as a literal: `"editions/"`, `'feed.xml'`.
SPELLED_ADDRESS = re.compile(
    r"""["'](?:editions|letters|deadlines|calendars|about|accessibility|calendar)/[^"']*["']"""
    r"""|["'](?:feed\.xml|sitemap\.xml|robots\.txt|404\.html)["']"""
)


def _imported_packages(path: Path) -> set[str]:
    """The core packages a module imports, by their first name under `wsis_site`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "wsis_site" and len(parts) > 1:
                found.add(parts[1])
            elif parts == ["wsis_site"]:
                found.update(alias.name for alias in node.names)
    return found


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and (body := node.body)
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
    }
    return [
        (node.lineno, repr(node.value))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_every_module_of_the_core_is_in_a_package_of_the_flow_or_named_outside_it() -> None:
    top = {path.stem for path in CORE.glob("*.py")}
    packages = {path.parent.name for path in CORE.glob("*/__init__.py")}
    assert top == OUTSIDE
    assert packages == set(FLOW)


@pytest.mark.parametrize("package", FLOW)
def test_a_package_imports_only_those_before_it_in_the_flow(package: str) -> None:
    allowed = {*FLOW[: FLOW.index(package) + 1], *SHARED, "__version__"}
    wrong = {
        f"{path.relative_to(CORE)} imports wsis_site.{imported}"
        for path in sorted((CORE / package).glob("*.py"))
        for imported in _imported_packages(path) - allowed
    }
    assert not wrong, f"{package} comes before them in the flow: {sorted(wrong)}"


@pytest.mark.parametrize("module", SHARED)
def test_what_every_package_reads_imports_nothing_of_the_core(module: str) -> None:
    assert _imported_packages(CORE / f"{module}.py") == set()


def test_the_layering_check_catches_a_backward_import(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from wsis_site.build.hosting import write_host_files\n", encoding="utf-8")
    assert _imported_packages(module) == {"build"}


def test_only_the_addresses_module_spells_an_address() -> None:
    spelled = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in sorted([*CORE.rglob("*.py"), *(ROOT / "hooks").glob("*.py")])
        if path != ADDRESSES
        for line, text in _code_strings(path)
        if SPELLED_ADDRESS.search(text)
    ]
    spelled += [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "overrides").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "{{" in line and SPELLED_ADDRESS.search(line)
    ]
    assert not spelled, "take these from wsis_site.addresses:\n" + "\n".join(spelled)


def test_the_address_check_finds_a_spelled_page() -> None:
    assert SPELLED_ADDRESS.search("""link('editions/')""")
    assert SPELLED_ADDRESS.search('''Path(site_dir) / "404.html"''')
    assert not SPELLED_ADDRESS.search('''"editions.html"''')


def test_the_readme_shows_every_package_and_names_files_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    flow = readme[readme.index("### How data flows") :]
    rows = {
        match.group(1): match.group(2)
        for match in re.finditer(r"^\| `([a-z_]+)/` \|[^|]*\| ([^|]*) \|$", flow, re.MULTILINE)
    }
    assert set(rows) == set(FLOW)
    for package, files in rows.items():
        for name in re.findall(r"`([a-z_]+\.py)`", files):
            assert (CORE / package / name).is_file(), f"README names {package}/{name}"
    assert "```mermaid" in flow


def test_templates_word_the_site_with_one_idiom_that_no_key_can_shadow() -> None:
    # `t.key` in the pages' templates as `wsis.t.key` in the frame's; a key named like a method of
    # the mapping (`items`, `get`) would print the method instead of the words.
    templates = [*(ROOT / "overrides").rglob("*.html"), *(CORE / "templates").glob("*")]
    calls = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in templates
        # The theme's own `lang.t(key)` macro, which partials/language.html redefines, is not ours.
        for match in re.finditer(r"(?<!macro )(?<![\w.])t\(", path.read_text(encoding="utf-8"))
    ]
    assert not calls, "write t.key or t[expression]"
    keys = {key for path in (ROOT / "data" / "ui").glob("*.yaml") for key in _top_keys(path)}
    assert keys
    assert not {key for key in keys if hasattr(dict, key)}


def _top_keys(path: Path) -> list[str]:
    """The keys at the top of a `data/ui/<lang>.yaml` file."""
    return re.findall(r"^([a-z_]+):", path.read_text(encoding="utf-8"), re.MULTILINE)


def test_hooks_keep_no_state_between_builds() -> None:
    # A build's state lives on its config (`mkdocs_adapter.keep`), so `mkdocs serve` never meets
    # the last build's leftovers.
    stateful = [
        f"{path.name}:{node.lineno}"
        for path in sorted((ROOT / "hooks").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Global)
    ]
    assert not stateful
