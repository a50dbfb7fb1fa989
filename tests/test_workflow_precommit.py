"""The published pre-commit hook, run for real with ``pre-commit try-repo`` on a copy of this repository.

pre-commit installs the hook's environment from the copy with pip (language:
python), so this test needs the package index, as installing privlint does.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from ruamel.yaml import YAML

BAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n  - id: a\n"
COPY_IGNORES = shutil.ignore_patterns(
    ".git", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".privlint_cache", "build", "dist"
)


def test_the_hook_definition():
    hook, fixing = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert fixing["id"] == "privlint-fix" and fixing["entry"].split() == ["privlint", "--force-exclude", "--fix"]
    assert {key: value for key, value in fixing.items() if key not in ("id", "name", "entry", "description")} == {
        key: value for key, value in hook.items() if key not in ("id", "name", "entry", "description")
    }
    assert hook["id"] == "privlint" and hook["language"] == "python"
    assert hook["files"] == r"\.privacy\.ya?ml$"
    assert hook["entry"].split() == ["privlint", "--force-exclude"]
    pattern = re.compile(hook["files"])
    assert pattern.search("legal/site.privacy.yaml") and pattern.search("a.privacy.yml")
    assert not pattern.search("privacy.yaml.bak") and not pattern.search("site.yaml")


def git(where, *args):
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args]
    subprocess.run(command, cwd=where, check=True, capture_output=True, env=_environment())


def _environment(**extra):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    environment.update(extra)
    return environment


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory):
    copy = tmp_path_factory.mktemp("hook") / "privlint"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORES)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "privlint")
    return copy


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    (project / "privlint.toml").write_text('today = 2026-11-23\nexclude = ["drafts"]\n', encoding="utf-8")
    shutil.copy(ROOT / "examples" / "complete.privacy.yaml", project / "good.privacy.yaml")
    (project / "bad.privacy.yaml").write_text(BAD, encoding="utf-8")
    (project / "drafts").mkdir()
    (project / "drafts" / "wip.privacy.yaml").write_text(BAD, encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "manifests")
    return project


@pytest.fixture(scope="module")
def try_repo(hook_repository, project, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")

    def run(*files, hook="privlint"):
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repository), hook, "--files", *files]
        return subprocess.run(
            command, cwd=project, env=_environment(PRE_COMMIT_HOME=str(home)),
            capture_output=True, text=True, timeout=900,
        )

    return run


@pytest.mark.network
def test_try_repo_fails_on_a_bad_manifest(try_repo):
    done = try_repo("bad.privacy.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"^privlint\.+Failed$", done.stdout, re.MULTILINE), done.stdout + done.stderr
    assert "bad.privacy.yaml:5:5: PL101 missing-legal-basis [error]" in done.stdout


@pytest.mark.network
def test_try_repo_passes_a_good_manifest_and_honours_the_configured_exclude(try_repo):
    done = try_repo("good.privacy.yaml", "drafts/wip.privacy.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^privlint\.+Passed$", done.stdout, re.MULTILINE), done.stdout + done.stderr


@pytest.mark.network
def test_the_fixing_hook_moves_the_date_and_stops_the_commit_once(try_repo, project):
    dated = project / "dated.privacy.yaml"
    shutil.copy(ROOT / "examples" / "complete.privacy.yaml", dated)
    git(project, "add", "dated.privacy.yaml")
    git(project, "commit", "-q", "-m", "dated")
    edited = dated.read_text(encoding="utf-8").replace('version: "3.2"', 'version: "3.3"', 1)  # content changed, date not
    dated.write_text(edited, encoding="utf-8")
    first = try_repo("dated.privacy.yaml", hook="privlint-fix")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert dated.read_text(encoding="utf-8") == edited.replace("last_changed: 2026-09-15", "last_changed: 2026-11-23", 1)
    second = try_repo("dated.privacy.yaml", hook="privlint-fix")
    assert second.returncode == 0, second.stdout + second.stderr
