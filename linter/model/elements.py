"""The elements of information Art. 13 and 14 GDPR require, and whether a manifest gives each.

Each element names the rules that report on it, so that a report can tell for a
statement whether an element is there, missing, or there with findings (the HTML
report's matrix), and the rendering tests can check that each element a manifest
gives appears in the rendered statement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from privlint.model.authorities import EEA_COUNTRIES
from privlint.model.vocabulary import LegalBasis, Right

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

#: The rights of Art. 15-18, 20 and 21 that every statement must mention.
CORE_RIGHTS = (Right.access, Right.rectification, Right.erasure, Right.restriction, Right.objection, Right.portability)


@dataclass(frozen=True)
class Element:
    key: str
    title: str
    article: str
    rules: tuple[str, ...]
    present: Callable[[Manifest], bool]
    applies: Callable[[Manifest], bool] = lambda manifest: True


def _mentions(manifest: Manifest, right: Right) -> bool:
    return manifest.rights is not None and manifest.rights.mentions(right)


def _uses(manifest: Manifest, basis: LegalBasis) -> bool:
    return any(basis in manifest.bases_of(purpose) for purpose in manifest.purposes)


def _outside_eea(manifest: Manifest) -> bool:
    """Whether a recipient or service is in a country outside the EEA (a transfer is then owed an account)."""
    countries = [r.country for r in manifest.recipients if r.country] + [s.country for s in manifest.services if s.country]
    return any(country.split("-")[0].lower() not in EEA_COUNTRIES for country in countries)


def _denies(manifest: Manifest, what: str) -> bool:
    """Whether the statement says explicitly that this does not happen (``none:``)."""
    return manifest.none is not None and getattr(manifest.none, what) is not None


ELEMENTS: tuple[Element, ...] = (
    Element(
        "controller", "Controller and contact", "13(1)(a), 14(1)(a)",
        ("incomplete-controller", "controller-not-in-text"),
        lambda m: bool(m.controller and m.controller.name and m.controller.contact),
    ),
    Element(
        "dpo", "Data protection officer", "13(1)(b), 14(1)(b)", ("missing-dpo-contact",),
        lambda m: bool(m.dpo and m.dpo.contact),
        applies=lambda m: bool(m.dpo and m.dpo.designated) and not _denies(m, "dpo"),
    ),
    Element(
        "purposes", "Purposes and legal bases", "13(1)(c), 14(1)(c)",
        ("missing-legal-basis", "legal-basis-without-law", "implied-consent", "vague-language", "quote-not-in-text",
         "contradicted-denial"),
        lambda m: bool(m.purposes) and all(m.bases_of(purpose) for purpose in m.purposes),
    ),
    Element(
        "legitimate_interests", "Legitimate interests", "13(1)(d), 14(2)(b)", ("missing-legitimate-interest",),
        lambda m: all(p.legitimate_interest for p in m.purposes if LegalBasis.legitimate_interests in m.bases_of(p)),
        applies=lambda m: _uses(m, LegalBasis.legitimate_interests),
    ),
    Element(
        "categories", "Categories of data", "14(1)(d)",
        ("special-category-without-condition", "national-id-without-law", "unused-definition"),
        lambda m: bool(m.data_categories),
    ),
    Element(
        "recipients", "Recipients", "13(1)(e), 14(1)(e)", ("missing-recipients", "undefined-reference"),
        lambda m: bool(m.recipients or m.services) or _denies(m, "recipients"),
    ),
    Element(
        "transfers", "Transfers outside the EEA", "13(1)(f), 14(1)(f)",
        ("transfer-without-safeguard", "unspecified-transfer", "example-safeguard", "possible-transfer", "undeclared-transfer"),
        lambda m: bool(m.transfers) and all(transfer.safeguards for transfer in m.transfers),
        applies=lambda m: bool(m.transfers) or (not _denies(m, "transfers") and _outside_eea(m)),
    ),
    Element(
        "retention", "Retention", "13(2)(a), 14(2)(a)",
        ("missing-retention", "vague-retention", "unbounded-retention", "excessive-retention", "inconsistent-retention",
         "expired-retention", "retention-not-in-text"),
        lambda m: bool(m.retention and m.retention.is_stated) or any(p.retention and p.retention.is_stated for p in m.purposes),
    ),
    Element(
        "rights", "Rights", "13(2)(b), 14(2)(c)",
        ("missing-right", "late-response-time", "narrowed-right", "link-only-right", "unfounded-right-exclusion"),
        lambda m: all(_mentions(m, right) for right in CORE_RIGHTS),
    ),
    Element(
        "withdraw_consent", "Withdrawing consent", "13(2)(c), 14(2)(d)", ("missing-consent-withdrawal",),
        lambda m: _mentions(m, Right.withdraw_consent),
        applies=lambda m: _uses(m, LegalBasis.consent),
    ),
    Element(
        "complaint", "Complaint to a supervisory authority", "13(2)(d), 14(2)(e)",
        ("missing-complaint-right", "missing-supervisory-authority", "unknown-supervisory-authority",
         "mismatched-supervisory-authority", "authority-not-in-text"),
        lambda m: _mentions(m, Right.complaint) and bool(m.supervisory_authority and m.supervisory_authority.name),
    ),
    Element(
        "requirement", "Required data and consequences", "13(2)(e)", ("missing-requirement-notice",),
        lambda m: bool(m.statement.requirement_notice),
    ),
    Element(
        "automated_decisions", "Automated decisions", "13(2)(f), 14(2)(g)", ("incomplete-automated-decision",),
        lambda m: all(d.logic and d.significance for d in m.automated_decisions),
        applies=lambda m: bool(m.automated_decisions),  # a denial, or silence: nothing to tell
    ),
    Element(
        "source", "Source of the data", "14(2)(f)", ("missing-data-source",),
        lambda m: all(c.source for c in m.data_categories if c.from_others),
        applies=lambda m: any(c.from_others for c in m.data_categories),
    ),
)

PRESENT, MISSING, FINDING, NOT_APPLICABLE = "present", "missing", "finding", "not-applicable"


def status(element: Element, manifest: Manifest, rules_found: set[str]) -> str:
    """``present``, ``missing``, ``finding`` (given, with findings about it) or ``not-applicable``."""
    if not element.applies(manifest):
        return NOT_APPLICABLE
    if not element.present(manifest):
        return MISSING
    return FINDING if rules_found & set(element.rules) else PRESENT
