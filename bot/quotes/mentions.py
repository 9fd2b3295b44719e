"""Finding who a sentence mentions: names (with titles and roles), pronouns, role phrases."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from bot.quotes import lexicon as lx
from bot.quotes.names import is_common_word, names_organisation
from bot.quotes.tokens import Token, strip_possessive

MentionKind = Literal["name", "pronoun", "role", "org_role"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention in a sentence: tokens ``first..last`` (inclusive indexes)."""

    kind: MentionKind
    first: int
    last: int
    name: tuple[str, ...] = ()  # name words, titles and roles stripped
    title: str | None = None
    role: str | None = None
    head: str | None = None  # pronoun or role-noun head, lower case
    org: bool = False
    possessive: bool = False  # "Vauxhall’s U.K. managing director": a modifier, never a subject
    surname_only: bool = False  # a word like "Green" or "House": only a known person's surname


def _is_name_word(tok: Token) -> bool:
    # A word with an unreadable character is nobody's name: it would be a wrong one.
    return tok.is_word and tok.is_capitalised and "\ufffd" not in tok.text


def _bare(tok: Token) -> str:
    return strip_possessive(tok.text).rstrip(".")


def nounish(tok: Token) -> bool:
    """A lower-case word that can head a role phrase before a name ("fisherman")."""
    low = tok.lower
    return (
        tok.is_word
        and not tok.is_capitalised
        and (
            low in lx.ROLE_HEADS
            or (
                low not in lx.CUE_VERBS
                and low not in lx.DETERMINERS | lx.PREPOSITIONS | lx.SKIPPABLE | lx.SUBORDINATORS
                and low not in lx.PRONOUNS
                and low not in lx.NOT_NAMES
                and low not in ("and", "or", "but", "that", "who", "which", "whose", "whom", "said")
                and not low.endswith(("ed", "ly"))
            )
        )
    )


def _role_before(tokens: tuple[Token, ...], first: int, floor: int) -> tuple[str | None, int]:
    """A role phrase just before a name ("safeguarding minister", "Public Health minister"):
    (role, its first index), never reaching back into an earlier mention at ``floor``
    ("Montclair State University political scientist Brigid Harrison")."""
    i = first - 1
    if i < 0 or not nounish(tokens[i]) or tokens[i].lower not in lx.ROLE_HEADS:
        return None, first  # "Sabine hopes Ottawa …": only a known role noun makes a role
    j = i
    while (
        j - 1 >= 0
        and first - j < 4
        and tokens[j - 1].is_word
        and j - 1 >= floor
        and tokens[j - 1].lower not in lx.DETERMINERS | lx.PREPOSITIONS | lx.SKIPPABLE
        and tokens[j - 1].lower not in lx.CUE_VERBS
        and tokens[j - 1].lower not in lx.PRONOUNS
        and tokens[j - 1].lower not in ("and", "but", "or", "that", "who", "which")
    ):
        j -= 1
    j = _organisation_start(tokens, j, floor)
    return " ".join(t.text for t in tokens[j : i + 1]), j


ORGANISATION_REACH = 8  # "University of the Fraser Valley": the words of a long name before it


def _organisation_start(tokens: tuple[Token, ...], j: int, floor: int) -> int:
    """Where the organisation a role phrase starting at ``j`` is of begins, when the phrase
    starts inside that organisation's capitalised name ("Cloverdale Minor Hockey Association
    president Marty Jones", "University of the Fraser Valley political scientist Hamish
    Telford"): the role's reach above stops mid-name, which left a capitalised word or an "of
    the" before the speaker's mention and no verb-adjacent subject for the sieves to read."""
    if not tokens[j].is_capitalised:
        return j
    start = j
    after_and: int | None = None  # where the name starts if its "and" joins two subjects
    k = j - 1
    while k >= floor and j - k <= ORGANISATION_REACH:
        tok = tokens[k]
        if _is_name_word(tok) and tok.lower not in lx.NOT_NAMES:
            start = k
        elif tok.lower == "and":
            after_and = start if after_and is None else after_and
        elif tok.lower in lx.ORG_CONNECTORS:
            after_and = None  # "Department of Health and Human Services": one name
        elif tok.lower != "the":
            break
        k -= 1
    # "Dana Whitfield and Cloverdale … president Marty Jones said": two speakers, not one
    # organisation; an "and" belongs to a name only after its "of" or "for".
    return start if after_and is None else after_and


def _split_name(words: list[Token]) -> tuple[str | None, str | None, list[Token]]:
    """(title, capitalised role, name words) of a capitalised run."""
    title: str | None = None
    role: str | None = None
    # Capitalised role words: "Prime Minister Keir Starmer", "Chairman Ian Kerrigan".
    heads = [k for k, w in enumerate(words) if _bare(w).lower() in lx.ROLE_HEADS]
    last = len(words) - 1
    ending = _bare(words[last]).lower()
    if last > 0 and ending in lx.ORG_WORDS and ending not in lx.ORG_WORDS_SURNAMES:
        heads = []  # "Republican National Committee": an organisation's own name, whole
    if (
        last > 0
        and heads
        and heads[-1] == last
        and _bare(words[last]).lower() not in lx.POST_NOMINALS
    ):
        heads = heads[:-1]  # "Charlie Cook", "Duncan Hunter": a surname, not a role after a name
    if last > 0 and heads == [0] and _bare(words[0]).lower() in lx.FIRST_NAMES:
        heads = []  # "Dean Baker": a first name that is also a role word
    if heads and heads[-1] < len(words) - 1:
        k = heads[-1]
        role = " ".join(_bare(w) for w in words[: k + 1])
        words = words[k + 1 :]
    elif heads and len(words) == 1:
        return None, _bare(words[0]), []
    elif heads and heads[-1] == len(words) - 1 and len(words) > 1:
        role = _bare(words[-1])  # "Rupert Lowe MP"
        words = words[:-1]
    while words and _bare(words[0]).lower() in lx.TITLES:
        title = _bare(words[0]).lower()
        words = words[1:]
    firsts = lx.FIRST_NAMES
    starts = [k for k, w in enumerate(words) if k > 0 and _bare(w).lower() in firsts]
    if starts and _bare(words[0]).lower() not in firsts and len(words) - starts[0] >= 2:
        k = starts[0]  # "Islander Fiona MacRae": a capitalised role word before the name
        extra = " ".join(_bare(w) for w in words[:k])
        role = f"{role} {extra}" if role else extra
        words = words[k:]
    return title, role, words


def find_mentions(tokens: tuple[Token, ...]) -> list[Mention]:
    """Mentions in a sentence's tokens, left to right, non-overlapping."""
    mentions: list[Mention] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        low = tok.lower
        if not tok.is_word:
            i += 1
            continue
        if low in lx.PRONOUNS and tok.text.lower() == tok.text.lower():
            if low in ("his", "her", "their", "its"):
                if i + 1 < n and tokens[i + 1].lower in lx.STATEMENT_NOUNS:
                    mentions.append(Mention("pronoun", i, i + 1, head=low))
                    i += 2
                    continue
            elif tok.text.lower() in ("he", "she", "they", "it"):
                mentions.append(Mention("pronoun", i, i, head=low))
            i += 1
            continue
        if low in lx.DETERMINERS and low != "that":
            found = _role_phrase(tokens, i)
            if found is not None:
                mentions.append(_person_modifier(tokens, found) or found)
                i = found.last + 1
                continue
        if _is_name_word(tok) and (low not in lx.NOT_NAMES or low in lx.TITLES):
            if _dateline(tokens, i):
                while i < n and tokens[i].is_word:
                    i += 1  # "OTTAWA — …", "LAKE BUENA VISTA, Fla. –": where, not who
                continue
            if _glued_opener(tokens, i):
                i += 1  # "Finally Demi", "Assuming MPs": a capitalised opener, not a name
                continue
            j = i
            words: list[Token] = []
            while j < n:
                t = tokens[j]
                if (
                    _is_name_word(t)
                    and (
                        t.lower not in lx.NOT_NAMES
                        or t.lower in lx.TITLES
                        or _calendar_surname(tokens, j, words)
                        or _middle_initial(tokens, j, words)
                    )
                ) or (
                    t.lower in lx.NAME_CONNECTORS | lx.ORG_CONNECTORS
                    and words
                    and j + 1 < n
                    and _is_name_word(tokens[_after_particles(tokens, j)])
                    and (t.lower in lx.NAME_CONNECTORS or _org_like(words))
                    and not (t.lower == "and" and tokens[j + 1].lower in lx.FIRST_NAMES)
                ):
                    words.append(t)
                else:
                    break
                if t.is_possessive:
                    j += 1
                    break  # a possessive ends the name: "Musk’s views"
                j += 1
            last = j - 1
            after = tokens[j] if j < n else None
            if (
                after is not None
                and nounish(after)
                and after.lower in lx.ROLE_HEADS
                and j + 1 < n
                and _is_name_word(tokens[j + 1])
                and tokens[j + 1].lower not in lx.NOT_NAMES
            ):
                i = j  # "Local fisherman Dougie Marsh": the run modifies a role noun
                continue
            owner = words[-1].is_possessive  # "Elon Musk’s company"
            if (
                after is not None
                and after.is_word
                and after.lower in lx.ROLE_HEADS | lx.ORG_NOUNS
                and not owner
            ):
                # "Public Health minister …", "Acme spokesperson said": a modifier, not a name,
                # unless the head ends the phrase ("Acme spokesperson said" -> Acme).
                if after.lower in ("spokesperson", "spokesman", "spokeswoman"):
                    mentions.append(_name_mention(words, i, j, org=True))
                    i = j + 1
                    continue
                i = j
                continue
            mention = _name_mention(words, i, last)
            if _bare_surname(words, after):
                # "Green said", "says House.": the surname of someone already named, or nobody.
                mention = Mention("name", i, last, (_bare(words[0]),), surname_only=True)
            if mention.name or mention.role:
                # An organisation just named is its own mention, not the start of the role
                # (a possessor or an adjective may be: "Supporters' trust chair", "Chinese
                # foreign ministry spokeswoman").
                org_before = mentions and mentions[-1].org and not mentions[-1].possessive
                floor = mentions[-1].last + 1 if org_before else 0
                role, role_first = _role_before(tokens, i, floor)
                if role and mention.name:
                    mention = Mention(
                        "name",
                        role_first,
                        last,
                        mention.name,
                        mention.title,
                        role if not mention.role else f"{role} {mention.role}",
                        org=mention.org,
                    )
                if words[-1].is_possessive:
                    mention = replace(mention, possessive=True)
                mentions.append(mention)
            i = j
            continue
        i += 1
    return mentions


def _middle_initial(tokens: tuple[Token, ...], j: int, words: list[Token]) -> bool:
    """``James A. Baker``: a single capital letter inside a name, before its surname, is an
    initial, not the article "A"."""
    nxt = j + 1
    return (
        bool(words)
        and len(tokens[j].text) == 1
        and nxt < len(tokens)
        and _is_name_word(tokens[nxt])
        and tokens[nxt].lower not in lx.NOT_NAMES
    )


def _after_particles(tokens: tuple[Token, ...], j: int) -> int:
    """The position after a run of name particles from ``j`` ("van der Pluijm", "de la
    Cruz"); a single connector ("Johnson and Johnson") is a run of one."""
    k = j + 1
    while k < len(tokens) - 1 and tokens[j].lower in lx.NAME_CONNECTORS:
        if tokens[k].lower not in lx.NAME_CONNECTORS:
            break
        k += 1
    return min(k, len(tokens) - 1)


def _bare_surname(words: list[Token], after: Token | None) -> bool:
    """A lone organisation word ("Green", "House") right before a cue or punctuation."""
    if len(words) != 1 or words[0].lower not in lx.ORG_WORDS:
        return False
    return after is None or not after.is_word or after.lower in lx.CUE_VERBS


def _calendar_surname(tokens: tuple[Token, ...], j: int, words: list[Token]) -> bool:
    """ "Theresa May", "June Carter", "Ms. May": a month after a first name or a title is part
    of the name."""
    if not words or tokens[j].lower not in lx.CALENDAR:
        return False
    nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
    before = words[-1].lower
    named = before in lx.FIRST_NAMES or _bare(words[-1]).lower() in lx.TITLES
    return named and not nxt[:1].isdigit()


def _dateline(tokens: tuple[Token, ...], i: int) -> bool:
    """A dateline: capitals at the very start of a paragraph, then a dash or comma; or a
    place and a news agency in brackets, then a dash ("Washington (AFP) –")."""
    if i != 0:
        return False
    dashes = ("—", "–", "-")
    j = 0
    while j < len(tokens) and tokens[j].is_word and tokens[j].text.isupper():
        j += 1
    if j > 0 and j < len(tokens) and tokens[j].text in (*dashes, ","):
        return True
    j = 0
    while j < min(len(tokens), 3) and _is_name_word(tokens[j]):
        j += 1
    agency = tokens[j + 1 : j + 4] if j > 0 else ()
    return (
        len(agency) == 3
        and tokens[j].text == "("
        and agency[0].text.isupper()
        and agency[1].text == ")"
        and agency[2].text in dashes
    )


def _glued_opener(tokens: tuple[Token, ...], i: int) -> bool:
    """A common word capitalised only because it opens the sentence, before a name."""
    at_start = i == 0 or not tokens[i - 1].is_word
    tok = tokens[i]
    k = i + 1
    while k < len(tokens) and _is_name_word(tokens[k]):
        if _bare(tokens[k]).lower() in lx.ROLE_HEADS:
            return False  # "Foreign Affairs Minister Chrystia Freeland": a title, not an opener
        k += 1
    if at_start and (tok.lower in lx.INVERTIBLE_CUES or tok.lower in lx.PREPOSITIONS) and k > i + 1:
        return True  # "Said Vance:", "Of Kerr, Petrov said": a verb or preposition, then a name
    return (
        at_start
        and not tok.is_possessive
        and _person_follows(tokens, i + 1)
        and tok.lower not in lx.ROLE_HEADS | lx.ORG_WORDS
        and (is_common_word(tok.text) or tok.lower in lx.PLATFORMS)
    )


def _person_follows(tokens: tuple[Token, ...], k: int) -> bool:
    """A person's name starts at ``k``: a first name, or two capitalised words ("Al Mnajer").

    One capitalised word alone may complete a name that the opener belongs to ("Health Canada").
    """
    if k >= len(tokens) or not _is_name_word(tokens[k]):
        return False
    if tokens[k].lower in lx.FIRST_NAMES:
        return True
    return k + 1 < len(tokens) and _is_name_word(tokens[k + 1])


def _org_like(words: list[Token]) -> bool:
    return names_organisation(tuple(_bare(w) for w in words))


def name_words(words: list[Token]) -> tuple[str, ...]:
    """The words of a name as an editor reads them: possessives and closing stops off, and an
    initialism the tokens split ("U." "S" of "U.S.") one word again ("U.S. State Department",
    never "U S State Department")."""
    out: list[str] = []
    glued = False  # the word before ended in an initial's stop with no space after it
    for i, tok in enumerate(words):
        if glued and len(tok.text.rstrip(".")) == 1:
            out[-1] += _bare(tok) + "."
        else:
            out.append(tok.text if _initial(tok) else _bare(tok))
        following = words[i + 1] if i + 1 < len(words) else None
        glued = _initial(tok) and following is not None and following.start == tok.end
    return tuple(out)


def _initial(tok: Token) -> bool:
    """A single capital letter and its stop ("U." of "U.S.")."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _name_mention(words: list[Token], first: int, last: int, org: bool = False) -> Mention:
    title, role, parts = _split_name(words)
    name = name_words(parts)
    if name and all(w.lower() in lx.ORG_WORDS | lx.NOT_NAMES for w in name) and not title:
        return Mention("role", first, last, role=" ".join(name), head=name[-1].lower())
    if not name and title and not role and last == first:
        # "King says": a surname that is also a title ("Billie Jean King"), or nobody.
        return Mention("name", first, last, (_bare(words[0]),), surname_only=True)
    if not name and role and " " not in role and last == first:
        # "Cook said": the surname of someone the article named ("Charlie Cook"), or nobody;
        # never a post someone was given ("the cook").
        return Mention("name", first, last, (role,), surname_only=True)
    if not name and role:
        return Mention("role", first, last, role=role, head=role.split()[-1].lower())
    is_org = org or names_organisation(name)
    return Mention("name", first, last, name, title, role, org=is_org)


def _org_after(tokens: tuple[Token, ...], k: int, first: int, head: str) -> Mention | None:
    """``a spokesperson for [the] Acme Corp``: the organisation named after the role."""
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    org_tokens: list[Token] = []
    while k < len(tokens) and (
        _is_name_word(tokens[k])
        or (  # "the Department of Health", "Friends of the Earth"
            org_tokens
            and tokens[k].lower in lx.ORG_CONNECTORS
            and k + 1 < len(tokens)
            and _is_name_word(tokens[k + 1])
        )
    ):
        org_tokens.append(tokens[k])
        k += 1
    if not org_tokens:
        return None
    name = name_words(org_tokens)
    return Mention("name", first, k - 1, name, role=head, org=True)


def _person_modifier(tokens: tuple[Token, ...], phrase: Mention) -> Mention | None:
    """``the Bernie Sanders campaign``: a person's full name modifying the phrase's head. It
    is no subject (a possessor, in effect), but it names whom a later "Sanders" means."""
    words = list(tokens[phrase.first + 1 : phrase.last])
    if len(words) < 2 or _bare(words[0]).lower() not in lx.FIRST_NAMES:
        return None
    if not all(_is_name_word(w) and w.lower not in lx.NOT_NAMES for w in words):
        return None
    named = _name_mention(words, phrase.first + 1, phrase.last - 1)
    if named.kind != "name" or named.org or named.role or named.title:
        return None
    return replace(named, possessive=True)


def _role_phrase(tokens: tuple[Token, ...], i: int) -> Mention | None:
    """``the businessman``, ``The US technology billionaire``, ``a spokesperson for Acme``."""
    n = len(tokens)
    for j in range(i + 1, min(i + 6, n)):
        t = tokens[j]
        if not t.is_word or t.lower in lx.PREPOSITIONS or t.lower in lx.CUE_VERBS:
            return None
        if t.lower in lx.ROLE_HEADS or (t.lower in lx.ORG_NOUNS and t.text.islower()):
            head = t.lower
            if (
                head in ("spokesperson", "spokesman", "spokeswoman")
                and j + 2 < n
                and tokens[j + 1].lower in ("for", "at", "of")
            ):
                org = _org_after(tokens, j + 2, i, head)
                if org is not None:
                    return org
            if (
                j + 1 < n
                and _is_name_word(tokens[j + 1])
                and tokens[j + 1].lower not in lx.NOT_NAMES
            ):
                return None  # "the safeguarding minister Jess Phillips": the name is the mention
            kind: MentionKind = (
                "org_role" if head in lx.ORG_NOUNS and head not in lx.ROLE_HEADS else "role"
            )
            return Mention(
                kind, i, j, role=" ".join(x.text for x in tokens[i + 1 : j + 1]), head=head
            )
        if t.is_capitalised and t.lower in lx.ROLE_HEADS:
            continue
    return None
