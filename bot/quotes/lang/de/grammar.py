"""German grammar the sieves share: the article's name book, which words report speech
(separable verbs with their particle at the clause's end: „…“, fügte Merkel hinzu), and who a
speaker phrase names."""

from __future__ import annotations

from functools import cache

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.names import NameBook, Phrase
from bot.quotes.tokens import Token

CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "—", "–"})
PARTICLE_REACH = 12  # tokens between a separable verb and its particle ("teilte … mit")
COORDINATORS = frozenset({"und", "oder", "sowie", "aber"})  # „…“, wird Panetta zitiert


def book(att: Attributor) -> NameBook:
    """The article's German names (made on first use)."""
    found = att.language_state.get("names")
    if not isinstance(found, NameBook):
        found = att.language_state["names"] = NameBook()
    return found


@cache
def _separable_cues() -> dict[str, frozenset[str]]:
    """Each separable verb form and the particles that close its clause (read once)."""
    found: dict[str, set[str]] = {}
    for line in LANGUAGE.entries("separable_cues"):
        forms, particles = line.split(":")
        for form in forms.split():
            found.setdefault(form, set()).update(particles.split())
    return {form: frozenset(p) for form, p in found.items()}


def _separable(tokens: tuple[Token, ...], k: int) -> bool:
    """A separable reporting verb whose particle closes its clause ("fügte … hinzu")."""
    particles = _separable_cues().get(tokens[k].lower)
    if particles is None:
        return False
    for tok in tokens[k + 1 : k + 1 + PARTICLE_REACH]:
        if tok.is_quote or tok.text in CLAUSE_ENDS:
            return False
        if tok.lower in particles:
            return True
    return False


def is_cue(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether the word at ``k`` says someone spoke."""
    return tokens[k].lower in LANGUAGE.words("cue_verbs") or _separable(tokens, k)


def named(
    site: QuoteSite, att: Attributor, phrase: Phrase | None, cue: str, score: float, slot: bool
) -> Attribution:
    """Who a speaker phrase names (speech with nobody named for a description or pronoun,
    or for two people: "die Mitglieder Jan Kühn und Tom Berger")."""
    tokens = site.ctx.tokens
    if (
        phrase is not None
        and phrase.end + 1 < len(tokens)
        and tokens[phrase.end].lower in COORDINATORS
        and tokens[phrase.end + 1].is_capitalised
    ):
        return Attribution(None, 0.0, cue)
    entity = book(att).entity(phrase, slot=slot) if phrase is not None else None
    if entity is None:
        return Attribution(None, 0.0, cue)
    return Attribution(entity, score, cue, evidence_sentence=site.ctx.index)
