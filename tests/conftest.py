from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from privlint.cli import main
from privlint.registry import load_rules
from privlint.runner import Linter, Settings

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)


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
        return Linter(rules, Settings(**settings)).lint_text(text, "test.privacy.yaml")

    return run


@pytest.fixture
def lint_rule(rules):
    """Lint manifest text with one rule selected: ``lint_rule(name, text, **options)``."""

    def run(rule_name: str, text: str, **options):
        settings = Settings(today=TODAY, select=(rule_name,), options=options)
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
