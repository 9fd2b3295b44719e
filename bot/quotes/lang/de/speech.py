"""Is a German quote speech? German marks names, titles and terms with „…“ as often as speech,
and capitalises every noun, so the English tests (title case, a lower-case start) say little.

A quote nobody is named for is not speech when it reads as a title ("Gesetz zur Bekämpfung
des Terrors": capitalised words and the minor words titles keep in lower case), when no verb
reports it and it is no sentence (no closing punctuation, under ten words), when a naming verb
("genannt", "bezeichnet") gives it as a name, or when it is a fragment of a few words.
"""

from __future__ import annotations

import re
from functools import cache

from bot.models import Quote
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.bodies import is_acronym, is_medium
from bot.quotes.lang.de.grammar import AFFILIATION, reports
from bot.quotes.lang.de.vocabulary import common_word, first_names
from bot.quotes.tokens import WORD, Token

MIN_SPEECH_WORDS = 10  # an unreported phrase this long is speech, not a term
MIN_FRAGMENT_WORDS = 4  # a fragment shorter than this, with nobody named, is a term
SENTENCE_END = (".", "!", "?", "…")
MAX_SOURCE_WORDS = 3  # a medium's name in marks ("Frankfurter Allgemeine Zeitung")
SOURCE_VERB_REACH = 3  # words from the marks to a "wie" clause's reporting verb
ADDRESS = re.compile(r"[\w-]+(\.[\w-]+)+")  # "tagesschau.de", "spiegel.de"
# "„Rat für nationale Sicherheit“ (Council for National Security) (CNS)": the name's initials
# in brackets right after the marks, a gloss in brackets before them at most.
INITIALS_AFTER = re.compile(r"\s*(?:\([^()]{1,80}\)\s*)?\(([^()\s]{2,12})\)")


def is_title(text: str, lists: bool = False) -> bool:
    """Capitalised words and the lower-case words titles keep: a name, not a sentence
    (``lists``: a name may list its parts with commas, "Öffentliche Dienste, Transport und
    Verkehr")."""
    words = WORD.findall(text)
    if not words or not words[0][:1].isupper() or re.search(r";" if lists else r"[,;]", text):
        return False
    minor = _title_minor()
    return all(w[:1].isupper() or w.lower() in minor for w in words)


@cache
def _title_minor() -> frozenset[str]:
    """The words a title keeps in lower case: its own list and the prepositions ("Reporter
    ohne Grenzen"), read from their list so each is written once (joined once, not per quote)."""
    return LANGUAGE.words("title_minor_words") | LANGUAGE.words("prepositions")


def named_by_form(text: str, words: list[str], after: str) -> bool:
    """A name by its own form, whoever speaks around it: a first name alone ("Zyklon
    „Larry“"), a company with its legal form ("„con energy ag“"), or a name its initials
    follow in brackets ("„Rat für nationale Sicherheit“ (CNS)") — never a sentence."""
    if not words or len(words) >= MIN_SPEECH_WORDS:
        return False
    last = text.split()[-1].rstrip(".").lower()
    if len(words) >= 2 and last in LANGUAGE.words("legal_forms"):
        return True  # its stop is the legal form's own: "„Ener1 Group Inc.“"
    if text.rstrip().endswith(SENTENCE_END):
        return False
    if len(words) == 1 and words[0][:1].isupper() and words[0].lower() in first_names():
        return not common_word(words[0])  # "„Ernst“" may be a verdict; "„Larry“" is a name
    initials = INITIALS_AFTER.match(after)
    return initials is not None and is_acronym(initials.group(1))


def names_a_source(text: str, words: list[str], before: str, after: str) -> bool:
    """A name of a few words in marks standing where a source stands: "Laut „Reuters“",
    "dem „Figaro“ zufolge", "meldete die Nachrichtenagentur „Xinhua“", "die Online-Ausgabe
    des „Spiegel“", "Wie die „Aktion Deutschland hilft“ mitteilte", "Moritz Wohlrab von der
    „Aktion Deutschland hilft“ sagte" — the outlet or body that reports, or that the speaker is
    from, not words it quotes."""
    if not words or len(words) > MAX_SOURCE_WORDS:
        return False
    if not words[0][:1].isupper() and not ADDRESS.fullmatch(text.strip()):
        return False  # a name, or a site's address ("laut „tagesschau.de“")
    preceding = WORD.findall(before)[-2:]
    following = WORD.findall(after)[:SOURCE_VERB_REACH]
    if following and following[0].lower() == "zufolge":
        return True
    if not preceding:
        return False
    wie = [w.lower() for w in preceding] in (["wie", d] for d in LANGUAGE.words("determiners"))
    if wie and any(reports(w) for w in following):
        return True  # "Wie die „Aktion Deutschland hilft“ heute mitteilte": the one reporting
    if preceding[-1].lower() == "laut":
        return True
    if _addressed(before) or _interviewed(before):
        return True  # "sagte Vogt dem „Spiegel“", "im Interview mit der „Zeit“": spoken to
    low = [w.lower() for w in preceding]
    affiliated = low[-1] in AFFILIATION or (
        low[0] in AFFILIATION and low[-1] in LANGUAGE.words("determiners")
    )
    if affiliated and following and reports(following[0]):
        return True  # "Moritz Wohlrab von der „Aktion Deutschland hilft“ sagte": his body
    if len(preceding) == 2 and preceding[-1].lower() in LANGUAGE.words("determiners"):
        preceding = preceding[:1]  # "die Online-Ausgabe des „Spiegel“"
    return is_medium(preceding[-1])  # "Angaben des Internetdienstes „E!Online“"


ADDRESSEE_REACH = 4  # words from a reporting verb to the marks of the outlet it addresses


def spoken_to(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether the marks at ``k`` name the outlet a reporting verb before them addresses
    ("Lenz sagte gegenüber der „Welt“: „…“", "im Interview mit der „Zeit“: „…“"): no one's
    words, so the verb before them reports the quote after them."""
    before = " ".join(t.text for t in tokens[:k])
    return _addressed(before) or _interviewed(before)


def _addressed(before: str) -> bool:
    """The marks stand as a reporting verb's addressee: right after a dative article or
    "gegenüber", in the clause of a reporting verb a few words before ("sagte Vogt dem
    „Spiegel“", "sagte der „Süddeutschen Zeitung“")."""
    clause = WORD.findall(re.split(r"[,;:]", before)[-1])[-ADDRESSEE_REACH - 1 :]
    if not clause or clause[-1].lower() not in LANGUAGE.words("addressee_articles"):
        return False
    return any(reports(w) for w in clause[:-1])


def _interviewed(before: str) -> bool:
    """ "in einem Interview mit der „Zeit“": a conversation's noun, "mit", an article."""
    preceding = [w.lower() for w in WORD.findall(before)[-3:]]
    return (
        len(preceding) == 3
        and preceding[0] in LANGUAGE.words("interview_nouns")
        and preceding[1] == "mit"
        and preceding[2] in LANGUAGE.words("determiners")
    )


def names_a_thing(text: str, words: list[str], before: str) -> bool:
    """A name in marks standing where a noun phrase names something: right after the noun it
    names ("die Partei „Neue Rechte“", "der Operation „Muschtarak“", "des Clans
    („Strangio-Nirta“)"), after "so genannt" ("der so genannten „EVAC-Ambulanz“"), or a name of
    several words after a preposition ("vom „Queer Beograd Kollektiv“") — a party, an
    operation, a journal, not words anyone said, whoever speaks in the sentence. After a noun
    for a work or a topic ("sein Buch „…“", "Themen wie „…“"), it is a title whatever its
    words."""
    tail = before.rstrip(" (")
    if not tail or not tail[-1].isalnum():
        return False  # "sagte er: „Neue Wege“": the marks open a clause of their own
    preceding = WORD.findall(tail)[-3:]
    if not preceding:
        return False  # "2008 „…“": a number, no word before the marks
    work = preceding[-2] if preceding[-1:] == ["wie"] and len(preceding) >= 2 else preceding[-1]
    if work.lower() in LANGUAGE.words("work_nouns"):
        return True  # "sein Buch „Cobra II – die wirkliche Geschichte …“"
    if not is_title(text, lists=True) or len(words) >= MIN_SPEECH_WORDS:
        return False
    last = preceding[-1]
    if last.lower() in LANGUAGE.words("naming_words"):
        return True
    if last[:1].isupper() and len(preceding) >= 2:
        return True  # the noun it names (a capital inside the sentence: a noun or a name)
    if len(words) < 2 or not is_title(text):
        # "nannte es einen „Wortbruch“": one word after an article is a verdict; "Gefahr für
        # „Leib, Leben und Freiheit“": a list after a preposition is someone's words.
        return False
    at = len(preceding) - 1
    if last.lower() in LANGUAGE.words("determiners") and at >= 1:
        at -= 1
        if preceding[at][:1].isupper() and at >= 1:
            return True  # "mit meinen Freunden der „Sportfreunde Stiller“": a name in genitive
    if preceding[at].lower() not in LANGUAGE.words("prepositions"):
        return False
    # "sprach von einer „Gefahr für Leib und Leben“", "riet allgemein zu „…“": the reporting
    # verb's own preposition, its words.
    return not any(reports(w) for w in preceding[:at])


@cache
def _describing() -> dict[str, bool]:
    """Each describing verb form, and whether it is active (read once)."""
    return {
        line.split()[0].lower(): line.split()[1:] == ["active"]
        for line in LANGUAGE.entries("describing_cues")
    }


def not_speech_reason(quote: Quote, before: str, after: str) -> str | None:
    """Why a German quote is not speech ("title", "term", "source"), or None when it is
    speech. ``before`` and ``after``: the paragraph's text either side of the marks."""
    words = WORD.findall(quote.text)
    sentence = quote.text.rstrip().endswith(SENTENCE_END)
    if not sentence and names_a_source(quote.text, words, before, after):
        return "source"  # even with a speaker: "sagte Durand der Nachrichtenagentur „AP“"
    if names_a_thing(quote.text, words, before):
        return "title"  # even with a speaker: "sagte Moser vom „Queer Beograd Kollektiv“"
    if named_by_form(quote.text, words, after):
        return "title"  # even in reported speech: "…, dass sich „Larry“ abgeschwächt habe"
    if quote.speaker is not None:
        return None
    if len(words) >= 2 and any(w.lower() in LANGUAGE.words("first_person") for w in words):
        return None  # someone speaking: "„Wir erwarten euch“", whoever wrote it on a wall
    short = len(words) < MIN_SPEECH_WORDS
    # A long run of capitalised words with no verb and no closing stop is a name too: "Große
    # Goldene Ehrenzeichen mit dem Stern für Verdienste um die Republik Österreich".
    titled = is_title(quote.text) and (short or not sentence)
    if titled and (quote.cue is None or len(words) >= 2):
        return "title"  # "Berliner Zeitung", even in a sentence that reports speech
    if quote.cue is None:
        sentence = sentence or "," in quote.text
        # Inside a sentence, a phrase of a few words (not a title) is someone's words: "er
        # wolle „ein Konzept mit sechs bis acht Stadien vorlegen“".
        fragment = quote.kind == "partial" and len(words) >= MIN_FRAGMENT_WORDS
        if not sentence and short and not fragment:
            return "term"  # no verb reports it and it is no sentence
    elif quote.cue.lower() in LANGUAGE.words("naming_cues") and len(words) < MIN_FRAGMENT_WORDS:
        # „Apogäum“ genannt: a term; als „strategisch“ bezeichnet: a verdict, someone's words.
        active = _describing().get(quote.cue.lower())
        verdict = active is not None and (active or quote.text[:1].islower())
        return None if verdict else "term"
    return None
