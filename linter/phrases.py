"""Finding phrases in the statement's own words (English and Dutch).

Checks that judge wording ("as long as necessary", "we may", "check this page
regularly") declare their phrases and ask ``Phrases.find`` for the first one
that occurs, so that every check matches the same way: case-insensitively, on
word boundaries, with any run of white space between words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import product


class Phrases:
    """Phrases as one regular expression, matching the longest phrase where several start.

    The phrases are stored as a tree of words, and words that are followed by the
    same continuations share them (``combine`` lists are products), so that the
    expression is several times smaller than a plain alternation: it compiles in
    a fraction of the time, and matches about five times as fast. It is compiled
    on first use, so that commands that only list the rules do not pay for it.
    """

    def __init__(self, phrases: Iterable[str]):
        self._phrases = {p.strip() for p in phrases if p.strip()}

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        tree: dict[str, _Node] = {}
        for phrase in self._phrases:
            node, words = tree, phrase.split()
            for position, word in enumerate(words):
                entry = node.setdefault(_word(word), _Node())
                entry.longest = max(entry.longest, len(phrase))
                entry.ends = entry.ends or position == len(words) - 1
                node = entry.next
        # Only where a phrase can start: the look-ahead saves trying every phrase at every position.
        starts = "".join(sorted({re.escape(phrase[0]) for phrase in self._phrases}))
        ahead = f"(?=[{starts}])" if starts else ""
        return re.compile(rf"(?<![\w]){ahead}(?:{_alternatives(tree)})(?![\w])", re.IGNORECASE)

    @property
    def expression(self) -> str:
        """The regular expression (case-insensitive), for checks that combine it with others in one pass."""
        return self._pattern.pattern

    def find(self, text: str | None) -> str | None:
        """The first phrase found in ``text``, as written there, or None."""
        if not text:
            return None
        found = self._pattern.search(text)
        return found.group(0) if found else None

    def find_all(self, text: str | None) -> list[str]:
        return [m.group(0) for m in self._pattern.finditer(text or "")]


@dataclass
class _Node:
    """A word in the tree: whether a phrase ends here, the words that may follow, the longest phrase through it."""

    ends: bool = False
    next: dict[str, _Node] = field(default_factory=dict)
    longest: int = 0


def _alternatives(tree: dict[str, _Node]) -> str:
    """The expression for the phrases of ``tree``; longer phrases are tried first."""
    groups: dict[str, list[tuple[int, str]]] = {}  # the expression for what follows -> words before it
    for word, node in tree.items():
        rest = ""
        if node.next:
            rest = rf"(?:\s+(?:{_alternatives(node.next)})){'?' if node.ends else ''}"
        groups.setdefault(rest, []).append((node.longest, word))
    parts = []
    for rest, words in sorted(groups.items(), key=lambda group: (-max(group[1])[0], group[0])):
        ordered = [word for _, word in sorted(words, key=lambda item: (-item[0], -len(item[1]), item[1]))]
        parts.append((ordered[0] if len(ordered) == 1 else f"(?:{'|'.join(ordered)})") + rest)
    return "|".join(parts)


@lru_cache(maxsize=None)
def _word(word: str) -> str:
    # A trailing '*' matches any word ending: 'mogelijk*' finds 'mogelijkerwijs'.
    return re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)


def combine(*parts: Iterable[str]) -> list[str]:
    """Every phrase made of one alternative from each part, in order; '' leaves a part out.

    ``combine(("zolang", "zo lang"), ("", "als"), ("nodig",))`` gives "zolang nodig",
    "zolang als nodig", "zo lang nodig" and "zo lang als nodig".
    """
    return [" ".join(word for word in choice if word) for choice in product(*parts)]
