"""The distributions, built as a release would build them and checked as a package index would.

The wheel installs one namespace, privlint, with its schema and data inside; the sdist carries the
license, the tests and what they read, and its tests pass once it is installed; both pass
``twine check --strict``. The dependency ranges are held to the lowest versions CI tests.
"""

import email
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.version import Version
from privlint.run.config import tomllib

# Not in the sdist: the repository's own CI and tool settings.
REPOSITORY_ONLY = {".ci/run", ".ci/typecheck", ".ci/lowest-constraints.txt", ".gitignore", ".pre-commit-config.yaml"}
COPY_IGNORES = shutil.ignore_patterns(
    ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".privlint_cache",
    ".corpus",
)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# build, pip and the sdist's own tests run without CI's shifted clock: the outer suite already runs
# every test under it, and libfaketime in these nested interpreters failed them now and then, for
# no reason of privlint's (see .ci/run).
TOOLS_ENVIRONMENT = {name: value for name, value in os.environ.items() if name not in {"LD_PRELOAD", "FAKETIME"}}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``python -m build``: the sdist, then the wheel from the sdist. Without build isolation, so
    no package index is needed; from a copy, so no build/ or *.egg-info is left in the checkout."""
    source = tmp_path_factory.mktemp("source") / "privlint"
    shutil.copytree(ROOT, source, ignore=COPY_IGNORES)
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        env=TOOLS_ENVIRONMENT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [sdist] = out.glob("privlint-*.tar.gz")
    [wheel] = out.glob("privlint-*.whl")
    return sdist, wheel, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(built):
    return zipfile.ZipFile(built[1])


@pytest.fixture(scope="module")
def sdist_names(built):
    with tarfile.open(built[0]) as archive:
        return {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}


def test_the_build_warns_of_nothing(built):
    warnings = [line for line in built[2].splitlines() if "warning" in line.lower() and "byte-compiling is disabled" not in line]
    assert warnings == []


def test_twine_check_strict_passes(built):
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(built[0]), str(built[1])],
        env=TOOLS_ENVIRONMENT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2, done.stdout


def test_the_license_is_mit_in_the_file_and_the_metadata(wheel, sdist_names):
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n") and "THE SOFTWARE IS PROVIDED \"AS IS\"" in license_text
    assert PYPROJECT["project"]["license"] == "MIT"
    [metadata_name] = [name for name in wheel.namelist() if name.endswith(".dist-info/METADATA")]
    metadata = email.message_from_bytes(wheel.read(metadata_name))
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert not [c for c in metadata.get_all("Classifier") if c.startswith("License ::")]  # superseded by the expression
    assert wheel.read(metadata_name.replace("METADATA", "licenses/LICENSE")).decode() == license_text
    assert "LICENSE" in sdist_names


def test_the_python_classifiers_match_requires_python():
    classifiers = PYPROJECT["project"]["classifiers"]
    versions = [c.rsplit(" ", 1)[1] for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    assert PYPROJECT["project"]["requires-python"] == f">={versions[0]}"
    assert versions == sorted(versions, key=lambda v: tuple(map(int, v.split("."))))


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


def _tracked_files() -> list[str]:
    done = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip("not in a git checkout (an unpacked sdist, say)")
    return [name for name in done.stdout.split("\0") if name and (ROOT / name).is_file()]


def test_the_sdist_carries_every_tracked_file_but_the_repositorys_own_settings(sdist_names):
    missing = sorted(set(_tracked_files()) - REPOSITORY_ONLY - sdist_names)
    assert missing == [], "add their pattern to MANIFEST.in"
    assert not [name for name in sdist_names if name.endswith((".pyc", ".pyo")) or "__pycache__" in name]


def test_the_tests_of_the_sdist_pass_once_it_is_installed(built, tmp_path):
    """A packager's check: unpack the sdist, install what was built from it, run tests from there."""
    sdist, wheel_path, _ = built
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12 and later
            archive.extractall(tmp_path, filter="data")
        else:
            archive.extractall(tmp_path)
    [unpacked] = tmp_path.glob("privlint-*")
    installed = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(installed), str(wheel_path)],
        env=TOOLS_ENVIRONMENT, capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    environment = {**TOOLS_ENVIRONMENT, "PYTHONPATH": str(installed)}
    environment.pop("GITHUB_ACTIONS", None)
    where = subprocess.run(
        [sys.executable, "-c", "import privlint; print(privlint.__file__)"],
        cwd=unpacked, env=environment, capture_output=True, text=True, check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(installed)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-m", "not network", "tests/test_seeds.py", "tests/test_schema.py",
         "tests/test_docs_and_examples.py", "tests/test_workflow_init.py", "tests/test_bad_inputs.py"],
        cwd=unpacked, env=environment, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-5000:]
    assert re.search(r"^\d+ passed", done.stdout.splitlines()[-1]), done.stdout[-2000:]


def test_the_lowest_constraints_pin_the_lower_bounds_of_pyproject():
    """.ci/run tests against .ci/lowest-constraints.txt: those must be the lowest versions pyproject allows."""
    bounds = {}
    for line in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(line)
        [lowest] = [s.version for s in requirement.specifier if s.operator == ">="]
        bounds[requirement.name] = Version(lowest)
    pins = {}
    for line in (ROOT / ".ci" / "lowest-constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            [pin] = [s.version for s in requirement.specifier if s.operator == "=="]
            # on the oldest Python privlint supports, where the lowest versions all install
            if requirement.marker is None or requirement.marker.evaluate({"python_version": "3.10"}):
                assert requirement.name not in pins, line
                pins[requirement.name] = Version(pin)
    assert pins == bounds
