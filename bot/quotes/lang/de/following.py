"""A German quote standing alone, and the sentence beside it says who spoke: the one after
points back at it („Ja, es gibt Zumutungen.“ Das musste Finanzminister Peer Steinbrück
einräumen. / „…“ Dies erklärte General X am Montag: the pointing word first, the verb second,
its subject after it), or the one before is about one person (Sadiq Khan, ein Abgeordneter,
verurteilte die Haltung der Regierung. „Diese Regierung hat …“)."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import CLAUSE_ENDS, book, is_cue, named, past_reflexive
from bot.quotes.lang.de.names import Phrase
from bot.quotes.lang.de.subjects import apposition, clause_subject, speaker_after
from bot.quotes.tokens import Token


def next_sentence(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The subject of the next sentence, when it opens with a word pointing back ("Das",
    "Dies") and its verb reports, right after that word ("Das sagte X") or at the end of its
    clause after an auxiliary ("Das musste X … einräumen", "Das hat X … gesagt")."""
    nxt = site.following
    if nxt is None or len(nxt.tokens) < 3:
        return None
    tokens = nxt.tokens
    opener = " ".join(t.lower for t in tokens[:3])
    if opener in LANGUAGE.words("pointing_back_phrases"):
        # "„…“ Mit diesen Worten eröffnete X die Sitzung": the phrase says the quote was
        # said; whatever the verb, its subject follows it (verb second).
        return _after_verb(site, att, tokens, 3)
    if tokens[0].lower not in LANGUAGE.words("pointing_back"):
        return None
    verb = tokens[1]
    if is_cue(tokens, 1):
        after = speaker_after(tokens, past_reflexive(tokens, 1), att)
        return _named(site, att, after, verb.text)
    if verb.lower not in LANGUAGE.words("auxiliaries"):
        return None
    for k in range(2, len(tokens)):
        if tokens[k].text in CLAUSE_ENDS or tokens[k].is_quote:
            return None  # the clause ends before any reporting verb
        if is_cue(tokens, k):
            return _named(site, att, speaker_after(tokens, 2, att), tokens[k].text)
    return None


def _after_verb(
    site: QuoteSite, att: Attributor, tokens: tuple[Token, ...], verb: int
) -> Attribution | None:
    """The subject right after the finite verb at ``verb`` (or after its auxiliary:
    "Mit diesen Worten hat X die Sitzung eröffnet")."""
    if verb >= len(tokens) or not tokens[verb].is_word or tokens[verb].is_capitalised:
        return None
    after = speaker_after(tokens, past_reflexive(tokens, verb), att)
    return _named(site, att, after, tokens[verb].text)


def _named(site: QuoteSite, att: Attributor, phrase: Phrase | None, cue: str) -> Attribution | None:
    found = named(site, att, phrase, cue, 0.75, slot=True)
    return found if found.entity is not None else None


def previous_subject(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The person the sentence before (same paragraph, no quote of its own) is about: the
    subject of its main clause, a name the article gave, and nobody else named in it."""
    prev = site.previous
    if prev is None or any(t.is_quote for t in prev.tokens):
        return None
    subject = clause_subject(prev.tokens, len(prev.tokens), att, strict=True)
    if subject is None:
        # "Der Bruder der Ministerin, Paul Lenz, war eingeweiht.": the name in apposition.
        opening = apposition(prev.tokens, att)
        subject = opening[0] if opening is not None else None
    if subject is None or subject.org:
        return None
    if any(e is not subject for e in book(att).named_in(prev.tokens)):
        return None  # "Merkel traf Macron.": either may speak next
    return Attribution(subject, 0.7, None, evidence_sentence=prev.index)
