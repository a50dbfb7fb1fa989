"""The format rules judged on a labelled corpus: manifest fragments from the seeds and invented
statements, each marked "finding" or "no finding" (tests/data/format/, one file per rule).

Each fragment is linted with its rule alone; a finding of that rule is a positive. The test prints
each rule's precision and recall and fails below 0.9. ``python tests/test_format_corpus.py`` prints
the table on its own.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

CORPUS = Path(__file__).resolve().parent / "data" / "format"
THRESHOLD = 0.9
LABELS = {"finding": True, "no finding": False}
KEYS = {"label", "source", "why", "manifest"}


@dataclass
class Score:
    rule: str
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    def row(self) -> str:
        items = self.true_positive + self.false_positive + self.false_negative + self.true_negative
        return f"{self.rule:30} {items:5} {self.precision:9.2f} {self.recall:6.2f}"


def load(path: Path) -> list[dict[str, str]]:
    items = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(items, list) and items, path
    for index, item in enumerate(items):
        assert set(item) == KEYS, f"{path.name}[{index}]: keys {sorted(item)}"
        assert item["label"] in LABELS, f"{path.name}[{index}]: label {item['label']!r}"
        assert item["source"] == "invented" or item["source"].startswith("seed:"), f"{path.name}[{index}]"
    return items


def score_rule(path: Path, linter_for) -> tuple[Score, list[str]]:
    """The rule's score on its file, and a line for each fragment it judges wrongly."""
    rule = path.stem
    linter = linter_for(rule)
    score, wrong = Score(rule), []
    for index, item in enumerate(load(path)):
        findings = linter.lint_text(item["manifest"], f"{rule}-{index}.privacy.yaml")
        engine = [f for f in findings if f.rule in {"yaml-syntax", "invalid-manifest"}]
        assert not engine, f"{path.name}[{index}] is not a valid manifest: {engine[0].message}"
        found, expected = any(f.rule == rule for f in findings), LABELS[item["label"]]
        if found and expected:
            score.true_positive += 1
        elif found:
            score.false_positive += 1
        elif expected:
            score.false_negative += 1
        else:
            score.true_negative += 1
        if found != expected:
            wrong.append(f"{path.name}[{index}] labelled {item['label']!r}: {item['why']}")
    return score, wrong


def _linter_for(rule: str):
    from privlint.rules.registry import load_rules
    from privlint.run.linter import Linter, Settings

    return Linter(load_rules(), Settings(today=dt.date(2026, 11, 23), select=(rule,)))


FILES = sorted(CORPUS.glob("*.yaml"))


def test_every_format_rule_has_a_labelled_set_with_both_labels():
    from privlint.rules.registry import load_rules

    names = {rule.name for rule in load_rules()}
    assert [path.stem for path in FILES if path.stem not in names] == []
    for path in FILES:
        labels = [item["label"] for item in load(path)]
        assert "finding" in labels and "no finding" in labels, path.name


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_precision_and_recall_on_the_labelled_fragments(path, capsys):
    score, wrong = score_rule(path, _linter_for)
    with capsys.disabled():
        print(f"\n{'rule':30} {'items':>5} {'precision':>9} {'recall':>6}\n{score.row()}")
    assert score.precision >= THRESHOLD and score.recall >= THRESHOLD, "\n".join(wrong)


if __name__ == "__main__":
    print(f"{'rule':30} {'items':>5} {'precision':>9} {'recall':>6}")
    failed = False
    for corpus_file in FILES:
        rule_score, misjudged = score_rule(corpus_file, _linter_for)
        print(rule_score.row())
        for line in misjudged:
            print("   ", line)
        failed |= rule_score.precision < THRESHOLD or rule_score.recall < THRESHOLD
    sys.exit(1 if failed else 0)
