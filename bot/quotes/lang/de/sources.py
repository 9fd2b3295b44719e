"""German sources without a reporting verb of their own: laut X, X zufolge, nach Ansicht von X /
nach den Worten der Sprecherin, X, …, so X (weiter): / …, so X. / …, so X, … (set off inside
the sentence), Für X sei … (a view in the Konjunktiv)."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.entities import Entity
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import CLAUSE_ENDS, COORDINATORS, book, is_cue, is_konjunktiv, named
from bot.quotes.lang.de.names import Phrase, name_with_party, phrase_at
from bot.quotes.lang.de.preceding import APPOSITION_REACH, phrase_ending
from bot.quotes.lang.de.statements import statement_owner
from bot.quotes.lang.de.subjects import speaker_after
from bot.quotes.tokens import Token


def source_word(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Laut Merkel … „…“ / Merkel zufolge … „…“ / Nach Ansicht von Merkel … „…“: a source
    named in the quote's sentence."""
    tokens = site.ctx.tokens
    for k, tok in enumerate(tokens):
        if tok.lower == "so" and k > site.qi and (owner := _so_statement(tokens, k, att)):
            # "„…“ so das Fazit der Betreiber von Ratswatchio.": the statement's owner.
            return Attribution(owner, 0.85, tok.text, evidence_sentence=site.ctx.index)
        if tok.lower == "so" and k > site.qi + 1 and _so_at_the_end(tokens, k, site.qi):
            # "Der Iran müsse „…“ beenden, so Rice.": the source closes the sentence.
            return named(site, att, phrase_at(tokens, k + 1), tok.text, 0.85, slot=True)
        if tok.lower == "so" and k < site.qi and _so_before_colon(tokens, k, site.qi):
            # "…, so Elshorst weiter: „…“": the source word opens the quote's own clause.
            return named(site, att, phrase_at(tokens, k + 1), tok.text, 0.85, slot=True)
        if tok.lower == "so" and (inserted := _so_inserted(tokens, k)) is not None:
            # "Die Lage sei, so der Minister in einem Interview, „ernst“": the source set
            # off by commas inside the sentence it reports. With another person right after
            # it, "so" lists ("gratulierten Obama, so Berlusconi, der Leiter der IAEA, …").
            phrase, comma = inserted
            listed = phrase_at(tokens, comma + 1)
            if listed is None or not (listed.roles or book(att).entity(listed)):
                return named(site, att, phrase, tok.text, 0.85, slot=True)
        if tok.lower == "laut" and k < site.qi:
            return named(site, att, speaker_after(tokens, k + 1, att), tok.text, 0.85, False)
        if tok.lower == "für" and k < site.qi and (judge := _judged_by(tokens, k, att)):
            return Attribution(judge, 0.8, tok.text, evidence_sentence=site.ctx.index)
        if tok.lower == "nach" and k < site.qi and (view := _view_source(tokens, k + 1)):
            source = _apposed_name(tokens, view) or speaker_after(tokens, view, att)
            found = named(site, att, source, tok.text, 0.85, False)
            if found.entity is None or source is None or source.end > site.qi:
                # "nach Angaben des Leiters von „Ärzte ohne Grenzen“": the marks may stand
                # inside the source's own description; only a named source says speech.
                return None
            return found
        if tok.lower == "zufolge":
            return named(site, att, phrase_ending(tokens, k), tok.text, 0.85, slot=False)
    return None


def _apposed_name(tokens: tuple[Token, ...], k: int) -> Phrase | None:
    """The name in apposition after a description at ``k`` ("des Parteichefs Hanois, Pham
    Quang Nghi"): the person, where the description's own capitals may name a place."""
    if k >= len(tokens) or tokens[k].lower not in LANGUAGE.words("determiners"):
        return None
    for j in range(k + 1, min(len(tokens), k + APPOSITION_REACH)):
        if tokens[j].is_quote or tokens[j].text in CLAUSE_ENDS - {","}:
            return None
        if tokens[j].text == ",":
            named = phrase_at(tokens, j + 1)
            return named if named is not None and not named.determiner else None
    return None


def _judged_by(tokens: tuple[Token, ...], k: int, att: Attributor) -> Entity | None:
    """ "Für den Theologen Hans Küng sei der Rücktritt „…“": a person's view, reported in the
    Konjunktiv, opening a clause whose verb follows."""
    if k > 0 and tokens[k - 1].text != "," and tokens[k - 1].lower not in COORDINATORS:
        return None
    if any(is_cue(tokens, j) for j in range(k)):
        return None  # "X kritisierte, …, und für Y war …": the verb before governs
    found = name_with_party(tokens, k + 1)  # "Für Paul Lenz (SPD) …"
    if found is None:
        return None
    phrase, end = found
    if end >= len(tokens):
        return None
    if not is_konjunktiv(tokens[end]):
        return None  # "Für Hajduk ist die „Zeit der Ehrlichkeit“ vorbei": her view, not words
    entity = book(att).entity(phrase)
    return entity if entity is not None and not entity.org else None


def _view_source(tokens: tuple[Token, ...], k: int) -> int | None:
    """Where the source starts after "nach": "nach (den) Worten von X" / "nach Ansicht der
    Sprecherin, Karin Vogt," (the genitive description, a name in apposition after it)."""
    if k < len(tokens) and tokens[k].lower in LANGUAGE.words("determiners"):
        k += 1
    if k + 1 >= len(tokens) or tokens[k].lower not in LANGUAGE.words("view_nouns"):
        return None
    return k + 2 if tokens[k + 1].lower == "von" else k + 1


def _so_at_the_end(tokens: tuple[Token, ...], k: int, qi: int) -> bool:
    """ ", so X (weiter)." closing the sentence: after a comma, a name, at most two lower-case
    words, the end; and the quote in its last clause (no other quote, no colon between)."""
    if tokens[k - 1].text != ",":
        return False
    if any(t.is_quote or t.text in {":", ";"} for t in tokens[qi + 1 : k]):
        return False
    phrase = phrase_at(tokens, k + 1)
    if phrase is None or not phrase.words:
        return False
    rest = [t for t in tokens[phrase.end :] if t.is_word or t.is_quote]
    return len(rest) <= 2 and all(t.is_word and not t.is_capitalised for t in rest)


def _so_statement(tokens: tuple[Token, ...], k: int, att: Attributor) -> Entity | None:
    """The owner of a statement named right after "so" at the end of the sentence, with
    no other quote between ("„…“, so das Fazit von X.")."""
    if any(t.is_quote for t in tokens[k + 1 :]):
        return None
    return statement_owner(tokens, k + 1, att)


def _so_before_colon(tokens: tuple[Token, ...], k: int, qi: int) -> bool:
    """ "so X (weiter):" right before the quote: after a comma or at the sentence's start,
    a name, at most two lower-case words, the colon."""
    if qi < 2 or tokens[qi - 1].text != ":" or (k > 0 and tokens[k - 1].text != ","):
        return False
    phrase = phrase_at(tokens, k + 1)
    if phrase is None or not phrase.words:
        return False
    between = tokens[phrase.end : qi - 1]
    return len(between) <= 2 and all(t.is_word and not t.is_capitalised for t in between)


INSERTED_REACH = 16  # "so X in einem Blogeintrag auf der Website …,": words up to its comma


def _so_inserted(tokens: tuple[Token, ...], k: int) -> tuple[Phrase, int] | None:
    """ "…, so der Schriftsteller Musa Okwanga in einem Blogeintrag, …": after a comma, "so",
    a named phrase, at most a prepositional phrase (where it said so), a comma (the phrase and
    where that comma stands). Its clause has no verb: "so" here is a source, not the adverb
    ("…, so dass", "…, so Merkel sagte, …")."""
    if k == 0 or tokens[k - 1].text != ",":
        return None
    found = name_with_party(tokens, k + 1)  # "so Paul Lenz (SPD), …"
    if found is None:
        return None
    phrase, end = found
    if end < len(tokens) and tokens[end].text == ",":
        return phrase, end
    if end >= len(tokens) or tokens[end].lower not in LANGUAGE.words("prepositions"):
        return None
    for j in range(end + 1, min(len(tokens), end + INSERTED_REACH)):
        if tokens[j].text == ",":
            return phrase, j
        if tokens[j].text in CLAUSE_ENDS or is_cue(tokens, j) or is_konjunktiv(tokens[j]):
            return None
    return None
