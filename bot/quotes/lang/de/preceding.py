"""The speaker phrase that ends where a verb or a description begins: "Bundeskanzlerin Angela
Merkel sagte", "Henning Scherf (SPD) warnte", "Paul Lenz, der Vorsitzende des Vereins, sagte".
Read right to left from the verb; the subject readers (``subjects``) and the sieves use it."""

from __future__ import annotations

from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import AFFILIATION, CLAUSE_ENDS, COORDINATORS
from bot.quotes.lang.de.names import Phrase, phrase_at
from bot.quotes.lang.de.vocabulary import definite_articles, function_words
from bot.quotes.tokens import Token

SUBJECT_REACH = 8  # tokens a speaker phrase before its verb may take
APPOSITION_REACH = 12  # tokens a description between commas may take
# A description after a name with no closing comma ("Paul Lenz, der Generalsekretär des
# Verbandes der Ratswatchio-Betreiber Deutschlands (VRBD) sagte"): a long name inside it.
DESCRIPTION_REACH = 20


def phrase_ending(tokens: tuple[Token, ...], end: int) -> Phrase | None:
    """The longest speaker phrase that ends just before ``end`` ("Bundeskanzlerin Angela
    Merkel" before "sagte"), or an appositive name between commas ("Der Leiter des
    Programms, Klaus Stöhr, sagte")."""
    if end >= 2 and tokens[end - 1].text == ")":
        opened = next((k for k in range(end - 2, -1, -1) if tokens[k].text == "("), None)
        if opened is not None:
            return phrase_ending(tokens, opened)  # "Henning Scherf (SPD) warnte"
    if end >= 2 and tokens[end - 1].text == ",":
        opened = next(
            (
                k
                for k in range(end - 2, max(-1, end - 2 - APPOSITION_REACH), -1)
                if tokens[k].text == ","
            ),
            None,
        )
        if opened is not None and tokens[opened + 1].lower in LANGUAGE.words("determiners"):
            # "Christel Happach-Kasan, die Sprecherin der FDP-Fraktion, kritisierte": the name
            # before the description in apposition; the description's own last words ("…
            # dem Präsidenten von UP Aerospace,") never speak.
            return phrase_ending(tokens, opened)
        inner = phrase_ending(tokens, end - 1)
        if inner is not None and (inner.roles or not inner.determiner):
            return inner
        if opened is not None:
            named = phrase_ending(tokens, opened)
            if named is not None:
                return named
        if inner is not None:
            return inner
    apposed = name_before_description(tokens, end)
    if apposed is not None:
        return apposed
    affiliated = _name_before_affiliation(tokens, end)
    if affiliated is not None:
        return affiliated
    for start in range(max(0, end - SUBJECT_REACH), end):
        if tokens[start].text in CLAUSE_ENDS or tokens[start].is_quote:
            continue
        phrase = phrase_at(tokens, start, sentence_start=start == 0)
        if phrase is None or phrase.end != end or not (phrase.words or _post(phrase)):
            continue
        before = tokens[start - 1] if start > 0 else None
        if before is not None and before.lower in LANGUAGE.words("prepositions"):
            return None  # "Über Steve Fossett sagte Branson": the name is no subject
        if before is not None and before.is_word and not before.is_capitalised:
            continue  # "… dass Merkel sagte": inside a clause of its own, or a noun's tail
        return phrase
    return None


def second_of_two(tokens: tuple[Token, ...], start: int) -> bool:
    """Whether the phrase at ``start`` is the second of two names joined by "und" ("Karin
    Vogt und Paul Lenz"); not the second of two posts ("Der Abgeordnete und Fraktionschef X")
    nor a new clause's subject ("X sagte und Y ergänzte")."""
    while start > 0 and tokens[start - 1].is_word and tokens[start - 1].is_capitalised:
        start -= 1  # from the name's first word ("Lenz" is read as a tail of "Paul Lenz")
    if start < 2 or tokens[start - 1].lower not in COORDINATORS:
        return False
    first = phrase_ending(tokens, start - 1)
    return first is not None and bool(first.words)


def _post(phrase: Phrase) -> bool:
    """ "Der Minister sagte": a post alone with the article a subject takes, which may name
    the one person the article gave that post (``NameBook.post_holder``)."""
    return bool(phrase.roles) and phrase.article in definite_articles()


def _name_before_affiliation(tokens: tuple[Token, ...], end: int) -> Phrase | None:
    """ "Günter Metzges vom Online-Netzwerk Campact sagte": a name, then the body it is from
    ("von"/"vom", capitalised words up to ``end``); the name speaks, never the body's last
    word. ("Die Kernaussage von Jerry Larson lautete": no name before "von", not this.)"""
    k = end - 1
    while k > 0 and tokens[k].is_word and tokens[k].is_capitalised:
        k -= 1
    if k == end - 1:
        return None
    if tokens[k].lower in LANGUAGE.words("determiners") and k > 0:
        k -= 1  # "von der Partei Die Linke"
    if tokens[k].lower not in AFFILIATION:
        return None
    for start in range(max(0, k - SUBJECT_REACH), k):
        phrase = phrase_at(tokens, start, sentence_start=start == 0)
        if phrase is None or phrase.end != k or not phrase.words:
            continue
        if phrase.determiner and not phrase.roles:
            continue  # "Die Kernaussage": no name; "Der Sprecher Max Roth": a post and a name
        before = tokens[start - 1] if start > 0 else None
        if before is None or before.text == "," or _opens(before):
            return phrase  # the sentence's start, a comma, or an adverb: "Auch Anna Roth"
        return None
    return None


def _opens(token: Token) -> bool:
    """A capitalised word before a name that is no article nor part of a noun phrase it
    would head ("Auch", "Zudem"): the name opens its phrase."""
    return token.is_word and token.is_capitalised and token.lower not in function_words()


def name_before_description(tokens: tuple[Token, ...], end: int) -> Phrase | None:
    """ "Paul Lenz, der Generalsekretär des Verbandes (VRBD) sagte": the sentence opens
    with a name, then a description in apposition whose closing comma the writer left out."""
    opening = phrase_at(tokens, 0, sentence_start=True)
    if opening is None or opening.determiner or not opening.words:
        return None
    if opening.end >= end or tokens[opening.end].text != ",":
        return None
    if end - opening.end > DESCRIPTION_REACH:
        return None
    description = tokens[opening.end + 1 : end]
    if not description or description[0].lower not in LANGUAGE.words("determiners"):
        return None
    if any(t.text in CLAUSE_ENDS - {"(", ")"} or t.is_quote for t in description):
        return None
    return opening
