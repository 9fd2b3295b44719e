"""Reading the narration around quotes without a parser (pure): which word is a reporting
verb, which could be a verb at all, and which mention is a clause's subject."""

from __future__ import annotations

from bot.quotes import lexicon as lx
from bot.quotes.attribution.model import SentenceContext
from bot.quotes.mentions import Mention
from bot.quotes.tokens import Token

POSSESSIVES = frozenset(["his", "her", "their", "our", "my", "your"])
MAX_PARENTHETICAL = 7  # tokens of "(D-Wash.)", "(R)", "(I-Vt.)"


def mention_after(ctx: SentenceContext, k: int, limit: int = 6) -> Mention | None:
    """The first mention starting at ``k`` or within ``limit`` words after it, no punctuation."""
    for pos in range(k, min(k + limit, len(ctx.tokens))):
        if pos in ctx.by_first:
            return ctx.by_first[pos]
        if not ctx.tokens[pos].is_word:
            return None
    return None


def place_tag(ctx: SentenceContext, m: Mention) -> bool:
    """Whether a name mention is the place or party tag that qualifies the person before it
    ("Sumter, South Carolina,", "Flint, Mich.,", "Sen. Ron Johnson, R-Wis.,"), never a speaker
    there."""
    if m.kind != "name" or not m.name:
        return False
    key = lx.region_key("".join(m.name))
    party, dash, region = key.partition("-")
    if dash and len(m.name) == 1 and party in ("r", "d", "i") and region in lx.REGIONS:
        return True  # "R-Wis.", "D-OH"
    tokens = ctx.tokens
    after_place = (
        m.first >= 2 and tokens[m.first - 1].text == "," and tokens[m.first - 2].is_capitalised
    )
    return key in lx.REGIONS and after_place


def is_cue(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether the word at ``j`` is a reporting verb used as a verb ("said", "told"), not a
    noun ("the claims", "a later tweet") nor a verb that reports nothing ("maintain a")."""
    tok = tokens[j]
    known = (
        tok.lower in lx.CUE_VERBS
        or particle_end(tokens, j) > j  # "shot back"
        or (tok.lower in lx.DOCUMENT_CUES and j > 0 and tokens[j - 1].lower in lx.STATEMENT_NOUNS)
        or (tok.lower in lx.ISSUING_VERBS and _document_follows(tokens, j + 1))
    )
    if not tok.is_word or not known or (tok.is_capitalised and j > 0):
        return False
    prev = tokens[j - 1].lower if j > 0 else ""
    nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    if j > 0 and tokens[j - 1].is_possessive:
        return False  # a noun after a possessor: "Freeland’s remarks"
    # "will maintain a presence": not reporting anything; but "maintain the government
    # should act": a clause follows, and the verb reports it
    object_only = (
        nxt in lx.DETERMINERS
        and not _clause_follows(tokens, j + 2)
        and not (nxt == "that" and _subject_opens(tokens, j + 2))
    )
    if tok.lower in lx.CUE_VERBS_NEEDING_COMPLEMENT and object_only:
        return False
    if tok.lower in lx.CUE_VERBS_NOT_BEFORE_TO and nxt == "to":
        return False  # "Rubio will continue to be …"
    nounish = lx.DETERMINERS | lx.PREPOSITIONS | POSSESSIVES
    relative = after_relative_that(tokens, j) and tok.lower not in lx.NOUNABLE_CUES
    if prev in nounish and not relative:
        return False  # a noun: "a flurry of posts", "the claims"
    if tok.lower in lx.NOUNABLE_CUES and (nxt in lx.ROLE_HEADS or nxt in lx.ORG_NOUNS):
        return False  # a noun modifying a noun: "Trump's Virginia state director"
    if (
        tok.lower in lx.NOUNABLE_CUES
        and j > 1
        and tokens[j - 2].lower in nounish
        and (not tokens[j - 1].is_capitalised or prev in lx.PLATFORMS)  # "the Conservatives call"
    ):
        return False  # "a later tweet", "his latest post", "a Twitter comment"
    return not (nxt in ("for", "of") and tok.lower in ("calls", "call", "claims", "thanks"))


def _document_follows(tokens: tuple[Token, ...], k: int, reach: int = 4) -> bool:
    """A statement noun among the next few lower-case words ("the following statement", "a
    joint news release"): what an issuing verb at ``k - 1`` puts out is someone's words."""
    for tok in tokens[k : k + reach]:
        if not tok.is_word or tok.is_capitalised:
            return False
        if tok.lower in lx.STATEMENT_NOUNS:
            return True
    return False


def after_relative_that(tokens: tuple[Token, ...], j: int) -> bool:
    """Whether the verb at ``j`` follows "that" opening a relative clause ("an ad that urges",
    "a voice that said"): a complementiser "that" is followed by a subject, never a verb."""
    return j > 0 and tokens[j - 1].lower == "that"


def _subject_opens(tokens: tuple[Token, ...], k: int) -> bool:
    """After "that": a subject opens a clause ("noted that he …", "noted that the plan …",
    "noted that Carson …"), so "that" is the complementiser, not a determiner ("noted that
    fact")."""
    if k >= len(tokens) or not tokens[k].is_word:
        return False
    tok = tokens[k]
    low = tok.lower
    return low in lx.PRONOUNS or low in lx.DETERMINERS or low == "one" or tok.is_capitalised


def _clause_follows(tokens: tuple[Token, ...], k: int) -> bool:
    """A finite verb within the next few words after a determiner ("the government should")."""
    for tok in tokens[k : k + 3]:
        if not tok.is_word:
            return False
        if tok.lower in lx.MODALS or tok.lower in lx.BE_FORMS:
            return True
    return False


def adverb(tok: Token) -> bool:
    """A lower-case "-ly" word between a subject and its verb ("immediately", "gingerly"),
    not a role that ends so ("ally")."""
    low = tok.lower
    return (
        tok.is_word
        and not tok.is_capitalised
        and len(low) > 4
        and low.endswith("ly")
        and low not in lx.ROLE_HEADS
    )


def participle(word: str) -> bool:
    """A participle ("saying", "calling"): no finite verb of its own."""
    return word.endswith(lx.ENDINGS["participle"])


def source_phrase_at(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether the source phrase ("according to") starts at ``k``."""
    n = len(lx.SOURCE_PHRASE)
    return tuple(t.lower for t in tokens[k : k + n]) == lx.SOURCE_PHRASE


def particle_end(tokens: tuple[Token, ...], j: int) -> int:
    """The last token of the reporting verb at ``j``: its particle for "shot back", "points
    out" (``lx.PARTICLE_CUES``), else ``j``."""
    nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return j + 1 if (tokens[j].lower, nxt) in lx.PARTICLE_CUES else j


def is_reporting(tokens: tuple[Token, ...], j: int) -> bool:
    """A reporting verb in a finite form ("said", not "saying")."""
    return is_cue(tokens, j) and not participle(tokens[j].lower)


def quoted_as(tokens: tuple[Token, ...], c: int) -> int:
    """``he was quoted as saying``: the position of "saying" when the passive frame starts
    at ``c`` (its subject is the speaker), else ``c``."""
    k = c + 1 if c < len(tokens) and tokens[c].lower in lx.BE_FORMS else c
    words = [t.lower for t in tokens[k : k + 2]]
    passive = k > 0 and tokens[k - 1].lower in lx.BE_FORMS
    return k + 2 if passive and words == ["quoted", "as"] else c


def passive(tokens: tuple[Token, ...], j: int) -> bool:
    """``Canadians are advised to “…”``: a passive reporting verb, whose subject is the one
    spoken to, not the speaker."""
    k = j - 1
    while k >= 0 and tokens[k].lower in ("also", "still", "now", "repeatedly", "often"):
        k -= 1
    return (
        k >= 0
        and tokens[k].lower in lx.BE_FORMS
        and tokens[j].lower.endswith(lx.ENDINGS["passive"])
    )


def verb_like(tok: Token, nxt: Token | None = None) -> bool:
    """A word that can be the verb after a subject ("Sabine hopes", "Smith spoke", "X has").

    Without a part-of-speech model, a lower-case word is taken for a verb when it is a known
    verb form or looks inflected (-s, -ed) and is no role or organisation noun: "Toronto city
    councillor …" does not make Toronto a subject.
    """
    low = tok.lower
    if not tok.is_word or tok.is_capitalised:
        return False
    if low in lx.CUE_VERBS or low in lx.SKIPPABLE or low in lx.IRREGULAR_PAST:
        return True
    if low in lx.DETERMINERS | lx.PREPOSITIONS or low in ("and", "or", "but", "who", "which"):
        return False
    if low in lx.PRONOUNS or low in lx.FUNCTION_WORDS:
        return False  # "his", "this", "thus": never a verb
    nouns = lx.ROLE_HEADS | lx.ORG_NOUNS
    if low in nouns or low.endswith(lx.ENDINGS["not_verb"]):
        return False
    if low.rstrip("s") in nouns:  # "officials said" (a noun) or "chairs the board" (a verb)
        return nxt is not None and (nxt.lower in lx.DETERMINERS or nxt.lower in lx.PRONOUNS)
    return low.endswith(lx.ENDINGS["verb"])


def follows_ok(tokens: tuple[Token, ...], k: int, open_end: bool) -> bool:
    """Whether what follows a post-quote cue ends the attribution: the sentence's end,
    punctuation, a time word ("said Saturday"), or anything after a quote that ended open
    ("Q," X said …); never "that" (a new clause: "X said that …")."""
    if k >= len(tokens):
        return True
    nxt = tokens[k]
    if nxt.lower == "that":
        return False
    return (
        open_end
        or nxt.text in (",", ";", ":")
        or nxt.lower in lx.POST_CUE_FOLLOW
        or nxt.lower in lx.TIME_WORDS  # “…” Jeff Traeger said Saturday.
    )


def past_qualifier(tokens: tuple[Token, ...], k: int) -> int:
    """The position after "with Bumper to Bumper" in "John Goodwin with Bumper to Bumper
    turned out" or "of Alabama" in "Richard Shelby of Alabama, …": a preposition and a name
    qualify the subject before its verb."""
    if k + 1 >= len(tokens) or tokens[k].lower not in ("with", "of", "from", "at"):
        return k
    j = k + 1 + (tokens[k + 1].lower == "the")
    end = j
    while end < len(tokens) and (
        (tokens[end].is_word and tokens[end].is_capitalised)
        or (tokens[end].lower in ("of", "and", "to") and end > j)
    ):
        end += 1
    while end > j and not tokens[end - 1].is_capitalised:
        end -= 1  # a name ends on a capitalised word
    return end if end > j else k


def verb_within(tokens: tuple[Token, ...], k: int, limit: int) -> bool:
    """A verb among the next few words, before any punctuation."""
    for tok in tokens[k : k + limit]:
        if not tok.is_word:
            return False
        if tok.lower in lx.SKIPPABLE or verb_like(tok):
            return True
    return False


def after_parenthetical(tokens: tuple[Token, ...], c: int) -> int:
    """The position after a short parenthetical opening at ``c`` ("Rep. Jim McDermott
    (D-Wash.) said"), else ``c``."""
    if c >= len(tokens) or tokens[c].text != "(":
        return c
    for k in range(c + 1, min(c + MAX_PARENTHETICAL, len(tokens))):
        if tokens[k].text == ")":
            return k + 1
    return c


def before_parenthetical(tokens: tuple[Token, ...], j: int) -> int:
    """The position before a short parenthetical closing at ``j`` ("Gov. Phil Bryant (R)
    said"), else ``j``."""
    if j < 0 or tokens[j].text != ")":
        return j
    for k in range(j - 1, max(-1, j - MAX_PARENTHETICAL), -1):
        if tokens[k].text == "(":
            return k - 1
    return j
