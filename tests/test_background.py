"""Work handed to a forked process: its value, its errors, and the same work without a fork."""

from __future__ import annotations

import os
import signal
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from wsis_site.build import background
from wsis_site.build.background import BackgroundError, can_fork, in_background


class UnpicklableError(Exception):
    """An error whose argument cannot cross a pipe."""

    def __init__(self) -> None:
        super().__init__(lambda: None)


class TwoPartError(Exception):
    """An error that pickles but cannot be rebuilt from its single message."""

    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} {second}")


def child_pid() -> int:
    return os.getpid()


def test_work_runs_in_another_process_and_returns_its_value() -> None:
    assert can_fork()
    assert in_background(child_pid).result() != os.getpid()
    assert in_background(lambda: {"feeds": [1, 2]}).result() == {"feeds": [1, 2]}


def test_work_awaited_later_yields_the_cores() -> None:
    assert in_background(lambda: os.nice(0), niceness=19).result() == min(os.nice(0) + 19, 19)
    assert in_background(lambda: os.nice(0)).result() == os.nice(0)


def test_child_writes_files_the_parent_sees(tmp_path: Path) -> None:
    target = tmp_path / "written.txt"
    in_background(lambda: target.write_text("from the child", encoding="utf-8")).result()
    assert target.read_text(encoding="utf-8") == "from the child"


def test_an_error_comes_back_as_itself() -> None:
    def fail() -> None:
        raise FileExistsError("docs/en/deadlines/index.md is generated from data/")

    pending = in_background(fail)
    with pytest.raises(FileExistsError, match="is generated from data/"):
        pending.result()


def test_an_error_that_cannot_be_sent_comes_back_as_its_traceback() -> None:
    def fail() -> None:
        raise UnpicklableError

    with pytest.raises(BackgroundError, match="UnpicklableError"):
        in_background(fail).result()


def test_an_error_that_cannot_be_rebuilt_comes_back_as_its_traceback() -> None:
    def fail() -> None:
        raise TwoPartError("two", "parts")

    with pytest.raises(BackgroundError, match="TwoPartError: two parts"):
        in_background(fail).result()


def test_a_child_that_dies_is_an_error() -> None:
    parent = os.getpid()

    def die() -> None:
        assert os.getpid() != parent, "never kill the test run itself"
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(BackgroundError, match="ended with status"):
        in_background(die).result()


def test_a_child_whose_reply_fails_ends_there_and_never_runs_the_callers_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_reply(outcome: object) -> bytes:
        raise OSError("the pipe broke")

    monkeypatch.setattr(background, "_dumps", broken_reply)  # fails in the child, after the work
    witness = tmp_path / "ran-after-the-fork"
    pending = in_background(child_pid)
    with witness.open("a", encoding="utf-8") as log:  # a child returning here would write too
        log.write(f"{os.getpid()}\n")
    with pytest.raises(BackgroundError, match="ended with status 256"):  # os._exit(1)
        pending.result()
    assert witness.read_text(encoding="utf-8") == f"{os.getpid()}\n"


def test_serial_mode_runs_the_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WSIS_SERIAL", "1")
    assert not can_fork()
    assert in_background(child_pid).result() == os.getpid()


def test_no_fork_while_other_threads_run() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not can_fork()
        assert in_background(child_pid).result() == os.getpid()
    finally:
        release.set()
        thread.join()


def test_serial_errors_wait_for_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WSIS_SERIAL", "1")

    def fail() -> None:
        raise ValueError("late")

    pending = in_background(fail)  # does not raise yet, as a forked child would not
    with pytest.raises(ValueError, match="late"):
        pending.result()


def test_a_failed_build_stops_every_child_it_started_and_none_it_collected(
    tmp_path: Path,
) -> None:
    # MkDocs gives `on_build_error` no config: the children are known to the process instead.
    started = [tmp_path / f"started-{n}" for n in range(2)]

    def slow(flag: Path) -> None:
        flag.touch()
        time.sleep(30)

    done = in_background(lambda: 42)
    assert done.result() == 42
    running = [in_background(partial(slow, flag)) for flag in started]
    while not all(flag.exists() for flag in started):
        time.sleep(0.01)
    background.cancel_running()
    for pending in running:
        with pytest.raises(BackgroundError, match="cancelled"):
            pending.result()
    assert done.result() == 42
    assert not background._running


def test_cancelled_work_stops_and_reports_it(tmp_path: Path) -> None:
    started = tmp_path / "started"
    never = tmp_path / "never"

    def slow() -> None:
        started.touch()
        time.sleep(30)
        never.touch()

    pending = in_background(slow)
    while not started.exists():
        time.sleep(0.01)
    pending.cancel()
    with pytest.raises(BackgroundError, match="cancelled"):
        pending.result()
    assert not never.exists()
