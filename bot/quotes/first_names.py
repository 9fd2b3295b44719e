"""First names by gender: our curated lists, extended with Faker's per-country name lists.

A hand-typed list of a few hundred names misses most of the people Canadian news quotes
("Cecil", "Fouzia", "Ragheb"), and an unknown first name makes a speaker look like a common
word or an organisation. Faker maintains first-name lists by gender for dozens of countries;
we read them once and keep only names that cannot be ordinary English words in a headline
(Zipf frequency below ``MAX_ZIPF``: "Cecil" stays, "Will", "Major", "Page" go) or words our
own lists already give another job (titles, role nouns, organisation words, months).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import os
import unicodedata
from functools import cache
from pathlib import Path

from bot.wordlists import DATA_PACKAGE_DIR, entries, word_set

MAX_ZIPF = 4.2  # "cecil" 3.5, "grace" 4.6, "will" 6.3


def _latin(word: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in word)


# Words our own lists give another job: never a first name learned from Faker.
RESERVED_LISTS = (
    "not_names",
    "calendar_words",
    "titles_male",
    "titles_female",
    "titles_neutral",
    "role_heads",
    "org_nouns",
    "org_words",
    "org_words_surnames",
    "platforms",
    "function_words",
    "determiners",
    "prepositions",
    "cue_verbs",
)
LEARNED_FROM = ("faker", "wordfreq")  # the packages whose data the names are learned from


@cache
def faker_first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(male, female) lower-case first names from Faker's locales, filtered as above.

    Learning them imports Faker and wordfreq and reads their lists: a third of a second that
    every command answering a question would pay (they need the names to read a claimed
    speaker). So the result is kept in a small file in the user's cache folder, keyed by
    everything it is made from (our lists, this module, the two packages as installed), and
    learned again only when one of those changes. No library caches a derived word list
    across processes, hence the hand-written file."""
    cache_file = _cache_file()
    if cache_file is not None:
        try:
            stored = json.loads(cache_file.read_text(encoding="utf-8"))
            return frozenset(stored["male"]), frozenset(stored["female"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # none yet, or unreadable: learn them again
    male, female = _learn()
    if cache_file is not None:
        _save(cache_file, {"male": sorted(male), "female": sorted(female)})
    return male, female


def _cache_file() -> Path | None:
    """Where the learned names are kept (None: the key cannot be made, so nothing is)."""
    base = os.environ.get("QUOTEBOT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    folder = Path(base) if base else Path.home() / ".cache"
    digest = hashlib.sha256()
    try:
        for name in ("first_name_locales", *RESERVED_LISTS):
            digest.update((DATA_PACKAGE_DIR / f"{name}.txt").read_bytes())
        digest.update(Path(__file__).read_bytes())
        for package in LEARNED_FROM:  # found, not imported: a reinstall changes the files
            spec = importlib.util.find_spec(package)
            if spec is None or spec.origin is None:
                return None
            made = os.stat(spec.origin)
            digest.update(f"{spec.origin}:{made.st_size}:{made.st_mtime_ns}".encode())
    except OSError:
        return None
    return folder / "quotebot" / f"first-names-{digest.hexdigest()[:16]}.json"


def _save(path: Path, names: dict[str, list[str]]) -> None:
    """Write the file whole or not at all (another process may be reading it); a cache that
    cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(names), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass


def _learn() -> tuple[frozenset[str], frozenset[str]]:
    """Faker's first names, filtered (see the module's docstring)."""
    from wordfreq import get_frequency_dict

    male: set[str] = set()
    female: set[str] = set()
    reserved = frozenset().union(*(word_set(name) for name in RESERVED_LISTS))
    # One dictionary lookup a name: zipf_frequency() tokenises each word and costs 10× more.
    frequency = get_frequency_dict("en")
    too_common = 10 ** (MAX_ZIPF - 9)  # Zipf = log10(frequency per billion words)
    for locale in entries("first_name_locales"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute, into in (("first_names_male", male), ("first_names_female", female)):
            for name in getattr(provider, attribute, ()):
                low = str(name).lower()
                if (
                    " " in low
                    or not low[:1].isalpha()
                    or not _latin(low)
                    or low in reserved
                    or frequency.get(low, 0.0) >= too_common
                ):
                    continue
                into.add(low)
    return frozenset(male), frozenset(female)
