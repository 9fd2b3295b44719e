"""A German quote standing alone, then a sentence that points back at it and says who spoke:
„Ja, es gibt Zumutungen.“ Das musste Finanzminister Peer Steinbrück einräumen. / „…“ Dies
erklärte General X am Montag. The pointing word opens the sentence, the verb is second, and
its subject follows it."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import CLAUSE_ENDS, is_cue, named, past_reflexive
from bot.quotes.lang.de.names import Phrase
from bot.quotes.lang.de.subjects import speaker_after


def next_sentence(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The subject of the next sentence, when it opens with a word pointing back ("Das",
    "Dies") and its verb reports, right after that word ("Das sagte X") or at the end of its
    clause after an auxiliary ("Das musste X … einräumen", "Das hat X … gesagt")."""
    nxt = site.following
    if nxt is None or len(nxt.tokens) < 3:
        return None
    tokens = nxt.tokens
    if tokens[0].lower not in LANGUAGE.words("pointing_back") or tokens[0].is_quote:
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


def _named(site: QuoteSite, att: Attributor, phrase: Phrase | None, cue: str) -> Attribution | None:
    found = named(site, att, phrase, cue, 0.75, slot=True)
    return found if found.entity is not None else None
