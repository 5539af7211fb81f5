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
