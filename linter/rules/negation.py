"""Whether words a rule found in a statement's text are denied there: "geen Google Analytics", "we do not use Hotjar".

Rules that count what a text names (a provider in a purpose, browsing behaviour in a list of data) must
not count what it says it does not do. A name counts as denied where a negation stands before it in the
same clause (a few words back, as in "wij gebruiken geen Google Analytics, Hotjar of Facebook Pixel"), or
right after it ("Google Analytics gebruiken wij niet"). A clause ends at sentence punctuation and at a
turn ("maar", "but"): in "geen cookies, maar wel Google Analytics" the provider is not denied. The rule
errs towards denial: a name it takes as denied is simply not counted.
"""

from __future__ import annotations

import re

NEGATIONS = frozenset(
    "geen niet niets niemand nooit zonder noch nergens no not nothing nobody never without nor none neither cannot don't doesn't didn't won't "
    "can't isn't aren't wasn't weren't haven't hasn't don’t doesn’t didn’t won’t can’t isn’t aren’t".split()
)
WORDS_BEFORE = 6  # "wij maken geen gebruik van Google Analytics": the negation five words back
WORDS_AFTER = 3  # "Google Analytics gebruiken wij niet"

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_CLAUSE_END = re.compile(r"[.;:!?\n]|(?<!\w)(?:maar|but|however|echter|behalve|except|wel)(?!\w)", re.IGNORECASE)


def is_denied(text: str, start: int, end: int) -> bool:
    """Whether the words at ``text[start:end]`` are denied in their clause (see the module's description)."""
    return any(word.casefold() in NEGATIONS for word in _words_before(text, start) + _words_after(text, end))


# Both read only as far as the words they need, never the whole clause: a text naming a thousand
# services in one long clause would otherwise be read a thousand times.


def _words_before(text: str, start: int) -> list[str]:
    """The last WORDS_BEFORE words of the clause before ``start``."""
    reach = 64
    while True:
        low = max(0, start - reach)
        ends = [match.end() for match in _CLAUSE_END.finditer(text, low, start)]
        if ends:  # the clause starts in this stretch (clause ends never overlap, so it is the last one)
            return _WORD.findall(text, ends[-1], start)[-WORDS_BEFORE:]
        words = _WORD.findall(text, low, start)
        if low == 0 or len(words) > WORDS_BEFORE:  # the first may be cut by the stretch, or end a clause
            return words[-WORDS_BEFORE:]
        reach *= 2


def _words_after(text: str, end: int) -> list[str]:
    """The first WORDS_AFTER words of the clause after ``end``."""
    limit = len(text)
    for count, match in enumerate(_WORD.finditer(text, end), start=1):
        if count == WORDS_AFTER:
            limit = match.end()  # the words after it cannot count
            break
    after = _CLAUSE_END.search(text, end, limit)
    return _WORD.findall(text, end, after.start() if after else limit)[:WORDS_AFTER]
