from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis.configuration import set_hypothesis_home_dir
from privlint.cli.main import main
from privlint.read.discovery import discover
from privlint.rules.registry import load_rules
from privlint.run.linter import Linter, Settings

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
EXAMPLES = ROOT / "examples" / "rules"

# Running the tests leaves no file in the checkout: Hypothesis keeps its examples in the
# temporary directory (HYPOTHESIS_STORAGE_DIRECTORY moves them), as the cache of findings is
# kept per test (below) and pytest's cache is off (pyproject.toml).
set_hypothesis_home_dir(
    os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY") or Path(tempfile.gettempdir(), "privlint-hypothesis")
)


def located(findings):
    return [(f.rule, f.line, f.column) for f in findings]


def registered(rules, code, name, severity):
    """The rule with this code, after checking its name, severity and that its module is named after it."""
    rule = next(rule for rule in rules if rule.code == code)
    assert (rule.name, rule.severity.value) == (name, severity)
    assert rule.origin == "privlint.checks." + name.replace("-", "_")
    return rule


def lint_examples(rules, name):
    """The findings on a rule's fail and pass examples (``examples/rules/<name>/``), that rule alone selected."""
    targets = discover([EXAMPLES / name])
    assert [target.path.name for target in targets] == ["fail.privacy.yaml", "pass.privacy.yaml"]
    linter = Linter(rules, Settings(today=TODAY, select=(name,), strict_pointers=True))
    return [linter.lint(target) for target in targets]


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own cache of findings: none is written into the repository, none shared."""
    monkeypatch.setenv("PRIVLINT_CACHE_DIR", str(tmp_path_factory.mktemp("privlint-cache")))


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture
def lint(rules):
    """Lint manifest text with the real rules: ``lint(text, select=(...), **settings)``."""

    def run(text: str, **settings):
        settings.setdefault("today", TODAY)
        settings.setdefault("strict_pointers", True)
        return Linter(rules, Settings(**settings)).lint_text(text, "test.privacy.yaml")

    return run


@pytest.fixture
def lint_rule(rules):
    """Lint manifest text with one rule selected: ``lint_rule(name, text, **options)``."""

    def run(rule_name: str, text: str, **options):
        settings = Settings(today=TODAY, select=(rule_name,), options=options, strict_pointers=True)
        return Linter(rules, settings).lint_text(text, "test.privacy.yaml")

    return run


@pytest.fixture
def cli(monkeypatch):
    """Run the CLI in-process; returns click's Result (exit_code, output)."""

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(*args: str, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return run
