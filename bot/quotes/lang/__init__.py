"""Language packs, after spaCy's ``lang/<code>/``: one folder a language, holding its word lists
(``data/*.txt``) and a ``rules`` module (its attribution sieves and how it reads names).

The extractor is handed a :class:`Language`; adding a language is adding a folder here whose
``__init__`` defines ``LANGUAGE`` and whose ``rules`` module gives what :class:`Rules` asks —
nothing else in the code names a language.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from bot.wordlists import entries, word_set

if TYPE_CHECKING:
    from bot.models import Quote
    from bot.quotes.attribution.attributor import Attributor
    from bot.quotes.attribution.model import Attribution, SentenceContext
    from bot.quotes.attribution.sieves import Sieve
    from bot.quotes.mentions import Mention
    from bot.quotes.tokens import Token


class Rules(Protocol):
    """What a pack's ``rules`` module gives the extractor."""

    SIEVES: tuple[Sieve, ...]  # every sieve of the language, in its default order

    def find_mentions(self, tokens: tuple[Token, ...]) -> list[Mention]:
        """The names and pronouns of a sentence the shared reading state keeps."""
        ...

    def written_as_names(self, texts: Sequence[str]) -> frozenset[str]:
        """Common words the article's paragraphs write only as names ("Obama")."""
        ...

    def read_sentence(self, ctx: SentenceContext, att: Attributor) -> None:
        """Anything the language's sieves learn from every sentence, quoted or not."""
        ...

    def reported_speech(self, att: Attributor, ctx: SentenceContext) -> Attribution | None:
        """The sentence's reported speech and its speaker, if the language reads it."""
        ...

    def not_speech_reason(self, quote: Quote, before: str, after: str) -> str | None:
        """Why words in quote marks are not speech ("title", "term"), or None; ``before`` and
        ``after`` are the paragraph's text either side of the marks."""
        ...


@dataclass(frozen=True)
class Language:
    """One supported language: its code, its name, Postgres's text-search configuration for
    it, and where its word lists and rules are."""

    code: str  # ISO 639-1, as pages state it (``<html lang="de">``)
    name: str
    text_search: str  # the Postgres text-search configuration ("english", "german")
    data_package: str  # the package whose ``data/`` folder holds the word lists
    # German writes ordinals with a full stop ("am 24. März", "die 1. Klasse"): there, a
    # one- or two-digit number's full stop ends no sentence.
    ordinal_stops: bool = False

    @property
    def package(self) -> str:
        """The pack's own package (``bot.quotes.lang.de``)."""
        return f"{__name__}.{self.code}"

    def words(self, name: str) -> frozenset[str]:
        """A word list of the pack, lower-cased."""
        return word_set(name, self.data_package)

    def entries(self, name: str) -> list[str]:
        """A list of the pack in file order, as written."""
        return entries(name, self.data_package)

    def has_list(self, name: str) -> bool:
        """Whether the pack has a word list of that name (not every pack has every list)."""
        return resources.files(self.data_package).joinpath("data", f"{name}.txt").is_file()

    def gendered(self, name: str) -> dict[str, str]:
        """A list of words each with the gender it gives ("frau f", "dr. n"), lower-cased, by
        word with any full stop dropped: {"frau": "f", "dr": "n"}."""
        out: dict[str, str] = {}
        for entry in self.entries(name):
            word, gender = entry.lower().split()
            out[word.rstrip(".")] = gender
        return out

    @property
    def rules(self) -> Rules:
        """The pack's rules module (imported on first use: an answer never needs it)."""
        module: Rules = importlib.import_module(f"{self.package}.rules")
        return module

    @property
    def sieves(self) -> Mapping[str, Sieve]:
        """The pack's sieves by name."""
        return {s.name: s for s in self.rules.SIEVES}

    @property
    def default_order(self) -> tuple[str, ...]:
        """The pack's sieve names in their default order."""
        return tuple(s.name for s in self.rules.SIEVES)


@cache
def packs() -> dict[str, Language]:
    """Every pack in this folder, by code."""
    found: dict[str, Language] = {}
    for module in pkgutil.iter_modules(__path__):
        if module.ispkg:
            pack = importlib.import_module(f"{__name__}.{module.name}")
            found[module.name] = pack.LANGUAGE
    return found


def supported() -> tuple[str, ...]:
    """The codes of the languages Quotebot reads, sorted."""
    return tuple(sorted(packs()))


def language(code: str) -> Language:
    """The pack for a language code (KeyError naming the supported ones)."""
    try:
        return packs()[code]
    except KeyError:
        raise KeyError(f"no language pack {code!r}; supported: {', '.join(supported())}") from None
