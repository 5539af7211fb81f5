"""Read a pull request's files safely: regular files inside their folder, never through a link.

Git stores symbolic links, so a contributor can add `data/letters/x.en.md -> /etc/passwd`;
a build that followed it would publish whatever the build machine can read. Every entry under
a folder is therefore checked without following links, and every file is opened one path
component at a time with `O_NOFOLLOW`, so neither a linked file nor a linked folder is read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from wsis_site.reading.errors import DataIssue
from wsis_site.reading.limits import size_problem

_NO_FOLLOW = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
# A named pipe would block the open until someone writes to it.
_FILE_FLAGS = _NO_FOLLOW | getattr(os, "O_NONBLOCK", 0)
_FOLDER_FLAGS = _NO_FOLLOW | getattr(os, "O_DIRECTORY", 0)


def kind(mode: int) -> str | None:
    """What a file-system entry is, in words, when it is neither a regular file nor a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def refusal(display_path: str, what: str) -> DataIssue:
    """The issue for an entry that is not a regular file, naming it and what it is."""
    return DataIssue(
        display_path,
        1,
        1,
        "",
        f"is {what}: only regular files in the repository are read (replace it by the file itself)",
    )


def walk(root: Path) -> Iterator[tuple[str, str | None]]:
    """Each entry under `root` as a relative POSIX path, with what it is unless a regular file.

    Folders are entered, never listed; links are named, never followed. A `root` that is not
    a folder (or is a link to one) has no entries.
    """
    if not root.is_dir() or root.is_symlink():
        return
    pending = [""]
    while pending:
        relative = pending.pop()
        with os.scandir(root / relative if relative else root) as entries:
            found = sorted(entries, key=lambda entry: entry.name)
        for entry in found:
            path = f"{relative}/{entry.name}" if relative else entry.name
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISDIR(mode):
                pending.append(path)
            else:
                yield path, kind(mode)


def refusals(root: Path, display_root: str) -> list[DataIssue]:
    """An issue for `root` itself, or for each entry under it, that is not a file or a folder."""
    try:
        mode = root.lstat().st_mode
    except FileNotFoundError:
        return []
    if not stat.S_ISDIR(mode):
        return [refusal(display_root, kind(mode) or "a file where a folder is expected")]
    return [
        refusal(f"{display_root}/{relative}", what)
        for relative, what in walk(root)
        if what is not None
    ]


def read_inside(
    root: Path, relative: str, display_path: str, most_bytes: int | None = None
) -> tuple[bytes | None, list[DataIssue]]:
    """The bytes of the regular file `root/relative`, or None and why it is refused.

    No component of the path may be a link, and the file itself must be a regular file of at
    most `most_bytes` (when given), checked before it is read.
    """
    parts = relative.split("/")
    folder = -1
    try:
        folder = os.open(root, _FOLDER_FLAGS)
        for part in parts[:-1]:
            inner = os.open(part, _FOLDER_FLAGS, dir_fd=folder)
            os.close(folder)
            folder = inner
        handle = os.open(parts[-1], _FILE_FLAGS, dir_fd=folder)
    except FileNotFoundError:
        return None, [DataIssue(display_path, 1, 1, "", "file not found")]
    except OSError:  # a link (ELOOP), or a file where a folder should be (ENOTDIR)
        return None, [refusal(display_path, _what(root, parts))]
    finally:
        if folder >= 0:
            os.close(folder)
    status = os.fstat(handle)
    if not stat.S_ISREG(status.st_mode):
        os.close(handle)
        return None, [refusal(display_path, kind(status.st_mode) or "a folder")]
    if most_bytes is not None and (too_big := size_problem(status.st_size, most_bytes)):
        os.close(handle)
        return None, [DataIssue(display_path, 1, 1, "", too_big)]
    with os.fdopen(handle, "rb") as file:
        return file.read(), []


def _what(root: Path, parts: list[str]) -> str:
    """What stands at `root/parts` or on the way to it, for a refusal."""
    for end in range(len(parts) + 1):
        path = root.joinpath(*parts[:end])
        try:
            mode = path.lstat().st_mode
        except OSError:
            break
        what = kind(mode)
        if what is not None and end < len(parts):
            return f"inside {path.name or path}, which is {what}"
        if what is not None:
            return what
    return "not a regular file"
