"""Who a German speaker phrase names, wherever it stands: after a verb ("sagte der Vorsitzende,
Elmar Gesse"), before it ("Bundeskanzlerin Angela Merkel sagte"), in apposition ("Der Leiter der
Studie, Paulo Pinheiro, sieht …"), or as the subject of a verb-second clause ("Im Kongress warb
Obama …", "Stoiber hatte … betont"). Shared by the sieves either side of a quote; the phrase
that ends at a verb is ``preceding``'s to read, where the verb stands ``word_order``'s."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.entities import Entity
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import CLAUSE_ENDS, book, is_cue, past_reflexive
from bot.quotes.lang.de.names import Phrase, named_in_qualifier, phrase_at
from bot.quotes.lang.de.preceding import (
    APPOSITION_REACH,
    SUBJECT_REACH,
    phrase_ending,
)
from bot.quotes.lang.de.vocabulary import common_word, function_words
from bot.quotes.lang.de.word_order import (
    object_first_verb,
    subordinator,
    verb_after_adverbial,
)
from bot.quotes.tokens import Token


def speaker_after(tokens: tuple[Token, ...], k: int, att: Attributor) -> Phrase | None:
    """The speaker phrase at ``k``, or the name in apposition after a description ("sagte
    der Vorsitzende des Linux-Verbandes, Elmar Gesse")."""
    phrase = phrase_at(tokens, past_adverbs(tokens, k))
    if phrase is None:
        return _pointed_at(tokens, k, att)
    if phrase.words and book(att).entity(phrase, slot=True) is not None:
        return phrase
    # A bare post ("der Trainer") is read last: the name after it, in a genitive or in
    # apposition ("der Trainer der Frankfurter, Michael Skibbe"), says who holds it here.
    qualified = named_in_qualifier(tokens, phrase)
    if qualified is not None:
        return qualified
    for j in range(phrase.end, min(len(tokens), phrase.end + SUBJECT_REACH)):
        if tokens[j].is_quote or tokens[j].text in CLAUSE_ENDS - {","}:
            break
        if tokens[j].text == ",":
            named = phrase_at(tokens, j + 1)
            if named is not None and not named.determiner:
                return named
            break
    return phrase


def _pointed_at(tokens: tuple[Token, ...], k: int, att: Attributor) -> Phrase | None:
    """ "… mit dem Anwalt der Familie – Rainer Wittner – sagte dieser, …": a demonstrative
    standing as the subject points to the last person of its gender named before it in the
    sentence (never one named after it, nor one from an earlier sentence)."""
    if k >= len(tokens) or (k + 1 < len(tokens) and tokens[k + 1].is_capitalised):
        return None  # "sagte dieser Minister": a determiner, its noun after it
    gender = LANGUAGE.gendered("demonstratives").get(tokens[k].lower)
    if gender is None:
        return None
    people = [
        e for e in book(att).named_in(tokens[: k - 1]) if not e.org and e.gender in (None, gender)
    ]
    if not people:
        return None
    return Phrase(False, [], list(people[-1].name), k + 1)


ADVERB_REACH = 2  # "nahm jetzt auch der Ministerpräsident …": words between verb and subject


def past_adverbs(tokens: tuple[Token, ...], k: int) -> int:
    """Where the subject after a verb starts, past the adverbs before it ("sagte auch
    Merkel", "hat sich etwa die Landesvorsitzende … ausgesprochen"): lower-case words that are
    no article, pronoun or preposition (a noun, the subject, is capitalised)."""
    start = k
    while (
        k < len(tokens)
        and k - start < ADVERB_REACH
        and tokens[k].is_word
        and not tokens[k].is_capitalised
        and tokens[k].lower not in function_words()
    ):
        k += 1
    return k


def clause_subject(
    tokens: tuple[Token, ...], verb: int, att: Attributor, strict: bool = False
) -> Entity | None:
    """The subject of a main clause whose verb is second: the name it opens with ("Stoiber
    hatte … betont"), else the name after its finite verb ("So hatte Otto Schily …
    zugesichert")."""
    comma = _reported_clause(tokens, verb)
    if comma is not None:
        # "Vogt sagte, Lenz habe ihr geschrieben: „…“": the verb closes the clause another
        # verb reports, whose subject opens it after the comma; never the first speaker.
        inner = phrase_at(tokens, comma + 1)
        return book(att).entity(inner) if inner is not None and inner.words else None
    finite = verb_after_adverbial(tokens)
    after_clause = finite is not None and tokens[finite - 1].text == ","
    opens_clause = after_clause or subordinator(tokens[0])
    if any(
        tokens[k].lower in LANGUAGE.words("subordinators") and k > 0 and tokens[k - 1].text == ","
        for k in range(finite or 0, verb)
    ) or (opens_clause and (finite is None or finite > verb)):
        return None  # the verb is in a clause of its own: "…, dass Mindermann … gefragt habe"
    if opens_clause and finite is not None:
        return _named_after(tokens, finite, att, strict)
    if tokens[0].lower in LANGUAGE.words("oblique_articles"):
        fronted = object_first_verb(tokens, verb + 1)
        return _named_after(tokens, fronted, att, strict) if fronted is not None else None
    opening = phrase_at(tokens, 0, sentence_start=True)
    if opening is not None and opening.words:
        entity = book(att).entity(opening, slot=rare(opening) and not strict)
        if entity is not None:
            return entity
    for k in range(0, min(verb, SUBJECT_REACH)):
        if tokens[k].text in CLAUSE_ENDS or tokens[k].is_quote:
            return None
        if tokens[k].lower in LANGUAGE.words("auxiliaries"):
            # "Jelpkes Mitarbeiter Nick Brauns hat …": the subject right before the verb;
            # "So hatte Otto Schily …": right after it.
            before = phrase_ending(tokens, k) if k > 0 else None
            subject = book(att).entity(before) if before is not None else None
            if subject is not None:
                return subject
            return _named_after(tokens, k, att, strict)
    if finite is not None and finite < verb:
        return _named_after(tokens, finite, att, strict)
    return None


def _reported_clause(tokens: tuple[Token, ...], verb: int) -> int | None:
    """The comma opening the clause of ``verb`` when a reporting verb before that comma
    reports the clause ("Vogt sagte, Lenz habe … geschrieben"), else None."""
    comma = next((k for k in range(verb - 1, 0, -1) if tokens[k].text in CLAUSE_ENDS), None)
    if comma is None or tokens[comma].text != ",":
        return None
    return comma if any(is_cue(tokens, k) for k in range(comma)) else None


def _named_after(
    tokens: tuple[Token, ...], verb: int, att: Attributor, strict: bool
) -> Entity | None:
    """Who the phrase right after a finite verb names ("So hatte Otto Schily …"); ``strict``:
    only a name the article gave, not one the verb's slot suggests."""
    start = past_reflexive(tokens, verb)
    # (``speaker_after`` learns a bare word in the speaker's slot as a name: not when strict.)
    after = (
        phrase_at(tokens, past_adverbs(tokens, start))
        if strict
        else speaker_after(tokens, start, att)
    )
    return book(att).entity(after, slot=not strict) if after is not None else None


def subordinate_subject(tokens: tuple[Token, ...], verb: int, att: Attributor) -> Phrase | None:
    """The subject of a clause of its own that ``verb`` closes ("Während Shakira erklärte, …",
    "zumal Verteidiger Wolfgang Dingfelder immer wieder betont hatte, …", "wie sich Tauss
    ausdrückte, …"): the phrase after the word that opens the clause."""
    end = verb + 1
    if end < len(tokens) and tokens[end].lower in LANGUAGE.words("auxiliaries"):
        end += 1  # "betont hatte"
    if end < len(tokens) and tokens[end].text != ",":
        return None  # the verb does not close its clause
    opener = next(
        (
            k
            for k in range(verb - 1, max(-1, verb - 1 - SUBJECT_REACH), -1)
            if tokens[k].text in CLAUSE_ENDS or tokens[k].is_quote or subordinator(tokens[k])
        ),
        None,
    )
    if opener is None or not subordinator(tokens[opener]):
        return _opening_clause_subject(tokens, verb, att)
    phrase = phrase_at(tokens, past_reflexive(tokens, opener))
    if phrase is None or not phrase.words or phrase.end > verb:
        return None
    return phrase


def _opening_clause_subject(tokens: tuple[Token, ...], verb: int, att: Attributor) -> Phrase | None:
    """ "Wie die Premierministerin von Queensland, Anna Bligh, erklärte, …", "Wie Norman Paech,
    der … anwesend war, dazu feststellt, …": the sentence opens with a clause of its own whose
    subject has a name in apposition or a relative clause before the clause's verb. Its
    subject is the phrase after the opening word, or the name in apposition after it."""
    if not subordinator(tokens[0]) or verb < 2:
        return None
    if any(t.is_quote or t.text in CLAUSE_ENDS - {","} for t in tokens[:verb]):
        return None
    if any(subordinator(tokens[k]) and tokens[k - 1].text == "," for k in range(2, verb)):
        return None  # "Wie X sagte, als Y …, erklärte": a clause inside the clause
    phrase = speaker_after(tokens, past_reflexive(tokens, 0), att)
    if phrase is None or not phrase.words or phrase.end >= verb:
        return None
    return phrase


def rare(phrase: Phrase) -> bool:
    """A one-word sentence opener that is no common German word ("Milinkewitsch", not
    "Experten"): a name even with no first name before it."""
    return len(phrase.words) == 1 and not phrase.determiner and not common_word(phrase.words[0])


def apposition(tokens: tuple[Token, ...], att: Attributor) -> tuple[Entity, int] | None:
    """A sentence opening "Der Leiter der Studie, Paulo Pinheiro, sieht …" or "Sadiq Khan,
    ein Abgeordneter, verurteilte …": the person the two phrases between the commas name,
    and where the verb after them stands."""
    commas = [k for k, t in enumerate(tokens[: 2 * APPOSITION_REACH]) if t.text == ","]
    if len(commas) < 2 or commas[0] > APPOSITION_REACH or commas[1] - commas[0] > APPOSITION_REACH:
        return None
    first, second = commas[0], commas[1]
    if any(t.is_quote or t.text in CLAUSE_ENDS - {","} for t in tokens[:second]):
        return None
    verb = second + 1
    if verb >= len(tokens) or not tokens[verb].is_word or tokens[verb].is_capitalised:
        return None
    if tokens[verb].lower in function_words():
        return None  # "…, die den Brief unterschrieben, …": a relative clause, no apposition
    for start in (first + 1, 0):
        phrase = phrase_at(tokens, start, sentence_start=start == 0)
        if phrase is None or phrase.determiner or not phrase.words:
            continue
        if phrase.end not in (first, second):
            continue  # the name must fill its part of the apposition
        entity = book(att).entity(phrase)
        if entity is not None and not entity.org:
            return entity, verb
    return None
