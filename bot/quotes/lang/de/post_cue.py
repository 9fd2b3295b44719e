"""The German sieve after a quote: the reporting verb or source word right after it („…“, sagte
Merkel / „…“, so Merkel / „…“, wird Merkel zitiert / „…“, wie Merkel sagte), or the reporting
clause that closes the quote's sentence after its own clause (… „…“ sei, hatte Merkel gesagt)."""

from __future__ import annotations

from dataclasses import replace

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.chain import impersonal
from bot.quotes.lang.de.grammar import (
    AFFILIATION,
    CLAUSE_ENDS,
    COORDINATORS,
    is_cue,
    named,
    past_reflexive,
)
from bot.quotes.lang.de.names import Phrase, named_in_qualifier, phrase_at
from bot.quotes.lang.de.preceding import SUBJECT_REACH
from bot.quotes.lang.de.statements import statement_owner
from bot.quotes.lang.de.subjects import speaker_after
from bot.quotes.tokens import Token

PASSIVE_CUES = frozenset({"zitiert"})
CLOSING_REACH = 16  # tokens from a quote to the comma before its closing reporting clause


def post_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """„…“, sagte Merkel / „…“, fügte der Minister Max Weber hinzu / „…“, so Merkel / …
    „…“ sei, hatte Merkel gesagt (the reporting clause after the quote's own)."""
    found = _right_after(site, att)
    tokens = site.ctx.tokens
    after = tokens[site.qi + 1] if site.qi + 1 < len(tokens) else None
    if found is None and after is not None and after.text != "," and not after.is_quote:
        # The quote's own clause runs on first; a quote right after it is a sentence of
        # its own ("„…“ „…“, sagte X": X is said to speak the second one only).
        return _closing(site, att)
    return found


def _right_after(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The reporting verb or source word right after the quote (and its comma)."""
    tokens, k = site.ctx.tokens, site.qi + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k >= len(tokens):
        return None
    if tokens[k].lower in COORDINATORS and k + 1 < len(tokens) and tokens[k + 1].is_quote:
        # „…“ und „…“, zitiert CNN: the verb after the last of quotes joined so reports each.
        return _right_after(replace(site, qi=k + 1, span=None, words="", marked=""), att)
    if impersonal(tokens[k : k + 2]):
        agent = k + 2
        if agent < len(tokens) and tokens[agent].lower in LANGUAGE.words("impersonal_agents"):
            # „…“, hieß es vom Abgeordneten Paul Lenz: the words have a source after all.
            # Only a name the article gives the marks of one: no bare word is learnt here
            # ("hieß es von Regierungsseite" is no one's name).
            found = phrase_at(tokens, agent + 1)
            if found is not None:
                found = named_in_qualifier(tokens, found) or found
            return named(site, att, found, tokens[k].text, 0.9, slot=False)
        return Attribution(None, 0.0, tokens[k].text)  # „…“, hieß es in der Rede: nobody named
    if tokens[k].lower in LANGUAGE.words("source_words") and tokens[k].lower != "zufolge":
        if k + 1 < len(tokens) and is_cue(tokens, k + 1):
            # „…“, so urteilte Romney: "so" and the verb, then its subject.
            found = speaker_after(tokens, k + 2, att)
            return named(site, att, found, tokens[k + 1].text, 0.9, slot=True)
        return named(site, att, speaker_after(tokens, k + 1, att), tokens[k].text, 0.9, True)
    if tokens[k].lower in LANGUAGE.words("auxiliaries"):
        # „…“, wird Panetta (im Fachblatt X) zitiert / „…“, hatte Merkel gesagt.
        return _auxiliary_subject(site, att, k, 0.9)
    if tokens[k].lower == "wie" and k > site.qi + 1:
        return _as_said_by(site, att, k)
    if not is_cue(tokens, k):
        return None
    if any(is_cue(tokens, j) for j in range(site.qi)):
        return None  # "Während Shakira erklärte, …, „…“, räumte Lopez ein": the verb before governs
    owner = statement_owner(tokens, k + 1, att)
    if owner is not None:  # „…“, lautet das Fazit von X: the one whose conclusion it is
        return Attribution(owner, 0.9, tokens[k].text, evidence_sentence=site.ctx.index)
    found = speaker_after(tokens, past_reflexive(tokens, k), att)
    if found is None:
        found = passive_agent(tokens, site.qi, k)
    return named(site, att, found, tokens[k].text, 0.9, slot=True)


def passive_agent(tokens: tuple[Token, ...], qi: int, participle: int) -> Phrase | None:
    """ "… wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft.": a reporting participle
    closing a passive clause; the one who spoke is the agent after "von" before the quote
    (a form of "werden" earlier in the clause makes it passive)."""
    if participle + 1 < len(tokens) and tokens[participle + 1].text not in CLAUSE_ENDS:
        return None
    agent = None
    for j in range(qi - 1, -1, -1):
        tok = tokens[j]
        if tok.text in CLAUSE_ENDS or tok.is_quote:
            return None
        if tok.lower in AFFILIATION and agent is None:
            agent = phrase_at(tokens, j + 1)
        if tok.lower in LANGUAGE.words("passive_auxiliaries"):
            return agent if agent is not None and agent.end <= qi else None
    return None


def _closing(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Vermutlich sei ein Stern … „…“ verpasst und so …, sagte Jane Greaves. / Sie wisse,
    dass ihre Arbeit „…“ sei, hatte Koch-Mehrin gesagt — the quote inside indirect speech,
    the reporting clause after the next comma: its verb (first or after an auxiliary) and
    its subject."""
    tokens = site.ctx.tokens
    comma = next(
        (
            k
            for k in range(site.qi + 2, min(len(tokens), site.qi + 2 + CLOSING_REACH))
            if tokens[k].text in CLAUSE_ENDS or tokens[k].is_quote
        ),
        None,
    )
    if comma is None or tokens[comma].text != "," or comma + 2 >= len(tokens):
        return None
    verb = comma + 1
    if is_cue(tokens, verb):
        found = speaker_after(tokens, past_reflexive(tokens, verb), att)
        return named(site, att, found, tokens[verb].text, 0.8, slot=True)
    if tokens[verb].lower not in LANGUAGE.words("auxiliaries"):
        return None
    return _auxiliary_subject(site, att, verb, 0.8)


def _auxiliary_subject(
    site: QuoteSite, att: Attributor, aux: int, score: float
) -> Attribution | None:
    """The subject after an auxiliary whose participle reports, closing the clause: "wird
    Panetta (im Fachblatt X) zitiert" (the passive's subject is the one quoted), "hatte
    Koch-Mehrin damals gesagt"."""
    tokens = site.ctx.tokens
    phrase = phrase_at(tokens, aux + 1)
    if phrase is None:
        return None
    for j in range(phrase.end, min(len(tokens), phrase.end + SUBJECT_REACH)):
        if tokens[j].text in CLAUSE_ENDS:  # (a paper's name in marks may stand between)
            return None
        if tokens[j].lower in PASSIVE_CUES or is_cue(tokens, j):
            return named(site, att, phrase, tokens[j].text, score, slot=True)
    return None


def _as_said_by(site: QuoteSite, att: Attributor, wie: int) -> Attribution | None:
    """„…“, wie Merkel am Montag sagte / „…“, wie Hoyzer von Spiegel-Online zitiert wird:
    the subject of the "wie" clause's reporting verb, which closes it."""
    tokens = site.ctx.tokens
    phrase = speaker_after(tokens, wie + 1, att)
    if phrase is None:
        return None
    for j in range(phrase.end, min(len(tokens), phrase.end + SUBJECT_REACH)):
        if tokens[j].is_quote or tokens[j].text in CLAUSE_ENDS:
            return None
        if is_cue(tokens, j) or tokens[j].lower in LANGUAGE.words("citing_verbs"):
            return named(site, att, phrase, tokens[j].text, 0.9, slot=True)
    return None
