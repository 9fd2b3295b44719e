"""The error tree. Domain errors are raised in the core and translated once at each edge."""


class QuotebotError(Exception):
    """Base class of every error Quotebot raises on purpose."""


class UserError(QuotebotError):
    """A problem with what the user asked for; its text is safe to show them."""


class UsageError(UserError):
    """The request itself is malformed (empty phrase, absurd length); exit code 2 at the CLI."""


class ArticleError(QuotebotError):
    """An article file that cannot be read; the message is the one-line reason it was skipped."""


class ConfigError(UserError):
    """The configuration file or environment is invalid."""


class StoreFault(QuotebotError):
    """The archive's database failed in a way the administrator must act on; the message is
    one line saying where, why and what to do (``bot.store.faults``)."""


class StoreUnavailable(StoreFault):
    """The archive's database cannot be reached or opened; the message says where and why."""


class StoreDamaged(StoreFault):
    """The archive's file is damaged (not a database, or malformed)."""


class StoreFull(StoreFault):
    """The disk holding the archive is full."""


class StoreReadOnly(StoreFault):
    """The archive cannot be written (answers still work)."""


class StoreBusy(StoreFault):
    """Another process holds the archive for writing."""


class StoreConnectionLost(StoreFault):
    """The database server went away mid-command."""


class SearchTimeout(QuotebotError):
    """A search step ran past the answer's time budget; the answer says it is incomplete."""
