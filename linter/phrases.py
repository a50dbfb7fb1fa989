"""Finding phrases in the statement's own words (English and Dutch).

Checks that judge wording ("as long as necessary", "we may", "check this page
regularly") declare their phrases and ask ``Phrases.find`` for the first one
that occurs, so that every check matches the same way: case-insensitively, on
word boundaries, with any run of white space between words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product


class Phrases:
    def __init__(self, phrases: Iterable[str]):
        alternatives = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(_word, alternative.split())) for alternative in alternatives)
        self._pattern = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)

    def find(self, text: str | None) -> str | None:
        """The first phrase found in ``text``, as written there, or None."""
        if not text:
            return None
        found = self._pattern.search(text)
        return found.group(0) if found else None

    def find_all(self, text: str | None) -> list[str]:
        return [m.group(0) for m in self._pattern.finditer(text or "")]

    def remove(self, text: str | None) -> str:
        """``text`` with every occurrence of the phrases blanked out."""
        return self._pattern.sub(" ", text or "")


def _word(word: str) -> str:
    # A trailing '*' matches any word ending: 'mogelijk*' finds 'mogelijkerwijs'.
    return re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)


def combine(*parts: Iterable[str]) -> list[str]:
    """Every phrase made of one alternative from each part, in order; '' leaves a part out.

    ``combine(("zolang", "zo lang"), ("", "als"), ("nodig",))`` gives "zolang nodig",
    "zolang als nodig", "zo lang nodig" and "zo lang als nodig".
    """
    return [" ".join(word for word in choice if word) for choice in product(*parts)]
