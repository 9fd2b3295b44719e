"""Attribution: who governs each quote, by the rules a careful sub-editor applies.

For a quote the extractor looks, in order, for: a cue after it (``"Q," X said`` /
``"Q," said X``), the reporting verb before it in its sentence and that verb's subject (not the
nearest name: ``Musk suggested that Jess Phillips "…"`` is Musk's), the quote run it continues,
and the neighbouring sentences or paragraph. Pronouns and role nouns resolve through a focus
list of recent subjects and speakers. Anything it cannot justify stays unattributed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from bot.quotes import lexicon as lx
from bot.quotes.entities import Entity, Registry
from bot.quotes.mentions import Mention, find_mentions, nounish
from bot.quotes.tokens import Sentence, Token, strip_possessive

FOCUS_PARAGRAPHS = 2
FAR_FOCUS_PARAGRAPHS = 6  # further back only when no other fitting person was named since
WINDOW_SENTENCES = 60  # no look back reaches further, however long a paragraph runs
FAR_CUE_TOKENS = 8  # a reporting verb this far before a quote is weaker evidence


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, how sure we are, and the words that show it."""

    entity: Entity | None
    confidence: float
    cue: str | None = None
    evidence_sentence: int | None = None  # index into the article's sentence list
    named_sentence: int | None = None


NONE = Attribution(None, 0.0)


@dataclass
class SentenceContext:
    """A sentence with its mentions and resolved entities."""

    index: int  # global sentence number in the article
    paragraph: int
    sentence: Sentence
    mentions: list[Mention]
    by_last: dict[int, Mention] = field(default_factory=dict)
    by_first: dict[int, Mention] = field(default_factory=dict)
    main: Mention | None = None
    said: Attribution | None = None  # the sentence's reported speech, once attributed

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The sentence's tokens."""
        return self.sentence.tokens


def mention_after(ctx: SentenceContext, k: int, limit: int = 6) -> Mention | None:
    """The first mention starting at ``k`` or within ``limit`` words after it, no punctuation."""
    for pos in range(k, min(k + limit, len(ctx.tokens))):
        if pos in ctx.by_first:
            return ctx.by_first[pos]
        if not ctx.tokens[pos].is_word:
            return None
    return None


def _is_cue(tokens: tuple[Token, ...], j: int) -> bool:
    tok = tokens[j]
    if not tok.is_word or tok.lower not in lx.CUE_VERBS or (tok.is_capitalised and j > 0):
        return False
    prev = tokens[j - 1].lower if j > 0 else ""
    nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    if j > 0 and strip_possessive(tokens[j - 1].text) != tokens[j - 1].text:
        return False  # a noun after a possessor: "Freeland’s remarks"
    if tok.lower in lx.CUE_VERBS_NEEDING_COMPLEMENT and nxt in lx.DETERMINERS:
        return False  # "will maintain a presence": not reporting anything
    nounish = lx.DETERMINERS | lx.PREPOSITIONS | {"his", "her", "their", "our", "my", "your"}
    if prev in nounish:
        return False  # a noun: "a flurry of posts", "the claims"
    if (
        tok.lower in lx.NOUNABLE_CUES
        and j > 1
        and tokens[j - 2].lower in nounish
        and not tokens[j - 1].is_capitalised  # "the Conservatives call": a verb
    ):
        return False  # "a later tweet", "his latest post"
    return not (nxt in ("for", "of") and tok.lower in ("calls", "call", "claims", "thanks"))


def _quoted_as(tokens: tuple[Token, ...], c: int) -> int:
    """``he was quoted as saying``: the position of "saying" when the passive frame starts
    at ``c`` (its subject is the speaker), else ``c``."""
    k = c + 1 if c < len(tokens) and tokens[c].lower in BE_FORMS else c
    words = [t.lower for t in tokens[k : k + 2]]
    passive = k > 0 and tokens[k - 1].lower in BE_FORMS
    return k + 2 if passive and words == ["quoted", "as"] else c


BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "being"])


def _passive(tokens: tuple[Token, ...], j: int) -> bool:
    """``Canadians are advised to “…”``: a passive reporting verb, whose subject is the one
    spoken to, not the speaker."""
    k = j - 1
    while k >= 0 and tokens[k].lower in ("also", "still", "now", "repeatedly", "often"):
        k -= 1
    return k >= 0 and tokens[k].lower in BE_FORMS and tokens[j].lower.endswith(("ed", "told"))


def _verb_like(tok: Token, nxt: Token | None = None) -> bool:
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
    if low in nouns or low.endswith(("ss", "ous", "ics")):
        return False
    if low.rstrip("s") in nouns:  # "officials said" (a noun) or "chairs the board" (a verb)
        return nxt is not None and (nxt.lower in lx.DETERMINERS or nxt.lower in lx.PRONOUNS)
    return low.endswith(("s", "ed"))


def _past_qualifier(tokens: tuple[Token, ...], k: int) -> int:
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


def _verb_within(tokens: tuple[Token, ...], k: int, limit: int) -> bool:
    """A verb among the next few words, before any punctuation."""
    for tok in tokens[k : k + limit]:
        if not tok.is_word:
            return False
        if tok.lower in lx.SKIPPABLE or _verb_like(tok):
            return True
    return False


def main_subject(tokens: tuple[Token, ...], mentions: list[Mention]) -> Mention | None:
    """The subject of the sentence's main clause: its first mention at a clause start.

    After an opening phrase ("Speaking in Vaughan, Ont., on Thursday, Trudeau denied …") the
    main clause starts after one of its commas: the first mention there that a verb follows
    is the subject; failing that, the first one after the first comma (an appositive).
    """
    opener = bool(tokens) and (
        tokens[0].lower in lx.PREPOSITIONS | lx.SUBORDINATORS | {"according", "despite"}
        or tokens[0].lower.endswith("ing")
    )
    if not opener:
        return _clause_subject(tokens, mentions, 0, appositive_ok=True)
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return _clause_subject(tokens, mentions, 0, appositive_ok=True)
    for comma in commas[:4]:
        found = _clause_subject(tokens, mentions, comma + 1, appositive_ok=False)
        if found is not None:
            return found
    return _clause_subject(tokens, mentions, commas[0] + 1, appositive_ok=True)


def _clause_subject(
    tokens: tuple[Token, ...], mentions: list[Mention], start: int, appositive_ok: bool
) -> Mention | None:
    """The first mention from ``start`` on, at a clause start, that a verb (or, when
    ``appositive_ok``, an appositive) follows."""
    for m in mentions:
        if m.first < start or m.possessive:
            continue
        prev = tokens[m.first - 1] if m.first > 0 else None
        at_clause_start = m.first == start or (
            prev is not None
            and (
                prev.text in (",", ";", ":", "—", "–")
                or prev.lower in ("and", "but")
                or prev.is_quote  # “…,” Kim confirmed, adding …
            )
        )
        if not at_clause_start:
            continue
        k = _past_qualifier(tokens, m.last + 1)
        while k < len(tokens) and tokens[k].lower in lx.SKIPPABLE:
            k += 1
        if k + 1 < len(tokens) and tokens[k].lower in ("on", "last", "this"):
            k += 2 if tokens[k + 1].lower in lx.TIME_WORDS else 0  # "… on Thursday accused"
        if k >= len(tokens):
            continue
        after_auxiliary = k > m.last + 1  # an auxiliary or adverb: a verb phrase follows
        nxt = tokens[k]
        if nxt.lower == "and" and _verb_within(tokens, k + 1, 5):
            return m  # "Lonechild and other youth representatives are planning …"
        appositive = nxt.text in (",", "—", "–", "(")  # "Marco Mendicino — a former …"
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if appositive and appositive_ok and m.kind == "role":
            return _named_in_apposition(tokens, mentions, m) or m
        if (appositive and appositive_ok) or _verb_like(nxt, after) or after_auxiliary:
            return m  # "Levine has the ability", "He has also taken"
    return None


def _named_in_apposition(
    tokens: tuple[Token, ...], mentions: list[Mention], role: Mention
) -> Mention | None:
    """``Director, security response at Symantec, Kevin Haley, agreed``: the name set off by
    commas after a role, right before the verb, is who the role is."""
    for n in mentions:
        if n.first <= role.last or n.kind != "name" or n.first - role.last > 14:
            continue
        k = n.last + 1
        set_off = tokens[n.first - 1].text == "," and k + 1 < len(tokens) and tokens[k].text == ","
        if set_off and _verb_like(tokens[k + 1], tokens[k + 2] if k + 2 < len(tokens) else None):
            return n
    return None


class Attributor:
    """Attribution state for one article, fed sentence by sentence in reading order."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        # The last WINDOW_SENTENCES sentences by index: every look back is bounded by it, so
        # a 5 MB article costs linear time and keeps a bounded number of sentences' tokens.
        self.recent: dict[int, SentenceContext] = {}
        self.read = 0  # sentences read so far
        self.resolved: dict[tuple[int, int], Entity | None] = {}
        self.focus: list[tuple[Entity, int, int]] = []  # (entity, paragraph, sentence index)
        self.named_in: dict[int, int] = {}  # id(entity) -> last sentence naming it
        self.seen_in: dict[int, list[int]] = {}  # id(entity) -> sentences naming it
        self.quote_speakers: list[tuple[int, int, Attribution]] = []  # (paragraph, sent, attr)
        self.reports: dict[int, Attribution] = {}  # paragraph -> its last reported speech
        self.subjects: dict[int, list[Entity]] = {}  # paragraph -> its sentences' subjects

    # -- reading -------------------------------------------------------------------------
    def add_sentence(self, paragraph: int, sentence: Sentence) -> SentenceContext:
        """Register a sentence: find its mentions and resolve its names."""
        mentions = find_mentions(sentence.tokens)
        ctx = SentenceContext(self.read, paragraph, sentence, mentions)
        ctx.by_last = {m.last: m for m in mentions}
        ctx.by_first = {m.first: m for m in mentions}
        self.recent[ctx.index] = ctx
        self.recent.pop(ctx.index - WINDOW_SENTENCES - 1, None)
        self.read += 1
        for m in mentions:
            if m.kind == "name":
                entity = self.registry.resolve_name(m)
                self.resolved[(ctx.index, m.first)] = entity
                if entity is not None:
                    self.seen_in.setdefault(id(entity), []).append(ctx.index)
                    self.named_in[id(entity)] = ctx.index
        # A capitalised word that names nobody ("Given his views, …") is no subject.
        named = [m for m in mentions if m.kind != "name" or self.resolved.get((ctx.index, m.first))]
        ctx.main = main_subject(sentence.tokens, named)
        self._learn_roles(ctx)
        return ctx

    def _learn_roles(self, ctx: SentenceContext) -> None:
        """Appositive and copular roles: "Musk, the billionaire", "Carden … became the first MP"."""
        tokens = ctx.tokens
        for a, b in zip(ctx.mentions, ctx.mentions[1:], strict=False):
            between = [t.text for t in tokens[a.last + 1 : b.first]]
            if a.kind == "name" and b.kind == "role" and between == [","]:
                entity = self.resolved.get((ctx.index, a.first))
                if entity is not None and b.role and b.role not in entity.roles:
                    entity.roles.append(b.role)
            if a.kind == "role" and b.kind == "name" and between == [","]:
                entity = self.resolved.get((ctx.index, b.first))
                if entity is not None and a.role and a.role not in entity.roles:
                    entity.roles.append(a.role)
        main = ctx.main
        if main is not None and main.kind == "name":
            entity = self.resolved.get((ctx.index, main.first))
            for m in ctx.mentions:
                if m.kind != "role" or m.first <= main.last or entity is None:
                    continue
                if (
                    tokens[m.first - 1].lower in lx.COPULAS
                    and m.role
                    and m.role not in entity.roles
                ):
                    entity.roles.append(m.role)

    def note_sentence_done(self, ctx: SentenceContext) -> None:
        """After a sentence is attributed: its main subject joins the focus list."""
        if ctx.main is not None:
            entity = self.resolve_mention(ctx, ctx.main).entity
            if entity is not None:
                self.focus.append((entity, ctx.paragraph, ctx.index))
                self.subjects.setdefault(ctx.paragraph, []).append(entity)

    def paragraph_subject(self, paragraph: int) -> Attribution:
        """The one person every subject of a paragraph names, if there is exactly one."""
        people = {id(e): e for e in self.subjects.get(paragraph, [])}
        if len(people) != 1:
            return NONE
        (person,) = people.values()
        if not person.person_like:
            return NONE
        return Attribution(person, 0.6, named_sentence=self.named_in.get(id(person)))

    def sentence_subject(self, ctx: SentenceContext) -> Attribution:
        """The person a sentence is about (its main subject), as weak evidence for the quote
        that follows it with no reporting verb of its own."""
        if ctx.main is None:
            return NONE
        attr = self.resolve_mention(ctx, ctx.main)
        if attr.entity is None or not attr.entity.person_like:
            return NONE
        return Attribution(attr.entity, 0.6, None, ctx.index, attr.named_sentence)

    def note_report(self, ctx: SentenceContext, attribution: Attribution) -> None:
        """A sentence of reported speech ("Brooks said he obtained housing") and its speaker,
        who is then in focus when the sentence has no subject of its own ("…, according to
        David Dodge." / "“…,” he said")."""
        self.reports[ctx.paragraph] = attribution
        if attribution.entity is not None and ctx.main is None:
            self.focus.append((attribution.entity, ctx.paragraph, ctx.index))

    def note_quote(self, ctx: SentenceContext, attribution: Attribution) -> None:
        """A quote's speaker joins the focus list."""
        self.quote_speakers.append((ctx.paragraph, ctx.index, attribution))
        if attribution.entity is not None and not attribution.entity.org:
            attribution.entity.spoke = True
        if attribution.entity is not None:
            self.focus.append((attribution.entity, ctx.paragraph, ctx.index))

    # -- resolution ----------------------------------------------------------------------
    def resolve_mention(self, ctx: SentenceContext, m: Mention) -> Attribution:
        """The entity a mention refers to, with confidence and the sentence that names it."""
        if m.kind == "name":
            entity = self.resolved.get((ctx.index, m.first))
            if entity is None:
                return NONE
            return Attribution(entity, 0.9, named_sentence=ctx.index)
        if m.kind == "pronoun":
            return self._resolve_pronoun(ctx, m)
        return self._resolve_role(ctx, m)

    def _compatible(self, entity: Entity, head: str) -> bool:
        gender = lx.PRONOUNS.get(head, "n")
        if gender in ("m", "f"):
            return entity.person_like and entity.gender in (gender, None)
        return entity.org or not entity.person_like  # "EDC declined … “…,” it said"

    def _from_entity(self, entity: Entity, confidence: float) -> Attribution:
        if entity.gender is None and not entity.org:
            confidence -= 0.05
        return Attribution(entity, confidence, named_sentence=self.named_in.get(id(entity)))

    def _resolve_pronoun(self, ctx: SentenceContext, m: Mention) -> Attribution:
        head = m.head or ""
        tokens = ctx.tokens
        earlier = [x for x in ctx.mentions if x.last < m.first and x.kind != "pronoun"]
        subordinate = any(
            tokens[k].lower in lx.SUBORDINATORS for k in range(max(0, m.first - 2), m.first)
        )
        if subordinate:
            for x in reversed(earlier):
                entity = self.resolve_mention(ctx, x).entity
                if entity is not None and self._compatible(entity, head):
                    return self._from_entity(entity, 0.8)
        elif ctx.main is not None and ctx.main in earlier:
            entity = self.resolve_mention(ctx, ctx.main).entity
            if entity is not None and self._compatible(entity, head):
                return self._from_entity(entity, 0.8)
        return self._from_focus(ctx, head)

    def _from_focus(self, ctx: SentenceContext, head: str) -> Attribution:
        """The most recent compatible entity in focus (a known, fitting gender is surer)."""
        for entity, paragraph, _ in reversed(self.focus):
            if ctx.paragraph - paragraph > FOCUS_PARAGRAPHS:
                break
            if self._compatible(entity, head):
                if self._newly_named_rival(ctx, entity, head) is not None:
                    return NONE  # two people it could mean: unattributed beats a guess
                sure = head in ("he", "she", "his", "her") and entity.gender is not None
                return self._from_entity(entity, 0.8 if sure else 0.7)
        named = self._recently_named(ctx, head)
        if named is not None:
            return self._from_entity(named, 0.65)
        return self._from_earlier_focus(ctx, head)

    def _recently_named(self, ctx: SentenceContext, head: str) -> Entity | None:
        """Nobody fitting in focus: the one fitting person named (as an object too) in the
        sentence and the two before it: "I asked barber Robert McMillen … “…,” he explains." """
        if head not in ("he", "she"):
            return None
        fitting = [
            e
            for e in self._named_between(ctx.index - 3, ctx.index)
            if self._compatible(e, head) and e.gender is not None
        ]
        if len(fitting) != 1:
            return None
        earlier = {
            id(e)
            for e, _, _ in self._focus_within(ctx, FAR_FOCUS_PARAGRAPHS)
            if e is not fitting[0] and self._compatible(e, head) and e.gender is not None
        }
        return None if earlier else fitting[0]  # a speaker further back could be meant

    def _newly_named_rival(self, ctx: SentenceContext, entity: Entity, head: str) -> Entity | None:
        """Another person the pronoun could mean, named (not as the subject) in the sentence
        just before: "… a comment that Scheer found concerning. “…,” he said." """
        if head not in ("he", "she") or ctx.index == 0:
            return None
        prev = self.recent.get(ctx.index - 1)
        if prev is None:
            return None
        if ctx.paragraph - prev.paragraph > 1:
            return None
        if prev.main is not None and self.resolve_mention(prev, prev.main).entity is entity:
            return None  # the sentence before is about the focus person: "he" continues it
        for m in prev.mentions:
            if m.kind != "name" or m.possessive:
                continue
            other = self.resolved.get((prev.index, m.first))
            if other is not None and other is not entity and self._compatible(other, head):
                return other
        return None

    def _from_earlier_focus(self, ctx: SentenceContext, head: str) -> Attribution:
        """Further back than the focus window, a he/she still reaches the last person in
        focus when no other person it could mean has been named since (paragraphs of
        background, "Story continues below advertisement", between a speaker's quotes)."""
        if head not in ("he", "she"):
            return NONE
        for entity, paragraph, sentence in reversed(self.focus):
            if ctx.paragraph - paragraph > FAR_FOCUS_PARAGRAPHS:
                return NONE
            if ctx.index - sentence > WINDOW_SENTENCES:
                return NONE  # rivals are looked for in that window only
            if not self._compatible(entity, head) or entity.gender is None:
                continue  # this far back, only a known gender is evidence enough
            rivals = [
                other
                for other in self._named_between(sentence, ctx.index)
                if other is not entity and self._compatible(other, head)
            ]
            if rivals:
                return NONE
            return self._from_entity(entity, 0.65)
        return NONE

    def _named_between(self, after: int, upto: int) -> list[Entity]:
        """The entities named in the sentences after ``after`` up to ``upto`` (a window of
        sentences, so the cost does not grow with the article)."""
        found: dict[int, Entity] = {}
        first = max(after + 1, upto - WINDOW_SENTENCES, 0)
        for ctx in (self.recent[i] for i in range(first, upto + 1) if i in self.recent):
            for m in ctx.mentions:
                entity = self.resolved.get((ctx.index, m.first)) if m.kind == "name" else None
                if entity is not None:
                    found.setdefault(id(entity), entity)
        return list(found.values())

    def _focus_within(self, ctx: SentenceContext, paragraphs: int) -> list[tuple[Entity, int, int]]:
        """The focus entries of the last ``paragraphs`` paragraphs, oldest first."""
        out: list[tuple[Entity, int, int]] = []
        for entry in reversed(self.focus):
            if ctx.paragraph - entry[1] > paragraphs or ctx.index - entry[2] > WINDOW_SENTENCES:
                break
            out.append(entry)
        return out[::-1]

    def _resolve_org_role(self, ctx: SentenceContext, head: str) -> Attribution:
        """ "The department added", "the company said": an organisation the article named with
        that word ("Department of Health") or gave that role ("The operator, Northline
        Ferries"); never merely the last one mentioned ("Huawei" in a sentence about Meng)."""
        orgs = [e for e in self.registry.entities if e.org and self._recency(e, ctx) >= 0]
        named = [e for e in orgs if head in (w.lower() for w in e.name) or e.has_role(head)]
        if named:
            return self._from_entity(max(named, key=lambda e: self._recency(e, ctx)), 0.75)
        return NONE

    def _recency(self, entity: Entity, ctx: SentenceContext) -> int:
        """The last sentence up to this one that names the entity (-1: not yet named)."""
        seen = self.seen_in.get(id(entity), [])  # ascending: sentences are read in order
        if not seen or seen[0] > ctx.index:
            return -1
        return seen[bisect.bisect_right(seen, ctx.index) - 1]

    def _resolve_role(self, ctx: SentenceContext, m: Mention) -> Attribution:
        head = m.head or ""
        if ctx.tokens[m.first].lower in ("a", "an"):
            return NONE  # "a national newspaper columnist wrote": someone new, not named
        if m.kind == "org_role" or (head in lx.ORG_NOUNS and head not in lx.ROLE_HEADS):
            return self._resolve_org_role(ctx, head)
        role_text = (m.role or "").lower()
        candidates = [
            e
            for e in self.registry.entities
            if e.roles  # most entities have none: the cheap test first
            and (e.has_role(head) or any(role_text == r.lower() for r in e.roles))
            and self._recency(e, ctx) >= 0
        ]
        if not candidates:
            return NONE
        best = max(candidates, key=lambda e: self._recency(e, ctx))
        return self._from_entity(best, 0.7 if len(candidates) == 1 else 0.55)

    # -- attribution ---------------------------------------------------------------------
    def subject_of(self, ctx: SentenceContext, ci: int) -> Attribution:
        """The speaker governing the cue verb at token ``ci``."""
        tokens = ctx.tokens
        cue = tokens[ci].lower
        j = ci - 1
        while (
            j >= 0
            and j not in ctx.by_last
            and (  # "Ms. May acknowledged": a name, no modal
                tokens[j].lower in lx.SKIPPABLE
                or tokens[j].lower in lx.TIME_WORDS
                or (
                    tokens[j].lower in ("on", "in", "last")
                    and j + 1 < ci
                    and tokens[j + 1].lower in lx.TIME_WORDS
                )
            )
        ):
            j -= 1
        if cue.endswith("ing") and (j < 0 or j not in ctx.by_last):
            return self._subject(ctx, ctx.main, cue)  # "…, calling it": the main subject
        if j < 0:
            return NONE
        if j in ctx.by_last:
            return self._subject(ctx, self._head_of_phrase(ctx, ctx.by_last[j]), cue)
        prev = tokens[j]
        if prev.text == ",":
            before = self._before_appositive(ctx, j)
            found = self._subject(ctx, before, cue) if before is not None else NONE
            if found.entity is not None:
                return found
        if prev.text == "," and ctx.main is not None and ctx.main.last < j:
            return self._subject(ctx, ctx.main, cue)
        if prev.lower in ("and", "but", "then") and ctx.main is not None and ctx.main.last < j:
            return self._subject(ctx, ctx.main, cue)
        if prev.lower in ("who", "which"):
            k = j - 1
            if k >= 0 and tokens[k].text == ",":
                k -= 1
            for m in reversed(ctx.mentions):
                if m.last <= k and not (
                    m.kind == "name" and self.resolved.get((ctx.index, m.first)) is None
                ):
                    attr = self._subject(ctx, m, cue)
                    return Attribution(
                        attr.entity,
                        attr.confidence - 0.1,
                        attr.cue,
                        attr.evidence_sentence,
                        attr.named_sentence,
                    )
        return NONE

    @staticmethod
    def _before_appositive(ctx: SentenceContext, comma: int) -> Mention | None:
        """``John McCallum, Canada’s ambassador to China, told``: the name before the
        appositive that ends at ``comma`` (no verb inside it); through a chain of them
        ("Sen. Debbie Stabenow, D-Mich., a member of the leadership team, said")."""
        tokens = ctx.tokens
        for k in range(comma - 1, max(-1, comma - 14), -1):
            tok = tokens[k]
            if tok.is_quote or tok.text in (";", ":") or _verb_like(tok):
                return None
            if tok.text == ",":
                inside = ctx.by_first.get(k + 1)
                if inside is not None and inside.last == comma - 1 and inside.kind == "name":
                    return inside  # "the director of operations for EHS, Jeff Fraser, says"
                m = ctx.by_last.get(k - 1)
                if m is None or m.kind != "name" or m.possessive:
                    return None
                while m.first >= 2 and tokens[m.first - 1].text == ",":
                    earlier = ctx.by_last.get(m.first - 2)
                    if earlier is None or earlier.kind != "name" or earlier.possessive:
                        break
                    m = earlier
                opener = tokens[m.first - 1].lower if m.first > 0 else ""
                clause_start = m.first == 0 or opener in lx.SUBORDINATORS | {"and", "but"}
                return m if clause_start else None  # not "… based in Kansas City, Mo., …"
        return None

    def _head_of_phrase(self, ctx: SentenceContext, m: Mention) -> Mention:
        """``Tim Guest with the Nova Scotia Health Authority says``: the person the phrase is
        about, not the organisation that qualifies them."""
        k = m.first - 1
        if k >= 0 and ctx.tokens[k].lower == "the":
            k -= 1
        if k < 1 or ctx.tokens[k].lower not in ("with", "of", "from", "at"):
            return m
        person = ctx.by_last.get(k - 1)
        if person is not None and person.kind == "name" and not person.org:
            return person
        return m

    def _subject(self, ctx: SentenceContext, m: Mention | None, cue: str) -> Attribution:
        if m is None:
            return NONE
        attr = self.resolve_mention(ctx, m)
        return Attribution(attr.entity, attr.confidence, cue, ctx.index, attr.named_sentence)

    def post_cue(self, ctx: SentenceContext, qi: int, quote_text: str) -> Attribution:
        """``"Q," X said`` / ``"Q," said X`` / ``"Q," according to X``, and ``"Q," the lanky
        professor said`` (a description of the person the story is about)."""
        found = self._post_cue_named(ctx, qi, quote_text)
        if found.entity is not None:
            return found
        described = self._described(ctx, qi + 1)
        return described if described.entity is not None else found

    def _described(self, ctx: SentenceContext, k: int) -> Attribution:
        """``“Q,” the lanky, bespectacled professor said`` / ``“Q,” says the affable
        proprietor``: a definite description (no name, no verb) as the speaker refers to the
        person the story is about, when the last sentences are about one person."""
        tokens = ctx.tokens
        while k < len(tokens) and tokens[k].text in (",", "—", "–"):
            k += 1
        inverted = k < len(tokens) and _is_cue(tokens, k) and not tokens[k].lower.endswith("ing")
        cue = tokens[k].lower if inverted else None
        start = k + 1 if inverted else k
        if start >= len(tokens) or tokens[start].lower != "the":
            return NONE
        end = start + 1
        words = 0
        named = self._named_positions(ctx)
        while end < len(tokens) and end - start <= 8:
            tok = tokens[end]
            if tok.text == ",":
                if inverted:
                    break  # "says the rookie defenceman, younger brother of …"
                end += 1
                continue
            if not tok.is_word:
                break
            if not inverted and _is_cue(tokens, end):
                cue = tok.lower
                break
            if (
                tok.lower in lx.PRONOUNS
                or tok.lower in lx.DETERMINERS
                or tok.lower in lx.PREPOSITIONS
                or tok.lower in ("who", "which", "that", "and", "or")
                or (tok.lower in lx.ORG_NOUNS and tok.lower not in lx.ROLE_HEADS)
                or end in named
            ):
                return NONE
            words += 1
            end += 1
        if cue is None or words == 0:
            return NONE
        if inverted and end < len(tokens) and tokens[end].is_word:
            return NONE  # the description runs on: not a plain noun phrase
        person = self._topic_person(ctx)
        if person is None:
            return NONE
        return Attribution(person, 0.6, cue, ctx.index, self.named_in.get(id(person)))

    def _named_positions(self, ctx: SentenceContext) -> set[int]:
        """Token positions inside a mention of a named entity (a name is no description)."""
        out: set[int] = set()
        for m in ctx.mentions:
            if m.kind == "name" and self.resolved.get((ctx.index, m.first)) is not None:
                out.update(range(m.first, m.last + 1))
        return out

    def _topic_person(self, ctx: SentenceContext) -> Entity | None:
        """The one person the last paragraph or this one is about: the latest focus entry,
        when it is a person and no other person is named in that window."""
        window = [(e, i) for e, _, i in self._focus_within(ctx, 1)]
        if not window or not window[-1][0].person_like:
            return None
        person = window[-1][0]
        since = min(i for _, i in window) - 1
        rivals = [
            other
            for other in self._named_between(since, ctx.index)
            if other is not person and other.person_like
        ]
        return None if rivals else person

    def _post_cue_named(self, ctx: SentenceContext, qi: int, quote_text: str) -> Attribution:
        tokens = ctx.tokens
        k = qi + 1
        comma = False
        while k < len(tokens) and tokens[k].text in (",", "—", "–", "-"):
            comma = True
            k += 1
        if k >= len(tokens):
            return NONE
        open_end = comma or quote_text.rstrip(" \"”’'»")[-1:] in (",", "!", "?", "…", "—", "-")
        if tokens[k].lower == "according" and k + 1 < len(tokens) and tokens[k + 1].lower == "to":
            # "James Bullard … gave an interview noting … “Q,” according to CNBC": the outlet
            # reports; the sentence's own reporting verb names the speaker.
            reporter = self.pre_cue(ctx, qi)
            if reporter.entity is not None and reporter.entity.person_like:
                return reporter
            m = mention_after(ctx, k + 2)
            return self._with(self._subject(ctx, m, "according to"), -0.15)
        if k in ctx.by_first:  # "X said", "the board's engineer, X, said"
            group: list[Mention] = []
            c = k
            while c < len(tokens) and c - k < 12:
                if c in ctx.by_first:
                    group.append(ctx.by_first[c])
                    c = ctx.by_first[c].last + 1
                elif tokens[c].text == "," or tokens[c].lower in lx.SKIPPABLE or nounish(tokens[c]):
                    c += 1
                else:
                    break
            quoted_as = _quoted_as(tokens, c)
            if (
                quoted_as < len(tokens)
                and (
                    tokens[quoted_as].lower in lx.CUE_VERBS  # "quoted as saying"
                    if quoted_as > c
                    else _is_cue(tokens, c) and not tokens[c].lower.endswith("ing")
                )
                and self._follows_ok(tokens, quoted_as + 1, open_end)
            ):
                m = self._group_subject(ctx, group)
                return self._with(self._subject(ctx, m, tokens[quoted_as].lower), 0.05)
            found = self._after_appositive(ctx, ctx.by_first[k], open_end)
            return found if found.entity is not None else self._long_subject(ctx, k, open_end)
        if _is_cue(tokens, k) and not tokens[k].lower.endswith("ing"):  # "said X"
            m = self._inverted(ctx, k)
            if m is not None and self._follows_ok(tokens, m.last + 1, open_end):
                return self._with(self._subject(ctx, m, tokens[k].lower), 0.05)
            return NONE
        return self._long_subject(ctx, k, open_end)

    def _long_subject(self, ctx: SentenceContext, k: int, open_end: bool) -> Attribution:
        """``“Q,” Rally Canada volunteer media coordinator Tom Hinderks said``: a long noun
        phrase (names, role words, numbers, no verb) and then the cue; its last name speaks."""
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
            if _is_cue(tokens, c):
                break
            if tok.is_quote or tok.text in (";", ":") or _verb_like(tok):
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
            or tokens[c].lower.endswith("ing")
            or not self._follows_ok(tokens, c + 1, open_end)
            or any(t.lower in ("who", "which", "that") for t in tokens[k:c])
        ):
            return NONE
        return self._subject(ctx, self._head_of_phrase(ctx, last), tokens[c].lower)

    def _after_appositive(self, ctx: SentenceContext, m: Mention, open_end: bool) -> Attribution:
        """``“Q,” Guenther Schuh, e.GO’s founder and the mastermind behind …, said``: a name,
        an appositive between commas (no verb, no quote), then the cue."""
        tokens = ctx.tokens
        if m.kind != "name" or m.possessive or m.last + 1 >= len(tokens):
            return NONE
        if tokens[m.last + 1].text != ",":
            return NONE
        for c in range(m.last + 2, min(m.last + 25, len(tokens) - 1)):
            tok = tokens[c]
            if tok.is_quote or tok.text in (";", ":") or tok.lower in ("who", "which", "that"):
                return NONE
            if tok.text == ",":
                cue = c + 1
                reporting = _is_cue(tokens, cue) and not tokens[cue].lower.endswith("ing")
                if reporting and self._follows_ok(tokens, cue + 1, open_end):
                    return self._with(self._subject(ctx, m, tokens[cue].lower), 0.0)
                return NONE
        return NONE

    @staticmethod
    def _named_appositive(ctx: SentenceContext, role: Mention) -> Mention:
        """``says the director of operations for EHS, Jeff Fraser``: the name that a role
        phrase introduces after a comma, when the name ends the clause."""
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

    def _group_subject(self, ctx: SentenceContext, group: list[Mention]) -> Mention:
        """The subject among the mentions before a verb: the first name that is no possessor
        and names someone ("Campbell’s partner, Jason Louth, said" is Jason Louth)."""
        for g in group:
            if g.kind == "name" and not g.possessive and self.resolved.get((ctx.index, g.first)):
                return g
        return next((g for g in group if not g.possessive), group[0])

    def _inverted(self, ctx: SentenceContext, ci: int) -> Mention | None:
        """The subject after its verb: ``said managing director Alasdair Quinn``.

        Never across a preposition ("quipped to Colton" names the one spoken to); past a
        possessor to the person it qualifies ("said the IFSD’s Azfar Ali Khan").
        """
        tokens = ctx.tokens
        c = ci + 1
        while c < len(tokens) and tokens[c].lower in lx.SKIPPABLE:
            c += 1
        after_possessor = False
        pos = c
        while pos < min(c + 8, len(tokens)):
            m = ctx.by_first.get(pos)
            if m is not None and not m.possessive:
                if m.kind != "name":
                    return self._named_appositive(ctx, m)
                return self._qualified_name(ctx, m)
            if m is not None:  # "said Campbell’s partner, Jason Louth"
                after_possessor = True
                pos = m.last + 1
                continue
            tok = tokens[pos]
            role_word = tok.lower in lx.ROLE_HEADS or tok.lower in lx.DETERMINERS
            # "said oil and gas worker Mike Wipf": lower-case words that qualify the name
            role_word = role_word or nounish(tok) or (tok.lower == "and" and pos > c)
            possessor = tok.is_word and strip_possessive(tok.text) != tok.text
            after_possessor = after_possessor or possessor
            if not (role_word or possessor or (after_possessor and tok.text == ",")):
                return None  # "says a document titled White Paper": no speaker there
            pos += 1
        return None

    @staticmethod
    def _qualified_name(ctx: SentenceContext, m: Mention) -> Mention:
        """``says Heart and Stroke senior manager Erin Kim``: an organisation that qualifies
        the role of the person named right after it; that person is the subject."""
        tokens = ctx.tokens
        k = m.last + 1
        while k < len(tokens) and k - m.last <= 5:
            later = ctx.by_first.get(k)
            if later is not None:
                return later if later.kind == "name" and not later.possessive else m
            tok = tokens[k]
            if not (nounish(tok) or tok.lower in ("and", "of", "&") or tok.is_capitalised):
                return m
            k += 1
        return m

    @staticmethod
    def _with(attr: Attribution, bonus: float) -> Attribution:
        if attr.entity is None:
            return attr
        return Attribution(
            attr.entity,
            min(0.99, attr.confidence + bonus),
            attr.cue,
            attr.evidence_sentence,
            attr.named_sentence,
        )

    @staticmethod
    def _follows_ok(tokens: tuple[Token, ...], k: int, open_end: bool) -> bool:
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

    def reported_speech(self, ctx: SentenceContext) -> Attribution:
        """Who a sentence reports as speaking: the subject of its main reporting verb, the
        first one outside a subordinate clause ("He also said … when he described …" is the
        first "he"), resolved like a quote's speaker; nobody when no verb reports speech."""
        tokens = ctx.tokens
        for j in range(len(tokens)):
            if tokens[j].lower in lx.SUBORDINATORS and j > 0:
                break  # "… when he described …": a subordinate clause, not the report
            if tokens[j].lower == "according" and j + 1 < len(tokens):
                return self.pre_cue(ctx, len(tokens))
            if _is_cue(tokens, j) and not _passive(tokens, j):
                found = self.subject_of(ctx, j)
                if found.entity is not None:
                    return found
        return self.pre_cue(ctx, len(tokens))

    def pre_cue(self, ctx: SentenceContext, qi: int) -> Attribution:
        """The reporting verb before the quote in its sentence, and its subject."""
        tokens = ctx.tokens
        passive: str | None = None
        for j in range(qi - 1, -1, -1):
            tok = tokens[j]
            if tok.text == ";":
                break
            if tok.lower == "according" and j + 2 < len(tokens) and tokens[j + 1].lower == "to":
                # "According to Haley, …": often the source of the report, not the speaker.
                found = self._subject(ctx, mention_after(ctx, j + 2), "according to")
                return self._with(found, -0.15)
            voiced = self._in_their_words(ctx, j)
            if voiced is not None:
                return self._with(self._subject(ctx, voiced, "in their words"), -0.1)
            if tok.lower in lx.CLAIM_NOUNS and j + 1 < len(tokens) and tokens[j + 1].lower == "by":
                m = mention_after(ctx, j + 2)  # "claims by property tycoon Declan Roche that"
                if m is not None:
                    return self._subject(ctx, m, tok.lower)
            if _is_cue(tokens, j) and _passive(tokens, j):
                passive = passive or tok.lower  # "He was described as “…”": look further back
                continue
            if _is_cue(tokens, j):
                attr = self.subject_of(ctx, j)
                # "He told The Liverpool Echo: “…”": a subject before the verb, even one
                # that names nobody here, means the name after it is the one spoken to.
                subject_before = j > 0 and (j - 1) in ctx.by_last
                if attr.entity is None and not tok.lower.endswith("ing") and not subject_before:
                    m = self._inverted(ctx, j)
                    if m is not None and m.first > j and m.last < qi:
                        between = {t.text for t in tokens[m.last + 1 : qi]}
                        if between <= {",", ":", "—", "–", "and"}:
                            return self._subject(ctx, m, tok.lower)
                if attr.entity is None:
                    return Attribution(None, 0.0, tok.lower)  # reported speech, speaker unknown
                if qi - j > FAR_CUE_TOKENS:
                    return self._with(attr, -0.15)  # "Singh has said he plans … “elected” …"
                return attr
        if passive:
            return Attribution(None, 0.0, passive)
        trailing = self._trailing_attribution(ctx, qi)
        if trailing.entity is not None:
            return trailing
        colon = self._introduced_by_colon(ctx, qi)
        return colon

    def possessor(self, ctx: SentenceContext, qi: int) -> Attribution:
        """``Musk’s “production hell”``: a phrase owned by a person is that person's
        expression (the caller keeps titles out: "Smith’s “Hamlet”")."""
        m = ctx.by_last.get(qi - 1)
        if m is None or not m.possessive or m.kind != "name":
            return NONE
        attr = self.resolve_mention(ctx, m)
        if attr.entity is None or not attr.entity.person_like:
            return NONE
        return Attribution(attr.entity, 0.6, None, ctx.index, attr.named_sentence)

    @staticmethod
    def _in_their_words(ctx: SentenceContext, j: int) -> Mention | None:
        """``in her words``, ``as he put it``: the pronoun whose words the quote is."""
        tokens = ctx.tokens
        if tokens[j].lower not in ("in", "as") or j + 1 >= len(tokens):
            return None
        m = ctx.by_first.get(j + 1)
        if m is None or m.kind != "pronoun":
            return None
        if tokens[j].lower == "in":
            return m if m.last == j + 2 and tokens[m.last].lower == "words" else None
        put_it = [t.lower for t in tokens[m.last + 1 : m.last + 3]] == ["put", "it"]
        return m if put_it else None

    def _trailing_attribution(self, ctx: SentenceContext, qi: int) -> Attribution:
        """``The offer was “a slap in the face” for workers, Dana Kowal said.``: the sentence
        ends with its attribution after a comma, and no other quote comes between."""
        tokens = ctx.tokens
        for c in range(len(tokens) - 2, qi, -1):
            if tokens[c].is_quote:
                return NONE
            if tokens[c].text == ",":
                found = self._long_subject(ctx, c + 1, True)
                return self._with(found, -0.05) if found.entity is not None else NONE
        return NONE

    def _introduced_by_colon(self, ctx: SentenceContext, qi: int) -> Attribution:
        """``Martell, the addictions doctor, is more blunt: “…”``: a clause about a person
        that introduces the quote with a colon, and no reporting verb."""
        if qi < 2 or ctx.tokens[qi - 1].text != ":" or ctx.main is None:
            return NONE
        attr = self.resolve_mention(ctx, ctx.main)
        if attr.entity is None or not attr.entity.person_like:
            return NONE
        return Attribution(attr.entity, 0.7, None, ctx.index, attr.named_sentence)
