"""Checking a config file against the settings it fills (pure): every key it names must be
one Quotebot reads, and every bad value is told on one line — file, key, what is wrong.

pydantic-settings ignores what it does not know (``extra="ignore"``: the environment is full
of other programs' variables), so a ``[serch]`` section or a ``max_hit`` key would silently
change nothing; the file, unlike the environment, is all ours and is checked whole here.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The settings model a field holds (directly, in a list, or optional)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _names(model: type[BaseModel]) -> dict[str, type[BaseModel] | None]:
    """The keys a section takes (field names, and the aliases the environment uses)."""
    names: dict[str, type[BaseModel] | None] = {}
    for name, info in model.model_fields.items():
        inner = _model_of(info.annotation)
        names[name] = inner
        choices = getattr(info.validation_alias, "choices", None) or []
        for alias in choices:
            if isinstance(alias, str):
                names[alias.lower()] = inner
    return names


def unknown_keys(data: Mapping[str, Any], model: type[BaseModel], where: str = "") -> Iterator[str]:
    """One line per key in ``data`` that ``model`` does not read, with the nearest valid one."""
    names = _names(model)
    for key, value in data.items():
        label = f"{where}.{key}" if where else key
        retired: dict[str, str] = getattr(model, "RETIRED", {})
        if key in retired:
            yield retired[key]
            continue
        if key.lower() not in names and key not in names:
            near = difflib.get_close_matches(key, list(names), n=1, cutoff=0.6)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            kind = "section" if isinstance(value, dict | list) and not where else "key"
            yield f"unknown {kind} {label!r}{hint}"
            continue
        inner = names.get(key.lower(), names.get(key))
        if inner is None or _takes_any_keys(model, key):
            continue
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, dict):
                at = f"{label}[{i}]" if isinstance(value, list) else label
                yield from unknown_keys(item, inner, at)


def _takes_any_keys(model: type[BaseModel], key: str) -> bool:
    info = model.model_fields.get(key)
    return info is not None and typing.get_origin(info.annotation) in (dict, Mapping)


def one_line(exc: ValidationError, path: Path | None) -> str:
    """A validation error as one line: the file, each bad key and what is wrong with it."""
    where = str(path) if path else "settings"
    parts = []
    for error in exc.errors():
        key = ".".join(str(x) for x in error["loc"] if not isinstance(x, int) or x >= 0)
        got = error.get("input")
        shown = "" if isinstance(got, dict | list) or got is None else f" (got {got!r})"
        parts.append(f"{key or 'settings'}: {error['msg'].rstrip('.')}{shown}")
    return f"{where}: " + "; ".join(parts)
