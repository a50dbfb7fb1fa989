"""Finding phrases in the statement's own words (English and Dutch).

Checks that judge wording ("as long as necessary", "we may", "check this page
regularly") declare their phrases and ask ``Phrases.find`` for the first one
that occurs, so that every check matches the same way: case-insensitively, on
word boundaries, with any run of white space between words.

Building the expressions of privlint's own phrase lists (thousands of phrases)
takes a tenth of a run over one file, so they are stored, built, in
``privlint/data/phrase_expressions.json``, by a digest of the phrases: a list
that is not there (a plugin's, or one edited since) is built when first used.
``python -m privlint.rules.phrases`` writes the file again; a test says when to.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from itertools import product
from pathlib import Path

STORE = "phrase_expressions.json"  # in privlint.data


class LowerCasePattern:
    """A regular expression written in lower case, matched case-insensitively by lower-casing the text.

    Python runs a ``re.IGNORECASE`` expression several times slower than a plain one:
    it folds every character as it compares it, and it cannot skip ahead to where a
    match can start. Lower-casing the text once and matching plainly finds the same
    matches in the same places. A text that lower-casing makes longer (the rare letter
    that becomes two, such as 'İ') is matched with ``re.IGNORECASE`` instead.
    """

    def __init__(self, source: str):
        self.source = source

    @cached_property
    def _plain(self) -> re.Pattern[str]:
        return re.compile(self.source)

    @cached_property
    def _folding(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], str]]:
        """Each match (in the lower-cased text), with the words it matched as written."""
        lowered = text.lower()
        if len(lowered) != len(text):
            for match in self._folding.finditer(text):
                yield match, match.group(0)
            return
        for match in self._plain.finditer(lowered):
            yield match, text[match.start() : match.end()]

    def substitute(self, replacement: str, text: str) -> str:
        """``text`` with every match replaced by ``replacement``."""
        pieces, end = [], 0
        for match, _ in self.finditer(text):
            pieces += [text[end : match.start()], replacement]
            end = match.end()
        return "".join(pieces) + text[end:]

    def search(self, text: str) -> str | None:
        """The words of the first match, as written, or None."""
        return next((written for _, written in self.finditer(text)), None)


class Phrases:
    """Phrases as one regular expression, matching the longest phrase where several start.

    The phrases are stored as a tree of words, and words that are followed by the
    same continuations share them (``combine`` lists are products), so that the
    expression is several times smaller than a plain alternation: it compiles in
    a fraction of the time, and matches about five times as fast. It is compiled
    on first use, so that commands that only list the rules do not pay for it.
    """

    def __init__(self, phrases: Iterable[str]):
        self._phrases = {p.strip().lower() for p in phrases if p.strip()}

    @cached_property
    def _pattern(self) -> LowerCasePattern:
        return LowerCasePattern(_stored_expressions().get(_digest(self._phrases)) or _source(self._phrases))

    @property
    def expression(self) -> str:
        """The regular expression (lower case), for checks that combine it with others in one pass."""
        return self._pattern.source

    def find(self, text: str | None) -> str | None:
        """The first phrase found in ``text``, as written there, or None."""
        return self._pattern.search(text) if text else None

    def find_all(self, text: str | None) -> list[str]:
        return [written for _, written in self._pattern.finditer(text or "")]


def _source(phrases: set[str]) -> str:
    """The expression of ``phrases`` (see Phrases)."""
    tree: dict[str, _Node] = {}
    for phrase in sorted(phrases, key=len, reverse=True):  # a node's first phrase is its longest
        node = tree
        for word in phrase.split():
            if word not in node:
                node[word] = _Node(len(phrase))
            entry = node[word]
            node = entry.next
        entry.ends = True
    # Only where a phrase can start: the look-ahead saves trying every phrase at every position.
    starts = "".join(sorted(map(re.escape, {phrase[0] for phrase in phrases})))
    ahead = f"(?=[{starts}])" if starts else ""
    alternatives, tail = _expression(tree)
    return rf"(?<![\w]){ahead}{alternatives}{tail}(?![\w])"


class _Node:
    """A word in the tree (as written in the phrases): whether a phrase ends here, the words that may
    follow, the longest phrase through it. (A plain class: a tree has thousands of them.)"""

    __slots__ = ("ends", "longest", "next")

    def __init__(self, longest: int):
        self.ends = False
        self.next: dict[str, _Node] = {}
        self.longest = longest


def _expression(tree: dict[str, _Node]) -> tuple[str, str]:
    """The expression for the phrases of ``tree``, as alternatives and the tail they all end with.

    Longer phrases are tried first. A tail shared by every alternative is written
    once, after them: ``(?:a|b)c`` tries what ``ac|bc`` tries, in the same order;
    ``combine`` lists end in such tails, and the expression is then much shorter.
    """
    if len(tree) == 1:  # a word that only one word can follow, as in most of a tree: no ordering to do
        [(word, node)] = tree.items()
        follows, tail = _following(node)
        return (_word(word) + follows, tail) if tail or not follows else (_word(word), follows)
    groups: dict[str, tuple[str, str, list[tuple[int, str]]]] = {}  # what follows -> (it, its tail, words before it)
    for word, node in tree.items():
        follows, tail = _following(node)
        groups.setdefault(follows + tail, (follows, tail, []))[2].append((node.longest, word))
    parts: list[tuple[str, str]] = []
    for key, (follows, tail, words) in sorted(groups.items(), key=lambda group: (-max(group[1][2])[0], group[0])):
        escaped = [(longest, _word(word)) for longest, word in words]
        ordered = [word for _, word in sorted(escaped, key=lambda item: (-item[0], -len(item[1]), item[1]))]
        if not key:
            parts += [(word, "") for word in ordered]
        else:  # what follows the words is their tail, unless it has a tail of its own
            parts.append((_group(ordered) + follows, tail) if tail else (_group(ordered), follows))
    tails = {tail for _, tail in parts}
    if len(tails) == 1:
        return _group([part for part, _ in parts]), tails.pop()
    return _group([part + tail for part, tail in parts]), ""


def _following(node: _Node) -> tuple[str, str]:
    """The expression for what may follow a word, and its tail (see ``_expression``)."""
    if not node.next:
        return "", ""
    alternatives, tail = _expression(node.next)
    follows = rf"\s+{alternatives}"
    return (f"(?:{follows}{tail})?", "") if node.ends else (follows, tail)


def _group(alternatives: list[str]) -> str:
    """One alternative as it is, several in a group (fewer groups: the expression compiles faster)."""
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


@cache
def _word(word: str) -> str:
    # A trailing '*' matches any word ending: 'mogelijk*' finds 'mogelijkerwijs'.
    return re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)


def combine(*parts: Iterable[str]) -> list[str]:
    """Every phrase made of one alternative from each part, in order; '' leaves a part out.

    ``combine(("zolang", "zo lang"), ("", "als"), ("nodig",))`` gives "zolang nodig",
    "zolang als nodig", "zo lang nodig" and "zo lang als nodig".
    """
    return [" ".join(word for word in choice if word) for choice in product(*parts)]


# -- the stored expressions -------------------------------------------------------------


def _digest(phrases: set[str]) -> str:
    return hashlib.sha256("\n".join(sorted(phrases)).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _stored_expressions() -> dict[str, str]:
    try:
        stored: dict[str, str] = json.loads(files("privlint.data").joinpath(STORE).read_text(encoding="utf-8"))
        return stored
    except (OSError, ValueError):  # missing or damaged: every expression is built instead
        return {}


def built_in_expressions() -> dict[str, str]:
    """The expression of every phrase list in privlint's own modules and checks, by digest."""
    from privlint.rules.registry import load_rules

    load_rules()
    found = {}
    for name, module in sorted(sys.modules.items()):
        if name.startswith("privlint."):
            for value in list(vars(module).values()):
                for candidate in value.values() if isinstance(value, dict) else [value]:
                    if isinstance(candidate, Phrases):
                        found[_digest(candidate._phrases)] = _source(candidate._phrases)
    return dict(sorted(found.items()))


def main() -> None:
    """Write privlint/data/phrase_expressions.json again (run from a checkout)."""
    from privlint.rules import (
        phrases,  # as the checks import it: run as a script, this module is __main__
    )

    store = Path(phrases.__file__).resolve().parent.parent / "data" / STORE  # linter/rules/ -> linter/data/
    store.write_text(json.dumps(phrases.built_in_expressions(), indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
