"""
## What it does
Reports a right the statement declares not applicable (`rights.not_applicable`) where the
law does not allow it for this statement. A declaration is accepted:

- for a right the law does not give here: portability where nothing rests on consent or
  contract (Art. 20(1), 20(3)); objection where nothing rests on a public task or legitimate
  interests (Art. 21(1)); objection to direct marketing where no purpose is direct
  marketing; withdrawing consent where nothing rests on consent;
- on Art. 11(2) (`ground: art_11_2`: the controller cannot identify the person) for the
  rights of Art. 15-20, since the statement says so;
- on Art. 17(3) (`ground: art_17_3`) for erasure, where every purpose rests on a legal
  obligation or a public task.

Anything else is reported: a declaration without a ground, a ground that does not cover
the right (Art. 11(2) for objection, Art. 17(3) for access), or a ground whose condition the
manifest contradicts (portability declared not applicable while a purpose rests on
contract).

## Why it matters
Art. 13(2)(b) requires telling people the rights they have. A right declared not
applicable is a right people will not ask for, so the declaration must rest on a ground the
law gives: Art. 11(2), 17(3), 20 and 21 set out when a right does not apply, and outside
them it does.

## Example
```yaml
purposes:
  - id: subscription
    legal_bases: [contract]
rights:
  offered: [access, rectification, erasure, restriction, complaint]
  not_applicable:
    portability:
      text: "Data portability does not apply to our services."
```

## Use instead
```yaml
purposes:
  - id: subscription
    legal_bases: [contract]
rights:
  offered: [access, rectification, erasure, restriction, portability, complaint]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import ExclusionGround, LegalBasis, Right
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.rights import RIGHTS, name, why_owed

if TYPE_CHECKING:
    from privlint.model.manifest import Exclusion, Manifest

RULE = RuleInfo(
    code="PL416",
    name="unfounded-right-exclusion",
    severity="error",
    article="Art. 13(2)(b), 11(2), 17(3), 20, 21",
    summary="A data-subject right is declared not applicable on a ground the law does not give here",
    reads=("rights.not_applicable", "purposes[].legal_bases", "purposes[].direct_marketing", "general_legal_bases"),
)

#: The rights each ground can take away, and the article as findings cite it.
GROUNDS: dict[ExclusionGround, tuple[frozenset[Right], str]] = {
    ExclusionGround.art_11_2: (
        frozenset({Right.access, Right.rectification, Right.erasure, Right.restriction, Right.portability}),
        "Art. 11(2)",
    ),
    ExclusionGround.art_17_3: (frozenset({Right.erasure}), "Art. 17(3)"),
    ExclusionGround.art_20_1: (frozenset({Right.portability}), "Art. 20(1)"),
    ExclusionGround.art_20_3: (frozenset({Right.portability}), "Art. 20(3)"),
    ExclusionGround.art_21: (frozenset({Right.objection, Right.objection_to_direct_marketing}), "Art. 21"),
}
#: The bases under which Art. 17(3)(b) keeps data from erasure.
KEPT_BY_LAW = frozenset({LegalBasis.legal_obligation, LegalBasis.public_task})


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.rights is None or manifest.rights.not_applicable is None:
        return
    for right, exclusion in manifest.rights.not_applicable.items():
        reason = why_owed(manifest, right)
        if reason is None:
            continue  # the law does not give the right here: saying so is correct
        message = _unfounded(manifest, right, exclusion, reason)
        if message:
            yield Problem(
                ("rights", "not_applicable", right.value),
                message,
                hint=f"tell people they have {RIGHTS[right][0]} and how to use it, and record {right.value} under "
                "rights.offered; or give the ground the law provides (Art. 11(2), 17(3), 20, 21) where it really applies",
            )


def _unfounded(manifest: Manifest, right: Right, exclusion: Exclusion, reason: str) -> str | None:
    """Why the declaration does not hold, or None where it does."""
    declared = f"the statement declares {name(right)} not applicable"
    if exclusion.ground is None:
        return f"{declared} without giving a ground" + (f", though {reason}" if reason else "")
    rights, article = GROUNDS[exclusion.ground]
    if right not in rights:
        return f"{declared} on {article}, which is no ground for {RIGHTS[right][0]}"
    if exclusion.ground is ExclusionGround.art_11_2:
        return None
    if exclusion.ground is ExclusionGround.art_17_3:
        others = [
            f"purpose {purpose.label}"
            for purpose in manifest.purposes
            if not set(manifest.bases_of(purpose)) or set(manifest.bases_of(purpose)) - KEPT_BY_LAW
        ]
        if manifest.purposes and not others:
            return None
        told = f"{', '.join(others)} {'rests' if len(others) == 1 else 'rest'} on other bases or none" if others else (
            "the statement names no processing"
        )
        return (
            f"{declared} on {article}, but {told}: Art. 17(3) keeps data from erasure only where the law or a "
            "public task requires them"
        )
    return f"{declared} on {article}, but {reason}" if reason else f"{declared} on {article}, but the statement names no legal basis that would rule it out"
