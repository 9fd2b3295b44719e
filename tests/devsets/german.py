"""The German Wikinews quotation-attribution set (Petersen-Frey & Biemann, LREC-COLING 2024).

Annotations CC BY-NC-SA, texts from Wikinews: never committed. Only the train split is ours to
look at (its other splits are how others check us): ``fetch
github:uhh-lt/german-news-quotation-attribution-2024``, take ``data/train/*.pretty.json`` into DIR
and set ``QUOTEBOT_GERMAN_DIR`` to DIR.

Gold quotes are the annotations of type ``Direct`` (the words inside „…“); the speaker span is
judged by the last word of its name, and a pronoun or description is not judged; an article
inside the span starts a qualifier ("Der Leiter des Programms der WHO, Klaus Stöhr" is Stöhr).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.settings import CorpusSettings
from tests.devsets.gold import Document, GoldQuote, norm
from tests.devsets.reading import TextReader

MARKER = "*.pretty.json"
NAME = re.compile(r"^(?P<id>\d+) - (?P<title>.*?)(?: \((?P<date>\d{4}-\d\d-\d\d)\))?$")
MARKS = '„“”"»«‚‘’'


def load(data_dir: Path, corpus: CorpusSettings) -> list[Document]:
    """Every article of the split, in id order: its title, date and text as one article."""
    docs = []
    for path in sorted(data_dir.glob(MARKER)):
        data = json.loads(path.read_text(encoding="utf-8"))
        found = NAME.match(str(data.get("documentName") or path.stem.removesuffix(".pretty")))
        doc_id = found.group("id") if found else path.stem
        title = found.group("title") if found else ""
        date = found.group("date") if found and found.group("date") else ""
        text = "\n\n".join(part for part in (title, date, data["originalText"]) if part)
        gold = tuple(
            GoldQuote(doc_id, (words,), a["speaker"]["text"] or None, None, "last_word_de")
            for a in data["annotations"]
            if a.get("type") == "Direct" and (words := norm(a["quote"]["text"].strip(MARKS + " ")))
        )
        docs.append(Document(doc_id, TextReader(f"{doc_id}.txt", text, corpus), gold))
    return sorted(docs, key=lambda d: d.id)
