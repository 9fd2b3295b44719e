"""German: „…“, sagte X; so X; laut X; X zufolge; X erklärte: „…“ (word lists in ``data/``,
sieves and name reading in ``rules``, ``names``)."""

from bot.quotes.lang import Language

LANGUAGE = Language(
    code="de",
    name="German",
    text_search="german",
    data_package="bot.quotes.lang.de",
    ordinal_stops=True,
)
