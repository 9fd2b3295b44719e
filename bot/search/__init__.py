"""Retrieval and ranking: normalisation, scoring, verdicts and diffs (pure)."""
