"""
## What it does
Reports an automated decision (`automated_decisions`, including profiling) that leaves
out what the statement must say about it: meaningful information about the logic
involved (`logic`), its significance and envisaged consequences (`significance`), or
that the person can obtain human intervention (`human_intervention: true`), and, where
human intervention is offered, that the person can contest the decision (`contest: true`):
a talk with an employee "if you have questions" is not a way to challenge the outcome.
Human intervention and contest are asked for unless the entry says it has no legal or
similarly significant effect (`legal_effect: false`, such as profiling that only selects
offers), because Art. 22(3) covers the decisions of Art. 22(1). Each missing element is
one finding; a decision without human intervention is one finding, not two.

## Why it matters
Art. 13(2)(f) and 14(2)(g) require, where decisions are taken by automated means
(Art. 22), meaningful information about the logic and about the significance and
consequences for the person. Art. 22(3) adds the right to human intervention, to
express one's view and to contest the decision, and recital 71 says these safeguards
include specific information to the person. Someone refused a contract by a credit score
must be able to understand why, to have a person look at it, and to challenge it.

## Example
```yaml
automated_decisions:
  - id: credit-check
    description: "Whether you can take out a subscription is decided automatically."
```

## Use instead
```yaml
automated_decisions:
  - id: credit-check
    description: "Whether you can take out a subscription is decided automatically."
    logic: "A score from your payment history with us and registrations at the credit bureau."
    significance: "Below the threshold we cannot offer you a subscription."
    human_intervention: true
    contest: true   # "You can ask for a review by one of our staff and contest the decision."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL506",
    name="incomplete-automated-decision",
    severity="error",
    article="Art. 13(2)(f), 14(2)(g), 22(3)",
    summary="An automated decision lacks its logic, its significance, human intervention or a way to contest it",
    reads=("automated_decisions[].logic", "automated_decisions[].significance", "automated_decisions[].legal_effect", "automated_decisions[].human_intervention",
           "automated_decisions[].contest"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, decision in enumerate(manifest.automated_decisions):
        pointer = ("automated_decisions", index)
        name = f"automated decision {decision.id!r}" if decision.id else f"automated decision {index + 1}"
        if decision.logic is None:
            yield Problem(
                pointer,
                f"{name} does not explain the logic involved",
                hint="say which data the decision uses and how they lead to the outcome; record it as logic",
            )
        if decision.significance is None:
            yield Problem(
                pointer,
                f"{name} does not say what it means for the person (its significance and consequences)",
                hint="say what the decision can lead to for the person; record it as significance",
            )
        if decision.human_intervention is not True and decision.legal_effect is not False:
            said_no = decision.human_intervention is False
            yield Problem(
                (*pointer, "human_intervention") if said_no else pointer,
                f"{name} {'offers no' if said_no else 'does not say whether the person can obtain'} human intervention",
                hint="let people obtain human intervention, give their view and contest the decision (Art. 22(3)); "
                "say so and record human_intervention: true",
            )
        elif decision.contest is not True and decision.legal_effect is not False:
            yield Problem(
                (*pointer, "contest") if decision.contest is False else (*pointer, "human_intervention"),
                f"{name} offers human intervention but does not say the person can contest the decision",
                hint="say that people can contest the decision and how (Art. 22(3)); record contest: true",
            )
