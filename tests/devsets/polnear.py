"""PolNeAR (Newell, Margolin & Ruths 2018): US political news of 2015–16 from seven outlets,
with every attribution annotated as Source / Cue / Content spans (brat standoff).

No licence: never commit its text. Only the train split is ours to look at (its dev and test
splits are how others check us): ``fetch github:networkdynamics/PolNeAR``, take
``data/train/text`` and ``data/train/attributions`` into ``DIR/text`` and ``DIR/attributions``
(or point at ``data/train``), and set ``QUOTEBOT_POLNEAR_DIR`` to DIR.

Gold quotes are the Content spans that hold quote marks (the words inside the marks), with
their offsets (an extracted quote carries one only where it stands); the speaker is the Source
span, judged by the last word of its name. An article annotated twice
is scored on its first annotation (the annotation files sort by annotator).
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import CorpusSettings
from tests.devsets.gold import Document, GoldQuote, marked_words
from tests.devsets.reading import FileReader

MARKER = "attributions"
SPAN = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t(.*)$")  # "T3\tContent 10 20;25 40\t…"
EVENT = re.compile(r"^E\d+\t(.*)$")


Offsets = tuple[tuple[int, int], ...]


def parse(ann: str, text: str) -> list[tuple[str, str | None, Offsets]]:
    """(content text, source text, content offsets) of every attribution in a brat file."""
    spans: dict[str, tuple[str, Offsets]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if m := SPAN.match(line):
            # A discontinuous span ("“Judge,” Brafman said, “I have …”") is its fragments.
            pieces = tuple(
                (int(a), int(b)) for a, b in (piece.split() for piece in m.group(3).split(";"))
            )
            spans[m.group(1)] = (" ".join(text[a:b] for a, b in pieces), pieces)
        elif m := EVENT.match(line):
            events.append(dict(part.split(":", 1) for part in m.group(1).split() if ":" in part))
    out = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        source = spans.get(event.get("Source", ""))
        if content is None:
            continue
        out.append((content[0], source[0] if source else None, content[1]))
    return out


def load(data_dir: Path, corpus: CorpusSettings) -> list[Document]:
    """Every article with text and an annotation, in id order."""
    first: dict[str, Path] = {}
    for ann in sorted((data_dir / "attributions").glob("*.ann")):
        first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for stem, ann in sorted(first.items()):
        path = data_dir / "text" / f"{stem}.txt"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        gold = tuple(
            GoldQuote(stem, segments, source, None, "last_word", where)
            for content, source, where in parse(ann.read_text(encoding="utf-8"), text)
            if (segments := tuple(marked_words(content)))
        )
        docs.append(Document(stem, FileReader(path, corpus), gold, text))
    return docs
