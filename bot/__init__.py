"""Quotebot: who said it, the exact words on record, and where."""

__version__ = "0.1.0"
