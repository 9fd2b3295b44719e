"""A German quote after a colon with no reporting verb: a name ("Merkel: „…“", "Erkki Tuomioja,
Präsident des Rats: „…“", "Nina Hagen zur neuen Heimat: „…“"), or a clause whose subject the
article named ("Koppelin wörtlich: „…“", "Im Kongress warb Obama … mit den Worten: „…“")."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.entities import Entity
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.bodies import is_body, is_medium
from bot.quotes.lang.de.grammar import CLAUSE_ENDS, book, is_cue
from bot.quotes.lang.de.names import Phrase, phrase_at
from bot.quotes.lang.de.preceding import APPOSITION_REACH, phrase_ending
from bot.quotes.lang.de.statements import statement_owner
from bot.quotes.lang.de.subjects import apposition, clause_subject, speaker_after
from bot.quotes.lang.de.vocabulary import function_words, is_role
from bot.quotes.lang.de.word_order import (
    object_first_verb,
    verb_after_adverbial,
    verb_after_noun_phrase,
)
from bot.quotes.tokens import Token

TOPIC_WORDS = 4  # "X zur neuen Heimat:" — the topic between a name and its colon


def name_colon(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Merkel: „…“ — a known name, a colon, the quote (in a clause with no reporting verb,
    whose subject would be the speaker); or a known person's name, the quote in parentheses."""
    tokens, qi = site.ctx.tokens, site.qi
    if qi >= 2 and tokens[qi - 1].text == "(":
        return _name_then_parenthesis(site, att)
    if qi < 2 or tokens[qi - 1].text != ":":
        return None
    if any(is_cue(tokens, k) for k in range(qi - 1)):
        return None  # "Ein Kommentator schrieb im Magazin DER SPIEGEL:": the verb's subject
    posted = _name_then_post(tokens, qi - 1)
    if posted is not None:
        # A name with its post in apposition stands where only a name stands; the post's
        # own last words ("Präsident des Rats der Europäischen Union") never speak.
        entity = book(att).entity(posted, slot=True)
    else:
        phrase = phrase_ending(tokens, qi - 1) or _name_on_topic(tokens, qi - 1)
        entity = book(att).entity(phrase) if phrase is not None else None
    if entity is None:
        return None
    return Attribution(entity, 0.8, None, evidence_sentence=site.ctx.index)


def _name_then_parenthesis(site: QuoteSite, att: Attributor) -> Attribution | None:
    """ "…, Mohammed ElBaradei („Mir fällt niemand ein …“), und …": a quote in parentheses
    right after a person's name is theirs, whatever the sentence does with the name."""
    tokens, qi = site.ctx.tokens, site.qi
    if qi + 1 >= len(tokens) or tokens[qi + 1].text != ")":
        return None  # "(„Q“ sagte er)": the parenthesis holds more than the quote
    phrase = phrase_ending(tokens, qi - 1)
    entity = book(att).entity(phrase) if phrase is not None else None
    if entity is None or entity.org:
        return None  # "die Partei („Wir …“)", "Infratest („…“)": a body's words, or its name
    return Attribution(entity, 0.8, None, evidence_sentence=site.ctx.index)


def _name_on_topic(tokens: tuple[Token, ...], colon_at: int) -> Phrase | None:
    """ "Punklady Nina Hagen zur neuen Heimat: „…“": the sentence opens with the name, then
    a short prepositional phrase (no verb) up to the colon."""
    phrase = phrase_at(tokens, 0, sentence_start=True)
    if phrase is None or phrase.determiner or phrase.end >= colon_at:
        return None
    if tokens[phrase.end].lower not in LANGUAGE.words("prepositions"):
        return None
    topic = tokens[phrase.end + 1 : colon_at]
    if not 1 <= len(topic) <= TOPIC_WORDS or not all(t.is_word for t in topic):
        return None
    return None if any(is_cue(tokens, k) for k in range(phrase.end, colon_at)) else phrase


def _name_then_post(tokens: tuple[Token, ...], colon_at: int) -> Phrase | None:
    """ "Erkki Tuomioja, Präsident des Rats der Europäischen Union: „…“": the sentence is a
    name and its post in apposition, no verb (every lower-case word a function word)."""
    phrase = phrase_at(tokens, 0, sentence_start=True)
    if phrase is None or phrase.determiner or phrase.end >= colon_at:
        return None
    if tokens[phrase.end].text != "," or colon_at - phrase.end > APPOSITION_REACH:
        return None
    post = tokens[phrase.end + 1 : colon_at]
    verbless = all(
        t.is_word and (t.is_capitalised or t.lower in function_words() or t.text.isdigit())
        for t in post
    )
    return phrase if post and verbless else None


def _dependent_clause_follows(tokens: tuple[Token, ...], comma: int, end: int) -> bool:
    """ "X hat weniger Hemmungen, seine Sympathien offen zu zeigen:", "X wandte sich gegen die
    Behauptung, die Kartoffel werde nicht in Lebensmittel gelangen:" — a comma opening an
    infinitive clause, or a clause after a noun that its article or a subordinator opens and
    its verb closes, running to ``end``: what the main clause's subject spoke of, not a
    speaker of its own. (A list — "mit der SPD, der CDU und den Grünen:" — ends in a noun.)"""
    if tokens[comma].text != ",":
        return False
    clause = tokens[comma + 1 : end]
    if not clause or any(t.text in CLAUSE_ENDS or t.is_quote for t in clause):
        return False
    last = clause[-1]
    if not last.is_word or last.is_capitalised:
        return False
    opener = clause[0].lower
    if opener in LANGUAGE.words("subordinators") or opener in LANGUAGE.words("determiners"):
        return len(clause) >= 3 and comma > 0 and tokens[comma - 1].is_capitalised
    # "zu zeigen", or "zu" inside a separable verb: "abzulehnen", "vorzulegen".
    infixed = 2 <= last.lower.find("zu") <= 5 and last.lower.endswith("en")
    return (len(clause) >= 2 and clause[-2].lower == "zu") or infixed


def colon(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Im Kongress warb Obama … mit den Worten: „…“ / Koppelin wörtlich: „…“ — a clause
    ending in a colon before the quote, with no reporting verb: its subject speaks."""
    tokens, qi = site.ctx.tokens, site.qi
    if qi < 2 or tokens[qi - 1].text != ":":
        return None
    apposed = apposition(tokens, att)
    finite = verb_after_adverbial(tokens)
    if apposed is not None:
        opening = apposed[1]
    elif finite is not None and tokens[finite - 1].text == ",":
        opening = finite  # "Nachdem …, hielt Lenz …:": the main clause starts at its verb
    else:
        opening = 0
    fronted = _after_fronted_object(tokens, qi - 1, att) if apposed is None else None
    if fronted is not None:
        return Attribution(fronted, 0.7, None, evidence_sentence=site.ctx.index)
    if any(
        tokens[k].is_quote
        or (
            tokens[k].text in CLAUSE_ENDS - {":"}
            and not _dependent_clause_follows(tokens, k, qi - 1)
        )
        for k in range(opening, qi - 1)
    ):
        return None  # a clause of its own before: whose subject is uncertain
    if apposed is not None:
        subject: Entity | None = apposed[0]
    elif opening == 0 and (owner := statement_owner(tokens, 0, att)) is not None:
        subject = owner  # "Das Fazit von Karin Vogt … überrascht nicht: „…“"
    else:
        subject = clause_subject(tokens, qi - 1, att, strict=True)  # a name the article gave
        if subject is None and opening == 0:
            subject = inverted_subject(tokens, qi - 1, att)
    if subject is None:
        return None
    return Attribution(subject, 0.7, None, evidence_sentence=site.ctx.index)


def _after_fronted_object(tokens: tuple[Token, ...], end: int, att: Attributor) -> Entity | None:
    """ "Den Unmut der Partei brachte die Sprecherin der Fraktion, Karin Vogt, zum Ausdruck:" —
    the clause opens with an article no subject takes ("den", "dem", "des"), so its subject
    stands right after the finite verb: a person the article named, or a post with the name
    in apposition. Nothing else may break the clause (no quote, no other comma)."""
    verb = object_first_verb(tokens, end)
    if verb is None:
        return None
    subject = speaker_after(tokens, verb + 1, att)
    if subject is None or not subject.words:
        return None
    rest = range(subject.end, end)
    if any(tokens[k].is_quote or tokens[k].text in CLAUSE_ENDS - {","} for k in range(end)):
        return None
    if any(tokens[k].text == "," for k in range(verb)) or any(
        tokens[k].text == "," for k in rest if k != subject.end
    ):
        return None  # a clause of its own: whose subject is uncertain
    entity = book(att).entity(subject)  # a name the article gave the marks of one
    return entity if entity is not None and not entity.org else None


def inverted_subject(tokens: tuple[Token, ...], end: int, att: Attributor) -> Entity | None:
    """ "Die praktische Anwendung der Richtlinie stellte der SPD-Vorsitzende Franz Müntefering in
    Frage:", "Jegliche Mitverantwortung … weist Hartmann von sich:" — a clause that opens with
    its object, the finite verb second and the subject right after it: a person the article
    named. Not when the opening phrase could speak itself ("Die Sprecherin kritisierte Merkel"):
    German word order alone does not say which of the two is the subject."""
    opening = phrase_at(tokens, 0, sentence_start=True)
    if opening is None or opening.roles:
        return None
    if any(is_role(w) or is_medium(w) or is_body(w) for w in opening.words):
        return None  # "Die Stadtverwaltung kritisierte Lenz:": who is the subject is unsaid
    if not opening.determiner and book(att).entity(opening) is not None:
        return None  # a name opens the clause: it is the subject
    verb = verb_after_noun_phrase(tokens, end)
    if verb is None:
        return None
    after = phrase_at(tokens, verb + 1)
    entity = book(att).entity(after) if after is not None else None  # a name the article gave
    return entity if entity is not None and not entity.org else None
