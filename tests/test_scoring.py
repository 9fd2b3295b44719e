"""The pure scoring core: verbatim containment, close matches and word diffs."""

from __future__ import annotations

from bot.search.normalize import content_terms, norm, words
from bot.search.scoring import match


def test_normalisation_ignores_case_marks_and_punctuation() -> None:
    assert norm("“We’d  WELCOME that,” he said.") == "we'd welcome that he said"


def test_verbatim_is_a_contiguous_run_of_words() -> None:
    assert match(words("be in prison"), words("deserves to be in prison")).verbatim
    assert not match(words("prison in be"), words("deserves to be in prison")).verbatim


def test_close_match_shows_replaced_and_inserted_words() -> None:
    m = match(words("deserve to be in jail"), words("deserves to be in prison"))
    assert not m.verbatim and m.score >= 80
    assert [(d.op, d.query, d.record) for d in m.diff] == [
        ("replace", "deserve", "deserves"),
        ("replace", "jail", "prison"),
    ]


def test_unrelated_text_scores_low() -> None:
    m = match(words("the cat sat on the mat"), words("we will build more homes for families"))
    assert m.score < 50


def test_content_terms_drop_stopwords_unless_nothing_is_left() -> None:
    assert content_terms("deserves to be in prison") == ["deserves", "prison"]
    assert content_terms("to be or not to be") == ["to", "be", "or", "not"]
    # a stopword with a plural "s" (a typo, or "ours") is indexed as the stopword
    assert content_terms("fight thes plans of ours in court") == ["fight", "plans", "court"]
