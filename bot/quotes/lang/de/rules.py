"""German attribution sieves: the reporting verb and its speaker either side of a quote.

German puts the verb second: after a quote the verb comes first and the speaker after it
(„…“, sagte Merkel; „…“, fügte sie hinzu); before a quote the speaker opens the clause or
follows the verb after an adverbial (Merkel sagte: „…“; Am Montag sagte Merkel: „…“). Sources
without a verb: „…“, so Merkel; laut Merkel …; Merkel zufolge …. Indirect speech in the
Konjunktiv ("Sie sagte, sie sei …") has no marks: it is not a quote; but it goes on reporting
its speaker, and a quote inside it or right after it is theirs (``chain``).

Names come from the article's :class:`~bot.quotes.lang.de.namebook.NameBook`; a description ("der
Sprecher", "die Regierung") makes the quote speech with nobody named.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite, SentenceContext
from bot.quotes.attribution.sieves import Sieve
from bot.quotes.attribution.sieves.continuation import continuation
from bot.quotes.attribution.sieves.neighbours import previous_quote
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.chain import chained_speaker
from bot.quotes.lang.de.citing import cited
from bot.quotes.lang.de.colons import colon, name_colon
from bot.quotes.lang.de.following import next_sentence, previous_subject
from bot.quotes.lang.de.grammar import (
    COORDINATORS,
    book,
    is_cue,
    is_konjunktiv,
    named,
    past_reflexive,
)
from bot.quotes.lang.de.names import CLAUSE_ENDS, phrase_at
from bot.quotes.lang.de.post_cue import passive_agent, post_cue
from bot.quotes.lang.de.preceding import name_before_description, phrase_ending, second_of_two
from bot.quotes.lang.de.sources import source_word
from bot.quotes.lang.de.speech import is_title, not_speech_reason, spoken_to
from bot.quotes.lang.de.statements import statement_owner
from bot.quotes.lang.de.subjects import (
    clause_subject,
    past_adverbs,
    rare,
    speaker_after,
    subordinate_subject,
)
from bot.quotes.lang.de.word_order import object_first_verb, verb_after_adverbial
from bot.quotes.mentions import Mention
from bot.quotes.tokens import Token

__all__ = ["SIEVES", "find_mentions", "not_speech_reason", "read_sentence", "reported_speech"]


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


def pre_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Merkel sagte: „…“ / Am Montag erklärte Merkel, man müsse „…“ — the last reporting verb
    before the quote in its sentence, its speaker before it or (verb second) after it."""
    tokens = site.ctx.tokens
    for v in range(site.qi - 1, -1, -1):
        if tokens[v].is_quote:
            if spoken_to(tokens, v):
                continue  # "sagte gegenüber der „Welt“: „…“": the outlet, then the verb
            # Another quote stands between: its own verb is its own, and ours too when
            # nothing but its clause lies between ("nannte Shultz einen „…“, dank dem „…“").
            return _same_verb_as(site, att, v)
        if not is_cue(tokens, v):
            continue
        if v == site.qi - 1 and v > 0 and tokens[v - 1].text == ",":
            # "Wie Paech feststellt, verlangt „der Tatbestand …“": the quote is the verb's
            # subject; who said it is the clause before.
            continue
        subordinate = subordinate_subject(tokens, v, att)
        if subordinate is not None:
            # "Während Shakira erklärte, …", "zumal Verteidiger X immer wieder betont hatte,
            # …": the verb closes a clause of its own, whose subject follows its first word.
            said = named(site, att, subordinate, tokens[v].text, 0.85, slot=True)
            main = book(att).named_in(tokens[v + 1 : site.qi])
            if any(e is not said.entity and not e.org for e in main):
                # "Wie der Sender CBS berichtet, gab Sprecher Robert Gibbs …: „…“": the
                # main clause names who spoke; the clause before named where it was heard.
                return _main_subject(site, att, v) or Attribution(None, 0.0, tokens[v].text)
            return said
        if _passive(tokens, v):
            # "Lenz wurde von Vogt kritisiert: „…“": the subject is the one spoken of; the
            # agent after "von" spoke, and nobody is named without one.
            agent = passive_agent(tokens, v, v)
            return named(site, att, agent, tokens[v].text, 0.85, slot=False)
        owner = statement_owner(tokens, 0, att)
        if owner is not None:
            # "Das Fazit von X lautet: „…“": the subject is X's words, so X spoke.
            return Attribution(owner, 0.85, tokens[v].text, evidence_sentence=site.ctx.index)
        before = phrase_ending(tokens, v)
        if before is not None and second_of_two(tokens, before.start):
            return Attribution(None, 0.0, tokens[v].text)  # "X und Y erklärten": two spoke
        pronoun = v > 0 and tokens[v - 1].lower in LANGUAGE.words("pronouns")
        # A name with a description in apposition ("Paul Lenz, der Generalsekretär …
        # sagte") stands where only a person stands, first name known or not.
        apposed = name_before_description(tokens, v)
        # A rare opening word is a surname unless a phrase with an article follows the verb,
        # the subject ("Unmissverständlich sagt das Gericht …": the opener an adverb).
        slot = before is not None and (
            before == apposed or (rare(before) and not _article_after(tokens, v))
        )
        said = named(site, att, before, tokens[v].text, 0.85, slot=slot)
        # "Am Rande einer Sitzung teilte Vogt mit: „…“": the phrase before the verb ends a
        # prepositional phrase that opens the clause; the subject follows the verb.
        # "Den Vorschlag kritisierte Lenz: „…“": the object first, then the verb and subject.
        fronted = said.entity is None and v in (
            verb_after_adverbial(tokens),
            object_first_verb(tokens, v + 1),
        )
        if (
            said.entity is not None
            or pronoun
            or (before is not None and before.determiner and not fronted)
        ):
            # The subject stands before the verb; what follows is its object ("Scherf
            # warnte die CDU vor …"), never the speaker. ("Am Dienstag" is no subject.)
            return said
        if v > 0 and tokens[v - 1].lower in COORDINATORS:
            # "Netanyahu befand … und nannte Trumps Angriffsauftrag „…“": the verb shares
            # the clause's subject; what follows it is its object.
            subject = clause_subject(tokens, v, att)
            if subject is None:
                return said
            return Attribution(subject, 0.8, tokens[v].text, evidence_sentence=site.ctx.index)
        # Verb second after an adverbial: "Am Montag sagte Merkel: „…“" ("äußerte sich X").
        after = speaker_after(tokens, past_reflexive(tokens, v), att)
        found = named(site, att, after, tokens[v].text, 0.85, slot=True)
        opening = phrase_at(tokens, 0, sentence_start=True)
        if found.entity is None and (opening is None or opening.end != v):
            # A verb at the clause's end ("Stoiber hatte … betont: „…“"): the main clause's
            # subject, first or after its finite verb. (A verb right after the opening
            # phrase is second: that phrase was weighed as its subject above.)
            subject = clause_subject(tokens, v, att)
            if subject is not None:
                return Attribution(subject, 0.8, tokens[v].text, evidence_sentence=site.ctx.index)
        return found
    return None


def _passive(tokens: tuple[Token, ...], participle: int) -> bool:
    """Whether the reporting verb at ``participle`` is a participle its clause makes passive
    with a form of "werden" before it ("wurde … kritisiert"; not "wird sagen")."""
    low = tokens[participle].lower
    if not (low.endswith("t") or low.startswith("ge")):
        return False
    for tok in reversed(tokens[:participle]):
        if tok.text in CLAUSE_ENDS or tok.is_quote:
            return False
        if tok.lower in LANGUAGE.words("passive_auxiliaries"):
            return True
    return False


def _article_after(tokens: tuple[Token, ...], verb: int) -> bool:
    """Whether a phrase with an article stands right after the verb, past an adverb or two."""
    after = phrase_at(tokens, past_adverbs(tokens, past_reflexive(tokens, verb)))
    return after is not None and after.determiner


def _main_subject(site: QuoteSite, att: Attributor, verb: int) -> Attribution | None:
    """ "Wie der Sender CBS berichtet, gab Sprecher Robert Gibbs eine Stellungnahme ab: „…“":
    a quote after a colon is the main clause's; its subject, a person, stands right after the
    finite verb that follows the source clause's comma."""
    tokens, qi = site.ctx.tokens, site.qi
    finite = verb + 2
    if tokens[qi - 1].text != ":" or finite >= qi or tokens[verb + 1].text != ",":
        return None
    if not tokens[finite].is_word or tokens[finite].is_capitalised:
        return None
    phrase = speaker_after(tokens, past_reflexive(tokens, finite), att)
    entity = book(att).entity(phrase) if phrase is not None else None
    if entity is None or entity.org:
        return None
    return Attribution(entity, 0.7, tokens[verb].text, evidence_sentence=site.ctx.index)


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
    if not spoken or spoken[-1].cue is None:
        return None
    earlier = spoken[-1]
    if earlier.entity is None:
        # "37 Prozent sagten, sie funktioniere „weniger gut“ oder „schlecht“": the same
        # verb reports both, its speaker named for neither (the two joined by "oder", "und"
        # or a comma only: "sagte der „Berliner Zeitung“, dass …" names its outlet first).
        joined = all(t.text == "," or t.lower in COORDINATORS for t in between)
        return Attribution(None, 0.0, earlier.cue) if joined else None
    return Attribution(earlier.entity, 0.8, earlier.cue, evidence_sentence=site.ctx.index)


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
    """A sentence's reporting verb and its subject, or its source ("Doch sei es, so Musa
    Okwanga, ein Haufen mächtiger Leute gewesen"), read as for a quote at its end."""
    end = QuoteSite(ctx, len(ctx.tokens))
    return pre_cue(end, att) or source_word(end, att)


SIEVES: tuple[Sieve, ...] = (
    Sieve("de_post_cue", "„Q“, sagte X / „Q“, so X / „Q“, fügte X hinzu", post_cue),
    Sieve("de_pre_cue", "X sagte: „Q“ / Am Montag sagte X, „Q“", pre_cue, before=True),
    Sieve("de_source", "laut X … „Q“ / X zufolge … „Q“", source_word, before=True),
    Sieve(
        "de_cited",
        "zitierte X mit den Worten: „Q“ (the one quoted)",
        cited,
        before=True,
        kin="quoted_as",
    ),
    Sieve("de_name_colon", "X: „Q“ / X („Q“)", name_colon, before=True),
    Sieve("de_colon", "X wörtlich: „Q“ (the clause's subject)", colon, guess="after_any_verb"),
    Sieve("continuation", "a quote running on into the next paragraph", continuation),
    Sieve("previous_quote", "„…“, sagte er. „Q.“", previous_quote, standalone=True),
    Sieve(
        "de_next_sentence",
        "„Q.“ Das sagte X. (the next sentence points back)",
        next_sentence,
        standalone=True,
        kin="next_sentence",
    ),
    Sieve("de_reported", "X sagte, … sei real. „Q.“ (indirect speech goes on)", reported),
    Sieve(
        "de_previous_subject",
        "X verurteilte die Haltung der Regierung. „Q.“ (the one the sentence is about)",
        previous_subject,
        standalone=True,
        kin="previous_subject",
    ),
    Sieve("de_konjunktiv", "Damit seien „Q“ (speech, nobody named)", konjunktiv, speech_only=True),
)
