"""German attribution sieves: the reporting verb and its speaker either side of a quote.

German puts the verb second: after a quote the verb comes first and the speaker after it
(„…“, sagte Merkel; „…“, fügte sie hinzu); before a quote the speaker opens the clause or
follows the verb after an adverbial (Merkel sagte: „…“; Am Montag sagte Merkel: „…“). Sources
without a verb: „…“, so Merkel; laut Merkel …; Merkel zufolge …. Indirect speech in the
Konjunktiv ("Sie sagte, sie sei …") has no marks: it is not a quote; but it goes on reporting
its speaker, and a quote inside it or right after it is theirs (``chain``).

Names come from the article's :class:`~bot.quotes.lang.de.names.NameBook`; a description ("der
Sprecher", "die Regierung") makes the quote speech with nobody named.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite, SentenceContext
from bot.quotes.attribution.sieves import Sieve
from bot.quotes.attribution.sieves.continuation import continuation
from bot.quotes.attribution.sieves.neighbours import previous_quote
from bot.quotes.entities import Entity
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.chain import chained_speaker, impersonal
from bot.quotes.lang.de.citing import cited
from bot.quotes.lang.de.grammar import (
    CLAUSE_ENDS,
    COORDINATORS,
    book,
    is_cue,
    is_konjunktiv,
    named,
)
from bot.quotes.lang.de.names import Phrase, common_word, function_words, phrase_at
from bot.quotes.lang.de.speech import is_title, not_speech_reason
from bot.quotes.mentions import Mention
from bot.quotes.tokens import Token

__all__ = ["SIEVES", "find_mentions", "not_speech_reason", "read_sentence", "reported_speech"]

SUBJECT_REACH = 8  # tokens a speaker phrase before its verb may take
APPOSITION_REACH = 12  # tokens a description between commas may take
PASSIVE_CUES = frozenset({"zitiert"})
TOPIC_WORDS = 4  # "X zur neuen Heimat:" — the topic between a name and its colon
CLOSING_REACH = 16  # tokens from a quote to the comma before its closing reporting clause


def find_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """German names are read by the article's name book (``read_sentence``), not as English
    mentions: a capitalised word is no sign of a name here."""
    return []


def written_as_names(texts: Sequence[str]) -> frozenset[str]:
    """None: German capitalises every noun, so a capital inside a sentence marks no name."""
    return frozenset()


def read_sentence(ctx: SentenceContext, att: Attributor) -> None:
    """Learn the names a sentence introduces, before any quote of it is attributed."""
    book(att).learn(ctx.tokens)


def reported_speech(att: Attributor, ctx: SentenceContext) -> Attribution | None:
    """Indirect speech is not read in German yet: no reported-speech rows."""
    return None


def post_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """„…“, sagte Merkel / „…“, fügte der Minister Max Weber hinzu / „…“, so Merkel / …
    „…“ sei, hatte Merkel gesagt (the reporting clause after the quote's own)."""
    found = _right_after(site, att)
    tokens = site.ctx.tokens
    if found is None and site.qi + 1 < len(tokens) and tokens[site.qi + 1].text != ",":
        return _closing(site, att)  # the quote's own clause runs on first
    return found


def _right_after(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The reporting verb or source word right after the quote (and its comma)."""
    tokens, k = site.ctx.tokens, site.qi + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k >= len(tokens):
        return None
    if impersonal(tokens[k : k + 2]):
        return Attribution(None, 0.0, tokens[k].text)  # „…“, hieß es in der Rede: nobody named
    if tokens[k].lower in LANGUAGE.words("source_words") and tokens[k].lower != "zufolge":
        if k + 1 < len(tokens) and is_cue(tokens, k + 1):
            # „…“, so urteilte Romney: "so" and the verb, then its subject.
            found = _speaker_after(tokens, k + 2, att)
            return named(site, att, found, tokens[k + 1].text, 0.9, slot=True)
        return named(site, att, _speaker_after(tokens, k + 1, att), tokens[k].text, 0.9, True)
    if tokens[k].lower in LANGUAGE.words("auxiliaries"):
        # „…“, wird Panetta (im Fachblatt X) zitiert / „…“, hatte Merkel gesagt.
        return _auxiliary_subject(site, att, k, 0.9)
    if tokens[k].lower == "wie" and k > site.qi + 1:
        return _as_said_by(site, att, k)
    if not is_cue(tokens, k):
        return None
    if any(is_cue(tokens, j) for j in range(site.qi)):
        return None  # "Während Shakira erklärte, …, „…“, räumte Lopez ein": the verb before governs
    after = k + 2 if k + 1 < len(tokens) and tokens[k + 1].lower == "sich" else k + 1
    return named(site, att, _speaker_after(tokens, after, att), tokens[k].text, 0.9, slot=True)


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
        after = verb + 2 if tokens[verb + 1].lower == "sich" else verb + 1
        return named(site, att, _speaker_after(tokens, after, att), tokens[verb].text, 0.8, True)
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
    phrase = _speaker_after(tokens, wie + 1, att)
    if phrase is None:
        return None
    for j in range(phrase.end, min(len(tokens), phrase.end + SUBJECT_REACH)):
        if tokens[j].is_quote or tokens[j].text in CLAUSE_ENDS:
            return None
        if is_cue(tokens, j) or tokens[j].lower in LANGUAGE.words("citing_verbs"):
            return named(site, att, phrase, tokens[j].text, 0.9, slot=True)
    return None


def _speaker_after(tokens: tuple[Token, ...], k: int, att: Attributor) -> Phrase | None:
    """The speaker phrase at ``k``, or the name in apposition after a description ("sagte
    der Vorsitzende des Linux-Verbandes, Elmar Gesse")."""
    phrase = phrase_at(tokens, k)
    if phrase is None or book(att).entity(phrase, slot=True) is not None:
        return phrase
    for j in range(phrase.end, min(len(tokens), phrase.end + SUBJECT_REACH)):
        if tokens[j].is_quote or tokens[j].text in CLAUSE_ENDS - {","}:
            break
        if tokens[j].text == ",":
            named = phrase_at(tokens, j + 1)
            if named is not None and not named.determiner:
                return named
            break
    return phrase


def _phrase_ending(tokens: tuple[Token, ...], end: int) -> Phrase | None:
    """The longest speaker phrase that ends just before ``end`` ("Bundeskanzlerin Angela
    Merkel" before "sagte"), or an appositive name between commas ("Der Leiter des
    Programms, Klaus Stöhr, sagte")."""
    if end >= 2 and tokens[end - 1].text == ")":
        opened = next((k for k in range(end - 2, -1, -1) if tokens[k].text == "("), None)
        if opened is not None:
            return _phrase_ending(tokens, opened)  # "Henning Scherf (SPD) warnte"
    if end >= 2 and tokens[end - 1].text == ",":
        inner = _phrase_ending(tokens, end - 1)
        if inner is not None and (inner.roles or not inner.determiner):
            return inner
        # "Christel Happach-Kasan, die Sprecherin der FDP-Fraktion, kritisierte": the name
        # before the description in apposition.
        opened = next(
            (
                k
                for k in range(end - 2, max(-1, end - 2 - APPOSITION_REACH), -1)
                if tokens[k].text == ","
            ),
            None,
        )
        if opened is not None:
            named = _phrase_ending(tokens, opened)
            if named is not None:
                return named
        if inner is not None:
            return inner
    apposed = _name_before_description(tokens, end)
    if apposed is not None:
        return apposed
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


def _name_before_description(tokens: tuple[Token, ...], end: int) -> Phrase | None:
    """ "Houcine Abassi, der Generalsekretär des Verbandes (UGIT) sagte": the sentence opens
    with a name, then a description in apposition whose closing comma the writer left out."""
    opening = phrase_at(tokens, 0, sentence_start=True)
    if opening is None or opening.determiner or not opening.words:
        return None
    if opening.end >= end or tokens[opening.end].text != ",":
        return None
    if end - opening.end > APPOSITION_REACH:
        return None
    description = tokens[opening.end + 1 : end]
    if not description or description[0].lower not in LANGUAGE.words("determiners"):
        return None
    if any(t.text in CLAUSE_ENDS - {"(", ")"} or t.is_quote for t in description):
        return None
    return opening


def pre_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Merkel sagte: „…“ / Am Montag erklärte Merkel, man müsse „…“ — the last reporting verb
    before the quote in its sentence, its speaker before it or (verb second) after it."""
    tokens = site.ctx.tokens
    for v in range(site.qi - 1, -1, -1):
        if tokens[v].is_quote:
            # Another quote stands between: its own verb is its own, and ours too when
            # nothing but its clause lies between ("nannte Shultz einen „…“, dank dem „…“").
            return _same_verb_as(site, att, v)
        if not is_cue(tokens, v):
            continue
        before = _phrase_ending(tokens, v)
        pronoun = v > 0 and tokens[v - 1].lower in LANGUAGE.words("pronouns")
        said = named(
            site, att, before, tokens[v].text, 0.85, slot=before is not None and _rare(before)
        )
        if said.entity is not None or pronoun or (before is not None and before.determiner):
            # The subject stands before the verb; what follows is its object ("Scherf
            # warnte die CDU vor …"), never the speaker. ("Am Dienstag" is no subject.)
            return said
        if v > 0 and tokens[v - 1].lower in COORDINATORS:
            # "Netanyahu befand … und nannte Trumps Angriffsauftrag „…“": the verb shares
            # the clause's subject; what follows it is its object.
            subject = _clause_subject(tokens, v, att)
            if subject is None:
                return said
            return Attribution(subject, 0.8, tokens[v].text, evidence_sentence=site.ctx.index)
        # Verb second after an adverbial: "Am Montag sagte Merkel: „…“" ("äußerte sich X").
        after = v + 2 if v + 1 < len(tokens) and tokens[v + 1].lower == "sich" else v + 1
        found = named(site, att, _speaker_after(tokens, after, att), tokens[v].text, 0.85, True)
        if found.entity is None:
            # A verb at the clause's end ("Stoiber hatte … betont: „…“"): the main clause's
            # subject, first or after its finite verb.
            subject = _clause_subject(tokens, v, att)
            if subject is not None:
                return Attribution(subject, 0.8, tokens[v].text, evidence_sentence=site.ctx.index)
        return found
    return None


def _same_verb_as(site: QuoteSite, att: Attributor, before: int) -> Attribution | None:
    """The speaker of the quote at ``before`` in the same sentence, when no other name, no
    reporting verb and no colon or semicolon stands between the two quotes."""
    tokens = site.ctx.tokens
    if is_title(site.words):
        return None  # "die Modelle „Touareg“ und „Phaeton“": names, whoever spoke before
    between = tokens[before + 1 : site.qi]
    if any(t.text in {":", ";"} or t.is_quote for t in between):
        return None
    if any(is_cue(tokens, k) for k in range(before + 1, site.qi)):
        return None
    if book(att).named_in(between):
        return None
    spoken = [a for _p, s, a in att.state.quote_speakers if s == site.ctx.index]
    if not spoken or spoken[-1].entity is None or spoken[-1].cue is None:
        return None
    earlier = spoken[-1]
    return Attribution(earlier.entity, 0.8, earlier.cue, evidence_sentence=site.ctx.index)


def _clause_subject(
    tokens: tuple[Token, ...], verb: int, att: Attributor, strict: bool = False
) -> Entity | None:
    """The subject of a main clause whose verb is second: the name it opens with ("Stoiber
    hatte … betont"), else the name after its finite verb ("So hatte Otto Schily …
    zugesichert")."""
    finite = _verb_after_adverbial(tokens)
    opens_clause = (finite is not None and tokens[finite - 1].text == ",") or tokens[
        0
    ].lower in LANGUAGE.words("subordinators") - LANGUAGE.words("determiners")
    if any(
        tokens[k].lower in LANGUAGE.words("subordinators") and k > 0 and tokens[k - 1].text == ","
        for k in range(finite or 0, verb)
    ) or (opens_clause and (finite is None or finite > verb)):
        return None  # the verb is in a clause of its own: "…, dass Mindermann … gefragt habe"
    if opens_clause and finite is not None:
        after = phrase_at(tokens, finite + 1)
        return book(att).entity(after, slot=not strict) if after is not None else None
    opening = phrase_at(tokens, 0, sentence_start=True)
    if opening is not None and opening.words:
        entity = book(att).entity(opening, slot=_rare(opening) and not strict)
        if entity is not None:
            return entity
    for k in range(0, min(verb, SUBJECT_REACH)):
        if tokens[k].text in CLAUSE_ENDS or tokens[k].is_quote:
            return None
        if tokens[k].lower in LANGUAGE.words("auxiliaries"):
            # "Jelpkes Mitarbeiter Nick Brauns hat …": the subject right before the verb;
            # "So hatte Otto Schily …": right after it.
            before = _phrase_ending(tokens, k) if k > 0 else None
            subject = book(att).entity(before) if before is not None else None
            if subject is not None:
                return subject
            after = phrase_at(tokens, k + 1)
            return book(att).entity(after, slot=not strict) if after is not None else None
    if finite is not None and finite < verb:
        after = phrase_at(tokens, finite + 1)
        return book(att).entity(after, slot=not strict) if after is not None else None
    return None


def _verb_after_adverbial(tokens: tuple[Token, ...]) -> int | None:
    """Where the finite verb stands in a main clause that opens with a prepositional phrase
    or a clause of its own ("Im Kongress warb Obama …", "Um Zeit zu gewinnen, will
    Oettinger …"): verb second, right after them."""
    if not tokens:
        return None
    comma = next((k for k, t in enumerate(tokens) if t.text in CLAUSE_ENDS), None)
    infinitive = tokens[0].lower == "um" and any(t.lower == "zu" for t in tokens[1 : comma or 0])
    if infinitive or tokens[0].lower in LANGUAGE.words("subordinators") - LANGUAGE.words(
        "determiners"
    ):
        # "Um die Zeit zu gewinnen, will Oettinger …", "Als er ankam, sagte Weber …": a
        # clause first, then the verb.
        if comma is None or tokens[comma].text != "," or comma + 1 >= len(tokens):
            return None
        after = comma + 1
    elif tokens[0].lower in LANGUAGE.words("prepositions"):
        phrase = phrase_at(tokens, 1)
        if phrase is None or not phrase.words or phrase.end >= len(tokens):
            return None
        after = phrase.end
    else:
        return None
    verb = tokens[after]
    plain = verb.is_word and not verb.is_capitalised
    return after if plain and verb.lower not in function_words() else None


def _rare(phrase: Phrase) -> bool:
    """A one-word sentence opener that is no common German word ("Milinkewitsch", not
    "Experten"): a name even with no first name before it."""
    return len(phrase.words) == 1 and not phrase.determiner and not common_word(phrase.words[0])


def source_word(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Laut Merkel … „…“ / Merkel zufolge … „…“ / Nach Ansicht von Merkel … „…“: a source
    named in the quote's sentence."""
    tokens = site.ctx.tokens
    for k, tok in enumerate(tokens):
        if tok.lower == "so" and k > site.qi + 1 and _so_at_the_end(tokens, k, site.qi):
            # "Der Iran müsse „…“ beenden, so Rice.": the source closes the sentence.
            return named(site, att, phrase_at(tokens, k + 1), tok.text, 0.85, slot=True)
        if tok.lower == "so" and k < site.qi and _so_before_colon(tokens, k, site.qi):
            # "…, so Elshorst weiter: „…“": the source word opens the quote's own clause.
            return named(site, att, phrase_at(tokens, k + 1), tok.text, 0.85, slot=True)
        if tok.lower == "laut" and k < site.qi:
            return named(site, att, _speaker_after(tokens, k + 1, att), tok.text, 0.85, False)
        if tok.lower == "für" and k < site.qi and (judge := _judged_by(tokens, k, att)):
            return Attribution(judge, 0.8, tok.text, evidence_sentence=site.ctx.index)
        if tok.lower == "nach" and k < site.qi and (view := _view_source(tokens, k + 1)):
            source = _apposed_name(tokens, view) or _speaker_after(tokens, view, att)
            found = named(site, att, source, tok.text, 0.85, False)
            if found.entity is None or source is None or source.end > site.qi:
                # "nach Angaben des Leiters von „Ärzte ohne Grenzen“": the marks may stand
                # inside the source's own description; only a named source says speech.
                return None
            return found
        if tok.lower == "zufolge":
            return named(site, att, _phrase_ending(tokens, k), tok.text, 0.85, slot=False)
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
    phrase = phrase_at(tokens, k + 1)
    if phrase is None or not phrase.words or phrase.end >= len(tokens):
        return None
    end = phrase.end
    if tokens[end].text == "(":  # "Für Willi Lemke (SPD) …"
        end = next((j + 1 for j in range(end, len(tokens)) if tokens[j].text == ")"), end)
    if end >= len(tokens):
        return None
    if not is_konjunktiv(tokens[end]):
        return None  # "Für Hajduk ist die „Zeit der Ehrlichkeit“ vorbei": her view, not words
    entity = book(att).entity(phrase)
    return entity if entity is not None and not entity.org else None


def _view_source(tokens: tuple[Token, ...], k: int) -> int | None:
    """Where the source starts after "nach": "nach (den) Worten von X" / "nach Ansicht der
    Sprecherin, Gisela Piltz," (the genitive description, a name in apposition after it)."""
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


def name_colon(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Merkel: „…“ — a known name, a colon, the quote (in a clause with no reporting verb,
    whose subject would be the speaker)."""
    tokens, qi = site.ctx.tokens, site.qi
    if qi < 2 or tokens[qi - 1].text != ":":
        return None
    if any(is_cue(tokens, k) for k in range(qi - 1)):
        return None  # "Ein Kommentator schrieb im Magazin DER SPIEGEL:": the verb's subject
    phrase = _phrase_ending(tokens, qi - 1) or _name_on_topic(tokens, qi - 1)
    entity = book(att).entity(phrase) if phrase is not None else None
    if entity is None and (posted := _name_then_post(tokens, qi - 1)) is not None:
        # A name with its post in apposition stands where only a name stands.
        entity = book(att).entity(posted, slot=True)
    if entity is None:
        return None
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


def _apposition(tokens: tuple[Token, ...], att: Attributor) -> tuple[Entity, int] | None:
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


def _infinitive_follows(tokens: tuple[Token, ...], comma: int, end: int) -> bool:
    """ "X hat weniger Hemmungen, seine Sympathien offen zu zeigen:" — a comma opening an
    infinitive clause that runs to ``end``: no subject of its own to speak."""
    if tokens[comma].text != ",":
        return False
    clause = tokens[comma + 1 : end]
    if not clause or clause[0].lower in LANGUAGE.words("subordinators"):
        return False
    if any(t.text in CLAUSE_ENDS or t.is_quote for t in clause):
        return False
    last = clause[-1]
    if not last.is_word or last.is_capitalised:
        return False
    # "zu zeigen", or "zu" inside a separable verb: "abzulehnen", "vorzulegen".
    infixed = 2 <= last.lower.find("zu") <= 5 and last.lower.endswith("en")
    return (len(clause) >= 2 and clause[-2].lower == "zu") or infixed


def colon(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Im Kongress warb Obama … mit den Worten: „…“ / Koppelin wörtlich: „…“ — a clause
    ending in a colon before the quote, with no reporting verb: its subject speaks."""
    tokens, qi = site.ctx.tokens, site.qi
    if qi < 2 or tokens[qi - 1].text != ":":
        return None
    apposed = _apposition(tokens, att)
    finite = _verb_after_adverbial(tokens)
    if apposed is not None:
        opening = apposed[1]
    elif finite is not None and tokens[finite - 1].text == ",":
        opening = finite  # "Nachdem …, hielt Lenz …:": the main clause starts at its verb
    else:
        opening = 0
    if any(
        t.is_quote or (t.text in CLAUSE_ENDS - {":"} and not _infinitive_follows(tokens, k, qi - 1))
        for k, t in enumerate(tokens[: qi - 1])
        if k >= opening
    ):
        return None  # a clause of its own before: whose subject is uncertain
    if apposed is not None:
        subject: Entity | None = apposed[0]
    else:
        subject = _clause_subject(tokens, qi - 1, att, strict=True)  # a name the article gave
    if subject is None:
        return None
    return Attribution(subject, 0.7, None, evidence_sentence=site.ctx.index)


def konjunktiv(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Damit seien „der Kurs … nicht mehr so klar“: a quote inside indirect speech (a
    Konjunktiv I verb in its sentence) is speech, its speaker unnamed here."""
    for tok in site.ctx.tokens:
        if is_konjunktiv(tok):
            return Attribution(None, 0.0, tok.text)
    return None


def reported(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Klaus Stöhr sagte: „…“ Die Gefahr sei real. „Aber das Virus …“: a quote in indirect
    speech with no verb of its own, or alone after it, is the speaker it continues."""
    return chained_speaker(site, att, _said_in)


def _said_in(ctx: SentenceContext, att: Attributor) -> Attribution | None:
    """A sentence's reporting verb and its subject, read as for a quote at its end."""
    return pre_cue(QuoteSite(ctx, len(ctx.tokens)), att)


SIEVES: tuple[Sieve, ...] = (
    Sieve("de_post_cue", "„Q“, sagte X / „Q“, so X / „Q“, fügte X hinzu", post_cue),
    Sieve("de_pre_cue", "X sagte: „Q“ / Am Montag sagte X, „Q“", pre_cue, before=True),
    Sieve("de_source", "laut X … „Q“ / X zufolge … „Q“", source_word, before=True),
    Sieve("de_cited", "zitierte X mit den Worten: „Q“ (the one quoted)", cited, before=True),
    Sieve("de_name_colon", "X: „Q“", name_colon, before=True),
    Sieve("de_colon", "X wörtlich: „Q“ (the clause's subject)", colon, guess="after_any_verb"),
    Sieve("continuation", "a quote running on into the next paragraph", continuation),
    Sieve("previous_quote", "„…“, sagte er. „Q.“", previous_quote, standalone=True),
    Sieve("de_reported", "X sagte, … sei real. „Q.“ (indirect speech goes on)", reported),
    Sieve("de_konjunktiv", "Damit seien „Q“ (speech, nobody named)", konjunktiv, speech_only=True),
)
