"""`make bench`: where a build's time goes, how it grows, and what a visitor downloads.

Writes BENCHMARKS.md. A benchmark, not a test: nothing here fails on a timing. Set
BENCH_QUICK=1 for a short run (fewer repetitions, no 300-edition or 6-language builds), and
BENCH_ONLY=lighthouse,page to rerun the sections whose titles start so, keeping the others.
"""

from __future__ import annotations

import cProfile
import dataclasses
import gzip
import importlib.metadata
import json
import math
import os
import platform
import pstats
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import copy_project

from benchmarks.synthetic import ROOT, write_limits_project, write_project
from wsis_site.build.docs_tree import write_docs_tree
from wsis_site.domain.calendar_entries import EntryWords
from wsis_site.environment import build_date
from wsis_site.feeds.calendars import FeedWriter
from wsis_site.feeds.output import revisions
from wsis_site.model.loader import SiteData, load_site_data
from wsis_site.pages.frame import chrome
from wsis_site.reading import limits

QUICK = os.environ.get("BENCH_QUICK") == "1"
RUNS = 2 if QUICK else 5
OVERHEAD_RUNS = 2 if QUICK else 9
SIZES = (1, 10, 100) if QUICK else (1, 10, 100, 300)
LANGUAGE_COUNTS = (2,) if QUICK else (2, 6)
# Python writes __pycache__ as on any editor's machine, even where the environment says not to.
ENV = {
    **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    "WSIS_BUILD_DATE": "2024-01-10",
}
BUILD_VARIANTS: dict[str, dict[str, str]] = {
    "usual": {},
    "one process": {"WSIS_SERIAL": "1"},
    "cold": {},
}
PAGE_TYPES = {
    "home": "",
    "editions index": "editions/",
    "edition": "editions/2024/",
    "letter": "letters/2024-01-31-wsis-plus-20-invitation/",
    "deadlines": "deadlines/",
    "calendars": "calendars/",
    "about (hand-written)": "about/",
}


def mkdocs_build(
    project: Path,
    site: Path,
    config: str = "mkdocs.yml",
    env: dict[str, str] | None = None,
    engine: str = "mkdocs",
) -> float:
    """Seconds one `mkdocs build` (or `properdocs build`) takes in a fresh process."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", engine, "build", "-q", "-f", config, "-d", str(site)],
        cwd=project,
        env={**ENV, **(env or {})},
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def bare_twin(project: Path, twin: Path) -> Path:
    """The same site as plain Markdown: the generated pages written out, a fixed frame, no feeds."""
    data = load_site_data(project / "data")
    tree = write_docs_tree(data, project / "docs", project / "overrides" / "wsis", build_date(ENV))
    shutil.copytree(project, twin, ignore=shutil.ignore_patterns("site*"))
    shutil.rmtree(twin / "docs")
    shutil.copytree(tree, twin / "docs")
    config = (twin / "mkdocs.yml").read_text(encoding="utf-8")
    hooks_start = config.index("hooks:")
    hooks_end = config.index("\n\n", hooks_start)
    frame_hook = "hooks:\n  - hooks/static_frame.py\n"
    config = config[:hooks_start] + frame_hook + f"site_url: {data.site_url}" + config[hooks_end:]
    (twin / "mkdocs.yml").write_text(config, encoding="utf-8")
    _write_static_frame(data, twin / "hooks" / "static_frame.py")
    return twin


def _write_static_frame(data: SiteData, hook: Path) -> None:
    """The theme's header and footer need their frame; the twin gets it as constants."""
    frames = {
        code: dataclasses.asdict(chrome(data, code, {}, build_date(ENV))) for code in data.languages
    }
    hook.write_text(
        "import json\n"
        f"FRAMES = json.loads({json.dumps(json.dumps(frames))})\n\n\n"
        "def on_page_context(context, page, config, nav):\n"
        "    context['wsis'] = FRAMES[config.theme['language']]\n"
        "    return context\n\n\n"
        "def on_template_context(context, template_name, config):\n"
        "    context['wsis'] = FRAMES[config.theme['language']]\n"
        "    return context\n",
        encoding="utf-8",
    )


def spread(values: list[float]) -> str:
    """min / median / max."""
    return f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f}"


def overhead(work: Path) -> list[str]:
    """Real builds against their bare twins, interleaved so drift hits both alike."""
    lines, costs = overhead_table(work, "mkdocs", BUILD_VARIANTS)
    lines += [
        "",
        "Seconds are min / median / max of interleaved runs, each a fresh `mkdocs build` process;",
        "each ratio divides a run by the bare twin's run just before it, so that the machine's",
        "drift cancels. The bare twin has the same pages written out as Markdown, no feeds, and",
        "one hook only, which hands the theme its header and footer as constants.",
        "",
        "- *usual*: as `make build` runs. Forked processes share the first language's pages,",
        "  then write the other languages' pages and every feed while MkDocs renders; compiled",
        "  templates come from Jinja's bytecode cache.",
        "- *one process*: `WSIS_SERIAL=1`, as on a one-core machine or under `mkdocs serve`.",
        "- *cold*: a first build, with an empty template cache (one run).",
        "",
        "Goal: a ratio of at most 1.10.",
        "",
        "What the build process pays before MkDocs renders a page (`benchmarks/fixed_costs.py`,",
        "median of fresh interpreters that have imported MkDocs; the default language's pages",
        "rendered in one process, where a build shares them between two):",
        "",
        "| site | import of the core, pydantic and Babel (ms) | load and validate `data/` (ms) "
        "| default language's pages (ms) | their sum, over the bare build |",
        "| --- | ---: | ---: | ---: | ---: |",
        *costs,
    ]
    return lines


def overhead_table(
    work: Path, engine: str, variants: dict[str, dict[str, str]]
) -> tuple[list[str], list[str]]:
    """The overhead table's rows for `engine`, and each site's fixed costs."""
    lines = [
        "| site | build | seconds | ratio to the bare twin |",
        "| --- | --- | --- | --- |",
    ]
    size = SIZES[-2]
    costs: list[str] = []
    for label, project in (
        ("the real data (2 editions, 6 languages)", copy_project(work / engine / "real")),
        (
            f"{size} synthetic editions, 6 languages",
            write_project(work / engine / "overhead", size, 6),
        ),
    ):
        twin = bare_twin(project, project.with_name(project.name + "-bare"))
        times: dict[str, list[float]] = {variant: [] for variant in variants}
        ratios: dict[str, list[float]] = {variant: [] for variant in variants}
        bare: list[float] = []
        for run in range(OVERHEAD_RUNS):
            bare.append(mkdocs_build(twin, work / "site-bare", engine=engine))
            for variant, env in variants.items():
                if variant == "cold" and run > 0:
                    continue
                with tempfile.TemporaryDirectory(dir=work) as empty_tmp:
                    env = {**env, "TMPDIR": empty_tmp} if variant == "cold" else env
                    seconds = mkdocs_build(project, work / "site-real", env=env, engine=engine)
                times[variant].append(seconds)
                ratios[variant].append(seconds / bare[-1])
        lines.append(f"| {label} | bare twin | {spread(bare)} | 1 |")
        for variant, values in times.items():
            lines.append(f"| {label} | {variant} | {spread(values)} | {spread(ratios[variant])} |")
        costs.append(fixed_costs_row(label, project, statistics.median(bare)))
    return lines, costs


def properdocs_overhead(work: Path) -> list[str]:
    """The same measurement with ProperDocs building both the site and its bare twin."""
    lines, _ = overhead_table(work, "properdocs", {"usual": {}})
    return [
        *lines,
        "",
        "As above, each build a fresh `properdocs build` process (ProperDocs "
        f"{importlib.metadata.version('properdocs')}), the bare twin built by ProperDocs too.",
        "Goal: the same ratio as under MkDocs, at most 1.10.",
    ]


def fixed_costs_row(label: str, project: Path, bare_seconds: float) -> str:
    """One table row: the median of each fixed cost, and their sum against the bare build."""
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-m", "benchmarks.fixed_costs", str(project)],
                cwd=ROOT,
                env=ENV,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for _ in range(RUNS)
    ]
    medians = [statistics.median(run[step] for run in runs) for step in runs[0]]
    cells = " | ".join(f"{1000 * seconds:.0f}" for seconds in medians)
    return f"| {label} | {cells} | {sum(medians) / bare_seconds:.2f} |"


def pages_in(site: Path) -> int:
    """How many HTML pages a build wrote."""
    return sum(1 for _ in site.rglob("*.html"))


def fitted_exponent(points: list[tuple[int, float]]) -> float:
    """Slope of log(seconds) against log(pages): 1 means linear."""
    xs = [math.log(pages) for pages, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return covariance / sum((x - mean_x) ** 2 for x in xs)


def scaling(work: Path) -> list[str]:
    """Build time and cost per page for growing synthetic data."""
    lines = [
        "| editions | languages | pages | seconds | ms per page | data load (s) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    fits = []
    for count in LANGUAGE_COUNTS:
        points = []
        for size in SIZES:
            project = write_project(work / f"synthetic-{size}-{count}", size, count)
            start = time.perf_counter()
            load_site_data(project / "data")
            load = time.perf_counter() - start
            site = work / f"site-{size}-{count}"
            seconds = mkdocs_build(project, site)
            pages = pages_in(site)
            points.append((pages, seconds))
            lines.append(
                f"| {size} | {count} | {pages} | {seconds:.2f} | "
                f"{1000 * seconds / pages:.1f} | {load:.3f} |"
            )
        large = [p for p in points if p[0] >= 20]  # below that, start-up time dominates
        fits.append(f"{count} languages: {fitted_exponent(large):.2f}")
    lines += [
        "",
        f"Fitted growth exponent (time against pages, 10 editions and up): {'; '.join(fits)}.",
    ]
    return lines


def feeds(work: Path) -> list[str]:
    """Time and size of every feed of the largest synthetic project."""
    size = SIZES[-1]
    project = work / f"synthetic-{size}-2"
    if not project.exists():
        write_project(project, size, 2)
    data = load_site_data(project / "data")
    history = revisions(project / "data", build_date(ENV))
    lines = [
        "| language | feeds | seconds | all.ics (bytes) | deadlines.ics (bytes) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for language in data.languages:
        start = time.perf_counter()
        written = FeedWriter(EntryWords(data, language), history).feeds()
        seconds = time.perf_counter() - start
        lines.append(
            f"| {language} | {len(written)} | {seconds:.2f} | "
            f"{len(written['calendar/all.ics'])} | {len(written['calendar/deadlines.ics'])} |"
        )
    return [f"{size} editions:", "", *lines]


def _timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Seconds one command takes in a fresh process, and what it did."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done


#: What the pull-request workflow's fast job runs after its checkout and cached installs.
FAST_JOB = {
    "WSIS_PREVIEW_PULL_REQUEST": "7",
    "WSIS_SITE_URL": "https://example-org.github.io/wsis-forum/pr-preview/pr-7/",
    "WSIS_REPO_URL": "https://github.com/example-org/wsis-forum",
    "WSIS_REPO_BRANCH": "editor-branch",
}


def pull_request_feedback(work: Path) -> list[str]:
    """The fast job's commands (validate, build the preview, change report) in a fresh clone,
    with the installed environment as the workflow's cache restores it: the 2-minute goal."""
    runs: dict[str, list[float]] = {"validate": [], "build": [], "changes": [], "total": []}
    for attempt in range(RUNS):
        clone = work / f"clone-{attempt}"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        base = subprocess.run(
            ["git", "rev-list", "--max-count=1", "HEAD~20"],
            cwd=clone, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        cli = [sys.executable, "-m", "wsis_site.cli"]
        steps = {
            "validate": [*cli, "validate", "--data", "data"],
            "build": [*cli, "build", "--config", "mkdocs.yml", "--site-dir", "site"],
            "changes": [*cli, "changes", "--data", "data", base, "HEAD"],
        }
        total = 0.0
        for name, command in steps.items():
            start = time.perf_counter()
            subprocess.run(
                command, cwd=clone, env={**ENV, **FAST_JOB}, capture_output=True, check=True
            )
            seconds = time.perf_counter() - start
            runs[name].append(seconds)
            total += seconds
        runs["total"].append(total)
        shutil.rmtree(clone)
    return [
        "The pull-request workflow's report job after its checkout and cached installs, in a "
        "fresh clone (the change report against 20 commits back); goal: under 120 s.",
        "",
        "| step | seconds (min / median / max) |",
        "| --- | --- |",
        *(f"| {name} | {spread(values)} |" for name, values in runs.items()),
    ]


def test_suite(work: Path) -> list[str]:
    """`make test` and `make test-fast` against `make build`, in this working tree: the goals
    are at most 50 builds' worth for the whole suite and under a minute for the fast one."""

    def make(target: str) -> tuple[float, subprocess.CompletedProcess[str]]:
        # As a developer runs it: none of the benchmark's settings (its build date).
        start = time.perf_counter()
        command = ["make", "--no-print-directory", target]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        return time.perf_counter() - start, done

    builds = [make("build")[0] for _ in range(RUNS)]
    build = statistics.median(builds)
    rows = [f"| `make build` | {spread(builds)} | 1 |"]
    for target in ("test-fast", "test"):
        seconds, done = make(target)
        if done.returncode:
            raise SystemExit(f"make {target} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
        rows.append(f"| `make {target}` | {seconds:.1f} | {seconds / build:.1f} |")
    return [
        "Each target run from this working tree with its tools installed, the linters' caches "
        "warm; goals: `make test` at most 50 builds' worth, `make test-fast` under 60 s.",
        "",
        "| command | seconds | builds' worth |",
        "| --- | --- | --- |",
        *rows,
    ]


def at_the_limits(work: Path) -> list[str]:
    """The largest site the limits allow, validated and built: the limits come from a measure."""
    project = write_limits_project(work / "limits")
    data = project / "data"
    validate = [sys.executable, "-m", "wsis_site.cli", "validate"]
    seconds, done = _timed(validate, project)
    if done.returncode != 0:  # the limits contradict each other: say which, loudly
        raise SystemExit(f"the largest allowed data does not validate:\n{done.stdout}")
    site = work / "site-limits"
    build = mkdocs_build(project, site)
    memory = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    files = [path for path in site.rglob("*") if path.is_file()]
    sizes = {path.name: path.stat().st_size for path in sorted(data.glob("*.yaml"))}
    (data / "phases.yaml").write_text(_runaway_phases(100_000), encoding="utf-8")
    refused, done = _timed(validate, project)
    first_error = (done.stdout + done.stderr).splitlines()[0]
    lines = [
        f"{limits.LANGUAGES} languages (the UN's six, then German, Portuguese, Italian, "
        f"Japanese), {limits.EDITIONS} editions of {limits.ITEMS // limits.EDITIONS} items "
        f"({limits.ITEMS} in all), {limits.LETTERS} letters, {limits.ORGANIZATIONS} "
        f"organizations, {limits.CONTACTS} contacts: every count at its limit, every text as "
        "long as the real one (`benchmarks/synthetic.py`, `write_limits_project`).",
        "",
        "| what | figure |",
        "| --- | ---: |",
        f"| `wsis-site validate`, fresh process | {seconds:.1f} s |",
        f"| `mkdocs build` | {build:.0f} s |",
        f"| peak memory of a build process | {memory:,.0f} MiB |",
        f"| pages | {pages_in(site):,} |",
        f"| files written | {len(files):,} |",
        f"| size of the site | {sum(path.stat().st_size for path in files) / 1e6:,.0f} MB |",
    ]
    lines += [
        f"| `data/{name}` | {size / 1e6:.2f} MB (limit {limits.file_bytes(name) / 1e6:g} MB) |"
        for name, size in sizes.items()
    ]
    return [
        *lines,
        "",
        f"A runaway `phases.yaml` (100,000 items, as a script appending in a loop writes them) is "
        f"refused by `wsis-site validate` in {refused:.1f} s: `{first_error}`",
    ]


def _runaway_phases(items: int) -> str:
    """A phases file with `items` deadlines in one edition."""
    item = "      item-{0}:\n        kind: deadline\n        title: {{es: Plazo {0}}}\n"
    return "editions:\n  '2021':\n    items:\n" + "".join(map(item.format, range(items)))


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(url: str, text: str, limit: float = 120) -> float:
    """Seconds until `url` shows `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


@contextmanager
def serving(project: Path, extra_env: dict[str, str]) -> Iterator[str]:
    """`mkdocs serve` on a free port, as `make serve` runs it."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**ENV, **extra_env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def live_editing(work: Path) -> list[str]:
    """From saving `data/phases.yaml` to the rebuilt page, with every language and with one."""
    lines = ["| preview | seconds from save to page (min / median / max) |", "| --- | --- |"]
    for label, language in (
        ("all languages (`make serve`)", None),
        ("Spanish only (`make serve ONLY=es`)", "es"),
        ("Arabic only (`make serve ONLY=ar`)", "ar"),
    ):
        project = copy_project(work / f"live-{language or 'all'}")
        phases = project / "data" / "phases.yaml"
        # The phase's title in the language the preview serves at its root.
        title = f"          {language or 'es'}: "
        extra = {"WSIS_PREVIEW_LANGUAGE": language} if language else {}
        with serving(project, extra) as base:
            url = base + "editions/2021/"
            text = phases.read_text(encoding="utf-8")
            start = text.index(title, text.index("      phase-3:")) + len(title)
            wait_for(url, text[start : text.index("\n", start)])
            times = []
            for run in range(RUNS):
                marker = f"edit-{run}"
                phases.write_text(f"{text[:start]}{marker} {text[start:]}", encoding="utf-8")
                times.append(wait_for(url, marker))
                phases.write_text(text, encoding="utf-8")
                time.sleep(1)
        lines.append(f"| {label} | {spread(times)} |")
    return lines


WEIGHED_LANGUAGES = {"es": "", "ar": "ar/", "zh": "zh/"}


def page_weight(work: Path) -> list[str]:
    """Compressed bytes of everything each page type loads on a first view, in Chromium."""
    from playwright.sync_api import Response, sync_playwright
    from tests.browser.conftest import CHROMIUM_FLAGS, SiteServer, chromium_path

    project = copy_project(work / "weight")
    site = work / "site-weight"
    mkdocs_build(project, site)
    from tests.browser.page_checks import is_background_search

    lines = [
        "| page | language | first view (gzip bytes) | search, loaded after it (gzip bytes) "
        "| files |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    # Left to right, right to left, and Chinese, whose index jieba segments.
    pages = [
        (label, code, prefix + path)
        for code, prefix in WEIGHED_LANGUAGES.items()
        for label, path in PAGE_TYPES.items()
    ]
    with SiteServer(site) as server, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for label, code, path in pages:
            context = browser.new_context()
            page = context.new_page()
            bodies: list[tuple[str, bytes]] = []

            def keep(response: Response, into: list[tuple[str, bytes]] = bodies) -> None:
                into.append((response.url, response.body()))

            page.on("response", keep)
            page.goto(server.url(path), wait_until="networkidle")
            sizes = [(url, len(gzip.compress(body, 6))) for url, body in bodies]
            search = sum(size for url, size in sizes if is_background_search(url))
            total = sum(size for _, size in sizes) - search
            lines.append(f"| {label} | {code} | {total} | {search} | {len(bodies)} |")
            context.close()
        browser.close()
    return lines


def lighthouse(work: Path) -> list[str]:
    """Lighthouse's mobile audit of each page type in each language, served as GitHub Pages."""
    from benchmarks.lighthouse import lighthouse_rows

    project = copy_project(work / "lighthouse")
    site = work / "site-lighthouse"
    mkdocs_build(project, site)
    data = load_site_data(project / "data")
    languages = {code: data.prefix(code) for code in data.languages}
    return lighthouse_rows(site, work, languages, runs=1 if QUICK else 3)


def profile(work: Path) -> list[str]:
    """Where a 100-edition build spends its time, by package."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = work / "synthetic-100-2"
    if not project.exists():
        write_project(project, 100, 2)
    os.environ.update({key: ENV[key] for key in ("NO_MKDOCS_2_WARNING", "WSIS_BUILD_DATE")})
    os.environ["WSIS_SERIAL"] = "1"  # every step in this process, where the profiler sees it
    profiler = cProfile.Profile()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(work / "site-profile"))
    profiler.runcall(build, config)
    stats = pstats.Stats(profiler)
    total = sum(timing[2] for timing in stats.stats.values())  # type: ignore[attr-defined]
    by_package: dict[str, float] = {}
    for (filename, _, _), timing in stats.stats.items():  # type: ignore[attr-defined]
        by_package[_package(filename)] = by_package.get(_package(filename), 0.0) + timing[2]
    lines = ["| code | share of own time |", "| --- | ---: |"]
    for package, seconds in sorted(by_package.items(), key=lambda pair: -pair[1])[:10]:
        lines.append(f"| {package} | {100 * seconds / total:.1f} % |")
    return lines


def _package(filename: str) -> str:
    for marker in ("site-packages/", "src/", "/lib/python3"):
        if marker in filename:
            rest = filename.split(marker, 1)[1]
            return rest.split("/", 1)[0] if marker != "/lib/python3" else "python (stdlib)"
    return "hooks" if "/hooks/" in filename else filename.split("/")[-1]


def machine() -> list[str]:
    """What the figures were measured on."""
    packages = (
        "mkdocs",
        "mkdocs-material",
        "mkdocs-static-i18n",
        "jinja2",
        "icalendar",
        "pydantic",
    )
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in packages)
    return [
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC" + (" (quick run)" if QUICK else ""),
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {versions}",
    ]


SECTIONS: list[tuple[str, Callable[[Path], list[str]]]] = [
    ("Overhead of the generator", overhead),
    ("ProperDocs: overhead of the generator", properdocs_overhead),
    ("Scaling", scaling),
    ("Calendar feeds", feeds),
    ("At the limits: the largest site allowed", at_the_limits),
    ("Live editing", live_editing),
    ("Pull request feedback", pull_request_feedback),
    ("Test suite", test_suite),
    ("Page weight", page_weight),
    ("Lighthouse, mobile, served as GitHub Pages serves it", lighthouse),
    ("Profile of a 100-edition build, in one process", profile),
]


def main() -> None:
    """Run every section (or those named in BENCH_ONLY), print them, and write BENCHMARKS.md."""
    only = [name.strip().lower() for name in os.environ.get("BENCH_ONLY", "").split(",") if name]
    chosen = [
        (title, section)
        for title, section in SECTIONS
        if not only or any(title.lower().startswith(name) for name in only)
    ]
    written = _sections_of(ROOT / "BENCHMARKS.md") if only else {}
    with tempfile.TemporaryDirectory(prefix="wsis-bench-") as folder:
        work = Path(folder)
        for title, section in chosen:
            print(f"== {title}", flush=True)
            lines = section(work)
            print("\n".join(lines), flush=True)
            written[title] = lines
    output = ["# Benchmarks", "", "Written by `make bench` (`benchmarks/run.py`).", "", *machine()]
    for title, _ in SECTIONS:
        if title in written:
            output += ["", f"## {title}", "", *written[title]]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(output) + "\n", encoding="utf-8")


def _sections_of(report: Path) -> dict[str, list[str]]:
    """The sections of an earlier BENCHMARKS.md, by title, kept when BENCH_ONLY reruns others."""
    sections: dict[str, list[str]] = {}
    if not report.is_file():
        return sections
    for part in report.read_text(encoding="utf-8").split("\n## ")[1:]:
        title, _, body = part.partition("\n")
        sections[title.strip()] = body.strip("\n").split("\n")
    return sections


if __name__ == "__main__":
    main()
