"""The published statement against the manifest: finding the manifest's words in the text.

``statement.text`` names the published statement (Markdown, HTML or plain text), or one
per language (``{nl: privacy.nl.md, en: privacy.en.md}``). The drift checks read it
through ``published_texts`` and look for the manifest's quotes, dates, names and periods
in it as sequences of words: case, white space, punctuation (typographic quotes and
dashes included), Markdown and HTML markup make no difference, and "B.V." is "BV".
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from privlint.model.types import Duration, LocalText, MissingLanguage, PartialDate
from privlint.parse.pointers import NodePath
from privlint.read.related import RelatedFileError

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest
    from privlint.rules.api import Context

Phrase = tuple[str, ...]  # words, case-folded

_WORD = re.compile(r"[^\W_]+")
_MARKDOWN_NOISE = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<[^>\n]*>")  # link targets, tags and autolinks
_PASSAGE_LENGTH = 200  # characters of the closest passage a message shows


@dataclass(frozen=True)
class PublishedText:
    """One published statement: its name as the manifest writes it, where, its language, its words."""

    name: str
    path: NodePath  # of the name in the manifest: ("statement", "text") or ("statement", "text", "nl")
    language: str | None  # None: the manifest names one text for every language
    words: Words

    def wording(self, value: LocalText) -> str | None:
        """``value`` as this text's language has it; None where it is not given in that language."""
        if self.language is None:
            return str(value)
        try:
            return value.in_language(self.language)
        except MissingLanguage:
            return None  # missing-translation reports it


def text_names(manifest: Manifest) -> list[tuple[NodePath, str | None, str]]:
    """The published texts the manifest names: (path of the name, language or None, name)."""
    named = manifest.statement.text
    if named is None:
        return []
    if not named.translations:
        return [(("statement", "text"), None, str(named))]
    return [(("statement", "text", language), language, name) for language, name in named.translations.items()]


def published_texts(manifest: Manifest, context: Context) -> list[PublishedText]:
    """The published texts that can be read (``unreadable-statement-text`` reports the others)."""
    texts = []
    for path, language, name in text_names(manifest):
        try:
            content = context.related_file(name)
        except RelatedFileError:
            continue
        texts.append(PublishedText(name, path, language, words_of(content, markup_of(name, content))))
    return texts


def markup_of(name: str, content: str) -> str:
    lowered = name.lower()
    if lowered.endswith((".html", ".htm", ".xhtml")) or content.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return "html"
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    return "plain"


# -- a text as words ---------------------------------------------------------------


class Words:
    """A text as case-folded words, each with its place in the text, for finding phrases in it."""

    def __init__(self, pieces: Sequence[tuple[str, int]]):
        """``pieces``: the text's readable parts, each with the line it starts on in the file."""
        self.plain = ""
        self._piece_starts: list[int] = []
        self._piece_lines: list[int] = []
        for text, line in pieces:
            self._piece_starts.append(len(self.plain))
            self._piece_lines.append(line)
            self.plain += text + " "
        self.words: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self._sums: dict[str, set[int]] = {}
        for word, start, end in _tokens(self.plain):
            self.words.append(word)
            self.spans.append((start, end))

    @cached_property
    def _joined(self) -> tuple[str, list[int]]:
        """The words joined by single spaces, with the offset of each word in that string."""
        offsets, position = [], 1
        for word in self.words:
            offsets.append(position)
            position += len(word) + 1
        return " " + " ".join(self.words) + " ", offsets

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for index, word in enumerate(self.words):
            positions.setdefault(word, []).append(index)
        return positions

    def find(self, phrase: Phrase) -> int | None:
        """The index of the first word where ``phrase`` occurs, or None."""
        if not phrase:
            return None
        joined, offsets = self._joined
        found = joined.find(" " + " ".join(phrase) + " ")
        return None if found < 0 else bisect.bisect_left(offsets, found + 1)

    def sums(self, unit: str) -> set[int]:
        """Periods the text writes as a sum of one unit: "7 jaar + 1 jaar" is 8 years."""
        if unit not in self._sums:
            found = _SUM[unit].findall(self.plain) if self._has_a_sum_sign else []
            self._sums[unit] = {int(first) + int(second) for first, second in found}
        return self._sums[unit]

    @cached_property
    def _has_a_sum_sign(self) -> bool:
        # Most texts have neither: one look instead of a scan per unit. (What re.IGNORECASE
        # matches to "plus" case-folds to it: checked over every code point.)
        return "+" in self.plain or "plus" in self.plain.casefold()

    def find_all(self, phrase: Phrase) -> Iterator[int]:
        """The index of the first word of each place ``phrase`` occurs."""
        if not phrase:
            return
        joined, offsets = self._joined
        wanted = " " + " ".join(phrase) + " "
        found = joined.find(wanted)
        while found >= 0:
            yield bisect.bisect_left(offsets, found + 1)
            found = joined.find(wanted, found + 1)

    def contains(self, phrase: Phrase) -> bool:
        return self.find(phrase) is not None

    def any_of(self, phrases: Iterable[Phrase]) -> bool:
        return any(self.contains(phrase) for phrase in phrases)

    def line(self, index: int) -> int:
        """The line of the file the word at ``index`` is on."""
        offset = self.spans[index][0]
        piece = bisect.bisect_right(self._piece_starts, offset) - 1
        return self._piece_lines[piece] + self.plain.count("\n", self._piece_starts[piece], offset)

    def passage(self, start: int, end: int) -> str:
        """The text from the word at ``start`` to the word before ``end``, white space collapsed."""
        text = " ".join(self.plain[self.spans[start][0] : self.spans[end - 1][1]].split())
        return text if len(text) <= _PASSAGE_LENGTH else text[: _PASSAGE_LENGTH - 3].rstrip() + "..."

    def closest(self, phrase: Phrase) -> tuple[int, int] | None:
        """The start and end of the passage most like ``phrase``, or None if no word of it occurs.

        Each word of the phrase that occurs votes for the passages it would align; the few
        passages with most votes are compared word by word and the most similar is taken.
        """
        votes: Counter[int] = Counter()
        for offset, word in enumerate(phrase):
            for index in self._positions.get(word, ()):
                votes[index - offset] += 1
        if not votes:
            return None
        best, best_score = None, (0, 0)
        slack = len(phrase) // 4 + 2  # words the text may have added
        for start, _ in sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:20]:
            start = max(start - slack, 0)
            end = min(start + len(phrase) + 2 * slack, len(self.words))
            matcher = difflib.SequenceMatcher(None, phrase, self.words[start:end], autojunk=False)
            blocks = _core([block for block in matcher.get_matching_blocks() if block.size])
            if not blocks:
                continue
            passage = (start + blocks[0].b, start + blocks[-1].b + blocks[-1].size)
            score = (sum(block.size for block in blocks), passage[0] - passage[1])  # most words alike, then shortest
            if score > best_score:
                best, best_score = passage, score
        return best


def _core(blocks: list[difflib.Match]) -> list[difflib.Match]:
    """Matching blocks less stray words at either end ("uw", "en" a few words off) that only widen the passage."""
    while len(blocks) > 1 and blocks[-1].size <= 2 and blocks[-1].b - (blocks[-2].b + blocks[-2].size) > 1:
        blocks = blocks[:-1]
    while len(blocks) > 1 and blocks[0].size <= 2 and blocks[1].b - (blocks[0].b + blocks[0].size) > 1:
        blocks = blocks[1:]
    return blocks


def phrase(text: str) -> Phrase:
    """The words of ``text`` as ``Words`` reads them."""
    return tuple(word for word, _, _ in _tokens(text))


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Case-folded words with their offsets; single letters written with dots (B.V., o.a.) make one word."""
    pending: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(text):
        found = match.group()
        word = found.casefold() if found.isascii() else unicodedata.normalize("NFKC", found).casefold()  # NFKC keeps ASCII
        start, end = match.span()
        if len(word) == 1 and word.isalpha():
            if pending and text[pending[-1][2] : start] == ".":
                pending.append((word, start, end))
                continue
            if pending:
                yield from _merged(pending)
            pending = [(word, start, end)]
            continue
        if pending:
            yield from _merged(pending)
            pending = []
        yield word, start, end
    if pending:
        yield from _merged(pending)


def _merged(letters: list[tuple[str, int, int]]) -> Iterator[tuple[str, int, int]]:
    if len(letters) > 1:
        yield "".join(letter for letter, _, _ in letters), letters[0][1], letters[-1][2]
    else:
        yield from letters


@lru_cache(maxsize=8)  # the drift checks all read the same text
def words_of(content: str, markup: str) -> Words:
    if markup == "html":
        from privlint.rules.html_text import html_pieces  # html.parser: only for a text in HTML

        return Words(html_pieces(content))
    if markup == "markdown":
        return Words(_markdown_pieces(content))
    return Words([(content, 1)])


def _markdown_pieces(content: str) -> list[tuple[str, int]]:
    pieces, end, line = [], 0, 1
    for match in _MARKDOWN_NOISE.finditer(content):
        pieces.append((content[end : match.start()], line))
        line += content.count("\n", end, match.end())
        end = match.end()
    pieces.append((content[end:], line))
    return pieces


# -- what to look for ---------------------------------------------------------------

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"),
}
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th", "e", "ste", "de")


def date_phrases(date: PartialDate) -> set[Phrase]:
    """The ways a statement prints a date (or a month), in Dutch or English: 1 juni 2023, June 1, 2023, 01-06-2023."""
    year = str(date.year)
    months = {names[date.month - 1] for names in _MONTHS.values()}
    month_numbers = {str(date.month), f"{date.month:02d}"}
    if date.day is None:
        return {(month, year) for month in months | month_numbers}
    days = {str(date.day), f"{date.day:02d}"} | {f"{date.day}{suffix}" for suffix in _ORDINAL_SUFFIXES}
    phrases: set[Phrase] = set()
    for day in days:
        for month in months | month_numbers:
            phrases.add((day, month, year))  # 1 juni 2023, 01-06-2023
            phrases.add((month, day, year))  # June 1, 2023; 06/01/2023
        for month in month_numbers:
            phrases.add((year, month, day))  # 2023-06-01
    return phrases


_NUMBER_WORDS = {
    1: ("een", "één", "one", "a", "an"), 2: ("twee", "two"), 3: ("drie", "three"), 4: ("vier", "four"),
    5: ("vijf", "five"), 6: ("zes", "six"), 7: ("zeven", "seven"), 8: ("acht", "eight"), 9: ("negen", "nine"),
    10: ("tien", "ten"), 11: ("elf", "eleven"), 12: ("twaalf", "twelve"), 13: ("dertien", "thirteen"),
    14: ("veertien", "fourteen"), 15: ("vijftien", "fifteen"), 16: ("zestien", "sixteen"),
    17: ("zeventien", "seventeen"), 18: ("achttien", "eighteen"), 19: ("negentien", "nineteen"),
    20: ("twintig", "twenty"), 24: ("vierentwintig", "twenty-four"), 30: ("dertig", "thirty"),
    36: ("zesendertig", "thirty-six"), 40: ("veertig", "forty"), 48: ("achtenveertig", "forty-eight"),
    50: ("vijftig", "fifty"), 60: ("zestig", "sixty"), 90: ("negentig", "ninety"), 100: ("honderd", "hundred"),
}
_UNITS = {
    "years": ("jaar", "jaren", "year", "years", "jr"),
    "months": ("maand", "maanden", "month", "months", "mnd"),
    "weeks": ("week", "weken", "weeks"),
    "days": ("dag", "dagen", "day", "days"),
    "hours": ("uur", "uren", "hour", "hours"),
}
_SUM = {
    unit: re.compile(rf"(?<!\w)(\d+)\s*(?:{'|'.join(words)})\s*(?:\+|plus)\s*(\d+)\s*(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)
    for unit, words in _UNITS.items()
}
#: Periods with a name of their own: half a year, a year and a half, a quarter.
_NAMED_PERIODS = {
    ("months", 6): (("half", "jaar"), ("halfjaar",), ("half", "a", "year"), ("half", "year")),
    ("months", 18): (("anderhalf", "jaar"), ("one", "and", "a", "half", "years"), ("a", "year", "and", "a", "half")),
    ("months", 3): (("kwartaal",), ("quarter",)),
}


def period_forms(duration: Duration) -> list[list[tuple[str, int]]]:
    """The ways to write ``duration``: each a list of (unit, count) parts that together say it.

    P7Y is [[("years", 7)], [("months", 84)]]; P1Y6M is [[("years", 1), ("months", 6)], [("months", 18)]].
    """
    hours, rest = divmod(duration.seconds, 3600)
    months = duration.years * 12 + duration.months
    days = duration.weeks * 7 + duration.days
    forms: list[list[tuple[str, int]]] = []
    if rest:  # minutes and seconds: not a retention period a statement words
        return forms
    if months and not days and not hours:
        if months % 12 == 0:
            forms.append([("years", months // 12)])
        forms.append([("months", months)])
        if duration.years and duration.months:
            forms.append([("years", duration.years), ("months", duration.months)])
    elif days and not months and not hours:
        if days % 7 == 0:
            forms.append([("weeks", days // 7)])
        forms.append([("days", days)])
        forms.append([("hours", days * 24)])
    elif hours and not months and not days:
        if hours % 24 == 0:
            forms.append([("days", hours // 24)])
        forms.append([("hours", hours)])
    else:
        parts = [("months", months), ("days", days), ("hours", hours)]
        forms.append([(unit, count) for unit, count in parts if count])
    return forms


def says_period(words: Words, duration: Duration) -> bool:
    """Whether the text says ``duration``: "7 jaar", "zeven jaar", "7 (zeven) jaar", "seven years", "84 maanden"."""
    return any(all(_says_part(words, unit, count) for unit, count in form) for form in period_forms(duration))


def _says_part(words: Words, unit: str, count: int) -> bool:
    named = _NAMED_PERIODS.get((unit, count), ())
    if words.any_of(named) or count in words.sums(unit):
        return True
    numbers = {str(count), *_NUMBER_WORDS.get(count, ())}
    units = set(_UNITS[unit])
    for index in _indexes_of(words, numbers):
        following = words.words[index + 1 : index + 3]
        if following and following[0] in units:
            return True
        if len(following) == 2 and following[0] in numbers and following[1] in units:  # 7 (zeven) jaar
            return True
    return False


def _indexes_of(words: Words, wanted: set[str]) -> Iterator[int]:
    for word in wanted:
        if " " in word or "-" in word:
            continue
        yield from words._positions.get(word, ())


#: Legal forms, abbreviated as in a name, and written out as statements also introduce them:
#: "Optimile, een naamloze vennootschap naar Belgisch recht".
LEGAL_FORMS: dict[str, tuple[Phrase, ...]] = {
    "bv": (("besloten", "vennootschap"),),
    "nv": (("naamloze", "vennootschap"),),
    "bvba": (("besloten", "vennootschap", "met", "beperkte", "aansprakelijkheid"),),
    "vof": (("vennootschap", "onder", "firma"),),
    "cv": (("commanditaire", "vennootschap"),),
    "sa": (("société", "anonyme"),),
    "srl": (("société", "à", "responsabilité", "limitée"),),
    "ltd": (("limited",),),
    "gmbh": (("gesellschaft", "mit", "beschränkter", "haftung"),),
}
_LEGAL_FORM_DISTANCE = 8  # words between a name and its legal form written out


def says_name(words: Words, name: str) -> bool:
    """Whether the text names ``name``: as written, or with its legal form written out soon after it."""
    name_phrase = phrase(name)
    if words.contains(name_phrase):
        return True
    if len(name_phrase) < 2 or name_phrase[-1] not in LEGAL_FORMS:
        return False
    base, written_out = name_phrase[:-1], LEGAL_FORMS[name_phrase[-1]]
    for start in words.find_all(base):
        after = words.words[start + len(base) : start + len(base) + _LEGAL_FORM_DISTANCE + 5]
        if any(_contains(after[: _LEGAL_FORM_DISTANCE + len(form)], form) for form in written_out):
            return True
    return False


def _contains(words: Sequence[str], wanted: Phrase) -> bool:
    return any(tuple(words[index : index + len(wanted)]) == wanted for index in range(len(words) - len(wanted) + 1))


def registration_digits(registration: str) -> str | None:
    """The digits of a registration number (KvK 12345678, BE 0123.456.789), or None if it has none."""
    digits = re.sub(r"\D", "", registration)
    return digits or None


def says_digits(words: Words, digits: str) -> bool:
    """Whether the text prints the number ``digits``, however grouped (12345678, 12 34 56 78, 0123.456.789)."""
    for run in re.finditer(r"\d(?:[ .\-/]?\d)*", words.plain):
        if digits in re.sub(r"\D", "", run.group()):
            return True
    return False
