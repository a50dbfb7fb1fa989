"""Value types used in manifests: partial dates, ISO 8601 durations, codes, free text per language.

Each type is a plain string in YAML and in the JSON Schema (with a pattern that
editors can check as you type); the pydantic model turns it into a value the
checks can compute with.
"""

from __future__ import annotations

import calendar
import contextlib
import contextvars
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MONTH_PATTERN = r"^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])$"  # there is no year 0, as in dates
# A real date, for editors: each month's own number of days, and 29 February in leap years only
# (a year divisible by 4, but a century only when divisible by 400).
DATE_PATTERN = (
    r"^(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
)
DURATION_PATTERN = (
    r"^P(?=[0-9T])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?"
    r"(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$"
)
COUNTRY_PATTERN = r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

#: What each pattern means, in words, for error messages.
PATTERN_MEANINGS = {
    MONTH_PATTERN: "a month written YYYY-MM, such as 2025-10",
    DATE_PATTERN: "a real date written YYYY-MM-DD, such as 2023-06-01",
    DURATION_PATTERN: "an ISO 8601 duration such as P7Y, P24M, P4W, P30D or PT24H",
    COUNTRY_PATTERN: "an ISO 3166-1 alpha-2 country code such as NL, optionally with a subdivision such as DE-BY",
    LANGUAGE_PATTERN: "a BCP 47 language tag such as nl, en or nl-BE",
    ID_PATTERN: "an id of lower-case letters, digits, '-', '_' or '.', such as customer-service",
    EMAIL_PATTERN: "an e-mail address such as privacy@example.com",
}


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date that may be known only to the month ("Oktober 2025")."""

    year: int
    month: int
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise ValueError("expected a date written YYYY-MM-DD or a month written YYYY-MM")
        if re.fullmatch(MONTH_PATTERN, value):
            return cls(int(value[:4]), int(value[5:7]))
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a real date (YYYY-MM-DD) or month (YYYY-MM)") from None
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):  # 3.11 also reads 2023-W01-1
            raise ValueError(f"{value!r} is not written YYYY-MM-DD")
        return cls(date.year, date.month, date.day)

    @property
    def earliest(self) -> dt.date:
        """The first day the value can mean."""
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the value can mean."""
        last_day = calendar.monthrange(self.year, self.month)[1]
        return dt.date(self.year, self.month, self.day or last_day)

    def __str__(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


_DURATION_PARTS = re.compile(
    r"P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?"
)


@dataclass(frozen=True)
class Duration:
    """An ISO 8601 duration (P7Y, P24M, P4W, PT24H) that keeps its calendar parts."""

    text: str
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    seconds: int = 0

    @classmethod
    def parse(cls, value: Any) -> Duration:
        if isinstance(value, Duration):
            return value
        if not isinstance(value, str):
            raise ValueError(f"expected {PATTERN_MEANINGS[DURATION_PATTERN]}")
        return _parse_duration(value)

    @classmethod
    def _from_text(cls, value: str) -> Duration:
        if not re.fullmatch(DURATION_PATTERN, value) or not (found := _DURATION_PARTS.fullmatch(value)):
            raise ValueError(f"expected {PATTERN_MEANINGS[DURATION_PATTERN]}")
        parts = {k: int(v) for k, v in found.groupdict(default="0").items()}
        return cls(
            text=value,
            years=parts["Y"],
            months=parts["M"],
            weeks=parts["W"],
            days=parts["D"],
            seconds=parts["h"] * 3600 + parts["m"] * 60 + parts["s"],
        )

    @property
    def approximate_days(self) -> float:
        """Length in days, counting a year as 365.25 and a month as 30.44 days."""
        return (
            self.years * 365.25
            + self.months * 30.44
            + self.weeks * 7
            + self.days
            + self.seconds / 86400
        )

    def after(self, date: dt.date) -> dt.date:
        """The date this long after ``date``, adding years and months on the calendar.

        Past the year 9999 (P9999Y, "for ever") it is ``date.max``, the latest date there is.
        """
        month_index = date.month - 1 + self.months + 12 * self.years
        year, month = date.year + month_index // 12, month_index % 12 + 1
        if year > dt.MAXYEAR:
            return dt.date.max
        day = min(date.day, calendar.monthrange(year, month)[1])
        try:
            return dt.date(year, month, day) + dt.timedelta(weeks=self.weeks, days=self.days, seconds=self.seconds)
        except OverflowError:
            return dt.date.max

    def __lt__(self, other: Duration) -> bool:
        return self.approximate_days < other.approximate_days

    def __str__(self) -> str:
        return self.text


_parse_duration = lru_cache(maxsize=1024)(Duration._from_text)  # a manifest repeats a few periods many times


class MissingLanguage(LookupError):
    """Free text asked for in a language it is not given in."""

    def __init__(self, language: str, given: tuple[str, ...]):
        super().__init__(f"no {language!r} text (given in {', '.join(given)})")
        self.language = language
        self.given = given


class Reading:
    """What reading free text inside ``preferring`` found: whether any was given per language."""

    def __init__(self, language: str | None):
        self.language = language
        self.per_language = False


_reading: contextvars.ContextVar[Reading | None] = contextvars.ContextVar("reading", default=None)


@contextlib.contextmanager
def preferring(language: str | None) -> Iterator[Reading]:
    """Free text read inside this block is, as a string, its text in ``language`` where it has one."""
    reading = Reading(language)
    token = _reading.set(reading)
    try:
        yield reading
    finally:
        _reading.reset(token)


class LocalText(str):
    """Free text: the same in every language, or given per language (``{nl: "...", en: "..."}``).

    As a string it is one text, so checks read it as they read any text: the text in the
    statement's language (``statement.language``) where it is given per language, else the
    first language written. ``in_language`` gives one language's text and never another's;
    text written as a plain string is language-neutral (a name, an address, an e-mail
    address), the same in every language.
    """

    _translations: tuple[tuple[str, str], ...] = ()  # (read from the class where there are none: no __dict__ per text)

    def __new__(cls, text: str, translations: Iterable[tuple[str, str]] = ()) -> LocalText:
        self = super().__new__(cls, text)
        translations = tuple(translations)
        if translations:
            self._translations = translations
        return self

    @classmethod
    def parse(cls, value: Any) -> LocalText:
        """Text, or a mapping of BCP 47 language tags to text; ValueError for anything else."""
        if isinstance(value, LocalText):
            return value
        if isinstance(value, str):
            if not value:
                raise ValueError("the text is empty")
            return _short_text(value) if len(value) <= 64 and cls is LocalText else cls(value)
        if isinstance(value, dict):
            if not value:
                raise ValueError("no language given: write text, or {nl: ..., en: ...}")
            for language, text in value.items():
                if not isinstance(language, str) or not re.fullmatch(LANGUAGE_PATTERN, language):
                    raise ValueError(f"{language!r} is not {PATTERN_MEANINGS[LANGUAGE_PATTERN]}")
                if not isinstance(text, str) or not text:
                    raise ValueError(f"the {language!r} text is empty or not text")
            translations = tuple(value.items())
            reading = _reading.get()
            if reading is not None:
                reading.per_language = True
            return cls(_pick(translations, reading.language if reading else None), translations)
        raise ValueError("expected text, or text per language such as {nl: ..., en: ...}")

    @property
    def translations(self) -> dict[str, str]:
        """The text per language, as written; empty for language-neutral text."""
        return dict(self._translations)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the text is given in, as written; () for language-neutral text."""
        return tuple(language for language, _ in self._translations)

    def in_language(self, language: str) -> str:
        """The text in ``language`` (tags compared case-insensitively); MissingLanguage if not given in it."""
        if not self._translations:
            return str(self)
        for tag, text in self._translations:
            if tag.lower() == language.lower():
                return text
        raise MissingLanguage(language, self.languages)

    def to_data(self) -> str | dict[str, str]:
        """The value as written in the manifest."""
        return self.translations if self._translations else str(self)


def joined(texts: Sequence[LocalText]) -> LocalText:
    """Several pieces of free text as one, per language where they are given per language."""
    languages: dict[str, None] = dict.fromkeys(language for text in texts for language in text.languages)
    translations = []
    for language in languages:
        parts = []
        for text in texts:
            try:
                parts.append(text.in_language(language))
            except MissingLanguage:
                continue
        translations.append((language, " ".join(parts)))
    return LocalText(" ".join(texts), translations)


def _pick(translations: tuple[tuple[str, str], ...], preferred: str | None) -> str:
    """The text in the preferred language, or its primary language (nl for nl-BE), else the first written."""
    if preferred:
        for wanted in (preferred.lower(), preferred.lower().split("-")[0]):
            for tag, text in translations:
                if tag.lower() == wanted:
                    return text
    return translations[0][1]


@lru_cache(maxsize=4096)
def _short_text(text: str) -> LocalText:
    """One LocalText for each short text however often a manifest repeats it (an id, a name, a period):
    a manifest of tens of thousands of entries would otherwise hold as many copies."""
    return LocalText(text)
