"""English: the word lists in ``bot/quotes/data`` and the sieves of ``bot.quotes.attribution``
(the language Quotebot was first written for; its lists have not yet moved into this folder)."""

from bot.quotes.lang import Language

LANGUAGE = Language(code="en", name="English", text_search="english", data_package="bot.quotes")
