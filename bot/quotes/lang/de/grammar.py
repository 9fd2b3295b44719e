"""German grammar the sieves share: the article's name book, which words report speech
(separable verbs with their particle at the clause's end: „…“, fügte Merkel hinzu), and who a
speaker phrase names."""

from __future__ import annotations

from functools import cache

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.namebook import NameBook
from bot.quotes.lang.de.names import CLAUSE_ENDS, Phrase, name_with_party
from bot.quotes.lang.de.vocabulary import frequency, function_words
from bot.quotes.tokens import Token

PARTICLE_REACH = 12  # tokens between a separable verb and its particle ("teilte … mit")
COORDINATORS = frozenset({"und", "oder", "sowie", "aber"})  # „…“, wird Panetta zitiert
# "Moritz Wohlrab von der „Aktion …“ sagte", "Günter Metzges vom Netzwerk Campact sagte": the
# body the speaker is from, never the speaker.
AFFILIATION = frozenset({"von", "vom"})
# A Konjunktiv I form is the stem with "e" ("drohe", "fehle"); the stem's indicative ("droht")
# and infinitive ("drohen") must both be common German words, which no adjective's are
# ("große": "großt"), nor a past tense's ("sagte": "sagtt").
INDICATIVE_ZIPF = 3.5
INFINITIVE_ZIPF = 3.0


def book(att: Attributor) -> NameBook:
    """The article's German names (made on first use)."""
    found = att.language_state.get("names")
    if not isinstance(found, NameBook):
        found = att.language_state["names"] = NameBook()
    return found


@cache
def _separable_cues() -> dict[str, frozenset[str]]:
    """Each separable verb form and the particles that close its clause (read once)."""
    found: dict[str, set[str]] = {}
    for line in LANGUAGE.entries("separable_cues"):
        forms, particles = line.split(":")
        for form in forms.split():
            found.setdefault(form, set()).update(particles.split())
    return {form: frozenset(p) for form, p in found.items()}


def _separable(tokens: tuple[Token, ...], k: int) -> bool:
    """A separable reporting verb whose particle closes its clause ("fügte … hinzu")."""
    particles = _separable_cues().get(tokens[k].lower)
    if particles is None:
        return False
    j, end = k + 1, min(len(tokens), k + 1 + PARTICLE_REACH)
    while j < end:
        tok = tokens[j]
        if tok.text == "," and (past := _past_apposed_name(tokens, j)) is not None:
            # "nahm der Kämmerer der Stadt, Paul Lenz (SPD), zu der Frage
            # Stellung": a name in apposition is no clause's end.
            j, end = past, min(len(tokens), past + PARTICLE_REACH)
            continue
        if tok.text in CLAUSE_ENDS:  # (a quote may stand inside: "wies dies als „…“ zurück")
            return False
        if tok.lower in particles:
            return True
        j += 1
    return False


def _past_apposed_name(tokens: tuple[Token, ...], comma: int) -> int | None:
    """Where the sentence goes on after a name set off by commas at ``comma`` (", Paul
    Lenz (SPD),"), a party in parentheses included; None when no name stands there."""
    found = name_with_party(tokens, comma + 1)
    if found is None or found[0].determiner:
        return None
    end = found[1]
    return end + 1 if end < len(tokens) and tokens[end].text == "," else None


@cache
def _joined_cues() -> frozenset[str]:
    """A separable verb with its particle before it, as it stands at the end of a clause
    of its own ("Wie die Polizei mitteilte, …", "…, wie er hinzufügte")."""
    return frozenset(
        particle + form
        for form, particles in _separable_cues().items()
        for particle in particles
        if particle != REFLEXIVE  # "zeigte sich": a reflexive pronoun, never joined
    )


REFLEXIVE = "sich"


def past_reflexive(tokens: tuple[Token, ...], k: int) -> int:
    """Where the words after the verb at ``k`` go on, past a reflexive pronoun ("äußerte sich
    Merkel", "erinnerte sich Ärztin Eva Roth", "wie sich Tauss ausdrückte")."""
    after = k + 1
    return after + 1 if after < len(tokens) and tokens[after].lower == REFLEXIVE else after


def reports(word: str) -> bool:
    """Whether a word, by itself, is a form of a reporting verb ("sagte", "mitteilte")."""
    low = word.lower()
    return low in LANGUAGE.words("cue_verbs") or low in _joined_cues()


def is_cue(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether the word at ``k`` says someone spoke."""
    return reports(tokens[k].lower) or _separable(tokens, k) or holds_view(tokens, k)


VIEW_ADJECTIVES = 2  # "der gegenteiligen Auffassung": words between the article and the noun
VIEW_ADVERBS = 2  # "ist jedoch weiterhin der Meinung": words between the verb and the article


def _adverb(token: Token) -> bool:
    """A lower-case word that is no article, pronoun or preposition ("jedoch", "auch")."""
    return token.is_word and not token.is_capitalised and token.lower not in function_words()


def holds_view(tokens: tuple[Token, ...], k: int) -> bool:
    """ "ist der Meinung, dass …", "sind der gegenteiligen Auffassung": a form of "sein" at
    ``k`` that, with an article and a noun for a view, reports its subject's view as a
    reporting verb does."""
    if tokens[k].lower not in LANGUAGE.words("view_holders"):
        return False
    article = k + 1
    while article < min(len(tokens), k + 1 + VIEW_ADVERBS) and _adverb(tokens[article]):
        article += 1  # "sind jedoch der Auffassung"
    if article + 1 >= len(tokens) or tokens[article].lower != "der":
        return False
    for tok in tokens[article + 1 : article + 2 + VIEW_ADJECTIVES]:
        if tok.lower in LANGUAGE.words("held_views"):
            return True
        if not tok.is_word or tok.is_capitalised:
            return False  # "ist der Meinungsführer", "war der Chef der …": no view held
    return False


def named(
    site: QuoteSite, att: Attributor, phrase: Phrase | None, cue: str, score: float, slot: bool
) -> Attribution:
    """Who a speaker phrase names (speech with nobody named for a description or pronoun,
    or for two people: "die Mitglieder Jan Kühn und Tom Berger")."""
    tokens = site.ctx.tokens
    if (
        phrase is not None
        and phrase.end + 1 < len(tokens)
        and tokens[phrase.end].lower in COORDINATORS
        and tokens[phrase.end + 1].is_capitalised
    ):
        return Attribution(None, 0.0, cue)
    entity = book(att).entity(phrase, slot=slot) if phrase is not None else None
    if entity is None and phrase is not None and not phrase.words:
        entity = book(att).post_holder(phrase)  # "sagte der Minister": the one named so
    if entity is None:
        return Attribution(None, 0.0, cue)
    return Attribution(entity, score, cue, evidence_sentence=site.ctx.index)


def is_konjunktiv(word: Token) -> bool:
    """Whether a word of the narration is a Konjunktiv I verb, the mood of indirect speech:
    one of the listed forms ("sei", "habe"), or a third person singular read off its
    stem ("Es drohe …", "Der Stadt fehle …")."""
    low = word.lower
    if not word.is_word:
        return False
    if low in LANGUAGE.words("konjunktiv"):
        return True
    if word.is_capitalised or len(low) < 4 or not low.endswith("e") or low in function_words():
        return False
    stem = low[:-1]
    return frequency(stem + "t") >= INDICATIVE_ZIPF and frequency(stem + "en") >= INFINITIVE_ZIPF
