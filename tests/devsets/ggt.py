"""The GenderGapTracker's 98 human-annotated Canadian news articles (Asr et al. 2021).

The texts are the outlets' copyright: never committed. To make a copy, fetch
``NLP/evaluation/src/rawtext.zip`` and
``NLP/evaluation/src/eval/AnnotationTable_byArticle_withReplacementArticles.xlsx`` from
github.com/sfu-discourse-lab/GenderGapTracker at commit b2db965, unzip the texts into
``DIR/rawtext/`` and save the table as ``DIR/annotations.xlsx``; point ``QUOTEBOT_GGT_DIR`` at DIR.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.settings import CorpusSettings
from tests.devsets.gold import Document, GoldQuote, marked_words
from tests.devsets.reading import FileReader

MARKER = "annotations.xlsx"


def _quotations(text: str) -> list[dict[str, str]]:
    """The quotations list; one row of the table starts a second list before closing the first."""
    return list(json.loads(re.sub(r"\}\s*\[\s*\{", "}, {", text)))


def load(data_dir: Path, corpus: CorpusSettings) -> list[Document]:
    """Every annotated article that has its text, in id order."""
    import openpyxl  # dev-only dependency: the product never reads spreadsheets

    book = openpyxl.load_workbook(data_dir / MARKER, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    docs: list[Document] = []
    for row in rows[1:]:
        record = dict(zip(header, row, strict=False))
        found = re.search(r"([0-9a-f]{24})", str(record.get("_id") or ""))
        path = data_dir / "rawtext" / f"{found.group(1)}.txt" if found else None
        if found is None or path is None or not path.is_file():
            continue
        article_id = found.group(1)
        gold = tuple(
            GoldQuote(
                article=article_id,
                segments=segments,
                surface=(q.get("speaker") or "").strip() or None,
                reference=(q.get("reference") or "").strip() or None,
                judge="reference",
            )
            for q in _quotations(str(record.get("quotations") or "[]"))
            if (segments := tuple(marked_words(q.get("quote") or "")))
        )
        docs.append(Document(article_id, FileReader(path, corpus), gold))
    return sorted(docs, key=lambda d: d.id)
