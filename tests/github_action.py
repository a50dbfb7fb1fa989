"""Run a composite GitHub Action here, step by step, as a GitHub runner does.

Each ``run:`` step goes to ``bash --noprofile --norc -eo pipefail`` (GitHub's bash) in the
workspace, with the variables a runner sets (``GITHUB_ACTIONS``, ``GITHUB_ACTION_PATH``,
``GITHUB_WORKSPACE``, ``GITHUB_STEP_SUMMARY``, ``GITHUB_OUTPUT``, ``RUNNER_TEMP``, ...) and its
``env:``. Expressions are substituted from the contexts a composite action sees (``inputs``,
``github``, ``runner``, ``steps``); only plain context paths are understood, and anything else in
the action fails the run, so the harness never silently reads an expression differently from
GitHub. A failing step ends the run, as it does on GitHub.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}")
CONTEXT_PATH = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*")


@dataclass
class ActionRun:
    exit_code: int  # of the last step that ran
    stdout: str  # every step's, in order
    stderr: str
    summary: str  # $GITHUB_STEP_SUMMARY
    outputs: dict[str, str]  # the action's outputs
    steps_run: list[str] = field(default_factory=list)


def load_action(action_path: Path) -> dict[str, Any]:
    action: dict[str, Any] = YAML(typ="safe").load((action_path / "action.yml").read_text(encoding="utf-8"))
    return action


def evaluate(text: Any, contexts: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        expression = match.group(1).strip()
        assert CONTEXT_PATH.fullmatch(expression), f"the harness reads only context paths, not {expression!r}"
        node: Any = contexts
        for part in expression.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return "" if node is None else str(node)

    return EXPRESSION.sub(value, "" if text is None else str(text))


def read_command_file(path: Path) -> dict[str, str]:
    """``name=value`` lines and ``name<<DELIMITER`` blocks, as in $GITHUB_OUTPUT."""
    values: dict[str, str] = {}
    lines = iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for inner in lines:
                if inner == delimiter:
                    break
                block.append(inner)
            values[name] = "\n".join(block)
        elif "=" in line:
            name, text = line.split("=", 1)
            values[name] = text
    return values


def run_action(
    action_path: Path,
    workspace: Path,
    temp: Path,
    inputs: dict[str, str] | None = None,
    event: dict[str, Any] | None = None,
    installed: dict[str, str] | None = None,
    timeout: float = 900,
) -> ActionRun:
    """Run the action in ``action_path`` on ``workspace`` with these inputs (``with:``).

    ``installed``: the outputs of the step with id ``install``, which is then not run (it would
    install from the package index).
    """
    action = load_action(action_path)
    assert action["runs"]["using"] == "composite"
    contexts: dict[str, Any] = {
        "github": {"action_path": str(action_path), "workspace": str(workspace), "event": event or {}},
        "runner": {"temp": str(temp), "os": "Linux"},
        "steps": {},
    }
    given = {name: evaluate(spec.get("default", ""), contexts) for name, spec in action.get("inputs", {}).items()}
    unknown = set(inputs or {}) - set(given)
    assert not unknown, f"the action has no inputs {sorted(unknown)}"
    given.update({name: evaluate(value, contexts) for name, value in (inputs or {}).items()})
    contexts["inputs"] = given
    summary = temp / "step_summary.md"
    summary.touch()
    base = {name: value for name, value in os.environ.items() if not name.startswith(("GITHUB_", "RUNNER_", "INPUT_", "PRIVLINT_"))}
    base.update(
        CI="true", GITHUB_ACTIONS="true", GITHUB_ACTION_PATH=str(action_path), GITHUB_WORKSPACE=str(workspace),
        GITHUB_STEP_SUMMARY=str(summary), RUNNER_TEMP=str(temp), RUNNER_OS="Linux",
    )
    stdout, stderr, names, exit_code = [], [], [], 0
    for index, step in enumerate(action["runs"]["steps"]):
        assert "uses" not in step and step["shell"] == "bash", step
        assert "if" not in step, "the harness does not evaluate conditions"
        if installed is not None and step.get("id") == "install":
            contexts["steps"]["install"] = {"outputs": dict(installed)}
            continue
        files = {name: temp / f"{name.lower()}-{index}" for name in ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH")}
        for path in files.values():
            path.touch()
        environment = {**base, **{name: str(path) for name, path in files.items()}}
        environment.update({name: evaluate(value, contexts) for name, value in (step.get("env") or {}).items()})
        script = temp / f"step-{index}.sh"
        script.write_text(evaluate(step["run"], contexts), encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace, env=environment, capture_output=True, text=True, timeout=timeout,
        )
        names.append(step["name"])
        stdout.append(done.stdout)
        stderr.append(done.stderr)
        exit_code = done.returncode
        if "id" in step:
            contexts["steps"][step["id"]] = {"outputs": read_command_file(files["GITHUB_OUTPUT"])}
        assert not files["GITHUB_ENV"].read_text() and not files["GITHUB_PATH"].read_text(), "the action changes later steps"
        if done.returncode != 0:
            break
    outputs = {name: evaluate(spec["value"], contexts) for name, spec in action.get("outputs", {}).items()}
    return ActionRun(exit_code, "".join(stdout), "".join(stderr), summary.read_text(encoding="utf-8"), outputs, names)
