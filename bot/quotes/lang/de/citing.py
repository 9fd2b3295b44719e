"""Quoted by someone else: "Ein Fernsehsender zitierte Papandreou mit den Worten: „…“" (the
object is the speaker), "In der Meldung wird Musk wie folgt zitiert: „…“" (the passive's
subject is). The one who quotes — a newspaper, a broadcaster — never is."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.bodies import is_medium
from bot.quotes.lang.de.grammar import book
from bot.quotes.lang.de.names import phrase_at
from bot.quotes.lang.de.vocabulary import first_names

PASSIVE_AUXILIARIES = frozenset({"wird", "wurde", "werden", "wurden"})
OBJECT_REACH = 4  # tokens between the verb and the one it quotes ("zitierte am Montag X")
SITE_TOKENS = 3  # "ndr.de" after "zitiert": the tokens a site's name may take


def cited(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The one a form of "zitieren" before the quote says was quoted (None when no person
    is named there: what "zitiert" cites may be a book's title, not speech), or the one it
    names after the quote ("„…“, zitierte man Yolanda Alvarez")."""
    tokens = site.ctx.tokens
    forms = LANGUAGE.words("citing_verbs")
    after = site.qi + 2 if site.qi + 1 < len(tokens) and tokens[site.qi + 1].text == "," else 0
    if after and after < len(tokens) and tokens[after].lower in forms:
        return _quoted_after(site, att, after)
    for v in range(site.qi - 1, -1, -1):
        if tokens[v].is_quote:
            return None
        if tokens[v].lower not in forms:
            continue
        aux = next((k for k in range(v) if tokens[k].lower in PASSIVE_AUXILIARIES), None)
        starts: tuple[int, ...]
        if aux is not None:  # "wird Musk … zitiert" / "Musk wird … zitiert"
            starts = (aux + 1, 0)
        else:  # "zitierte (am Montag) Papandreou mit den Worten"
            starts = tuple(range(v + 1, min(v + 1 + OBJECT_REACH, site.qi)))
        for start in starts:
            phrase = phrase_at(tokens, start, sentence_start=start == 0)
            if phrase is None or not phrase.words:
                continue
            entity = book(att).entity(phrase, slot=True)
            if entity is not None and not entity.org:
                return Attribution(entity, 0.85, tokens[v].text, evidence_sentence=site.ctx.index)
            return None  # a description, or a title quoted ("zitierte den Roman „…“")
        return None
    return None


def _quoted_after(site: QuoteSite, att: Attributor, verb: int) -> Attribution | None:
    """„…“, zitierte man X / „…“, zitiert ndr.de X / „…“, zitierte die Zeitung X: verb
    second, the one quoting first (an impersonal "man", a site, a medium), the quoted after.
    With one phrase only, it is the one quoting ("„…“, zitiert die Zeitung"): nobody."""
    tokens = site.ctx.tokens
    k = verb + 1
    determiners = LANGUAGE.words("determiners")
    if k + 2 < len(tokens) and tokens[k].lower in determiners and tokens[k + 1].is_quote:
        # "zitiert die „Bild“ X", "zitiert die „Bild“-Zeitung X": a medium's name in marks
        k += 2
        if is_medium(tokens[k].text):
            k += 1  # the noun joined to it ("-Zeitung"), not the one quoted
    elif k < len(tokens) and (
        tokens[k].lower == "man" or not (tokens[k].is_capitalised or tokens[k].lower in determiners)
    ):
        # "man", "ndr.de": the one quoting, in a word (a site's name may be read as three)
        k += 1
        while k < len(tokens) and k <= verb + SITE_TOKENS and not tokens[k].is_capitalised:
            k += 1
    else:
        first = phrase_at(tokens, k)
        if first is None:
            return None
        k = first.end
        # "zitierte die Zeitung Paul Lenz": the medium, then the name of the one quoted (read
        # as one phrase, the medium its role) — a person's, with a first name.
        media = bool(first.roles) and all(is_medium(r) for r in first.roles)
        if media and first.words and first.words[0].lower() in first_names():
            k -= len(first.words)
    phrase = phrase_at(tokens, k) if k < len(tokens) else None
    if phrase is None or not phrase.words:
        return None
    entity = book(att).entity(phrase, slot=True)
    if entity is None or entity.org:
        return None
    return Attribution(entity, 0.85, tokens[verb].text, evidence_sentence=site.ctx.index)
