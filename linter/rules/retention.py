"""Retention as a statement words it: where it is stated, and whether it is vague or endless.

The retention checks (``vague-retention``, ``unbounded-retention``,
``excessive-retention``, ``inconsistent-retention``) and ``missing-retention``
share these phrase lists, so that they agree on what "as long as necessary"
and "until you object" are.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

from privlint.model.types import Duration
from privlint.rules.phrases import Phrases, combine
from privlint.rules.retention_model import is_concrete
from privlint.rules.retention_model import (
    stated_retentions as stated_retentions,  # checks import it from here
)

if TYPE_CHECKING:  # the models are not loaded to read rules, nor on a run the cache answers
    from privlint.model.manifest import Manifest, Retention

_NECESSARY_EN = ("necessary", "needed", "required")
_NECESSARY_NL = ("nodig", "noodzakelijk")

#: "As long as necessary" and its kin: a promise with no period in it.
VAGUE_RETENTION = Phrases(
    combine(
        ("as long as", "so long as", "no longer than", "not longer than", "only as long as"),
        ("", "is", "it is", "they are", "we consider", "reasonably", "strictly", "absolutely",
         "is reasonably", "is strictly", "is absolutely"),
        _NECESSARY_EN,
    )
    + combine(("the period", "the time", "the duration"), ("", "that is", "which is"), _NECESSARY_EN)
    + combine(("as long as", "for as long as"), ("we need", "we require"))
    + combine(
        ("zolang", "zo lang", "voor zolang", "voor zo lang"),
        ("", "als", "als dat", "als dit", "dat", "dit", "het"),
        ("", "strikt", "echt"),
        _NECESSARY_NL,
    )
    # "niet langer (bewaren) dan (strikt) nodig": with the usual verbs the whole phrase is quoted;
    # any other verb may stand between, so "dan (strikt) nodig" counts on its own too.
    + combine(
        ("niet langer", ""),
        ("", "bewaren", "bewaard", "bewaart", "verwerken", "verwerkt", "opslaan", "opgeslagen", "gebruiken", "gebruikt"),
        ("dan",),
        ("", "strikt", "echt", "absoluut", "redelijkerwijs"),
        _NECESSARY_NL,
    )
    + combine(("de periode", "de termijn", "de tijd", "de duur"), ("die", "dat"), ("", "strikt"), _NECESSARY_NL)
    + combine(("zolang", "zo lang"), ("wij", "we"), ("ze", "die", "deze", "het", "dat"), ("nodig hebben",))
)

#: Retention that has no end: it lasts until the person acts, or for ever.
UNBOUNDED_RETENTION = Phrases(
    combine(("until", "till", "unless and until"), ("you",), ("object", "unsubscribe", "opt out", "withdraw", "ask", "request", "tell us"))
    + [
        "indefinitely", "indefinite period", "forever", "for ever", "unlimited", "without limit",
        "without a time limit", "no time limit", "until further notice",
        "onbeperkt", "onbepaalde tijd", "onbepaalde duur", "voor altijd", "zonder termijn",
        "zonder bewaartermijn", "geen bewaartermijn", "tot wederopzegging",
    ]
    # "permanently" alone also says how data are deleted ("we permanently delete ..."); keeping is what counts.
    + combine(("kept", "stored", "retained", "keep", "store", "retain"), ("permanently",))
    + combine(("permanent", "blijvend"), ("bewaard", "bewaren", "opgeslagen", "opslaan"))
    + combine(("bewaren", "bewaart"), ("wij", "we", "ze", "deze", "die", "het"), ("permanent", "blijvend"))
    + combine(("zolang",), ("u", "je", "jij"), ("geen bezwaar", "niet bezwaar"), ("", "maakt", "heeft", "hebt", "heeft gemaakt", "hebt gemaakt"))
    + combine(("zolang",), ("u", "je", "jij"), ("zich niet afmeldt", "je niet afmeldt", "uw toestemming niet", "je toestemming niet"))
    + combine(("tot", "totdat"), ("u", "je", "jij"), ("bezwaar", "zich afmeldt", "je afmeldt", "uw toestemming", "je toestemming", "ons vraagt", "vraagt"))
)

#: Words that tie a retention to something a person can check: a unit of time, or an end event.
CONCRETE_RETENTION = Phrases(
    [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
        "jaar", "jaren", "maand", "maanden", "weken", "dag", "dagen", "uur",
        "until", "end of", "termination", "expiry", "as long as you are", "while you are",
        "einde", "afloop", "beëindiging",
        "zolang u klant", "zolang je klant", "zolang u een account", "zolang je een account",
    ]
)


def is_unbounded_retention(retention: Retention | None) -> bool:
    """Whether the retention runs until the person acts, or for ever, with no period, maximum or law."""
    return unbounded_phrase(retention) is not None


def unbounded_phrase(retention: Retention | None) -> str | None:
    """The words that make the retention endless, as written, or None.

    A law named in ``statutory_source`` may require keeping records permanently (an archives
    act), so endless retention with a law is left alone.
    """
    if retention is None or _has_period(retention) or retention.statutory_source is not None:
        return None
    return UNBOUNDED_RETENTION.find(retention.criteria)


def is_vague_retention(retention: Retention | None) -> bool:
    """Whether the retention is only "as long as necessary": no period, maximum, law, unit of time or end event."""
    return vague_phrase(retention) is not None


def vague_phrase(retention: Retention | None) -> str | None:
    """The "as long as necessary" words of a retention that says nothing more, as written, or None.

    A law named in ``statutory_source`` is something a person can look up, so it is not vague.
    """
    if retention is None or _has_period(retention) or retention.statutory_source is not None:
        return None
    criteria = retention.criteria
    if CONCRETE_RETENTION.find(criteria) or UNBOUNDED_RETENTION.find(criteria):
        return None
    return VAGUE_RETENTION.find(criteria)


def _has_period(retention: Retention) -> bool:
    # Any bound, minimum or end event: what the fields leave open is unbounded-retention's structural finding.
    return is_concrete(retention)


def covers(retention: Retention | None) -> bool:
    """Whether a retention tells a person how long: a period, maximum or criteria that are not only vague."""
    return retention is not None and retention.is_stated and not is_vague_retention(retention)


def uncovered_data(manifest: Manifest, purpose) -> list[str] | None:
    """The purpose's data ids that no retention covers, or None when the purpose's own retention covers it.

    A purpose without data and without its own retention has ``[]`` and is covered by nothing but
    a statement-wide rule; see ``relies_on_statement_retention``.
    """
    if covers(purpose.retention):
        return None
    covered = _covered_data(manifest)
    return [data_id for data_id in purpose.data if data_id not in covered]


_last_covered: tuple[Manifest, frozenset[str]] | None = None


def _covered_data(manifest: Manifest) -> frozenset[str]:
    """The ids of the data categories a retention covers, computed once per manifest, not once per purpose."""
    global _last_covered
    last = _last_covered
    if last is None or last[0] is not manifest:
        last = _last_covered = (manifest, frozenset(c.id for c in manifest.data_categories if covers(c.retention)))
    return last[1]


def relies_on_statement_retention(manifest: Manifest, purpose) -> bool:
    """Whether only a statement-wide rule can tell how long the purpose keeps data."""
    uncovered = uncovered_data(manifest, purpose)
    return uncovered is not None and (bool(uncovered) or not purpose.data)


@lru_cache(maxsize=4096)  # a manifest repeats a few periods many times
def is_longer(duration: Duration, other: Duration, start: dt.date) -> bool:
    """Whether ``duration`` ends after ``other`` when both run from ``start`` (P120M is not longer than P10Y)."""
    # Duration.after works in whole days; the hours left over decide between equal dates.
    return (duration.after(start), duration.seconds % 86400) > (other.after(start), other.seconds % 86400)
