"""The garbage collector during a build: the data and the libraries outlive the build, so they
are frozen out of its collections, which then need not scan them again and again."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: MkDocs commands whose process ends with its one build (not `serve`, which goes on rebuilding).
ONE_SHOT_COMMANDS = frozenset({"build", "gh-deploy"})


def freeze_for_the_process(command: str | None) -> bool:
    """Freeze what is alive now for good when the process ends with this build: nothing is
    unfrozen, so the interpreter's last collection at exit (70 ms) skips it too. Under `serve`
    nothing is frozen: each rebuild's garbage would stay for good. True if it froze."""
    if command not in ONE_SHOT_COMMANDS:
        return False
    gc.freeze()
    return True


@contextmanager
def frozen_during_build() -> Iterator[None]:
    """Freeze what is alive now for one build in a process that goes on afterwards."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
