"""Settings: environment variables over ``config/quotebot.toml`` over built-in defaults.

Nested fields are overridable from the environment with ``QUOTEBOT_<SECTION>__<FIELD>``
(for example ``QUOTEBOT_DIGEST__CHANNEL=C0123``); the well-known deployment variables
(``DATABASE_URL``, ``SLACK_BOT_TOKEN`` …) are read under their usual names.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot.config_check import one_line, unknown_keys
from bot.errors import ConfigError

CONFIG_ENV = "QUOTEBOT_CONFIG"
DEFAULT_CONFIG = Path("config") / "quotebot.toml"

DEFAULT_DROP_LINES = [
    # radio schedule furniture: "Vanessa Feltz 3pm - 6pm"
    r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4}\s+\d{1,2}(?:[.:]\d{2})?\s*[ap]m\s*[-–—]+\s*"
    r"\d{1,2}(?:[.:]\d{2})?\s*[ap]m$",
    r"^listen to this article\.?$",
    r"^loading audio\W*$",
    r"^(?:read more|related|see also|more on this story|watch)\s*:.*$",
    r"^advertisement$",
    r"^sign up (?:to|for) (?:our|the) .*newsletter.*$",
    r"^share this (?:article|story)\W*$",
    r"^(?:click|tap) here to .*$",
]
DEFAULT_CUT_FROM = [
    r"^you may also like\W*$",
    r"^(?:most read|more stories|recommended for you|trending now)\W*$",
]


class BoilerplateRules(BaseModel):
    """Page furniture rules; patterns are case-insensitive regular expressions over a line."""

    drop_lines: list[str] = Field(
        default_factory=lambda: list(DEFAULT_DROP_LINES),
        description="A line matching any of these is removed.",
    )
    cut_from: list[str] = Field(
        default_factory=lambda: list(DEFAULT_CUT_FROM),
        description="A line matching any of these is removed with everything after it.",
    )
    extra_drop_lines: list[str] = Field(
        default=[], description="Newsroom additions to drop_lines (kept with defaults)."
    )
    extra_cut_from: list[str] = Field(
        default=[], description="Newsroom additions to cut_from (kept with defaults)."
    )

    def all_drop_lines(self) -> list[str]:
        """Built-in plus newsroom drop rules."""
        return [*self.drop_lines, *self.extra_drop_lines]

    def all_cut_from(self) -> list[str]:
        """Built-in plus newsroom cut rules."""
        return [*self.cut_from, *self.extra_cut_from]


class CorpusSettings(BaseModel):
    """Where articles come from and how they are read."""

    dirs: list[str] = Field(
        default_factory=lambda: ["seeds"],
        description="Corpus directories; relative paths are relative to the project root. "
        "Unset, the sample articles in seeds are indexed only into the embedded quick-start "
        "archive, never into a newsroom's (DATABASE_URL or [[sources]] set).",
    )
    max_bytes: int = Field(5_000_000, description="Files larger than this are skipped.")
    boilerplate: BoilerplateRules = Field(default_factory=BoilerplateRules)


class ExtractionSettings(BaseModel):
    """Quote extraction thresholds."""

    min_confidence: float = Field(
        0.5, description="Attributions below this confidence are reported as unattributed."
    )
    speakers_file: str = Field(
        "config/speakers.toml", description="Manual speaker aliases and merges."
    )
    sieves: list[str] | None = Field(
        None,
        description="Attribution sieves to run, in order (unset: all, in the default order; "
        "`quotebot extract --sieves` lists them).",
    )
    languages: list[str] = Field(
        ["en", "de"],
        description="Languages whose quotes are attributed (ISO codes: en, de). An article "
        "in another language is kept and searchable, its quotes unattributed.",
    )


class SearchSettings(BaseModel):
    """Answer thresholds (rapidfuzz scores, 0-100)."""

    close_threshold: float = Field(80.0, description="Minimum score for a 'close' verdict.")
    paraphrase_threshold: float = Field(
        65.0, description="Minimum score for a 'paraphrase' match in unquoted reporting."
    )
    candidates: int = Field(200, description="Full-text candidates re-ranked per query.")
    max_hits: int = Field(5, description="Hits returned per answer.")
    time_budget_ms: int = Field(
        2500, description="Searching stops here; the answer shows the best found so far."
    )


class DigestSettings(BaseModel):
    """The digest channel and its schedule."""

    channel: str | None = Field(None, description="Slack channel id for digests.")
    mode: Literal["cron", "on_new"] = Field("cron", description="Daily cron or after new scans.")
    cron: str = Field("0 8 * * *", description="Crontab for the digest (minute hour dom mon dow).")
    timezone: str = Field("Europe/London", description="Timezone of the cron.")
    scan_interval_minutes: int = Field(5, description="How often the corpus dirs are scanned.")


class SourceSettings(BaseModel):
    """A web source the clock polls: a feed, a sitemap or an article page."""

    name: str = Field(description="What the newsroom calls it (in logs and problems).")
    url: str = Field(description="http(s) URL of the feed, sitemap or page.")
    kind: Literal["feed", "sitemap", "page"] | None = Field(
        None, description="Optional: found from the document itself when unset."
    )

    @field_validator("url")
    @classmethod
    def _web_url(cls, url: str) -> str:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"sources need an http(s) URL, not {url!r}")
        return url


class WebSettings(BaseModel):
    """How Quotebot fetches from the web (politely, and safely for URLs anyone can paste)."""

    timeout_seconds: float = Field(15.0, description="Per socket operation (connect, a read).")
    deadline_seconds: float = Field(
        25.0, description="Per fetch, connect to last byte: a page that drips is given up."
    )
    scan_deadline_seconds: float = Field(
        600.0, description="Per source (a feed and its pages): the rest is read next scan."
    )
    min_interval_seconds: float = Field(1.0, description="Between two requests to one host.")
    respect_robots: bool = Field(True, description="Ask robots.txt before fetching.")
    allow_hosts: list[str] = Field(
        default=[],
        description="Private host names or networks that may be fetched (an intranet CMS: "
        "'cms.internal', '10.20.0.0/16'). Unlisted, a URL an editor pastes can never make "
        "the server call its own network; cloud metadata addresses are refused always.",
    )

    # Keys that once meant something, and what to write instead (the config check says so).
    RETIRED: ClassVar[dict[str, str]] = {
        # The old switch opened every private address (the metadata service's included) to
        # anyone in Slack: refused loudly rather than guessing which hosts were meant.
        "allow_private_hosts": "web.allow_private_hosts is gone: list the intranet hosts or "
        "networks that may be fetched in web.allow_hosts instead",
    }

    @model_validator(mode="before")
    @classmethod
    def _no_blanket_private(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key, why in cls.RETIRED.items():
                if key in data:
                    raise ValueError(why)
        return data


class SlackSettings(BaseModel):
    """Who may do what in Slack."""

    editors_group: str | None = Field(
        None,
        description="User group id (S0…) whose members may correct attributions; unset: anyone.",
    )


class Settings(BaseSettings):
    """Every setting Quotebot reads; see the README's configuration table."""

    model_config = SettingsConfigDict(
        env_prefix="QUOTEBOT_", env_nested_delimiter="__", extra="ignore"
    )

    project_root: Path = Field(
        default_factory=Path.cwd, description="Base for relative paths in this file."
    )
    database_url: str | None = Field(
        None,
        validation_alias=AliasChoices("DATABASE_URL", "QUOTEBOT_DATABASE_URL"),
        description="SQLAlchemy URL; default: SQLite file quotebot.db in the project root.",
    )
    database_wait_seconds: float = Field(
        30.0,
        gt=0,
        description="How long a write waits for another process's lock on an SQLite archive.",
    )
    public_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("PUBLIC_BASE_URL", "QUOTEBOT_PUBLIC_BASE_URL"),
        description="Public URL of the web process; source links point at its article pages.",
    )
    slack_bot_token: str | None = Field(
        None, validation_alias=AliasChoices("SLACK_BOT_TOKEN"), description="xoxb- token."
    )
    slack_signing_secret: str | None = Field(
        None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET"), description="HTTP mode."
    )
    slack_app_token: str | None = Field(
        None, validation_alias=AliasChoices("SLACK_APP_TOKEN"), description="xapp-, Socket Mode."
    )
    slack_api_url: str | None = Field(
        None,
        validation_alias=AliasChoices("QUOTEBOT_SLACK_API_URL"),
        description="Slack Web API base URL (tests and proxies).",
    )
    corpus: CorpusSettings = Field(default_factory=CorpusSettings)
    extraction: ExtractionSettings = Field(default_factory=ExtractionSettings)
    search: SearchSettings = Field(default_factory=SearchSettings)
    digest: DigestSettings = Field(default_factory=DigestSettings)
    sources: list[SourceSettings] = Field(
        default=[], description="Feeds, sitemaps and pages the clock polls."
    )
    web: WebSettings = Field(default_factory=WebSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Precedence: explicit arguments, environment, then the TOML file."""
        toml_file = settings_cls.model_config.get("toml_file")
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_file:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
        return tuple(sources)

    def resolve(self, path: str | Path) -> Path:
        """A configured path, made absolute against the project root."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else self.project_root / p

    def source_urls(self) -> tuple[list[str], dict[str, Literal["feed", "sitemap", "page"]]]:
        """The configured sources' URLs, and the kind each is said to be (where it is said)."""
        urls = [source.url for source in self.sources]
        kinds = {source.url: source.kind for source in self.sources if source.kind}
        return urls, kinds

    def corpus_dirs(self, elsewhere: bool = False) -> list[Path]:
        """The configured corpus directories as absolute paths. The default (the sample
        articles) only for the embedded quick-start archive: an archive configured for a
        newsroom — a database URL, or sources to poll — or one named ``elsewhere`` (--db)
        never gets the demo stories."""
        if "dirs" not in self.corpus.model_fields_set and (elsewhere or self.for_a_newsroom()):
            return []
        return [self.resolve(d) for d in self.corpus.dirs]

    def for_a_newsroom(self) -> bool:
        """Configured for a newsroom's archive rather than the quick start's."""
        return bool(self.database_url or self.sources)

    def effective_database_url(self) -> str:
        """The database URL in use: DATABASE_URL, or the embedded SQLite file."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.resolve('quotebot.db')}"


def find_config(explicit: str | Path | None = None) -> Path | None:
    """The config file: an explicit path, ``$QUOTEBOT_CONFIG``, or ./config/quotebot.toml."""
    candidate = explicit or os.environ.get(CONFIG_ENV)
    if candidate:
        path = Path(candidate)
        if not path.is_file():
            raise ConfigError(f"config file not found: {path}")
        return path
    default = Path.cwd() / DEFAULT_CONFIG
    return default if default.is_file() else None


def default_root(config: Path | None) -> Path:
    """Where relative paths in a config file start: the project (the parent of its
    ``config/`` directory) for the shipped layout, else the directory holding the file
    (``--config /etc/quotebot/quotebot.toml`` → ``/etc/quotebot``); no file: the cwd."""
    if config is None:
        return Path.cwd()
    folder = config.resolve().parent
    return folder.parent if folder.name == "config" else folder


def load_settings(config: str | Path | None = None, **overrides: object) -> Settings:
    """Settings from the environment and the config file; relative paths from the project root."""
    path = find_config(config)

    root = default_root(path)

    class _FileSettings(Settings):
        model_config = SettingsConfigDict(toml_file=path)
        # A `project_root` key in the file (or the environment) wins over this default.
        project_root: Path = Field(default=root, description="Base for relative paths.")

    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML in {path}: {exc}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read the config file {path}: {exc}") from exc
        problems = list(unknown_keys(data, Settings))
        if problems:
            raise ConfigError(f"{path}: " + "; ".join(problems))
    try:
        return _FileSettings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise ConfigError(one_line(exc, path)) from exc
