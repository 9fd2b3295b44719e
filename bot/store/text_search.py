"""Postgres text-search configurations per language: a row's ``tsv`` is built with its own
language's configuration (``german`` stems „Schulden“ to „schuld“ and drops „und“), and a
query is asked in every pack's configuration at once, since the words typed do not say which
language the line they are looking for is in.

The configuration of each language is its pack's ``text_search``; a language without a pack
(kept, unattributed) is indexed as English, as every row was before rows had a language.
"""

from __future__ import annotations

import re
from functools import cache

from bot.quotes.lang import packs

DEFAULT_LANGUAGE = "en"
META_KEY = "text_search"  # the language → configuration mapping the archive is indexed by
# A row's language as stored: a code such as "de" (read off a page or told from the words).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
# The name of a Postgres text-search configuration ("english", "german").
CONFIG_NAME = re.compile(r"[a-z_]+")


@cache
def configurations() -> dict[str, str]:
    """Language code → Postgres text-search configuration, one entry per language pack."""
    found = {code: pack.text_search for code, pack in packs().items()}
    for code, config in found.items():
        # Both are written into SQL below (no parameters in DDL): only plain names pass.
        if not LANGUAGE_CODE.fullmatch(code) or not CONFIG_NAME.fullmatch(config):
            raise ValueError(f"language pack {code!r}: bad text-search configuration {config!r}")
    return found


def config_function_sql() -> str:
    """``quotebot_tsconfig(lang)``: the configuration a row of that language is indexed with.
    IMMUTABLE, so a generated column may call it; a row's ``tsv`` is recomputed whenever the
    row is updated, so a language given a configuration later is re-indexed by touching its
    rows (``PostgresFTS.keep_current`` does both when the packs change)."""
    default = configurations()[DEFAULT_LANGUAGE]
    branches = " ".join(
        f"WHEN '{code}' THEN '{config}'::regconfig"
        for code, config in sorted(configurations().items())
        if config != default
    )
    fallback = f"'{default}'::regconfig"
    choice = f"CASE lang {branches} ELSE {fallback} END" if branches else fallback
    return (
        "CREATE OR REPLACE FUNCTION quotebot_tsconfig(lang text) RETURNS regconfig "
        f"LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT {choice} $$"
    )


def distinct_configs() -> list[str]:
    """The configurations a query is asked in: the default first, each once."""
    default = configurations()[DEFAULT_LANGUAGE]
    return list(dict.fromkeys([default, *sorted(configurations().values())]))


def any_config(function: str, param: str) -> str:
    """A tsquery that matches a row indexed in any pack's configuration:
    ``(phraseto_tsquery('english', :q) || phraseto_tsquery('german', :q))``.

    Each row holds only its own language's lexemes, so the other languages' alternatives
    match it only where they stem a word the same way (a looser match, never a lost one;
    quotes and reports are checked on their words afterwards)."""
    return "(" + " || ".join(f"{function}('{c}', :{param})" for c in distinct_configs()) + ")"


def per_config(function: str, param: str, alias: str) -> tuple[str, list[str]]:
    """FROM items computing the query once per configuration, and their names
    (``alias_0``, ``alias_1``, …): a statement matches on all of them and ranks each row on
    its own language's."""
    names = [f"{alias}_{i}" for i in range(len(distinct_configs()))]
    items = ", ".join(
        f"{function}('{c}', :{param}) {name}"
        for c, name in zip(distinct_configs(), names, strict=True)
    )
    return items, names


def matches(names: list[str]) -> str:
    """``tsv`` matches any of the per-configuration queries named (as :func:`per_config`)."""
    return "tsv @@ (" + " || ".join(names) + ")"


def rank(names: list[str]) -> str:
    """``ts_rank`` of a row against the query in its own language's configuration (ranking
    against the alternatives of every language would reorder English answers)."""
    if len(names) == 1:
        return f"ts_rank(tsv, {names[0]})"
    branches = " ".join(
        f"WHEN '{c}'::regconfig THEN {name}"
        for c, name in zip(distinct_configs()[1:], names[1:], strict=True)
    )
    return f"ts_rank(tsv, CASE quotebot_tsconfig(lang) {branches} ELSE {names[0]} END)"
