"""Which archive a command means: ``--db`` (a database URL, or the path of an archive file),
else the configured one. A new archive is made only where the user asks for one — the
default embedded file, ``migrate``, ``ingest`` — so a typo in ``--db`` is a one-line error
that creates nothing (no stray file named after the typo, no directory made on a guess)."""

from __future__ import annotations

from pathlib import Path

from bot.errors import ConfigError
from bot.settings import Settings
from bot.store.engine import normalise_url, sqlite_file

ARCHIVE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
SCHEMES = ("sqlite", "postgres", "postgresql")


def archive_url(db: str | None, settings: Settings, create: bool) -> str:
    """The database URL a command opens; ConfigError when ``--db`` names no archive (or,
    with ``create``, no place a new one can be made)."""
    if db is None:
        url = settings.effective_database_url()
        if settings.database_url:  # the deployment's own database: made when first used
            _check_file(url, create=True, named="DATABASE_URL")
        return url
    if "://" in db:
        scheme = db.split("://", 1)[0].split("+", 1)[0].lower()
        if scheme not in SCHEMES:
            raise ConfigError(
                f"--db {db!r}: not a database URL Quotebot knows "
                "(sqlite:///PATH, postgresql://…, or the path of an archive file)"
            )
        url = normalise_url(db)
        _check_file(url, create=create, named="--db")
        return url
    path = Path(db).expanduser()
    if path.is_file():
        return normalise_url(str(path))
    if path.is_dir():
        raise ConfigError(f"--db {db!r} is a directory; give the archive file inside it")
    if not create and path.suffix.lower() in ARCHIVE_SUFFIXES:
        raise ConfigError(f"--db {db!r}: no archive there (quotebot ingest --db {db} makes one)")
    if path.suffix.lower() not in ARCHIVE_SUFFIXES:
        raise ConfigError(
            f"--db {db!r} is neither a database URL nor an archive file; a new archive's "
            f"name ends in {', '.join(ARCHIVE_SUFFIXES)} (or use sqlite:///PATH)"
        )
    url = normalise_url(str(path))
    _check_file(url, create=create, named="--db")
    return url


def _check_file(url: str, create: bool, named: str) -> None:
    path = sqlite_file(url)
    if path is None or path.is_file():
        return
    if not create:
        raise ConfigError(f"{named}: no archive at {path} (quotebot ingest makes one)")
    if not path.parent.is_dir():
        raise ConfigError(f"{named}: no such directory {path.parent} for a new archive")
