"""Word-level primitives every stage shares."""

from __future__ import annotations

from framecmp.text.vocabulary import (
    MONTHS,
    _spellings,
    american_spelling,
    is_content_word,
    normalise,
    stem,
    stopwords,
)


def test_normalise_lowercases_unifies_apostrophes_and_drops_possessives() -> None:
    assert normalise("Russia\u2019s") == "russia"
    assert normalise("Russia's") == "russia"
    assert normalise("Kyiv") == "kyiv"
    assert normalise("U.S.") == "u.s."


def test_stop_words_are_function_words_not_news_content() -> None:
    words = stopwords()
    assert {"the", "and", "of", "which"} <= words
    # Trimmed from scikit-learn's list: these carry meaning in news text.
    assert not {"serious", "side", "detail", "interest", "fire", "system"} & words


def test_content_words() -> None:
    assert is_content_word("hostilities")
    assert not is_content_word("the")
    assert not is_content_word("—")
    assert not is_content_word("a")


def test_stem_needs_no_downloaded_data_and_merges_inflections() -> None:
    assert stem("negotiations") == stem("negotiating") == "negoti"
    assert stem("seriously") == stem("serious")


def test_month_names_and_abbreviations() -> None:
    assert MONTHS["november"] == MONTHS["nov"] == 11
    assert MONTHS["sept"] == MONTHS["september"] == 9
    assert len(set(MONTHS.values())) == 12


def test_british_and_american_spellings_share_a_stem() -> None:
    for british, american in [
        ("jewellery", "jewelry"),
        ("offence", "offense"),
        ("organisation", "organization"),
        ("neighbouring", "neighboring"),
        ("travelled", "traveled"),
    ]:
        assert stem(british) == stem(american), (british, american)
    # a spelling whose meaning decides it is left alone: a TV "programme" is no computer program
    assert american_spelling("programme") == "programme"
    # an American word is never rewritten
    assert american_spelling("center") == "center"


def test_no_listed_spelling_is_the_american_spelling_of_another() -> None:
    table = _spellings()
    assert len(table) > 1000
    assert not set(table) & set(table.values())


def test_a_spelling_that_is_another_word_is_left_alone() -> None:
    # "analyses" is the American plural of "analysis", "chile" lower-cased is the country,
    # "prev" an abbreviation, "nanogrammes" no spelling of "micrograms"
    for word in ("analyses", "chile", "prev", "cree", "nanogrammes", "dyke"):
        assert american_spelling(word) == word
