"""Bounded time and memory on adversarial manifests (the cases of benchmarks/adversarial.py).

Each case is linted whole, in a process of its own, at 1.6 MB: linear, the slowest takes seconds;
quadratic, as several did before (a run of spaces took 51 s at 400 KB, services named in one clause
18 s, a long controller name 17 s), they take many minutes. The limit is on CPU time, so a busy
machine does not trip it, and only catches that; how fast privlint is belongs to the benchmark
(benchmarks/RESULTS.md has its growth ratios). Memory is measured on a large manifest of the
usual shape at the file-size limit.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT

_spec = importlib.util.spec_from_file_location("adversarial", ROOT / "benchmarks" / "adversarial.py")
adversarial = importlib.util.module_from_spec(_spec)
sys.modules["adversarial"] = adversarial
_spec.loader.exec_module(adversarial)

SIZE = 1_600_000  # bytes: four times the size at which the quadratic cases took 17 to 51 seconds
CPU_LIMIT = 120  # seconds of CPU: linear, the slowest case takes about 6 s here; quadratic, many minutes
WALL_LIMIT = 1200  # seconds: only so that the test ends whatever happens
LINT_ONE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))  # the kernel stops it there
sys.path.insert(0, {benchmarks!r})
import adversarial
print(adversarial.lint_seconds(adversarial.CASES[sys.argv[1]](int(sys.argv[2]))))
"""
pytestmark = pytest.mark.timeout(WALL_LIMIT + 60)


@pytest.mark.parametrize("case", list(adversarial.CASES))
def test_an_adversarial_manifest_is_linted_in_linear_time(case):
    code = LINT_ONE.format(benchmarks=str(ROOT / "benchmarks"), cpu=CPU_LIMIT)
    done = subprocess.run([sys.executable, "-c", code, case, str(SIZE)], capture_output=True, text=True, timeout=WALL_LIMIT)
    assert done.returncode >= 0, f"{case}: not linted within {CPU_LIMIT} s of CPU at {SIZE:,} bytes: time grows faster than the input"
    assert done.returncode == 0, done.stderr  # also: the case is a valid manifest, linted without an internal error
    assert float(done.stdout) < CPU_LIMIT


def test_every_case_is_a_manifest_of_the_size_asked_for():
    for name, make in adversarial.CASES.items():
        for size in (10_000, 40_000):
            assert 0.75 * size <= len(make(size).encode("utf-8")) <= 1.25 * size + 2_000, name


def test_a_large_manifest_of_the_usual_shape_at_the_size_limit_stays_in_bounded_memory():
    """The seeds' purposes, categories and recipients repeated up to 5 MiB: thousands of each, with texts."""
    text = adversarial.seeds_at(adversarial.LIMIT - 4096)
    assert 0.9 * adversarial.LIMIT < len(text.encode("utf-8")) < adversarial.LIMIT
    assert adversarial.peak_memory(text) < 250 * 1024 * 1024  # about 120 MB


def test_tens_of_thousands_of_terse_purposes_at_the_size_limit_stay_in_bounded_memory():
    """290,000 purposes of an id each: 2 of 11 rules find something in every one. Listing 200,000 of
    those findings took 949 MB and ended in an internal error; a rule now lists 1,000 and a count.
    The loader's positions of every node and a full model object per purpose took 579 MB still; now
    about 200 MB (benchmarks/adversarial.py --terse has the other terse shapes).
    """
    text = adversarial.terse_purposes(adversarial.LIMIT - 4096)
    assert 0.95 * adversarial.LIMIT < len(text.encode("utf-8")) < adversarial.LIMIT
    assert adversarial.peak_memory(text) < 250 * 1024 * 1024


def test_an_invalid_terse_manifest_at_the_size_limit_stays_in_bounded_memory():
    """380,000 bare purposes, the last one invalid: the model rejects it after building every other
    entry, and the text is read again for the schema to say what is wrong. The first read's data and
    models were still held then (pydantic's deferred build kept the validating frame's locals): 284 MB;
    now about 200."""
    text = adversarial.TERSE["bare purposes, the last one invalid"](adversarial.LIMIT - 4096)
    assert adversarial.peak_memory(text) < 250 * 1024 * 1024


def test_a_bare_entry_takes_a_few_hundred_bytes_read_and_validated():
    """Reading and validating a bare purpose took about 1,700 bytes at the peak (its data, the position
    of each node, a model object with every field); now its model, about 300 (tracemalloc, in process).
    With an anchor (the general builder) it held about 1,000: that builder kept every position too."""
    import gc
    import tracemalloc

    from privlint.model.manifest import Manifest
    from privlint.model.validation import validate_document
    from privlint.parse.loader import load_document

    Manifest.model_validate({"privlint": 1})  # (the validator is built once, not per entry)
    for name in ("bare purposes, JSON", "bare purposes, block YAML", "bare purposes with an anchor (general builder)"):
        text = adversarial.TERSE[name](400_000)
        gc.collect()
        tracemalloc.start()
        try:
            document = load_document(text)
            manifest, problems = validate_document(document)
            document.forget_data()
            held, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert manifest is not None and not problems
        purposes = len(manifest.purposes)
        assert purposes > 25_000
        assert held / purposes < 600 and peak / purposes < 700, name


def test_a_rule_lists_its_first_findings_in_a_file_and_then_says_how_many_more_there_are():
    from privlint.rules.registry import load_rules
    from privlint.run.linter import MAX_FINDINGS_PER_RULE, Linter, Settings, exit_code

    text = adversarial.terse_purposes(40_000)  # over two thousand purposes with an id and nothing else
    purposes = text.count('"id"')
    findings = Linter(load_rules(), Settings(today=adversarial.TODAY)).lint_text(text, "terse.privacy.yaml")
    of_one_rule = [finding for finding in findings if finding.rule == "missing-legal-basis"]
    assert len(of_one_rule) == MAX_FINDINGS_PER_RULE + 1
    rest = [finding for finding in of_one_rule if "more findings of this rule" in finding.message]
    assert [finding.pointer for finding in rest] == [f"/purposes/{MAX_FINDINGS_PER_RULE}"]
    assert rest[0].message.startswith(f"{purposes - MAX_FINDINGS_PER_RULE:,} more findings")
    assert exit_code(findings) == 1  # a valid manifest: no internal error however many problems a rule finds
    assert findings == Linter(load_rules(), Settings(today=adversarial.TODAY)).lint_text(text, "terse.privacy.yaml")


def test_entries_share_their_defaults_and_field_sets_and_no_check_changes_them():
    """A model holds the fields it gives and reads the others from its class, and models that give the
    same fields share one set of them (a bare purpose took 1,050 bytes, now under 300): linting every
    seed and copying a model with an update leave what they share as it was."""
    from privlint.model import manifest as models
    from privlint.rules.registry import load_rules
    from privlint.run.linter import Linter, Settings

    linter = Linter(load_rules(), Settings(today=adversarial.TODAY))
    for path in sorted((ROOT / "seeds").glob("*.privacy.yaml")):
        assert linter.lint_text(path.read_text(encoding="utf-8"), path.name)
    manifest = models.Manifest.model_validate({"privlint": 1, "purposes": [{"id": "a"}, {"id": "b"}]})
    first, second = manifest.purposes
    assert first.data is second.data is models._NO_ITEMS
    assert set(first.__dict__) == {"id"} and first.name is None and first.direct_marketing is False
    explicit = models.Purpose.model_validate({"id": "a", "direct_marketing": False, "data": []})
    assert explicit == first and hash(explicit.none) == hash(first.none)  # a default given equals one left out
    decision = models.AutomatedDecision.model_validate({"id": "x"})
    assert explicit != second and decision in {models.AutomatedDecision.model_validate({"id": "x", "profiling": False})}
    assert first.model_fields_set is second.model_fields_set
    assert first.model_copy(update={"name": "A"}).model_fields_set == {"id", "name"}
    assert second.model_fields_set == {"id"}
    assert models._NO_ITEMS == []
    assert all(set(given) == shared for given, shared in models._FIELD_SETS.items())


@pytest.mark.parametrize("broken", [None, 1_200, 1_499])
def test_long_lists_validated_entry_by_entry_give_the_findings_the_whole_manifest_gives(monkeypatch, broken):
    """Entries of a long list become models one by one, each letting go of its data; where one is
    invalid, the document reads its data again and the findings are those of the manifest validated whole."""
    import json

    from privlint.model import manifest as models
    from privlint.rules.registry import load_rules
    from privlint.run.linter import Linter, Settings

    data = {"privlint": 1, "purposes": [{"id": f"p{n}", "legal_bases": ["contract"]} for n in range(1_500)],
            "recipients": [{"id": f"r{n}"} for n in range(1_100)]}
    if broken is not None:
        data["purposes"][broken] = {"id": "Not An Id", "legal_bases": "contract"}
    replaced = []
    monkeypatch.setattr(models, "_validate_entries_in_place", lambda data, spy=models._validate_entries_in_place: replaced.append(spy(data)) or replaced[-1])
    for text in (json.dumps(data), json.dumps(data).replace('"privlint": 1', '"privlint": &version 1')):  # (an anchor: the general builder)
        linter = Linter(load_rules(), Settings(today=adversarial.TODAY))
        by_entry = linter.lint_text(text, "long.privacy.yaml")
        monkeypatch.setattr(models, "LONG_LIST", 10**9)
        whole = linter.lint_text(text, "long.privacy.yaml")
        monkeypatch.setattr(models, "LONG_LIST", 1_000)
        assert by_entry == whole
        assert any(f.rule == "invalid-manifest" for f in whole) is (broken is not None)
    assert replaced == [True, False] * 2  # with the limit only; both builders' documents read their data again
