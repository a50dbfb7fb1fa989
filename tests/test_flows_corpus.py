"""Precision and recall of the transfer, cookie and retention rules on labelled manifest fragments.

The fragments are in tests/data/flows/ (README.md there says how they are labelled). Each rule is run
alone on each fragment; a fragment labelled "finding" must get at least one finding of that rule, one
labelled "no finding" none. Run ``python tests/test_flows_corpus.py`` (or pytest with ``-s``) for the table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from privlint.rules.registry import load_rules
from privlint.run.linter import Linter, Settings
from ruamel.yaml import YAML

CORPUS = Path(__file__).resolve().parent / "data" / "flows"
TODAY = dt.date(2026, 11, 23)
THRESHOLD = 0.9


@dataclass
class Score:
    rule: str
    cases: int = 0
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        reported = self.true_positive + self.false_positive
        return self.true_positive / reported if reported else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.yaml"))


def score(path: Path, rules=None) -> tuple[Score, list[str]]:
    """The rule's score on one file, and a line for each case it gets wrong."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    rule = data["rule"]
    result, wrong = Score(rule), []
    rules = rules if rules is not None else load_rules()
    for number, case in enumerate(data["cases"], 1):
        today = dt.date.fromisoformat(str(case.get("today", TODAY)))
        linter = Linter(rules, Settings(today=today, select=(rule,), strict_pointers=True))
        findings = linter.lint_text("privlint: 1\n" + case["manifest"], f"{rule}-{number}.privacy.yaml")
        engine = [f for f in findings if f.rule != rule]
        assert not engine, f"{path.name} case {number} is not a valid manifest: {engine[0].message}"
        reported, expected = any(f.rule == rule for f in findings), case["label"] == "finding"
        assert case["label"] in ("finding", "no finding"), f"{path.name} case {number}: label {case['label']!r}"
        result.cases += 1
        if reported and expected:
            result.true_positive += 1
        elif reported:
            result.false_positive += 1
            wrong.append(f"  false finding, case {number}: {case['why']}")
        elif expected:
            result.false_negative += 1
            wrong.append(f"  missed, case {number}: {case['why']}")
    return result, wrong


def table(scores: list[Score]) -> str:
    lines = [f"{'rule':26} {'cases':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"]
    lines += [
        f"{s.rule:26} {s.cases:5} {s.true_positive:4} {s.false_positive:4} {s.false_negative:4} "
        f"{s.precision:9.2f} {s.recall:7.2f}"
        for s in scores
    ]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.stem)
def test_rule_precision_and_recall_on_labelled_fragments(rules, path):
    result, wrong = score(path, rules)
    print("\n" + table([result]) + ("\n" + "\n".join(wrong) if wrong else ""))
    assert result.cases >= 8 and result.true_positive and result.cases > result.true_positive + result.false_negative
    assert result.precision >= THRESHOLD and result.recall >= THRESHOLD, "\n".join(wrong)


def test_every_new_rule_has_a_labelled_corpus():
    named = {path.stem for path in corpus_files()}
    assert {"unspecified-transfer", "example-safeguard", "possible-transfer", "undeclared-transfer",
            "cookie-without-consent", "expired-retention", "missing-cookie-information"} <= named


if __name__ == "__main__":
    results = [score(path) for path in corpus_files()]
    print(table([result for result, _ in results]))
    for result, wrong in results:
        if wrong:
            print(result.rule)
            print("\n".join(wrong))
