"""Properties that hold for any input: generated manifests and mutated seeds.

Manifests generated from the published JSON Schema are valid, so privlint must
not call them invalid, and every finding must point inside the file. Seeds
mutated at random (bytes, characters, lines, YAML punctuation, encodings) must
never make privlint raise or hang, and linting the same bytes twice must give
the same output. A hang is caught by the test's time limit (pytest-timeout, in
minutes); how fast privlint is belongs to benchmarks/run.py, not to a test.

The number of generated cases per test is ``PRIVLINT_PROPERTY_EXAMPLES``
(default 300); raise it for a longer search.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from privlint.model.schema import schema_problems
from privlint.read.discovery import Target
from privlint.read.files import LoadError, decode
from privlint.report import reporter
from privlint.rules.registry import load_rules
from privlint.run.linter import Linter, Settings, Summary
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "privacy-statement.schema.json").read_text(encoding="utf-8"))
SEEDS = sorted((ROOT / "seeds").glob("*.privacy.yaml"))
TODAY = dt.date(2026, 11, 23)
EXAMPLES = int(os.environ.get("PRIVLINT_PROPERTY_EXAMPLES", "300"))
ENGINE_REJECTIONS = {"yaml-syntax", "invalid-manifest", "internal-error"}
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # as the YAML parser counts lines

PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,  # no timing: a loaded machine is slow, not wrong; a hang fails the test's time limit
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def linter():
    return Linter(load_rules(), Settings(today=TODAY))


def assert_inside(findings, text: str) -> None:
    lines = _LINE_BREAK.split(text)
    for finding in findings:
        assert 1 <= finding.line <= len(lines), finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding


# -- manifests generated from the JSON Schema ---------------------------------


def from_schema(node: dict) -> st.SearchStrategy:
    """A strategy for the instances of a schema node, for the keywords the published schema uses."""
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        return st.deferred(lambda: from_schema(SCHEMA["$defs"][name]))
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "anyOf" in node:
        return st.one_of(*(from_schema(branch) for branch in node["anyOf"]))
    kind = node.get("type")
    if kind == "object" and "propertyNames" in node:  # free text per language: {nl: ..., en: ...}
        return st.dictionaries(
            from_schema({"type": "string", **node["propertyNames"]}),
            from_schema(node["additionalProperties"]),
            min_size=node.get("minProperties", 0),
            max_size=3,
        )
    if kind == "object":
        properties = {key: from_schema(value) for key, value in node.get("properties", {}).items()}
        required = set(node.get("required", ()))
        return st.fixed_dictionaries(
            {key: properties[key] for key in sorted(required)},
            optional={key: value for key, value in properties.items() if key not in required},
        )
    if kind == "array":
        return st.lists(from_schema(node["items"]), min_size=node.get("minItems", 0), max_size=max(3, node.get("minItems", 0)))
    if kind == "string":
        if node.get("format") == "date":
            return st.dates().map(dt.date.isoformat)
        if "pattern" in node:  # ECMA-262, as JSON Schema means it: a final '$' is the end of the text
            return st.from_regex(re.sub(r"(?<!\\)\$$", r"\\Z", node["pattern"]))
        return st.text(min_size=node.get("minLength", 0), max_size=40)
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(node.get("minimum"), node.get("maximum"))
    raise AssertionError(f"the schema uses a keyword this builder does not know: {sorted(node)}")


def to_yaml(data, flow: bool) -> str:
    """Block style with plain scalars where YAML allows them, or flow style with quoted text.

    In flow style every text is double-quoted: ruamel.yaml emits ``[?x]`` plain, which
    YAML parsers (ruamel's own and libyaml) read as a mapping key.
    """
    yaml = YAML(typ="rt" if flow else "safe", pure=True)
    yaml.default_flow_style = flow
    yaml.width = 80
    stream = io.StringIO()
    yaml.dump(_quoted(data) if flow else data, stream)
    return stream.getvalue()


def _quoted(value):
    if isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if isinstance(value, dict):
        return {_quoted(key): _quoted(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_quoted(item) for item in value]
    return value


@PROPERTY_SETTINGS
@given(data=from_schema(SCHEMA), flow=st.booleans())
def test_valid_manifests_are_never_called_invalid_and_findings_point_inside_the_file(linter, data, flow):
    assert schema_problems(data) == [], "the strategy builder made an invalid manifest"
    text = to_yaml(data, flow)
    findings = linter.lint_text(text, "generated.privacy.yaml")
    rejected = [f for f in findings if f.rule in ENGINE_REJECTIONS]
    assert not rejected, f"{rejected}\n---\n{text}"
    assert_inside(findings, text)


# -- random mutations of the seeds ---------------------------------------------

SEED_TEXTS = [path.read_text(encoding="utf-8") for path in SEEDS]
HOSTILE = [
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "*a ", "<<: *a\n", "? ", "!!python/object:os.system ",
    "!local ", "\t", "\n", "\r", "\r\n", "'", '"', "#", "|", "|-\n", ">", "%YAML 1.1\n", "---\n", "...\n", "@", "`",
    "~", "\\", "\x00", "\x07", "\x85", "\ufeff", "\u2028", "yes", "no", "1e3", "0x10", ".inf", ".nan", "2023-02-30",
    "00-00-0000", "P99999999999999999999Y", "9" * 1200, "0x" + "f" * 1200, "é", "😀",
]
SCALARS = ["", "~", "yes", "no", "true", "1e3", "0x10", "0o17", ".inf", "-.inf", ".nan", "2023-02-30", "2023-13",
           "10000-01-01", "0001-01-01", "P0D", "P9999Y", "PT0S", "[]", "{}", "*a", "&a x", "!!str 1", "'", "|"]


def _mutate_text(draw, text: str) -> str:
    kind = draw(st.sampled_from(["insert", "delete", "duplicate-line", "swap-lines", "indent", "truncate", "scalar"]))
    position = draw(st.integers(0, len(text)))
    lines = text.split("\n")
    line = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "insert":
        return text[:position] + draw(st.sampled_from(HOSTILE) | st.text(max_size=4)) + text[position:]
    if kind == "delete":
        return text[:position] + text[position + draw(st.integers(1, 40)):]
    if kind == "duplicate-line":
        return "\n".join(lines[: line + 1] + lines[line:])
    if kind == "swap-lines":
        other = draw(st.integers(0, max(len(lines) - 1, 0)))
        lines[line], lines[other] = lines[other], lines[line]
        return "\n".join(lines)
    if kind == "indent":
        change = draw(st.integers(-4, 4))
        lines[line] = " " * change + lines[line] if change > 0 else lines[line][-change:]
        return "\n".join(lines)
    if kind == "truncate":
        return text[:position]
    if ": " in lines[line]:
        key = lines[line].split(": ", 1)[0]
        lines[line] = f"{key}: {draw(st.sampled_from(SCALARS))}"
    return "\n".join(lines)


def _encode(draw, text: str) -> bytes:
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-be", "crlf", "flip-byte"]))
    if encoding == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    raw = text.encode(encoding.replace("flip-byte", "utf-8"))
    if encoding == "flip-byte" and raw:
        position = draw(st.integers(0, len(raw) - 1))
        raw = raw[:position] + bytes([draw(st.integers(0, 255))]) + raw[position + 1 :]
    return raw


@st.composite
def mutated_seeds(draw) -> bytes:
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        text = _mutate_text(draw, text)
    return _encode(draw, text)


def render(findings) -> str:
    return reporter("json")(findings, Summary.of(findings, 1), [], color=False)


@PROPERTY_SETTINGS
@given(raw=mutated_seeds())
def test_mutated_seeds_never_crash_or_hang_and_lint_the_same_twice(linter, raw):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory, "mutant.privacy.yaml")
        path.write_bytes(raw)
        target = Target(path, "mutant.privacy.yaml")
        first = linter.lint_file(target).findings
        second = linter.lint_file(target).findings
    assert not [f for f in first if f.rule == "internal-error"], first
    assert render(first) == render(second)
    assert all(finding.hint for finding in first), first
    try:
        assert_inside(first, decode(raw))
    except LoadError:  # not text: located by the decoder, in the lines before the bad byte
        assert all(finding.line >= 1 and finding.column >= 1 for finding in first)


def test_mutation_strategy_reaches_every_outcome(linter):
    """The mutations are strong enough to break files in each way the engine reports, and mild enough not to always."""
    seen: set[str] = set()

    @settings(max_examples=200, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(raw=mutated_seeds())
    def collect(raw):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory, "mutant.privacy.yaml")
            path.write_bytes(raw)
            findings = linter.lint_file(Target(path, "mutant.privacy.yaml")).findings
        seen.update("engine" if f.rule in ENGINE_REJECTIONS else "check" for f in findings)
        seen.update(f.rule for f in findings if f.rule in ENGINE_REJECTIONS)

    collect()
    assert {"yaml-syntax", "invalid-manifest", "check"} <= seen, seen


# -- the same bytes give the same output in another process ---------------------


@pytest.mark.skipif("FAKETIME" in os.environ, reason="libfaketime's clock can fail the interpreter's GIL wait in worker "
                    "processes (take_gil: PyCOND_WAIT failed); the order of the output has nothing to do with the date")
def test_output_is_the_same_across_processes_and_hash_seeds(tmp_path):
    """Set and dict order must never leak into the output (PYTHONHASHSEED differs per process)."""
    import random

    chooser = random.Random(20261123)
    for index in range(24):
        text = chooser.choice(SEED_TEXTS)
        lines = text.split("\n")
        for _ in range(3):
            spot = chooser.randrange(len(lines))
            lines[spot] = chooser.choice([lines[spot][1:], lines[spot] + chooser.choice(HOSTILE), ""])
        (tmp_path / f"mutant-{index:02d}.privacy.yaml").write_text("\n".join(lines), encoding="utf-8")
    outputs = []
    for hash_seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "privlint", "--no-cache", "--today", TODAY.isoformat(), "--format", "json", "."],
            cwd=tmp_path, capture_output=True, text=True, timeout=120,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode == 1
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["findings"]) > 24
