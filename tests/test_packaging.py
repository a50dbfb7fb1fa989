"""The wheel installs one namespace, privlint, with its schema and data inside."""

import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    # Built from a copy: setuptools leaves build/ and *.egg-info beside the sources it builds.
    source = tmp_path_factory.mktemp("source") / "privlint"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("privlint-*.whl")
    return zipfile.ZipFile(built)


def test_only_the_privlint_namespace_is_installed(wheel):
    top_level = {name.split("/")[0] for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info")}
    assert top_level == {"privlint"}


def test_schema_data_and_checks_ship_inside_the_wheel(wheel):
    names = set(wheel.namelist())
    assert "privlint/schemas/privacy-statement.schema.json" in names
    assert "privlint/data/supervisory_authorities.json" in names
    assert "privlint/checks/missing_legal_basis.py" in names


def test_every_module_of_the_source_ships_in_the_wheel(wheel):
    names = set(wheel.namelist())
    expected = {
        f"privlint/{path.relative_to(ROOT / 'linter').as_posix()}" for path in (ROOT / "linter").rglob("*.py")
    } | {f"privlint/checks/{path.name}" for path in (ROOT / "checks").glob("*.py")}
    assert expected - names == set()


def test_built_in_checks_are_entry_points(wheel):
    [entry_points] = [name for name in wheel.namelist() if name.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "[privlint.checks]" in text and "missing-legal-basis = privlint.checks.missing_legal_basis" in text
    assert "privlint = privlint.cli.main:run" in text
