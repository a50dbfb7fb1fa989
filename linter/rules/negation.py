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
    clause_start = max((match.end() for match in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    clause_end = after.start() if after else len(text)
    before = _WORD.findall(text, clause_start, start)[-WORDS_BEFORE:]
    following = _WORD.findall(text, end, clause_end)[:WORDS_AFTER]
    return any(word.casefold() in NEGATIONS for word in before + following)
