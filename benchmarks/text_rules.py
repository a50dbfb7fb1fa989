"""Precision and recall of the rules that read the statement's words, on the labelled sentences.

The labelled sets are in ``tests/data/labelled/<rule>.yaml``: real-looking sentences in Dutch and
English (from the seeds and invented), each marked ``finding`` or ``no finding`` for that rule,
half of them near misses. Each sentence is put in the field the rule reads (a purpose's
description, retention criteria, legitimate interest or consent mechanism; the statement's
``changes_announced``; a transfer's description) of an otherwise empty manifest, and the rule is
run on it. ``python benchmarks/text_rules.py`` prints the table; ``tests/test_text_rules.py``
holds every rule to at least 0.9 for both figures. ``--errors`` lists the sentences it gets wrong.

A second table measures the same rules on ``tests/data/heldout/``: sentences in the same format,
written blind (before their author read the rules or the tuned sets) and never edited to fit a rule.
The tuned figures say how well the rules fit what they were tuned on; the held-out figures estimate
how they do on statements nobody here has seen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: The sets, by name: "tuned" (the rules were tuned on them) and "held-out" (written blind).
SETS = {"tuned": DATA / "labelled", "held-out": DATA / "heldout"}
LABELLED = SETS["tuned"]
TODAY = dt.date(2026, 11, 23)


def _purpose(item: dict[str, Any], **fields: Any) -> dict[str, Any]:
    purpose = {"id": "purpose", "name": item.get("purpose", "Purpose"), "legal_bases": item.get("legal_bases", ["contract"])}
    return {**purpose, **fields}


#: Where each rule reads a sentence: a function from the labelled item to the manifest's data.
PLACES = {
    "vague-language": lambda item: {"purposes": [_purpose(item, description=item["text"])]},
    "unbounded-retention": lambda item: {"purposes": [_purpose(item, retention={"criteria": item["text"]})]},
    "vague-retention": lambda item: {"purposes": [_purpose(item, retention={"criteria": item["text"]})]},
    "check-regularly-clause": lambda item: {"statement": {"changes_announced": item["text"]}},
    "implied-consent": lambda item: {"purposes": [_purpose({"legal_bases": ["consent"], **item},
                                                           consent_mechanism=item["text"])]},
    "transfer-without-safeguard": lambda item: {"transfers": [{"description": item["text"]}]},
    "missing-legitimate-interest": lambda item: {"purposes": [_purpose({"legal_bases": ["legitimate_interests"], **item},
                                                                       legitimate_interest=item["text"])]},
    "unstated-legitimate-interest": lambda item: {
        "general_legal_bases": [{"basis": "contract"}, {"basis": "legitimate_interests", "description": item["text"]}],
        "purposes": [_purpose(item)]},
    "missing-requirement-notice": lambda item: {"statement": {"requirement_notice": item["text"]}},
    "narrowed-right": lambda item: {"purposes": [_purpose(item)], "rights": {"narrowed": {"erasure": item["text"]}}},
    "missing-data-categories": lambda item: {"data_categories": [{"id": "category", "items": [item["text"]],
                                                                  "from_others": True, "source": "elders"}]},
}


@dataclass
class Score:
    rule: str
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    errors: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        due = self.true_positive + self.false_negative
        return self.true_positive / due if due else 1.0

    @property
    def items(self) -> int:
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative


def labelled(rule: str, kind: str = "tuned") -> list[dict[str, Any]]:
    return YAML(typ="safe").load((SETS[kind] / f"{rule}.yaml").read_text(encoding="utf-8"))


def findings(rule: str, item: dict[str, Any]) -> list[Any]:
    """The problems the rule reports on the item's sentence, placed where the rule reads it."""
    from privlint.model.manifest import Manifest
    from privlint.rules import Context

    data = {"privlint": 1, "controller": {"name": item.get("controller", "Voorbeeld B.V.")}, **PLACES[rule](item)}
    manifest = Manifest.model_validate(data)
    check = import_module("privlint.checks." + rule.replace("-", "_")).check
    return list(check(manifest, Context(today=TODAY)))


#: Findings that are about the manifest, not the statement's words: "records no safeguard, although the
#: statement names one" says the text does name a mechanism (it is missing from ``safeguard``).
ABOUT_THE_MANIFEST = ("although the statement names one",)


def score(rule: str, kind: str = "tuned") -> Score:
    result = Score(rule)
    for item in labelled(rule, kind):
        problems = [p for p in findings(rule, item) if not any(words in p.message for words in ABOUT_THE_MANIFEST)]
        found, due = bool(problems), item["label"] == "finding"
        if found and due:
            result.true_positive += 1
        elif found:
            result.false_positive += 1
            result.errors.append(("false finding", item))
        elif due:
            result.false_negative += 1
            result.errors.append(("missed", item))
        else:
            result.true_negative += 1
    return result


def scores(kind: str = "tuned") -> Iterator[Score]:
    for rule in PLACES:
        yield score(rule, kind)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the sentences each rule gets wrong")
    parser.add_argument("--set", choices=sorted(SETS), action="append", dest="sets",
                        help="only this set (default: both, tuned first)")
    parser.add_argument("rules", nargs="*", help="only these rules")
    args = parser.parse_args(argv)
    for index, kind in enumerate(args.sets or SETS):
        print(f"{chr(10) if index else ''}{kind}:\n\n| rule | sentences | precision | recall |\n|---|---:|---:|---:|")
        for rule in PLACES:
            if args.rules and rule not in args.rules:
                continue
            result = score(rule, kind)
            print(f"| {result.rule} | {result.items} | {result.precision:.2f} | {result.recall:.2f} |")
            if args.errors:
                for error, item in result.errors:
                    print(f"    {kind} {error}: {item['text'][:160]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
