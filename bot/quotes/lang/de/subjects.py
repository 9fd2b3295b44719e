"""Who a German speaker phrase names, wherever it stands: after a verb ("sagte der Vorsitzende,
Elmar Gesse"), before it ("Bundeskanzlerin Angela Merkel sagte"), in apposition ("Der Leiter der
Studie, Paulo Pinheiro, sieht …"), or as the subject of a verb-second clause ("Im Kongress warb
Obama …", "Stoiber hatte … betont"). Shared by the sieves either side of a quote."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.entities import Entity
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import AFFILIATION, CLAUSE_ENDS, book, past_reflexive
from bot.quotes.lang.de.names import (
    Phrase,
    common_word,
    function_words,
    named_in_qualifier,
    phrase_at,
)
from bot.quotes.tokens import Token

SUBJECT_REACH = 8  # tokens a speaker phrase before its verb may take
APPOSITION_REACH = 12  # tokens a description between commas may take
# A description after a name with no closing comma ("Houcine Abassi, der Generalsekretär des
# Verbandes Union Générale Tunisienne du Travail (UGIT) sagte"): a long name inside it.
DESCRIPTION_REACH = 20


def speaker_after(tokens: tuple[Token, ...], k: int, att: Attributor) -> Phrase | None:
    """The speaker phrase at ``k``, or the name in apposition after a description ("sagte
    der Vorsitzende des Linux-Verbandes, Elmar Gesse")."""
    phrase = phrase_at(tokens, past_adverbs(tokens, k))
    if phrase is None:
        return _pointed_at(tokens, k, att)
    if book(att).entity(phrase, slot=True) is not None:
        return phrase
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
        if phrase is None or phrase.end != end or not phrase.words:
            continue
        before = tokens[start - 1] if start > 0 else None
        if before is not None and before.lower in LANGUAGE.words("prepositions"):
            continue  # "Über Steve Fossett sagte Branson": the name is no subject
        if before is not None and before.is_word and not before.is_capitalised:
            continue  # "… dass Merkel sagte": inside a clause of its own, or a noun's tail
        return phrase
    return None


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
    """ "Houcine Abassi, der Generalsekretär des Verbandes (UGIT) sagte": the sentence opens
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


def clause_subject(
    tokens: tuple[Token, ...], verb: int, att: Attributor, strict: bool = False
) -> Entity | None:
    """The subject of a main clause whose verb is second: the name it opens with ("Stoiber
    hatte … betont"), else the name after its finite verb ("So hatte Otto Schily …
    zugesichert")."""
    finite = verb_after_adverbial(tokens)
    after_clause = finite is not None and tokens[finite - 1].text == ","
    opens_clause = after_clause or _subordinator(tokens[0])
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
            if tokens[k].text in CLAUSE_ENDS or tokens[k].is_quote or _subordinator(tokens[k])
        ),
        None,
    )
    if opener is None or not _subordinator(tokens[opener]):
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
    if not _subordinator(tokens[0]) or verb < 2:
        return None
    if any(t.is_quote or t.text in CLAUSE_ENDS - {","} for t in tokens[:verb]):
        return None
    if any(_subordinator(tokens[k]) and tokens[k - 1].text == "," for k in range(2, verb)):
        return None  # "Wie X sagte, als Y …, erklärte": a clause inside the clause
    phrase = speaker_after(tokens, past_reflexive(tokens, 0), att)
    if phrase is None or not phrase.words or phrase.end >= verb:
        return None
    return phrase


def _subordinator(token: Token) -> bool:
    """A word that opens a clause of its own ("dass", "weil", "als"), not an article that
    may open a relative clause as well ("der", "die")."""
    return token.lower in LANGUAGE.words("subordinators") - LANGUAGE.words("determiners")


def verb_after_adverbial(tokens: tuple[Token, ...]) -> int | None:
    """Where the finite verb stands in a main clause that opens with a prepositional phrase
    or a clause of its own ("Im Kongress warb Obama …", "Um Zeit zu gewinnen, will
    Oettinger …"): verb second, right after them."""
    if not tokens:
        return None
    comma = next((k for k, t in enumerate(tokens) if t.text in CLAUSE_ENDS), None)
    infinitive = tokens[0].lower == "um" and any(t.lower == "zu" for t in tokens[1 : comma or 0])
    if infinitive or _subordinator(tokens[0]):
        # "Um die Zeit zu gewinnen, will Oettinger …", "Als er ankam, sagte Weber …": a
        # clause first, then the verb.
        if comma is None or tokens[comma].text != "," or comma + 1 >= len(tokens):
            return None
        after = comma + 1
    elif tokens[0].lower in LANGUAGE.words("prepositions"):
        phrase = phrase_at(tokens, 1)
        if phrase is None or not phrase.words or phrase.end >= len(tokens):
            return None
        return verb_after_noun_phrase(tokens, len(tokens))
    else:
        return None
    verb = tokens[after]
    plain = verb.is_word and not verb.is_capitalised
    return after if plain and verb.lower not in function_words() else None


def verb_after_noun_phrase(tokens: tuple[Token, ...], end: int) -> int | None:
    """The finite verb, before ``end``, of a verb-second clause that opens with a phrase: the
    first lower-case word after a capitalised noun that is no article, preposition or
    conjunction (adjectives follow an article or another adjective, not a noun), so the
    genitives and prepositional phrases that qualify the noun are passed ("An die Adresse der
    europäischen Stabilitätswächter in Brüssel hatte Lenz …")."""
    for k in range(1, end):
        tok, before = tokens[k], tokens[k - 1]
        if tok.is_quote or tok.text in CLAUSE_ENDS:
            return None
        if not tok.is_word or tok.is_capitalised or tok.lower in function_words():
            continue
        if before.is_word and before.is_capitalised and before.lower not in function_words():
            return k
    return None


def object_first_verb(tokens: tuple[Token, ...], end: int) -> int | None:
    """ "Den Vorschlag kritisierte Lenz …", "Dem Minister widersprach …": where the finite verb
    stands (before ``end``) in a clause that opens with an article no subject takes
    ("den", "dem", "des"): its object comes first, so its subject comes after the verb."""
    if not tokens or tokens[0].lower not in LANGUAGE.words("oblique_articles"):
        return None
    opening = phrase_at(tokens, 0, sentence_start=True)
    if opening is not None and any(
        w.lower() in LANGUAGE.words("work_nouns") for w in opening.words
    ):
        return None  # "Den Titel des Films gab der Sender bekannt: „…“": a title follows
    return verb_after_noun_phrase(tokens, end)


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
