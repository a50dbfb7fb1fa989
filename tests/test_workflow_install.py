"""Installing privlint as the README and examples/ci say: from the repository at a pinned release.

No package index has privlint: the README, the pre-commit snippet and the CI examples all pin
the tag of this version (``v`` + ``privlint.__version__``). The network tests take the README's
text as it stands, with only the repository's address replaced by a local copy tagged that way.
"""

import os
import re
import shutil
import subprocess
import sys
import venv

import pytest
from conftest import ROOT
from privlint import __version__
from ruamel.yaml import YAML

README = (ROOT / "README.md").read_text(encoding="utf-8")
TAG = f"v{__version__}"
REPOSITORY = r"https://github\.com/[\w.-]+/privlint"
PIP_INSTALL = re.compile(rf'pip install (?:-q )?"privlint @ git\+({REPOSITORY})@([\w.-]+)"')
BAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n  - id: a\n"
COPY_IGNORES = shutil.ignore_patterns(
    ".git", ".venv*", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".privlint_cache", "build", "dist", ".corpus"
)


def fenced(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)


def readme_pre_commit_configuration() -> str:
    [block] = [block for block in fenced(README, "yaml") if block.startswith("# .pre-commit-config.yaml")]
    return block


def test_every_install_instruction_pins_this_version_from_the_repository():
    examples = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "examples" / "ci").glob("*.yml")}
    pip_pins = [match.group(2) for text in [README, *examples.values()] for match in PIP_INSTALL.finditer(text)]
    assert len(pip_pins) >= 2 and set(pip_pins) == {TAG}, pip_pins  # the README's and GitLab's
    [hook_repository] = YAML(typ="safe").load(readme_pre_commit_configuration())["repos"]
    assert re.fullmatch(REPOSITORY, hook_repository["repo"]) and hook_repository["rev"] == TAG
    action_pins = re.findall(r"uses: [\w.-]+/privlint@([\w.-]+)", README + examples["github-actions.yml"])
    assert len(action_pins) >= 2 and set(action_pins) == {TAG}, action_pins
    assert not re.search(r"pip install (-q )?privlint\b", README + "".join(examples.values()))  # no package index has it
    assert f"## [{__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def git(where, *args):
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args]
    subprocess.run(command, cwd=where, check=True, capture_output=True, env=_environment())


def _environment(**extra):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "GITHUB_", "PIP_REQUIRE"))}
    environment.update(extra)
    return environment


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """A copy of this repository as a git repository with this version's tag."""
    copy = tmp_path_factory.mktemp("release") / "privlint"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORES)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "privlint")
    git(copy, "tag", TAG)
    return copy


@pytest.mark.network
def test_the_readme_pip_install_installs_the_tagged_release(released, tmp_path):
    [command] = {match.group(0) for match in PIP_INSTALL.finditer(README)}
    # file://localhost/...: the pip that venv brings may take no URL without a host
    requirement = command.split('"')[1].replace(re.search(REPOSITORY, command).group(0), f"file://localhost{released}")
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    done = subprocess.run([python, "-m", "pip", "install", "-q", requirement], capture_output=True, text=True,
                          env=_environment(), timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    (tmp_path / "bad.privacy.yaml").write_text(BAD, encoding="utf-8")
    linted = subprocess.run([tmp_path / "venv" / "bin" / "privlint", "bad.privacy.yaml"], cwd=tmp_path,
                            capture_output=True, text=True, env=_environment(), timeout=300)
    assert "bad.privacy.yaml:5:5: PL101 missing-legal-basis [error]" in linted.stdout, linted.stdout + linted.stderr
    assert linted.returncode == 1


@pytest.mark.network
def test_the_readme_pre_commit_configuration_works_as_copied(released, tmp_path):
    configuration = readme_pre_commit_configuration()
    [address] = re.findall(REPOSITORY, configuration)
    project = tmp_path / "project"
    project.mkdir()
    (project / ".pre-commit-config.yaml").write_text(configuration.replace(address, str(released)), encoding="utf-8")
    (project / "bad.privacy.yaml").write_text(BAD, encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", "bad.privacy.yaml"], cwd=project,
        env=_environment(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home")), capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "bad.privacy.yaml:5:5: PL101 missing-legal-basis [error]" in done.stdout, done.stdout + done.stderr
