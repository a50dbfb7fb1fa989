"""A third-party package adds checks by declaring ``privlint.checks`` entry points."""

import json
import os
import subprocess
import sys
import textwrap

PLUGIN = '''
"""
## What it does
Reports a statement without a title.

## Why it matters
Readers look for it.

## Example
```yaml
statement: {}
```

## Use instead
```yaml
statement: {title: Privacy statement}
```
"""

from privlint.rules import Problem, RuleInfo

RULE = RuleInfo(
    code="XT001", name="missing-title", severity="warning", article="Art. 12(1)", summary="The statement has no title"
)


def check(manifest, context):
    if manifest.statement.title is None:
        yield Problem(("statement",), "the statement has no title", hint="add statement.title")
'''


def install_fake_plugin(site, name, module_source):
    (site / f"{name}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    dist_info = site / f"{name}-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (dist_info / "entry_points.txt").write_text(f"[privlint.checks]\nmissing-title = {name}\n", encoding="utf-8")


def run_privlint(site, *args, cwd):
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-m", "privlint", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_a_plugin_check_is_discovered_documented_and_reported(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install_fake_plugin(site, "privlint_fake_plugin", PLUGIN)
    (tmp_path / "a.privacy.yaml").write_text("privlint: 1\nstatement:\n  language: nl\n", encoding="utf-8")

    result = run_privlint(site, "--today", "2026-11-23", "--format", "json", "a.privacy.yaml", cwd=tmp_path)
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "missing-title"]
    assert findings == [{
        **findings[0],
        "file": "a.privacy.yaml", "line": 2, "column": 1, "code": "XT001", "severity": "warning",
        "message": "the statement has no title", "path": "/statement",
    }]
    assert "XT001" in run_privlint(site, "rules", cwd=tmp_path).stdout
    assert "Readers look for it." in run_privlint(site, "explain", "missing-title", cwd=tmp_path).stdout
    only = run_privlint(site, "--today", "2026-11-23", "--select", "XT", "--format", "json", "a.privacy.yaml", cwd=tmp_path)
    assert {f["rule"] for f in json.loads(only.stdout)["findings"]} == {"missing-title"}


def test_a_broken_plugin_is_an_internal_error_when_linting_and_a_usage_error_elsewhere(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install_fake_plugin(site, "privlint_broken_plugin", "raise ImportError('boom')\n")
    (tmp_path / "a.privacy.yaml").write_text("privlint: 1\nstatement:\n  language: nl\n", encoding="utf-8")
    result = run_privlint(site, "--today", "2026-11-23", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        "a.privacy.yaml:1:1: PL003 internal-error [error] cannot load check 'missing-title' (privlint_broken_plugin): "
        "ImportError: boom" in result.stdout
    )
    assert "Traceback" not in result.stdout + result.stderr
    listed = run_privlint(site, "rules", cwd=tmp_path)
    assert listed.returncode == 2
    assert "cannot load check 'missing-title'" in listed.stderr and "boom" in listed.stderr
    assert "Traceback" not in listed.stderr


def test_a_plugin_cannot_take_a_built_in_rules_name(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install_fake_plugin(site, "privlint_clash_plugin", PLUGIN.replace('"missing-title"', '"missing-retention"'))
    result = run_privlint(site, "rules", cwd=tmp_path)
    assert result.returncode == 2
    assert "'missing-retention' is claimed by both" in result.stderr
