"""Which data-subject rights a statement owes, given the legal bases its processing rests on.

Access, rectification, erasure and restriction apply to all processing, and so does the right to
complain. The others depend on the legal bases (gdpr-notes, "Which rights apply when"):

- portability (Art. 20) where some processing rests on consent or contract;
- objection (Art. 21(1)) where some processing rests on a public task or legitimate interests;
- objection to direct marketing (Art. 21(2)-(4)) wherever a purpose is direct marketing, whatever
  its basis: a right of its own, which must be stated apart from other information (Art. 21(4));
- withdrawing consent (Art. 7(3), 13(2)(c)) where some processing rests on consent.

A statement that names no legal basis at all gives no ground to leave a right out, so there every
right but objection to direct marketing (which needs a purpose marked as direct marketing) is owed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from privlint.model.vocabulary import (
    DisclosureKind,
    LegalBasis,
    Right,
    SpecialCondition,
)

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

#: How findings name each right, and its article.
RIGHTS: dict[Right, tuple[str, str]] = {
    Right.access: ("the right of access", "Art. 15"),
    Right.rectification: ("the right to rectification", "Art. 16"),
    Right.erasure: ("the right to erasure", "Art. 17"),
    Right.restriction: ("the right to restriction of processing", "Art. 18"),
    Right.objection: ("the right to object", "Art. 21(1)"),
    Right.objection_to_direct_marketing: ("the right to object to direct marketing at any time", "Art. 21(2)-(4)"),
    Right.portability: ("the right to data portability", "Art. 20"),
    Right.withdraw_consent: ("the right to withdraw consent", "Art. 7(3)"),
    Right.complaint: ("the right to lodge a complaint with a supervisory authority", "Art. 77"),
}

ALWAYS_OWED = frozenset({Right.access, Right.rectification, Right.erasure, Right.restriction, Right.complaint})
PORTABLE = frozenset({LegalBasis.consent, LegalBasis.contract})
OBJECTABLE = frozenset({LegalBasis.public_task, LegalBasis.legitimate_interests})
LISTED = 3  # how many purposes a message names before "and N more"


def name(right: Right) -> str:
    """The right as findings name it, with its article: "the right of access (Art. 15)"."""
    return f"{RIGHTS[right][0]} ({RIGHTS[right][1]})"


def words(right: Right) -> str:
    """The right as findings name it, without its article: "the right of access"."""
    return RIGHTS[right][0]


def why_owed(manifest: Manifest, right: Right) -> str | None:
    """Why the statement must tell people about ``right``, as words for a message; None where the law
    does not ask for it. The empty string means it applies without a condition to name: to all
    processing, or where the statement names no legal basis that would rule it out."""
    if right in ALWAYS_OWED:
        return ""
    if right is Right.objection_to_direct_marketing:
        marketing = [f"purpose {purpose.label}" for purpose in manifest.purposes if purpose.direct_marketing]
        return f"{_listed(marketing)} {_is_are(marketing)} direct marketing" if marketing else None
    if right is Right.withdraw_consent:
        return _resting_on(manifest, frozenset({LegalBasis.consent}), "consent")
    if not manifest.relied_bases:
        return ""  # nothing tells that the right does not apply
    if right is Right.portability:
        return _resting_on(manifest, PORTABLE, "consent or contract")
    if right is Right.objection:
        return _resting_on(manifest, OBJECTABLE, "legitimate interests or a public task")
    raise ValueError(f"no rule for {right}")


def reliance(manifest: Manifest, bases: frozenset[LegalBasis]) -> list[str]:
    """What rests on one of ``bases``: purposes, the general bases, special data, disclosures."""
    found = [
        f"purpose {purpose.label}" + (
            f" (consent given to {purpose.consent_given_to})"
            if purpose.consent_given_to and LegalBasis.consent in bases & set(manifest.bases_of(purpose))
            else ""
        )
        for purpose in manifest.purposes
        if bases & set(manifest.bases_of(purpose))
    ]
    general = sorted({entry.basis.value for entry in manifest.general_legal_bases if entry.basis in bases})
    inherited = any(not purpose.legal_bases and manifest.bases_of(purpose) for purpose in manifest.purposes)
    if general and (len({entry.basis for entry in manifest.general_legal_bases}) > 1 or not inherited):
        found.append(f"the general legal {'bases' if len(general) > 1 else 'basis'} ({', '.join(general)})")
    if LegalBasis.consent in bases:
        found += [
            f"data category {category.id!r} (explicit consent)"
            for category in manifest.data_categories
            if category.condition is SpecialCondition.explicit_consent
        ]
        found += [
            f"the disclosure to recipient {recipient.id!r}"
            for recipient in manifest.recipients
            if recipient.disclosure is not None and recipient.disclosure.kind is DisclosureKind.consent
        ]
    return found


def _resting_on(manifest: Manifest, bases: frozenset[LegalBasis], words: str) -> str | None:
    found = reliance(manifest, bases)
    return f"{_listed(found)} {'rests' if len(found) == 1 else 'rest'} on {words}" if found else None


def _listed(items: list[str]) -> str:
    if len(items) <= LISTED:
        return ", ".join(items)
    return f"{', '.join(items[:LISTED])} and {len(items) - LISTED} more"


def _is_are(items: list[str]) -> str:
    return "is" if len(items) == 1 else "are"
