"""Run part of a build in a forked process, on the core MkDocs leaves idle.

A forked child starts with everything the parent has already imported and loaded, so it costs
a few milliseconds. Where forking is unsafe (not Linux, or other threads running, as under
`mkdocs serve`) or `WSIS_SERIAL=1` is set, the work runs in the calling process instead.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, NoReturn, TypeVar

from wsis_site import environment

T = TypeVar("T")


_running: set[Pending[Any]] = set()
"""The children this process has started and not yet collected, as the system knows them: a
failed build (`on_build_error`, which MkDocs gives no config) stops them all."""


class BackgroundError(RuntimeError):
    """The forked work failed in a way that cannot be re-raised as itself."""


class Pending(Generic[T]):
    """The outcome of work started by `in_background`: its value, or its exception."""

    def __init__(self, pid: int | None, read_fd: int | None, outcome: tuple[bool, object]):
        self._pid = pid
        self._read_fd = read_fd
        self._outcome = outcome

    def result(self) -> T:
        """Wait for the work; return its value or raise its exception."""
        if self._pid is not None and self._read_fd is not None:
            self._outcome = _collect(self._pid, self._read_fd)
            _running.discard(self)
            self._pid = self._read_fd = None
        succeeded, value = self._outcome
        if not succeeded:
            assert isinstance(value, BaseException)
            raise value
        return value  # type: ignore[return-value]

    def cancel(self) -> None:
        """Stop the work if it still runs, as when the build it serves has failed."""
        if self._pid is not None and self._read_fd is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.close(self._read_fd)
            os.waitpid(self._pid, 0)
            _running.discard(self)
            self._pid = self._read_fd = None
            self._outcome = (False, BackgroundError("cancelled"))


def in_background(work: Callable[[], T], *, niceness: int = 0) -> Pending[T]:
    """Start `work` in a forked child, or run it here when forking is unsafe.

    A child with a `niceness` (up to 19) yields the cores to this process and to children
    whose work is awaited sooner.
    """
    if not can_fork():
        try:
            return completed(work())
        except Exception as error:  # handed back by result(), as a child's would be
            return Pending(None, None, (False, error))
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never return into the parent's code
        _run_child(work, read_fd, write_fd, niceness)
    os.close(write_fd)
    pending: Pending[T] = Pending(pid, read_fd, (False, BackgroundError("not collected")))
    _running.add(pending)
    return pending


def cancel_running() -> None:
    """Stop every child this process has started and not collected: its build has failed."""
    for pending in list(_running):
        pending.cancel()


def completed(value: T) -> Pending[T]:
    """Work that needed no second process: already done, with `value`."""
    return Pending(None, None, (True, value))


def can_fork() -> bool:
    """True on Linux, in a single-threaded process, unless the user has opted out.

    Only Linux: macOS system libraries may crash a forked child, and Windows cannot fork.
    """
    return sys.platform == "linux" and threading.active_count() == 1 and not environment.is_serial()


def _run_child(work: Callable[[], object], read_fd: int, write_fd: int, niceness: int) -> NoReturn:
    """Do `work` and send its outcome back; whatever fails, the child ends here (`os._exit`
    skips the parent's atexit handlers and clean-up, which would delete its files)."""
    status = 1
    try:
        os.close(read_fd)
        os.nice(niceness)
        try:
            payload, failed = _dumps((True, work())), False
        except BaseException as error:  # every failure of the work goes back to the parent
            payload, failed = _dumps((False, error)), True
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
        sys.stdout.flush()
        sys.stderr.flush()
        status = int(failed)
    finally:
        os._exit(status)


def _dumps(outcome: tuple[bool, object]) -> bytes:
    """Pickle the outcome; an exception that does not survive pickling goes back as text."""
    try:
        payload = pickle.dumps(outcome)
        pickle.loads(payload)  # some exceptions pickle but cannot be rebuilt from their args
        return payload
    except Exception:
        error = outcome[1]
        if isinstance(error, BaseException):
            text = "".join(traceback.format_exception(error))
        else:
            text = f"cannot send back {error!r}"
        return pickle.dumps((False, BackgroundError(text)))


def _collect(pid: int, read_fd: int) -> tuple[bool, object]:
    with os.fdopen(read_fd, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not payload:
        return False, BackgroundError(f"background build process ended with status {status}")
    outcome: tuple[bool, object] = pickle.loads(payload)  # our own child's bytes
    return outcome
