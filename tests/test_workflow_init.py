"""privlint init: a first manifest and a configuration, never overwriting a file."""

from click.testing import CliRunner
from conftest import TODAY
from privlint.cli.main import main
from privlint.model.manifest import SCHEMA_ID
from privlint.run.config import read_config_file, resolve, tomllib


def init(*args):
    return CliRunner().invoke(main, ["init", *args])


def test_init_creates_a_well_formed_manifest_with_the_schema_line(tmp_path, lint):
    result = init(str(tmp_path), "--today", TODAY.isoformat())
    assert result.exit_code == 0
    manifest = tmp_path / "statement.privacy.yaml"
    assert f"created {manifest.as_posix()}" in result.output
    text = manifest.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_ID}"
    rules = {f.rule for f in lint(text)}
    assert not rules & {"yaml-syntax", "invalid-manifest", "future-last-changed", "stale-last-changed"}
    assert f"last_changed: {TODAY.isoformat()}" in text


def test_init_creates_a_configuration_that_reads_and_documents_check_options(tmp_path, rules):
    init(str(tmp_path))
    config = tmp_path / "privlint.toml"
    assert tomllib.loads(config.read_text(encoding="utf-8")) == {"exclude": []}
    resolve(rules, read_config_file(config))  # valid
    assert '# max-age = "P12M"  # stale-last-changed:' in config.read_text(encoding="utf-8")


def test_init_never_overwrites(tmp_path):
    (tmp_path / "statement.privacy.yaml").write_text("mine\n", encoding="utf-8")
    (tmp_path / "privlint.toml").write_text("# mine\n", encoding="utf-8")
    result = init(str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "statement.privacy.yaml").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "privlint.toml").read_text(encoding="utf-8") == "# mine\n"
    assert result.output.count("left ") == 2


def test_init_respects_a_configuration_in_pyproject_and_leaves_pyproject_alone(tmp_path):
    pyproject = "[project]\nname = 'x'\n\n[tool.privlint]\nignore = ['PL5']\n"
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    result = init(str(tmp_path), "--name", "acme")
    assert "created " in result.output and (tmp_path / "acme.privacy.yaml").is_file()
    assert "pyproject.toml alone: configuration found" in result.output
    assert not (tmp_path / "privlint.toml").exists()
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == pyproject


def test_init_refuses_a_name_that_is_a_path(tmp_path):
    result = init(str(tmp_path), "--name", "../escape")
    assert result.exit_code == 2 and "is not a file name" in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_scaffold_dated_today_is_neither_stale_nor_in_the_future(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    init()
    result = CliRunner().invoke(main, ["--select", "PL0,PL301,PL302,PL303"])
    assert result.exit_code == 0, result.output
