"""privlint init: a first manifest, its schema for editors and a configuration, never overwriting a file."""

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner
from conftest import TODAY
from jsonschema import Draft7Validator, Draft202012Validator
from privlint.cli.main import main
from privlint.model.schema import render_schema
from privlint.run.config import read_config_file, resolve, tomllib
from referencing import Registry
from referencing.exceptions import NoSuchResource
from ruamel.yaml import YAML

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def init(*args):
    return CliRunner().invoke(main, ["init", *args])


def test_init_creates_a_well_formed_manifest_with_the_schema_line(tmp_path, lint):
    result = init(str(tmp_path), "--today", TODAY.isoformat())
    assert result.exit_code == 0
    manifest = tmp_path / "statement.privacy.yaml"
    assert f"created {manifest.as_posix()}" in result.output
    text = manifest.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=.privlint/privacy-statement.schema.json"
    assert (tmp_path / ".privlint" / "privacy-statement.schema.json").read_text(encoding="utf-8") == render_schema()
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
    (tmp_path / ".privlint").mkdir()
    (tmp_path / ".privlint" / "privacy-statement.schema.json").write_text("{}\n", encoding="utf-8")
    result = init(str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "statement.privacy.yaml").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "privlint.toml").read_text(encoding="utf-8") == "# mine\n"
    assert (tmp_path / ".privlint" / "privacy-statement.schema.json").read_text(encoding="utf-8") == "{}\n"
    assert result.output.count("left ") == 3
    assert "privlint schema --output rewrites it" in result.output


def _as_an_editor_reads(node):
    """YAML as the YAML language server reads it (YAML 1.2 core: a date is text)."""
    if isinstance(node, dict):
        return {key: _as_an_editor_reads(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_as_an_editor_reads(value) for value in node]
    return node.isoformat() if isinstance(node, dt.date) else node


def _offline(uri):
    raise NoSuchResource(uri)  # an editor without a network: nothing may be fetched


def test_the_manifest_validates_offline_against_the_schema_its_first_line_names(tmp_path):
    init(str(tmp_path / "legal"), "--today", TODAY.isoformat())
    manifest = tmp_path / "legal" / "statement.privacy.yaml"
    text = manifest.read_text(encoding="utf-8")
    [schema_path] = MODELINE.match(text.splitlines()[0]).groups()
    assert not re.match(r"\w+:", schema_path) and not schema_path.startswith("/")  # relative: no URL, no absolute path
    schema = json.loads((manifest.parent / schema_path).read_text(encoding="utf-8"))  # resolved as the editor does
    Draft202012Validator.check_schema(schema)
    Draft7Validator.check_schema(schema)  # the YAML language server checks a schema against draft 7's metaschema
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER, registry=Registry(retrieve=_offline))
    assert list(validator.iter_errors(_as_an_editor_reads(YAML(typ="safe").load(text)))) == []
    assert list(validator.iter_errors({"privlint": 1, "statement": {"last_changed": "2026-02-30"}}))


def test_schema_output_writes_what_schema_prints_and_makes_its_folder(tmp_path):
    target = tmp_path / "project" / ".privlint" / "privacy-statement.schema.json"
    result = CliRunner().invoke(main, ["schema", "--output", str(target)])
    assert result.exit_code == 0 and result.output == ""
    assert target.read_text(encoding="utf-8") == render_schema() == CliRunner().invoke(main, ["schema"]).output
    target.write_text("{}\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["schema", "-o", str(target)]).exit_code == 0  # renewed
    assert target.read_text(encoding="utf-8") == render_schema()


def test_schema_output_that_cannot_be_written_is_a_usage_error(tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["schema", "--output", str(tmp_path / "file" / "schema.json")])
    assert result.exit_code == 2 and "cannot write" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", ["statement", "acme"])
def test_the_schema_line_and_the_schema_sit_together_whatever_the_manifest_is_called(tmp_path, name):
    init(str(tmp_path), "--name", name, "--today", TODAY.isoformat())
    first = (tmp_path / f"{name}.privacy.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (tmp_path / MODELINE.match(first).group(1)).is_file()


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
