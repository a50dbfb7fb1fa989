"""Retention as the manifest structures it: where retentions stand, and what bounds them.

docs/manifest-format.md ("Retention: how the levels combine") is the contract; this module is
its code, shared by every retention rule:

- ``stated_retentions`` lists every retention where it stands: the statement's, each
  purpose's, each data category's, and after each of them its per-place retentions.
- ``is_bounded``: something ends the retention whatever the person or the controller does:
  a period, a maximum, an end date, or an end event neither of them decides alone.
- ``is_concrete``: the retention says more than "as long as necessary": it is bounded, or
  gives a minimum or an end event.
- ``capped_by_statement``: a statement-wide maximum ends every other retention, or, counted from an
  event, those of the people ``maximum_applies_to`` names; ``maximum_bounds`` and
  ``statement_retention_for`` say whom it bounds.
- ``open_end``: a retention the structure itself leaves without an end (a minimum only, an
  end only the controller decides, an end only the person's act brings), for
  ``unbounded-retention``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from privlint.model.vocabulary import EndedBy, LegalBasis
from privlint.parse.pointers import NodePath
from privlint.rules.api import Problem
from privlint.rules.audience import group_key

if TYPE_CHECKING:  # the models are not loaded to read rules, nor on a run the cache answers
    from privlint.model.manifest import (
        Manifest,
        Purpose,
        RetentionTerms,
        StatementRetention,
    )


class StatedRetention(NamedTuple):
    """A retention in a manifest, and whose it is: the statement's, or a purpose's or data category's,
    or one storage place of one of those.

    Where it is and how findings name its owner are worked out only for the few that get a finding.
    """

    retention: RetentionTerms
    section: str = ""  # "purposes" or "data_categories"; "" for the statement-wide retention
    position: int = 0  # in that section
    holder: Any = None  # the purpose or data category
    place: int | None = None  # the index in the retention's ``places``, for a per-place retention

    @property
    def path(self) -> NodePath:
        """Of the retention mapping, such as ("purposes", 3, "retention") or (..., "places", 0)."""
        path: NodePath = (self.section, self.position, "retention") if self.section else ("retention",)
        return path if self.place is None else (*path, "places", self.place)

    @property
    def owner(self) -> str:
        """Such as "purpose 'x' (section 2)", "data category 'contact'", "the whole statement (back-ups)"."""
        if self.section == "purposes":
            owner = f"purpose {self.holder.label}"
        else:
            owner = f"data category {self.holder.id!r}" if self.section else "the whole statement"
        return owner if self.place is None else f"{owner} in {getattr(self.retention, 'place', '')!r}"


def stated_retentions(manifest: Manifest) -> Iterator[StatedRetention]:
    """Every retention: statement-wide, then each purpose's, then each data category's; each followed by its places."""
    holders: Iterator[tuple[str, int, Any]] = itertools.chain(  # (one at a time: a manifest may have 380,000)
        [("", 0, None)],
        (("purposes", index, purpose) for index, purpose in enumerate(manifest.purposes)),
        (("data_categories", index, category) for index, category in enumerate(manifest.data_categories)),
    )
    for section, index, holder in holders:
        retention = manifest.retention if holder is None else holder.retention
        if retention is None:
            continue
        yield StatedRetention(retention, section, index, holder)
        for place, per_place in enumerate(retention.places):
            yield StatedRetention(per_place, section, index, holder, place)


def is_bounded(retention: RetentionTerms) -> bool:
    """Whether something ends the retention whatever the person or the controller does."""
    return (
        retention.period is not None
        or retention.maximum is not None
        or retention.until is not None
        or retention.ended_by is EndedBy.other
    )


def is_concrete(retention: RetentionTerms) -> bool:
    """Whether the retention gives more than criteria in words: a bound, a minimum or an end event."""
    return is_bounded(retention) or retention.minimum is not None or retention.end_event is not None or retention.ended_by is not None


def capped_by_statement(manifest: Manifest, stated: StatedRetention) -> bool:
    """Whether a statement-wide maximum ("never longer than 7 years") ends this retention, not being it.

    A maximum that applies to everyone ends every other retention. One counted from an event ("7 years
    after your contract ends") ends only the retentions of the people that event applies to: those
    ``maximum_applies_to`` names; where it names no one, the manifest cannot tell (a landowner has no
    contract), and it ends nothing else.
    """
    statement = manifest.retention
    if statement is None or statement.maximum is None or stated.retention is statement:
        return False
    if not statement.maximum_applies_to:
        return statement.after is None
    # The statement's own places ("back-ups: 3 months") are everyone's, not only the people the maximum names.
    return bool(stated.section) and maximum_bounds(manifest, stated)


def maximum_bounds(manifest: Manifest, stated: StatedRetention) -> bool:
    """Whether the statement-wide maximum bounds the periods of this retention (docs/manifest-format.md, point 3).

    Without ``maximum_applies_to`` it bounds every period. With it, it bounds the statement's own retention
    (a default for everyone, those people included) and the retentions of purposes and data categories
    whose people it names, all of them.
    """
    statement = manifest.retention
    if statement is None or not statement.maximum_applies_to or not stated.section:
        return True
    return _names_all_people(statement, manifest, stated.section, stated.holder)


def statement_retention_for(manifest: Manifest, purpose: Purpose | None) -> StatementRetention | None:
    """The statement-wide retention as it applies to a purpose (None: to everyone): without its maximum where
    ``maximum_applies_to`` leaves the purpose's people out."""
    statement = manifest.retention
    if statement is None or statement.maximum is None or not statement.maximum_applies_to:
        return statement
    if purpose is not None and _names_all_people(statement, manifest, "purposes", purpose):
        return statement
    return statement.model_copy(update={"maximum": None})


def _names_all_people(statement: StatementRetention, manifest: Manifest, section: str, holder: Any) -> bool:
    """Whether ``maximum_applies_to`` names every group of people the holder's data concern. Where the manifest does
    not say whose data they are (no ``data_subjects``), it cannot tell otherwise: the maximum is taken to cover them."""
    covered = {group_key(group) for group in statement.maximum_applies_to}
    return people_of(manifest, section, holder) <= covered


def people_of(manifest: Manifest, section: str, holder: Any) -> frozenset[str]:
    """The groups of people whose data a purpose, or a data category (through the purposes that use it), concerns,
    as ``data_subjects`` names them; empty where none are named."""
    purposes = [holder] if section == "purposes" else [purpose for purpose in manifest.purposes if holder.id in purpose.data]
    return frozenset(group_key(group) for purpose in purposes for group in purpose.data_subjects)


def open_end(manifest: Manifest, stated: StatedRetention) -> Problem | None:
    """The ``unbounded-retention`` problem of a retention whose fields set no end, or None.

    A minimum without a period, maximum or end date; an end event only the controller decides;
    an end only the person's act brings (objecting, unsubscribing), unless all the processing it
    covers rests on consent, where withdrawing is the person's criterion. A law named in
    ``statutory_source`` may require keeping records for ever, so such a retention is left alone, and so is
    one a statement-wide maximum ends (``capped_by_statement``).
    """
    retention = stated.retention
    if is_bounded(retention) or retention.statutory_source is not None or capped_by_statement(manifest, stated):
        return None
    event = f" ({retention.end_event!r})" if retention.end_event else ""
    if retention.ended_by is EndedBy.controller:
        reason = f"ends only on an event the controller decides{event}"
    elif retention.ended_by is EndedBy.data_subject and not rests_only_on_consent(manifest, stated):
        reason = f"ends only when the person acts{event}, and not all of its processing rests on consent"
    elif retention.minimum is not None:
        return Problem(
            (*stated.path, "minimum"),
            f"retention for {stated.owner} is only a minimum ({retention.minimum}): it says when the data may go "
            "at the earliest, not when they will, and no period, maximum or end date caps it",
            hint="say when the data are deleted: a period or maximum besides the minimum (maximum: P8Y), or an end date",
        )
    else:
        return None
    return Problem(
        (*stated.path, "ended_by"),
        f"retention for {stated.owner} {reason}, and no period, maximum or end date caps it",
        hint="give a period or maximum after which the data are deleted whatever happens (period: P2Y, after: ...; "
        "or maximum: P7Y), and keep the event as an earlier end",
    )


def rests_only_on_consent(manifest: Manifest, stated: StatedRetention) -> bool:
    """Whether all the processing a retention covers rests on consent alone.

    A purpose's own bases decide for it; a data category's, those of the purposes that use it;
    the statement's, those of every purpose. Nothing to judge by (no purposes, no bases) is not consent.
    """
    if stated.section == "purposes":
        purposes = [stated.holder]
    elif stated.section == "data_categories":
        purposes = [purpose for purpose in manifest.purposes if stated.holder.id in purpose.data]
    else:
        purposes = list(manifest.purposes)
    return bool(purposes) and all(purpose.legal_bases and set(purpose.legal_bases) == {LegalBasis.consent} for purpose in purposes)
