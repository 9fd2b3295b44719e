"""Digests: compose from new articles, post each exactly once, the clock that runs them."""
