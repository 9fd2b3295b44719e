"""English: the word lists in ``data/`` here and the sieves of ``bot.quotes.attribution`` (the
language Quotebot was first written for: its sieves and mention finder are still read from
there, and its modules still read these lists through ``bot.quotes.lexicon``)."""

from bot.quotes.lang import Language

LANGUAGE = Language(
    code="en", name="English", text_search="english", data_package="bot.quotes.lang.en"
)
