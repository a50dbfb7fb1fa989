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
from privlint.rules.quotes import quote

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest, Purpose

#: Recorded mechanisms that are not consent, with what each does instead.
NOT_CONSENT = {
    ConsentMechanism.opt_out: "assumes it unless the person says no (an opt-out or a pre-ticked box)",
    ConsentMechanism.implied: "infers it from silence, inactivity or going on using the service",
    ConsentMechanism.bundled: "takes it with accepting a contract, the terms or the statement, with no separate choice",
}
QUOTED = 120  # the statement's words, shortened: context for the recorded mechanism


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
        words = f" ({quote(str(purpose.consent_mechanism), QUOTED)})" if purpose.consent_mechanism else ""
        yield Problem(
            ("purposes", index, "consent"),
            f"purpose {purpose.label} is said to rest on consent, but the statement {NOT_CONSENT[purpose.consent]}"
            f"{words}: that is not consent",
            hint="ask for consent by a clear affirmative act before the processing starts (an unticked box, a button), "
            "separate from the contract and the statement, and say how to withdraw it; then record consent: opt_in. "
            "Where the processing rests on legitimate interests instead, say so and offer the right to object",
        )
