"""Quote extraction: quote spans, attribution (cues, pronouns, roles), speaker names."""
