"""The readable text of an HTML statement, for ``privlint.rules.drift`` (its own module: most published
texts are plain, and html.parser is then not imported)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


class _TextOfHtml(HTMLParser):
    """The readable text of an HTML document, piece by piece, with the line each piece starts on."""

    _SKIPPED = frozenset({"script", "style", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, int]] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.pieces.append((data, self.getpos()[0]))


def html_pieces(content: str) -> list[tuple[str, int]]:
    parser = _TextOfHtml()
    try:
        parser.feed(content)
        parser.close()
    except Exception:  # html.parser copes with nearly anything; if not, read the text without its tags
        return [(html.unescape(re.sub(r"<[^>]*>", " ", content)), 1)]
    return parser.pieces
