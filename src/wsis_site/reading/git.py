"""The few git commands the core runs, from the data folder."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git_output(folder: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """What a git command prints, or None when git is missing or the command fails."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=folder, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        return None
    return result.stdout if result.returncode == 0 else None


def git(folder: Path, *args: str) -> str | None:
    """What a git command prints, as text, or None when it fails."""
    output = git_output(folder, *args)
    return None if output is None else output.decode("utf-8")


def read_blobs(folder: Path, requests: str) -> list[str]:
    """Contents of `<commit>:<path>` objects, in request order; empty where one is missing."""
    raw = git_output(folder, "cat-file", "--batch", stdin=requests.encode()) or b""
    blobs: list[str] = []
    position = 0
    for _ in requests.splitlines():
        header_end = raw.index(b"\n", position)
        header = raw[position:header_end].split()
        position = header_end + 1
        if header[-1] == b"missing":
            blobs.append("")
            continue
        size = int(header[2])
        blobs.append(raw[position : position + size].decode("utf-8", errors="replace"))
        position += size + 1
    return blobs
