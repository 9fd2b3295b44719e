"""requirements.txt for Heroku, generated from pyproject.toml (the single source of truth).

Heroku's Python buildpack installs from requirements.txt; ours pins the runtime dependencies
pyproject.toml resolves to, then installs the project itself (`.`) for the `quotebot` command.

    python .ci/requirements.py write   # after changing dependencies in pyproject.toml
    python .ci/requirements.py check   # CI: the pins are complete and satisfy pyproject.toml

pip's own resolver does the work (`pip install --dry-run --report`); nothing is installed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
HEADER = (
    "# Generated from pyproject.toml by `python .ci/requirements.py write`; do not edit.\n"
    "# Heroku installs these pins, then the project itself (the last line).\n"
)


def canonical(name: str) -> str:
    """PEP 503 name: "Pydantic_Settings" and "pydantic-settings" are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def resolve(*targets: str) -> dict[str, str]:
    """What pip would install for the targets on this Python: {name: version}."""
    pip = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet"]
    out = subprocess.run(
        [*pip, "--report", "-", *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    report = json.loads(out)
    return {
        canonical(item["metadata"]["name"]): item["metadata"]["version"]
        for item in report["install"]
    }


def write() -> int:
    """Resolve pyproject.toml's runtime dependencies and pin them."""
    pins = {k: v for k, v in resolve(".").items() if k != "quotebot"}
    lines = [f"{name}=={version}" for name, version in sorted(pins.items())]
    REQUIREMENTS.write_text(HEADER + "\n".join(lines) + "\n.\n", encoding="utf-8")
    print(f"requirements.txt: {len(lines)} pins")
    return 0


def check() -> int:
    """The pins cover every runtime dependency and pip accepts them with pyproject.toml."""
    if not REQUIREMENTS.is_file():
        print("requirements.txt is missing: run `python .ci/requirements.py write`")
        return 1
    pinned = {
        canonical(line.split("==")[0])
        for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    direct = {
        canonical(re.split(r"[\s\[<>=!~;]", dep, maxsplit=1)[0])
        for dep in declared["project"]["dependencies"]
    }
    try:  # pip fails here when a pin contradicts pyproject.toml
        resolved = set(resolve("-r", str(REQUIREMENTS))) - {"quotebot"}
    except subprocess.CalledProcessError as exc:
        print(f"requirements.txt does not satisfy pyproject.toml:\n{exc.stderr.strip()}")
        return 1
    missing = sorted((direct | resolved) - pinned)
    if missing:
        print(
            f"requirements.txt is out of date (unpinned: {', '.join(missing)}): "
            "run `python .ci/requirements.py write`"
        )
        return 1
    print(f"requirements.txt: {len(pinned)} pins, current with pyproject.toml")
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit({"write": write, "check": check}[command]())
