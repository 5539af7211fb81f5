"""What the build process pays before MkDocs renders a page, in a fresh interpreter.

`python -m benchmarks.fixed_costs PROJECT` prints JSON seconds for: importing the core and the
libraries it adds to MkDocs (pydantic, Babel), loading and validating `data/`, and rendering
the default language's generated pages in one process. MkDocs is imported first, as in a build.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import material.plugins.search.plugin  # noqa: F401 - loaded by MkDocs before any hook
import mkdocs.commands.build  # noqa: F401
import mkdocs_static_i18n.plugin  # noqa: F401


def main() -> None:
    """Measure each step once and print the seconds as JSON."""
    project = Path(sys.argv[1])
    start = time.perf_counter()
    from wsis_site.build.docs_tree import FRAGMENT  # noqa: F401 - the modules the hooks import
    from wsis_site.environment import build_date
    from wsis_site.model.loader import load_site_data
    from wsis_site.pages.generated import PageRenderer, page_specs
    from wsis_site.pages.templates import compile_templates

    imported = time.perf_counter()
    data = load_site_data(project / "data")
    loaded = time.perf_counter()
    templates = project / "overrides" / "wsis"
    compile_templates(templates)
    renderer = PageRenderer(data, data.default_language, build_date(), templates)
    for spec in page_specs(data, data.default_language):
        renderer.page(spec)
    rendered = time.perf_counter()
    print(
        json.dumps(
            {
                "import": imported - start,
                "load": loaded - imported,
                "first language": rendered - loaded,
            }
        )
    )


if __name__ == "__main__":
    main()
