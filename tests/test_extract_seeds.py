"""The seed corpus: every quote the desk cares about, with the right speaker (traps included)."""

from __future__ import annotations

from bot.extraction import build_extractor
from bot.settings import Settings
from tests.conftest import SEEDS, seed_article, seed_quotes, speaker_of


def test_offsets_slice_back_to_quote_text(settings: Settings) -> None:
    for path in SEEDS.glob("*.txt"):
        stem = path.name[:3]
        article = seed_article(stem, settings)
        for q in seed_quotes(stem, settings):
            assert article.body[q.start : q.end] == q.text


def test_seed_000_musk_and_lowe_and_no_footer_quotes(settings: Settings) -> None:
    quotes = seed_quotes("000", settings)
    assert speaker_of(quotes, "I would like to help fund legal actions") == "Elon Musk"
    assert speaker_of(quotes, "most comprehensive exposés") == "Rupert Lowe"
    texts = " ".join(q.text for q in quotes)
    for headline in ("doesn't matter", "This is England!", "Capital, capital punishment"):
        assert headline not in texts


def test_seed_001_unbalanced_marks_and_governing_verbs(settings: Settings) -> None:
    quotes = seed_quotes("001", settings)
    # The closing mark is missing before the next quote opens: the quote stops there.
    start = next(q for q in quotes if q.text.startswith("Start by condemning"))
    assert start.text.endswith("their responsibilities.")
    assert start.speaker == "Elon Musk"
    assert speaker_of(quotes, "thousands") == "Rupert Lowe"
    assert speaker_of(quotes, "patterns of predominantly Pakistani men") == "Rupert Lowe"
    assert (
        speaker_of(quotes, "rape genocide apologist") == "Elon Musk"
    )  # "Musk tweeted … and called her"
    assert speaker_of(quotes, "weak sauce") == "Elon Musk"
    assert speaker_of(quotes, "85 local authorities") != "Elon Musk"  # Lowe's inquiry, not Musk


def test_seed_002_subject_not_nearest_name(settings: Settings) -> None:
    quotes = seed_quotes("002", settings)
    prison = next(q for q in quotes if q.text == "deserves to be in prison")
    assert prison.speaker == "Elon Musk"  # not Jess Phillips, the nearest name
    assert prison.cue == "suggested"
    assert prison.kind == "partial"
    assert prison.evidence is not None and "Musk also suggested" in prison.evidence
    assert speaker_of(quotes, "misjudged and certainly misinformed") == "Wes Streeting"
    assert speaker_of(quotes, "roll his sleeves up") == "Wes Streeting"  # "he added"
    assert speaker_of(quotes, "incredibly seriously") == "Wes Streeting"
    assert speaker_of(quotes, "civil war is inevitable") == "Elon Musk"
    assert speaker_of(quotes, "New elections") == "Elon Musk"
    # A report's scare quotes have no speaker: never guessed, and not presented as speech.
    texts = [q.text for q in quotes]
    assert not any("legitimate concerns" in t or "two-tier policing" in t for t in texts)
    terms = [t.text for t in build_extractor(settings).extract(seed_article("002", settings)).terms]
    assert "legitimate concerns" in terms and "two-tier policing" in terms


def test_seed_003(settings: Settings) -> None:
    quotes = seed_quotes("003", settings)
    assert speaker_of(quotes, "deserves to be in prison") == "Elon Musk"


def test_seed_004_pronouns_roles_and_multi_paragraph(settings: Settings) -> None:
    quotes = seed_quotes("004", settings)
    assert speaker_of(quotes, "a line has been crossed") == "Keir Starmer"
    assert speaker_of(quotes, "rape genocide apologist") == "Elon Musk"  # "when he described"
    assert speaker_of(quotes, "strong records in this area") == "Dan Carden"  # "The MP"
    assert speaker_of(quotes, "Thank you, @DanCardenMP!") == "Elon Musk"
    assert speaker_of(quotes, "spreading misinformation") == "Keir Starmer"
    assert speaker_of(quotes, "strength of feeling") == "Jess Phillips"
    assert speaker_of(quotes, "We've already had inquiries") == "Andrew Gwynne"
    assert speaker_of(quotes, "very serious issue") == "Andrew Gwynne"
    # Two multi-paragraph quotes: one run each, one speaker each.
    carden = [q for q in quotes if q.speaker == "Dan Carden" and q.kind == "full"]
    public = next(q for q in carden if q.text.startswith("The public compassion"))
    shocking = next(q for q in carden if q.text.startswith("It is shocking"))
    assert public.run == shocking.run and public.paragraph + 1 == shocking.paragraph
    had = next(q for q in quotes if q.text.startswith("Had Elon Musk really"))
    need = next(q for q in quotes if q.text.startswith("What we need is justice"))
    assert had.run == need.run and had.speaker == need.speaker == "Andrew Gwynne"
    # The nested single quote belongs to the outer quote; the headline's single quote counts.
    assert not any(q.text.startswith("We must question") and q.speaker is None for q in quotes)
    assert speaker_of(quotes, "integrity") == "Elon Musk"


def test_names_are_canonical_and_roles_kept(settings: Settings) -> None:
    quotes = seed_quotes("002", settings) + seed_quotes("004", settings)
    speakers = {q.speaker for q in quotes if q.speaker}
    assert (
        "Musk" not in speakers and "Mr Musk" not in speakers and "Sir Keir Starmer" not in speakers
    )
    gwynne = next(q for q in quotes if q.speaker == "Andrew Gwynne")
    assert gwynne.role == "Public Health minister"
    # "Musk, a close confidant of US President-elect Donald Trump": whom he stands to is no
    # role to show beside his name ("Elon Musk, close confidant" read as a title).
    musk = {q.role for q in quotes if q.speaker == "Elon Musk"}
    assert "close confidant" not in musk and "US-based tech tycoon" in musk


def test_no_furniture_yields_a_quote(settings: Settings) -> None:
    for path in SEEDS.glob("*.txt"):
        for q in seed_quotes(path.name[:3], settings):
            assert "Vanessa Feltz" not in q.text and "Read more" not in q.text
