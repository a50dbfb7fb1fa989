"""Rule documentation is complete and in sync; every rule has a failing and a passing example."""

import re

import pytest
from conftest import EXAMPLES, ROOT, TODAY
from privlint.read.discovery import discover
from privlint.rules.docs import markdown_table, readme_with_table, rules_markdown
from privlint.rules.registry import load_rules
from privlint.run.linter import Linter, Settings

RULES = load_rules()
SECTIONS = ("## What it does", "## Why it matters", "## Example", "## Use instead")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_documentation_has_the_four_sections_in_order(rule):
    positions = [rule.doc.find(section) for section in SECTIONS]
    assert -1 not in positions and positions == sorted(positions), rule.name
    assert rule.article and rule.summary and not rule.summary.endswith(".")


def _snippet(doc: str, section: str) -> str:
    body = doc.split(section, 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```yaml\n(.*?)```", body, re.DOTALL).group(1)
    return block if block.startswith("privlint:") else "privlint: 1\n" + block


@pytest.mark.parametrize("rule", [r for r in RULES if r.check], ids=lambda rule: rule.name)
def test_a_rules_documented_example_fails_and_its_fix_passes(rule, lint):
    if "```yaml" not in rule.doc.split("## Example", 1)[1]:
        pytest.skip("the rule's example is not a manifest on its own")
    example = lint(_snippet(rule.doc, "## Example"), select=(rule.name,))
    fixed = lint(_snippet(rule.doc, "## Use instead"), select=(rule.name,))
    assert {f.rule for f in example} == {rule.name}
    assert [f.message for f in fixed] == []


def test_docs_rules_md_is_generated_from_the_rules():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(RULES), "run: python -m privlint.rules.docs"


def test_readme_rules_table_is_generated_from_the_rules():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == readme_with_table(readme, RULES), "run: python -m privlint.rules.docs"
    assert markdown_table(RULES) in readme


ENGINE_ONLY = {"io-error", "internal-error"}
NEEDS_GIT = {"unbumped-last-changed"}  # its examples are linted against a git history in test_workflow_unbumped.py


@pytest.mark.parametrize("rule", [r for r in RULES if r.name not in ENGINE_ONLY | NEEDS_GIT], ids=lambda rule: rule.name)
def test_every_rule_has_a_failing_and_a_passing_example(rule, rules):
    folder = EXAMPLES / rule.name
    fail, passing = folder / "fail.privacy.yaml", folder / "pass.privacy.yaml"
    assert fail.is_file() and passing.is_file(), f"add {folder}/fail.privacy.yaml and pass.privacy.yaml"
    # Linted as files: the drift rules read the published statement beside them.
    linter = Linter(rules, Settings(today=TODAY, strict_pointers=True))
    found = [{f.rule for f in linter.lint(target)} for target in discover([fail, passing])]
    assert rule.name in found[0]
    assert rule.name not in found[1]


def test_examples_other_than_the_failing_ones_are_well_formed(lint):
    for path in sorted((ROOT / "examples").rglob("*.privacy.yaml")):
        if path.name == "fail.privacy.yaml" and path.parent.name in ("invalid-manifest", "yaml-syntax"):
            continue
        rules = {f.rule for f in lint(path.read_text(encoding="utf-8"))}
        assert not rules & {"yaml-syntax", "invalid-manifest"}, path


def test_the_complete_example_passes_every_check(lint):
    findings = lint((ROOT / "examples" / "complete.privacy.yaml").read_text(encoding="utf-8"))
    assert [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings] == []


def test_the_docs_name_only_paths_that_exist():
    """README, docs/ and benchmarks/RESULTS.md cite source files by their path in the repository."""
    cited = set()
    for document in [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), ROOT / "benchmarks" / "RESULTS.md"]:
        text = document.read_text(encoding="utf-8")
        cited |= {(document.name, path) for path in re.findall(r"(?<![\w./-])((?:linter|checks|privlint|tests|benchmarks)/[\w/.-]+\.(?:py|json))", text)}
    assert cited
    assert sorted((name, path) for name, path in cited if not (ROOT / path).exists()) == []
