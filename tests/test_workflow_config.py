"""Configuration: found by walking up, overridden by the command line, every key validated."""

import json

import pytest
from click.testing import CliRunner
from privlint.cli.main import main
from privlint.rules.registry import load_rules
from privlint.run.config import ConfigError, find_config_file, read_config_file, resolve

MANIFEST = (
    "privlint: 1\nstatement:\n  last_changed: 2024-01-01\n"
    "purposes:\n  - id: a\n  - id: b\n    legal_bases: [contract]\n"
)
CORE = "PL101,PL201,PL301,PL302,PL303"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.privacy.yaml").write_text(MANIFEST, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": None}, catch_exceptions=False)


def findings(*args):
    result = run("--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return sorted((f["file"], f["rule"], f["severity"]) for f in json.loads(result.output)["findings"])


def rules_found(*args):
    return sorted({rule for _, rule, _ in findings(*args)})


# -- where the configuration is found --------------------------------------------------


def test_pyproject_tool_privlint_is_found_walking_up(project, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.privlint]\nselect = ["PL201"]\n', encoding="utf-8")
    (project / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(project / "sub" / "deeper")
    assert rules_found("--today", "2026-11-23", "../..") == ["missing-retention"]


def test_a_pyproject_without_the_table_is_passed_over(project, monkeypatch):
    (project / "privlint.toml").write_text('select = ["PL201"]\n', encoding="utf-8")
    (project / "sub").mkdir()
    (project / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config_file(project / "sub") == project / "privlint.toml"


def test_dot_privlint_toml_wins_over_privlint_toml_wins_over_pyproject(project):
    (project / "pyproject.toml").write_text('[tool.privlint]\nselect = ["PL101"]\n', encoding="utf-8")
    assert find_config_file(project).name == "pyproject.toml"
    (project / "privlint.toml").write_text('select = ["PL201"]\n', encoding="utf-8")
    assert find_config_file(project).name == "privlint.toml"
    (project / ".privlint.toml").write_text('select = ["PL301"]\n', encoding="utf-8")
    assert find_config_file(project).name == ".privlint.toml"


def test_config_option_overrides_the_search(project):
    (project / "privlint.toml").write_text('select = ["PL101"]\n', encoding="utf-8")
    (project / "other.toml").write_text('select = ["PL201"]\n', encoding="utf-8")
    assert rules_found("--today", "2026-11-23", "--config", "other.toml") == ["missing-retention"]
    assert rules_found("--today", "2026-11-23") == ["missing-legal-basis"]


# -- keys -----------------------------------------------------------------------------


def test_select_ignore_and_extend_select_by_specificity(project):
    (project / "privlint.toml").write_text(
        'select = ["PL1", "PL2"]\nignore = ["PL2"]\nextend-select = ["missing-retention", "PL30"]\n', encoding="utf-8"
    )
    assert rules_found("--today", "2026-11-23") == ["missing-legal-basis", "missing-retention", "stale-last-changed"]


def test_command_line_select_starts_afresh_and_its_ignore_adds(project):
    (project / "privlint.toml").write_text('select = ["PL1"]\nignore = ["missing-retention"]\n', encoding="utf-8")
    assert rules_found("--today", "2026-11-23", "--select", "PL201") == ["missing-retention"]
    assert rules_found("--today", "2026-11-23", "--ignore", "PL101") == []
    assert rules_found("--today", "2026-11-23", "--extend-select", "PL302") == ["missing-legal-basis", "stale-last-changed"]


def test_per_file_ignores_and_severity_overrides(project):
    (project / "legacy").mkdir()
    (project / "legacy" / "old.privacy.yaml").write_text(MANIFEST, encoding="utf-8")
    (project / "privlint.toml").write_text(
        f'select = ["{CORE}"]\n'.replace(",", '", "')
        + '[per-file-ignores]\n"legacy/**" = ["PL2", "stale-last-changed"]\n'
        + '[severity]\n"missing-retention" = "info"\nPL3 = "error"\n',
        encoding="utf-8",
    )
    assert findings("--today", "2026-11-23") == [
        ("a.privacy.yaml", "missing-legal-basis", "error"),
        ("a.privacy.yaml", "missing-retention", "info"),
        ("a.privacy.yaml", "missing-retention", "info"),
        ("a.privacy.yaml", "stale-last-changed", "error"),
        ("legacy/old.privacy.yaml", "missing-legal-basis", "error"),
    ]


def test_include_and_exclude_globs_relative_to_the_config(project, monkeypatch):
    (project / "drafts").mkdir()
    (project / "drafts" / "d.privacy.yaml").write_text(MANIFEST, encoding="utf-8")
    (project / "docs").mkdir()
    (project / "docs" / "statement.yaml").write_text(MANIFEST, encoding="utf-8")
    (project / "privlint.toml").write_text(
        'select = ["PL101"]\ninclude = ["*.privacy.yaml", "docs/*.yaml"]\nexclude = ["drafts"]\n', encoding="utf-8"
    )
    files = sorted({file for file, _, _ in findings("--today", "2026-11-23")})
    assert files == ["a.privacy.yaml", "docs/statement.yaml"]
    monkeypatch.chdir(project / "docs")
    assert sorted({file for file, _, _ in findings("--today", "2026-11-23", "..")}) == ["../a.privacy.yaml", "statement.yaml"]


def test_exclude_applies_to_named_files_only_with_force_exclude(project):
    (project / "drafts").mkdir()
    (project / "drafts" / "d.privacy.yaml").write_text(MANIFEST, encoding="utf-8")
    (project / "privlint.toml").write_text('select = ["PL101"]\nexclude = ["drafts/"]\n', encoding="utf-8")
    assert findings("--today", "2026-11-23", "drafts/d.privacy.yaml")
    forced = run("--today", "2026-11-23", "--force-exclude", "drafts/d.privacy.yaml", "a.privacy.yaml", "--format", "json")
    assert {f["file"] for f in json.loads(forced.output)["findings"]} == {"a.privacy.yaml"}


def test_today_and_check_options_from_the_config(project):
    (project / "privlint.toml").write_text('select = ["PL302"]\ntoday = 2024-06-01\nmax-age = "P24M"\n', encoding="utf-8")
    assert rules_found() == []
    assert rules_found("--today", "2026-11-23") == ["stale-last-changed"]
    (project / "privlint.toml").write_text('select = ["PL302"]\ntoday = "2025-06-01"\nmax-age = "P6M"\n', encoding="utf-8")
    assert rules_found() == ["stale-last-changed"]
    assert rules_found("--max-age", "P24M") == []


@pytest.mark.parametrize(
    "text, message",
    [
        ('selec = ["PL1"]\n', "privlint.toml: unknown key 'selec'; did you mean 'select'?"),
        ('max_age = "P1Y"\n', "privlint.toml: unknown key 'max_age'; did you mean 'max-age'?"),
        ('frobnicate = 1\n', "privlint.toml: unknown key 'frobnicate'; known keys: select, extend-select,"),
        ('max-age = "twelve months"\n', "privlint.toml: max-age: expected an ISO 8601 duration"),
        ('max-age = 12\n', "privlint.toml: max-age: expected an ISO 8601 duration"),
        ('select = ["missing-retenton"]\n', "'missing-retenton' names no rule; did you mean 'missing-retention'?"),
        ('ignore = "PL1"\nselect = 3\n', "privlint.toml: select: expected a list of rule codes"),
        ('[severity]\nmissing-retention = "fatal"\n', "'fatal' is not one of error, warning, info"),
        ('[severity]\nyaml-syntax = "info"\n', "the severity of 'yaml-syntax' cannot be changed"),
        ('today = "tomorrow"\n', "privlint.toml: today: 'tomorrow' is not a date written YYYY-MM-DD"),
        ('max-file-size = 0\n', "privlint.toml: max-file-size: expected a number of bytes of at least 1"),
        ('exclude = [1]\n', "privlint.toml: exclude: expected a list of glob patterns"),
        ('per-file-ignores = ["x"]\n', "privlint.toml: per-file-ignores: expected a table of glob = [rules]"),
        ("select = [\n", "privlint.toml is not valid TOML"),
    ],
)
def test_configuration_errors_are_exit_code_2_naming_the_key(project, text, message):
    (project / "privlint.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--today", "2026-11-23"])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_pyproject_without_the_table_named_with_config_is_an_error(project):
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", "pyproject.toml"])
    assert result.exit_code == 2 and "has no [tool.privlint] table" in result.output
    result = CliRunner().invoke(main, ["--config", "nowhere.toml"])
    assert result.exit_code == 2 and "'nowhere.toml' does not exist" in result.output


def test_resolve_validates_options_declared_by_plugins_too():
    rules = load_rules()
    with pytest.raises(ConfigError, match="retention-ceiling"):
        resolve(rules, None, {"retention-ceiling": ("ten years", "--retention-ceiling")})


# -- privlint config ---------------------------------------------------------------------


def test_privlint_config_shows_each_value_and_where_it_came_from(project):
    (project / "pyproject.toml").write_text(
        '[tool.privlint]\nignore = ["PL4"]\nmax-age = "P24M"\nexclude = ["drafts"]\n', encoding="utf-8"
    )
    result = run("config")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "# file: pyproject.toml [tool.privlint]" in lines
    def line(key):
        return next(text for text in lines if text.startswith(f"{key} = "))
    assert line("select").split("#")[0].strip() == 'select = ["ALL"]' and line("select").endswith("# default")
    assert line("ignore").startswith('ignore = ["PL4"]') and line("ignore").endswith("# pyproject.toml [tool.privlint]")
    assert line("max-age").endswith("# pyproject.toml [tool.privlint]; option of stale-last-changed")
    assert line("today").endswith("# default (the system date)")
    assert "missing-supervisory-authority" not in lines[-1] and lines[-1].startswith("# rules enabled (")


def test_show_settings_includes_the_command_line(project):
    (project / "privlint.toml").write_text('ignore = ["PL4"]\n', encoding="utf-8")
    result = run("--show-settings", "--today", "2026-01-01", "--ignore", "PL5", "--max-age", "P6M")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(text.startswith('ignore = ["PL4", "PL5"]') and text.endswith("# privlint.toml + command line (--ignore)") for text in lines)
    assert any(text.startswith("today = 2026-01-01") and text.endswith("# command line (--today)") for text in lines)
    assert any(text.startswith('max-age = "P6M"') for text in lines)


def test_the_shown_configuration_is_toml_that_reads_back_the_same(project, tmp_path_factory):
    (project / "privlint.toml").write_text(
        'select = ["PL1"]\n[per-file-ignores]\n"a b/**" = ["PL101"]\n[severity]\nPL101 = "warning"\n', encoding="utf-8"
    )
    shown = run("config").output
    copy = tmp_path_factory.mktemp("copy") / "privlint.toml"
    copy.write_text(shown, encoding="utf-8")
    rules = load_rules()
    original = resolve(rules, read_config_file(project / "privlint.toml"))
    again = resolve(rules, read_config_file(copy))
    assert {k: v.value for k, v in again.values.items() if k != "today"} == {
        k: v.value for k, v in original.values.items() if k != "today"
    }
