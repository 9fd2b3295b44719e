"""Whose reporting verb it is: the subject before a verb (through appositives, "who",
qualifying organisations), and the subject after an inverted one ("said managing director
Alasdair Quinn")."""

from __future__ import annotations

from dataclasses import replace

from bot.quotes import lexicon as lx
from bot.quotes.attribution.clauses import premodifiers_start
from bot.quotes.attribution.grammar import (
    adverb,
    after_parenthetical,
    before_parenthetical,
    follows_ok,
    is_cue,
    is_reporting,
    participle,
    place_tag,
    verb_like,
)
from bot.quotes.attribution.model import NONE, Attribution, SentenceContext
from bot.quotes.attribution.resolve import Resolver
from bot.quotes.mentions import Mention, nounish
from bot.quotes.tokens import Token

QUALIFYING_PREPOSITIONS = frozenset(["of", "from", "with", "at"])
ADVERBIAL_REACH = 7  # words of "in an interview with CNN" between a subject and its verb
APPOSITIVE_MARKS = frozenset([",", "—", "–"])
RELATIVES = frozenset(["who", "which", "whose", "who's", "who’s"])  # open a relative clause
APPOSITIVE_REACH = 18  # tokens back from a verb to the subject its appositives qualify


def subject_of(resolve: Resolver, ctx: SentenceContext, ci: int) -> Attribution:
    """The speaker governing the cue verb at token ``ci``."""
    tokens = ctx.tokens
    cue = tokens[ci].lower
    j = before_parenthetical(tokens, ci - 1)  # "Gov. Phil Bryant (R) said"
    while (
        j >= 0
        and j not in ctx.by_last
        and (  # "Ms. May acknowledged": a name, no modal
            tokens[j].lower in lx.SKIPPABLE
            or adverb(tokens[j])  # "Cruz gingerly said"
            or tokens[j].lower in lx.TIME_WORDS
            or (
                tokens[j].lower in ("on", "in", "last")
                and j + 1 < ci
                and tokens[j + 1].lower in lx.TIME_WORDS
            )
        )
    ):
        j -= 1
    j = before_parenthetical(tokens, j)  # "Sen. Ted Cruz (Tex.) has said"
    if not participle(cue):  # "Trump's tweet saying …" modifies a noun: no subject of its own
        j = _document_owner(ctx, j)  # "The RCMP statement said", "Trump's news release said"
    if j >= 0 and j not in ctx.by_last and not participle(cue):
        j = _before_adverbial(ctx, j)  # "Trump in his announcement speech called"
    if participle(cue) and (j < 0 or j not in ctx.by_last):
        # "Ryan will meet Trump, Spicer said, adding, “…”": the reporting verb the participle
        # continues; else "…, calling it": the main subject.
        for k in range(ci - 1, -1, -1):
            if is_reporting(tokens, k):
                found = subject_of(resolve, ctx, k)
                after = inverted(ctx, k)  # "“…,” said Joe Biden, urging …"
                if found.entity is None and after is not None and after.last < ci:
                    found = resolve.subject(ctx, after, cue)
                if found.entity is not None:
                    return replace(found, cue=cue)
                break
        return resolve.subject(ctx, ctx.main, cue)
    if j < 0:
        return NONE
    if j in ctx.by_last:
        return resolve.subject(ctx, head_of_phrase(ctx, ctx.by_last[j]), cue)
    prev = tokens[j]
    if prev.text in APPOSITIVE_MARKS:  # "Jason Sims — a teacher from Mount Pleasant — says"
        before = before_appositive(ctx, j)
        found = resolve.subject(ctx, before, cue) if before is not None else NONE
        if found.entity is not None:
            return found
        if before is not None and ctx.main is not None and ctx.main.first > before.last:
            return NONE  # a name inside the appositives ("a spokesman for Paul Ryan") is no subject
    main_before = ctx.main is not None and ctx.main.last < j
    if main_before and _subordinate_between(tokens, ctx.main.last if ctx.main else j, j):
        # "Reyes is telling voters … after a farmer in Ames, Iowa, told him …":
        # the verb is the subordinate clause's, its subject no name; not the main subject.
        return NONE
    if prev.text == "," and main_before:
        return resolve.subject(ctx, ctx.main, cue)
    if prev.lower in ("and", "but", "then") and main_before:
        return resolve.subject(ctx, ctx.main, cue)
    if prev.lower in ("who", "which"):
        return _relative_subject(resolve, ctx, j, cue)
    return NONE


def _subordinate_between(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether the verb after ``end`` is a subordinate clause's, its subject a noun phrase of
    its own: a subordinating word, a determiner, then no verb up to ``end`` ("after a farmer
    in Ames, Iowa, told"; not "said after a lunch that she hadn't …, but called", nor
    "after she won the vote and said")."""
    for k in range(start + 1, end - 1):
        # "as" before a determiner is mostly a preposition ("named as a candidate, said").
        opener = tokens[k].lower in lx.SUBORDINATORS and tokens[k].lower != "as"
        if opener and tokens[k + 1].lower in lx.DETERMINERS:
            after = tokens[k + 2 : end + 1]
            return not any(verb_like(t) or t.lower in ("and", "but") for t in after)
    return False


def _document_owner(ctx: SentenceContext, j: int) -> int:
    """``The RCMP statement said``: where a statement noun at ``j`` follows the name of
    whose words it holds (one modifier between: "Hydro's news release"), that name's last
    token; else ``j``."""
    tokens = ctx.tokens
    if j < 1 or j in ctx.by_last or tokens[j].lower not in lx.STATEMENT_NOUNS:
        return j
    for k in (j - 1, j - 2):
        owner = ctx.by_last.get(k)
        if owner is not None:
            return k if owner.kind == "name" else j
        if k < 1 or not tokens[k].is_word or tokens[k].is_capitalised:
            return j
    return j


def _before_adverbial(ctx: SentenceContext, j: int) -> int:
    """``Clinton in an interview with CNN said``: the end of the name that opens its clause
    right before a short prepositional phrase ending at ``j`` (no verb, no punctuation), else
    ``j``."""
    tokens = ctx.tokens
    for k in range(j, max(-1, j - ADVERBIAL_REACH), -1):
        tok = tokens[k]
        if not tok.is_word or verb_like(tok) or is_cue(tokens, k):
            return j
        if tok.lower in lx.PREPOSITIONS and tok.lower != "of":
            m = ctx.by_last.get(k - 1)
            if m is None or m.kind != "name" or m.possessive or not _opens_clause(ctx, m):
                return j
            return m.last
    return j


def _relative_subject(resolve: Resolver, ctx: SentenceContext, j: int, cue: str) -> Attribution:
    """``Smith, who said …``: the mention the relative pronoun at ``j`` refers to (weaker)."""
    k = j - 1
    if k >= 0 and ctx.tokens[k].text == ",":
        k -= 1
    for m in reversed(ctx.mentions):
        unresolved = m.kind == "name" and resolve.state.name_of(ctx, m.first) is None
        if m.last <= k and not unresolved:
            return resolve.subject(ctx, m, cue).adjusted(-0.1, cap=1.0)
    return NONE


def before_appositive(ctx: SentenceContext, comma: int) -> Mention | None:
    """``John McCallum, Canada’s ambassador to China, told``: the name before the appositives
    that end at ``comma`` (no verb inside them), through a chain of them ("Sen. Debbie
    Stabenow, D-Mich., a member of the leadership team, said"; "Cory James, 22, of Flint,
    Mich., said"). The leftmost name opening its clause wins: the names inside an appositive
    ("a spokesman for House Speaker Paul Ryan", "a salesman from Sumter, South Carolina")
    qualify the subject. Failing one, a name set off after a role ("the director of
    operations for EHS, Jeff Fraser, says"), unless it is a place ("Sumter, South Carolina")."""
    tokens = ctx.tokens
    marks: list[int] = [comma]  # the commas and dashes that set the appositives off
    for k in range(comma - 1, max(-1, comma - APPOSITIVE_REACH), -1):
        tok = tokens[k]
        if tok.is_quote or tok.text in (";", ":") or _clause_verb(tokens, k):
            break
        if tok.text in APPOSITIVE_MARKS:
            marks.append(k)
    for c in reversed(marks[1:]):  # leftmost first
        m = ctx.by_last.get(c - 1)
        if m is not None and m.kind == "name" and not m.possessive and _opens_clause(ctx, m):
            return m
    for c in marks[1:]:  # rightmost first
        inside = ctx.by_first.get(c + 1)
        if inside is None or inside.kind != "name" or place_tag(ctx, inside):
            continue
        end = after_parenthetical(tokens, inside.last + 1)  # "Gov. John Kasich (R-OH),"
        if end == comma or (end < comma and tokens[end].text == ","):
            return inside
    return None


def _clause_verb(tokens: tuple[Token, ...], k: int) -> bool:
    """A verb at ``k`` that ends an appositive chain: not a noun after a determiner ("the
    state capital"), nor a relative clause's verb set off by a comma ("Nora Quinn, who
    lives outside Helena, says"; "who has run")."""
    if tokens[k].lower in RELATIVES or not verb_like(tokens[k]):
        return False  # "who's" is no verb of the sentence's
    if k > 0 and tokens[k - 1].lower in lx.DETERMINERS:
        return False
    for j in range(k - 1, max(-1, k - APPOSITIVE_REACH), -1):
        if tokens[j].text in APPOSITIVE_MARKS:
            return True
        if tokens[j].lower in RELATIVES:
            # Any verb of a relative clause set off by a comma ("Michael Bloomberg, who's
            # thinking about running for president, said") is the clause's, not the sentence's.
            return not (j > 0 and tokens[j - 1].text in APPOSITIVE_MARKS)
    return True


def _opens_clause(ctx: SentenceContext, m: Mention) -> bool:
    """Whether a name opens its clause: the sentence start, after a subordinator, "and",
    "what" ("in what Bay Buchanan, …, called"), "that" ("ago that Michael Bloomberg, …,
    said"), or one capitalised word no list knows ("Dog
    Andres, a spokesman …")."""
    start = premodifiers_start(ctx.tokens, m.first)
    if start == 0:
        return True
    opener = ctx.tokens[start - 1]
    if opener.lower in lx.SUBORDINATORS or opener.lower in ("and", "but", "what", "that"):
        return True
    unknown = opener.lower not in lx.PREPOSITIONS | lx.DETERMINERS | lx.TIME_WORDS
    return start == 1 and opener.is_capitalised and unknown


def head_of_phrase(ctx: SentenceContext, m: Mention) -> Mention:
    """``Tim Guest with the Nova Scotia Health Authority says``: the person the phrase is
    about, not the organisation that qualifies them. A person's full name is the person
    ("Speaker of the House Rep. Paul Ryan said": not "Speaker")."""
    if m.kind == "name" and not m.org and len(m.name) >= 2 and m.name[0].lower() in lx.FIRST_NAMES:
        return m
    town = ctx.by_last.get(m.first - 2)
    if town is not None and place_tag(ctx, m):
        m = town  # "Lena Ortiz of Aiken, South Carolina says": the state tags the town
    k = m.first - 1
    if k >= 0 and ctx.tokens[k].lower == "the":
        k -= 1
    if k < 1 or ctx.tokens[k].lower not in ("with", "of", "from", "at"):
        return m
    person = ctx.by_last.get(k - 1)
    if person is not None and person.kind == "name" and not person.org:
        return person
    organisation = m.kind == "org_role" or m.org
    if (
        person is not None
        and person.kind == "role"
        and organisation
        and ctx.tokens[k].lower == "of"
    ):
        return person  # "the head of the RNC’s rules committee": a person, not the committee
    return m


def group_subject(resolve: Resolver, ctx: SentenceContext, group: list[Mention]) -> Mention:
    """The subject among the mentions before a verb: the first name that is no possessor and
    names someone ("Campbell’s partner, Jason Louth, said" is Jason Louth)."""
    for g, after in zip(group, [*group[1:], None], strict=True):
        if g.kind == "name" and not g.possessive and resolve.state.name_of(ctx, g.first):
            if g.org and after is not None and _qualified_person(after, g):
                return after  # "White House press secretary Josh Earnest said": Earnest
            return g
    return next((g for g in group if not g.possessive), group[0])


def _qualified_person(m: Mention, org: Mention) -> bool:
    """A person's name right after an organisation's, with no punctuation between ("CBS
    co-anchor DeMarco Morgan"): the organisation qualifies the person."""
    return m.kind == "name" and not m.org and not m.possessive and m.first == org.last + 1


def inverted(ctx: SentenceContext, ci: int) -> Mention | None:
    """The subject after its verb: ``said managing director Alasdair Quinn``.

    Never across a preposition ("quipped to Colton" names the one spoken to); past a
    possessor to the person it qualifies ("said the IFSD’s Azfar Ali Khan").
    """
    tokens = ctx.tokens
    if tokens[ci].lower not in lx.INVERTIBLE_CUES:
        return None  # "called National Nurses United “…”": the one called, not a speaker
    c = ci + 1
    while c < len(tokens) and c not in ctx.by_first and tokens[c].lower in lx.SKIPPABLE:
        c += 1  # "said also …", but not "said Will Doyle"
    after_possessor = False
    pos = c
    while pos < min(c + 8, len(tokens)):
        m = ctx.by_first.get(pos)
        if m is not None and not m.possessive:
            if m.kind != "name":
                return named_appositive(ctx, m)
            return qualified_name(ctx, m)
        if m is not None:  # "said Campbell’s partner, Jason Louth"
            after_possessor = True
            pos = m.last + 1
            continue
        tok = tokens[pos]
        if tok.lower == "that":
            return None  # "wrote that Taylor “…”": a clause, not the writer
        # "said former secretary of state Hillary Clinton": a cue word inside a role is a noun
        role_word = tok.lower in lx.ROLE_HEADS or tok.lower in lx.DETERMINERS
        role_word = role_word or (tok.lower in lx.CUE_VERBS and pos > c and not is_cue(tokens, pos))
        # "said oil and gas worker Mike Wipf": lower-case words that qualify the name
        role_word = role_word or nounish(tok) or (tok.lower == "and" and pos > c)
        # "said former secretary of state Hillary Clinton" (not "said of Trump")
        role_word = role_word or (tok.lower == "of" and pos > c and nounish(tokens[pos - 1]))
        # "says Cambridge cartoonist Andre Campbell": a capitalised word qualifying the role
        role_word = role_word or (tok.is_word and tok.is_capitalised)
        # "said retired neurosurgeon Rita Vance": any word qualifying a role noun after it
        role_word = role_word or (tok.is_word and _role_noun_at(tokens, pos + 1))
        possessor = tok.is_word and tok.is_possessive
        after_possessor = after_possessor or possessor
        if not (role_word or possessor or (after_possessor and tok.text == ",")):
            return None  # "says a document titled White Paper": no speaker there
        pos += 1
    return None


def _role_noun_at(tokens: tuple[Token, ...], k: int) -> bool:
    return k < len(tokens) and (tokens[k].lower in lx.ROLE_HEADS or nounish(tokens[k]))


def qualified_name(ctx: SentenceContext, m: Mention) -> Mention:
    """``says Heart and Stroke senior manager Erin Kim``: an organisation that qualifies the
    role of the person named right after it; that person is the subject."""
    tokens = ctx.tokens
    k = m.last + 1
    if not m.org and k < len(tokens) and tokens[k].lower in QUALIFYING_PREPOSITIONS:
        return m  # "said Patricia Moran of Cheyenne": the place qualifies the person
    while k < len(tokens) and k - m.last <= 5:
        later = ctx.by_first.get(k)
        if later is not None:
            return later if later.kind == "name" and not later.possessive else m
        tok = tokens[k]
        ordinal = tok.text[:1].isdigit()  # "Air Force 1st Lt. Tyler Livingston"
        if not (nounish(tok) or tok.lower in ("and", "of", "&") or tok.is_capitalised or ordinal):
            return m
        k += 1
    return m


def named_appositive(ctx: SentenceContext, role: Mention) -> Mention:
    """``says the director of operations for EHS, Jeff Fraser``: the name that a role phrase
    introduces after a comma, when the name ends the clause."""
    tokens = ctx.tokens
    for k in range(role.last + 1, min(role.last + 12, len(tokens) - 1)):
        if tokens[k].is_quote or tokens[k].lower in lx.CUE_VERBS | lx.SKIPPABLE:
            return role
        if tokens[k].text == ",":
            name = ctx.by_first.get(k + 1)
            ends = name is not None and (
                name.last + 1 >= len(tokens) or not tokens[name.last + 1].is_word
            )
            return name if name is not None and name.kind == "name" and ends else role
    return role


def noun_phrase_subject(
    resolve: Resolver, ctx: SentenceContext, k: int, open_end: bool
) -> Attribution:
    """``Rally Canada volunteer media coordinator Tom Hinderks said``: a long noun phrase from
    ``k`` (names, role words, numbers, no verb) that runs into a reporting verb; its last name
    speaks. NONE when the words are no such phrase."""
    tokens = ctx.tokens
    last: Mention | None = None
    c = k
    while c < len(tokens) and c - k < 14:
        tok = tokens[c]
        m = ctx.by_first.get(c)
        if m is not None:
            last = m
            c = m.last + 1
            continue
        if is_cue(tokens, c):
            break
        if tok.is_quote or tok.text in (";", ":") or verb_like(tok):
            return NONE
        if tok.lower in lx.PREPOSITIONS and tok.lower != "of":
            return NONE  # "… including Lake Cowichan, it said": not one noun phrase
        c += 1
    else:
        return NONE
    if (
        last is None
        or last.possessive
        or last.last != c - 1
        or c >= len(tokens)
        or participle(tokens[c].lower)
        or not follows_ok(tokens, c + 1, open_end)
        or any(t.lower in ("who", "which", "that") for t in tokens[k:c])
    ):
        return NONE
    if _two_subjects(ctx, k, c):
        # "Dana Whitfield and Westfield Curling Club president Orla Brennick told": the words
        # are both of theirs; naming one would be wrong.
        return Attribution(None, 0.0, tokens[c].lower)
    return resolve.subject(ctx, head_of_phrase(ctx, last), tokens[c].lower)


# The connectors that open an organisation's name ("of", "for"), not "and" itself: an "and"
# after one of them is inside the name ("Department of Health and Human Services").
NAME_OPENING_CONNECTORS = lx.ORG_CONNECTORS - {"and"}


def _two_subjects(ctx: SentenceContext, k: int, end: int) -> bool:
    """Whether the phrase from ``k`` to ``end`` joins a name and another subject with "and"
    (not an "and" inside an organisation's name after "of" or "for": "Department of Health
    and Human Services spokesman Tom Calloway")."""
    tokens = ctx.tokens
    for a in range(k, end):
        if tokens[a].lower != "and":
            continue
        before = tokens[k:a]
        named = any(k <= m.last < a for m in ctx.mentions)
        if named and not any(t.lower in NAME_OPENING_CONNECTORS for t in before):
            return True
    return False
