"""Consent a purpose is said to rest on that is not consent, as the manifest records it (``purposes[].consent``).

Consent must be a freely given, specific, informed and unambiguous indication of wishes by a clear
affirmative act (Art. 4(11)); the controller must be able to show it (Art. 7(1)), and it may not be
bundled with a contract it is not needed for (Art. 7(4)). The EDPB (Guidelines 05/2020, 75-86)
names silence, inactivity, pre-ticked boxes and going on using a service as no consent. ``implied-consent``
reports what is recorded here, and leaves the words of such a purpose to it: one finding per fact.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import ConsentMechanism, LegalBasis
from privlint.rules.api import Problem

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest, Purpose

#: Recorded mechanisms that are not consent: what the statement does with the consent it speaks of.
NOT_CONSENT = {
    ConsentMechanism.opt_out: "assumes unless the person says no (an opt-out or a pre-ticked box)",
    ConsentMechanism.implied: "infers from silence, inactivity or going on using the service",
    ConsentMechanism.bundled: "takes with accepting a contract, the terms or the statement, with no separate choice",
}


def recorded_not_consent(manifest: Manifest, purpose: Purpose) -> bool:
    """Whether the purpose records a consent mechanism that is not consent, for processing said to rest on consent.

    A purpose "rests on consent" where its bases include consent, or where it names none (the statement
    calls it consent, which is why ``consent`` is recorded). An opt-out on a purpose that rests on
    legitimate interests alone is the right to object (Art. 21), not consent, and is left alone.
    """
    if purpose.consent not in NOT_CONSENT:
        return False
    bases = manifest.bases_of(purpose)
    return not bases or LegalBasis.consent in bases


def invalid_purpose_consent(manifest: Manifest) -> Iterator[Problem]:
    """``implied-consent`` for purposes: a recorded consent mechanism that is not consent."""
    for index, purpose in enumerate(manifest.purposes):
        if purpose.consent is None or not recorded_not_consent(manifest, purpose):
            continue
        # The words are not quoted: consent_mechanism may hold a purpose's several consents, and the finding is
        # about the one recorded here.
        yield Problem(
            ("purposes", index, "consent"),
            f"purpose {purpose.label} rests on consent that the statement {NOT_CONSENT[purpose.consent]}, "
            "which is not consent",
            hint="ask by a clear affirmative act (an unticked box, a button), separate from the contract and the "
            "statement, and record consent: opt_in; where the processing rests on legitimate interests instead, "
            "say so and offer the right to object",
        )
