"""Fingerprints that survive moved lines, and baselines built on them."""

import dataclasses
import hashlib
import json

import pytest
from click.testing import CliRunner
from conftest import TODAY
from privlint.cli.main import main
from privlint.rules import Finding, Severity
from privlint.run.linter import Linter, Settings
from privlint.suppress.fingerprints import SEPARATOR, stable_pointer, with_fingerprints

SELECT = "missing-legal-basis,missing-retention,unknown-supervisory-authority"
MANIFEST = """\
privlint: 1
supervisory_authority: {name: Consumentenbond}
purposes:
  - id: newsletter
  - id: contract
    legal_bases: [contract]
"""


def fingerprints(rules, text, display="a.privacy.yaml"):
    linter = Linter(rules, Settings(today=TODAY, select=tuple(SELECT.split(","))))
    return {(f.rule, f.message): f.fingerprint for f in linter.lint_text(text, display)}


# -- fingerprints ---------------------------------------------------------------------


def test_fingerprints_do_not_depend_on_lines_comments_or_key_order(rules):
    before = fingerprints(rules, MANIFEST)
    moved = "# a comment\n\n" + MANIFEST.replace("supervisory_authority: {name: Consumentenbond}\n", "") + (
        "supervisory_authority:\n  name: Consumentenbond   # still unknown\n"
    )
    assert fingerprints(rules, moved) == before


def test_inserting_a_list_item_above_does_not_change_the_fingerprints_below(rules):
    before = fingerprints(rules, MANIFEST)
    inserted = MANIFEST.replace("purposes:\n", "purposes:\n  - id: first\n    legal_bases: [consent]\n    retention: {period: P1Y}\n")
    assert fingerprints(rules, inserted) == before


def test_fingerprints_tell_apart_files_rules_places_and_values(rules):
    base = fingerprints(rules, MANIFEST)
    assert len(set(base.values())) == len(base) == 4
    assert set(fingerprints(rules, MANIFEST, "b.privacy.yaml").values()).isdisjoint(base.values())
    renamed = fingerprints(rules, MANIFEST.replace("Consumentenbond", "Consumentenbond B.V."))
    assert renamed[("unknown-supervisory-authority", "'Consumentenbond B.V.' is not an EU/EEA supervisory authority privlint knows")] \
        != base[("unknown-supervisory-authority", "'Consumentenbond' is not an EU/EEA supervisory authority privlint knows")]


def test_a_value_normalised_for_case_and_space_keeps_its_fingerprint(rules):
    base = fingerprints(rules, MANIFEST)
    respaced = fingerprints(rules, MANIFEST.replace("{name: Consumentenbond}", "{name: '  consumentenbond '}"))
    assert sorted(respaced.values()) == sorted(base.values())


def test_the_stable_pointer_names_list_items_by_id():
    data = {"purposes": [{"id": "a"}, {"name": "no id"}, {"id": "c", "data": ["x", "y"]}], "a/b": {"~": 1}}
    assert stable_pointer(data, "/purposes/2/data/1") == "/purposes/[c]/data/1"
    assert stable_pointer(data, "/purposes/1") == "/purposes/1"
    assert stable_pointer(data, "/a~1b/~0") == "/a~1b/~0"
    assert stable_pointer(data, "/purposes/9") == "/purposes/9"
    assert stable_pointer(data, "") == ""


def test_identical_findings_in_one_file_get_distinct_fingerprints(rules):
    text = "privlint: 1\nstatement:\n\ttitle: x\n\tlanguage: nl\n"
    linter = Linter(rules, Settings(today=TODAY))
    found = linter.lint_text(text, "a.privacy.yaml")
    assert len({f.fingerprint for f in found}) == len(found)


def _fingerprint_of(material: list[str]) -> str:
    """The digest the module docstring of privlint.suppress.fingerprints describes."""
    return hashlib.sha256(SEPARATOR.join(material).encode("utf-8")).hexdigest()[:32]


def test_a_fingerprint_is_the_documented_digest_so_baselines_of_earlier_versions_keep_matching():
    data = {"purposes": [{"id": "first"}, {"id": "newsletter", "name": "  Nieuws \n Brief "}]}
    at_purpose = Finding("a.privacy.yaml", 5, 5, "PL101", "missing-legal-basis", Severity.error, "m", "/purposes/1")
    at_value = Finding("a.privacy.yaml", 6, 7, "PL402", "vague-language", Severity.warning, "m", "/purposes/1/name")
    found = with_fingerprints([at_purpose, at_value], "legal/a.privacy.yaml", data)
    # file key, rule, stable pointer, the value there normalised (a mapping has none), occurrence
    assert [f.fingerprint for f in found] == [
        _fingerprint_of(["legal/a.privacy.yaml", "missing-legal-basis", "/purposes/[newsletter]", "", "0"]),
        _fingerprint_of(["legal/a.privacy.yaml", "vague-language", "/purposes/[newsletter]/name", "nieuws brief", "0"]),
    ] == ["912149a012e04dce89f3b32008e041ca", "270112c160acc015e3291bf2509bf188"]


def test_an_engine_rule_fingerprint_holds_its_message_with_numbers_blanked():
    duplicate = Finding("a.privacy.yaml", 4, 3, "PL001", "yaml-syntax", Severity.error,
                        "duplicate key 'title' (first defined on line 3)")
    moved = dataclasses.replace(duplicate, line=9, message="duplicate key 'title' (first defined on line 8)")
    other = dataclasses.replace(duplicate, message="duplicate key 'name' (first defined on line 3)")
    engine = frozenset({"yaml-syntax"})
    [first], [second], [third] = (with_fingerprints([f], "a.privacy.yaml", None, engine) for f in (duplicate, moved, other))
    assert first.fingerprint == second.fingerprint == _fingerprint_of(
        ["a.privacy.yaml", "yaml-syntax", "", "", "duplicate key 'title' (first defined on line #)", "0"])
    assert third.fingerprint != first.fingerprint
    [as_check] = with_fingerprints([duplicate], "a.privacy.yaml", None)  # a check's message is no part of it
    assert as_check.fingerprint == _fingerprint_of(["a.privacy.yaml", "yaml-syntax", "", "", "0"])


def test_three_identical_findings_are_numbered_in_file_order():
    finding = Finding("a.privacy.yaml", 1, 1, "PL001", "yaml-syntax", Severity.error, "a tab character")
    found = with_fingerprints([finding] * 3, "a.privacy.yaml")
    assert [f.fingerprint for f in found] == [
        _fingerprint_of(["a.privacy.yaml", "yaml-syntax", "", "", str(occurrence)]) for occurrence in range(3)]


def test_the_value_is_found_under_keys_that_need_escaping_and_past_the_end_of_a_list_there_is_none():
    data = {"a/b": {"~x": "Value"}, "list": [{"id": "one"}]}
    escaped = Finding("a.privacy.yaml", 1, 1, "PL402", "vague-language", Severity.warning, "m", "/a~1b/~0x")
    past_end = Finding("a.privacy.yaml", 1, 1, "PL402", "vague-language", Severity.warning, "m", "/list/1")
    found = with_fingerprints([escaped, past_end], "a.privacy.yaml", data)
    assert [f.fingerprint for f in found] == [
        _fingerprint_of(["a.privacy.yaml", "vague-language", "/a~1b/~0x", "value", "0"]),
        _fingerprint_of(["a.privacy.yaml", "vague-language", "/list/1", "", "0"]),
    ]


# -- baselines ------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.privacy.yaml").write_text(MANIFEST, encoding="utf-8")
    (tmp_path / "b.privacy.yaml").write_text(MANIFEST, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["--today", "2026-11-23", "--select", SELECT, *args], env={"GITHUB_ACTIONS": None})


def test_create_baseline_records_findings_and_reports_none_of_them(project):
    result = run("--create-baseline", "privlint-baseline.json")
    assert result.exit_code == 0
    assert "recorded 8 findings in baseline privlint-baseline.json" in result.output
    recorded = json.loads((project / "privlint-baseline.json").read_text(encoding="utf-8"))
    assert recorded["privlint-baseline"] == 1
    assert [(e["file"], e["rule"], e["path"]) for e in recorded["findings"]][:2] == [
        ("a.privacy.yaml", "missing-legal-basis", "/purposes/0"),
        ("a.privacy.yaml", "missing-retention", "/purposes/0"),
    ]
    assert [p.name for p in project.iterdir() if p.name.endswith(".tmp")] == []  # written atomically


def test_with_a_baseline_only_new_findings_are_reported_and_moves_revive_nothing(project):
    run("--create-baseline", "base.json")
    edited = "# reviewed 2026\n\n" + MANIFEST.replace(
        "purposes:\n", "purposes:\n  - id: added\n    legal_bases: [consent]\n"
    )
    (project / "a.privacy.yaml").write_text(edited, encoding="utf-8")
    result = run("--baseline", "base.json", "--format", "json")
    report = json.loads(result.output)
    assert [(f["file"], f["rule"], f["message"]) for f in report["findings"]] == [
        ("a.privacy.yaml", "missing-retention", "purpose 'added' has no retention period or criteria"),
    ]
    assert (report["summary"]["baselined"], report["summary"]["baseline_gone"]) == (8, 0)
    assert result.exit_code == 1


def test_the_baseline_says_how_many_of_its_findings_are_gone(project):
    run("--create-baseline", "base.json")
    fixed = MANIFEST.replace("{name: Consumentenbond}", "{name: Autoriteit Persoonsgegevens}")
    (project / "a.privacy.yaml").write_text(fixed, encoding="utf-8")
    result = run("--baseline", "base.json")
    assert result.exit_code == 0
    assert result.output.splitlines()[-2:] == [
        "7 findings in the baseline not shown.",
        "1 baselined finding no longer found: recreate the baseline with --create-baseline so they cannot come back unnoticed.",
    ]
    only_b = run("--baseline", "base.json", "b.privacy.yaml")  # a.privacy.yaml was not linted: nothing gone
    assert "no longer found" not in only_b.output


def test_files_that_cannot_be_checked_are_never_baselined(project):
    (project / "c.privacy.yaml").write_text("privlint: 1\nstatement:\n\ttitle: x\n", encoding="utf-8")
    result = run("--create-baseline", "base.json")
    assert "c.privacy.yaml:3:1: PL001 yaml-syntax" in result.output
    assert result.exit_code == 1
    assert "yaml-syntax" not in (project / "base.json").read_text(encoding="utf-8")
    assert run("--baseline", "base.json").exit_code == 1


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "baseline 'base.json' does not exist (create it with --create-baseline)"),
        ("{", "baseline 'base.json' is not JSON"),
        ('{"findings": []}', "'base.json' is not a privlint baseline"),
        ('{"privlint-baseline": 1, "findings": [{"fingerprint": 1}]}', "'findings' must be a list of"),
    ],
)
def test_a_bad_baseline_is_exit_code_2(project, content, message):
    if content is not None:
        (project / "base.json").write_text(content, encoding="utf-8")
    result = run("--baseline", "base.json")
    assert result.exit_code == 2 and message in result.output


def test_baseline_and_create_baseline_together_are_a_usage_error(project):
    result = run("--baseline", "x.json", "--create-baseline", "y.json")
    assert result.exit_code == 2 and "cannot be used together" in result.output


def test_fingerprints_are_relative_to_the_project_root_not_the_working_directory(project, monkeypatch):
    (project / "privlint.toml").write_text("", encoding="utf-8")
    run("--create-baseline", "base.json")
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    result = run("--baseline", "../base.json", "..")
    assert result.exit_code == 0 and "8 findings in the baseline not shown." in result.output
