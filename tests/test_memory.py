"""The collector's policy during a build (`wsis_site.build.memory`), in one place."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from wsis_site.build.memory import freeze_for_the_process, frozen_during_build


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    """Each test starts and ends with nothing frozen, whatever it did."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_one_shot_build_freezes_for_the_process() -> None:
    assert freeze_for_the_process("build")
    assert gc.get_freeze_count() > 0


def test_serve_freezes_nothing_since_each_rebuild_would_leave_its_garbage_for_good() -> None:
    assert not freeze_for_the_process("serve")
    assert gc.get_freeze_count() == 0


def failing_build() -> None:
    """A build that fails once the collector has frozen the objects alive."""
    with frozen_during_build():
        assert gc.get_freeze_count() > 0
        raise RuntimeError("the build failed")


def test_a_build_inside_a_longer_process_unfreezes_even_when_it_fails() -> None:
    with pytest.raises(RuntimeError, match="the build failed"):
        failing_build()
    assert gc.get_freeze_count() == 0
