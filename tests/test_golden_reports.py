"""Every report format's output on the seeds and on the bad-input catalogue, byte for byte.

A clean-up must change none of these files; a change meant to change findings or a format
regenerates them (``python tests/test_golden_reports.py``) and says so in its commit message.
The runs are deterministic: a fixed --today, no cache, paths relative to the checkout, no
colour and no GitHub Actions; privlint's version is written as ``<version>``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from privlint import __version__
from privlint.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
FORMATS = {"text": "txt", "json": "json", "github": "github.txt", "sarif": "sarif", "gitlab": "gitlab.json",
           "junit": "junit.xml", "markdown": "md", "html": "html"}
# name: (working directory, arguments): the seeds as tests/golden/seeds.txt has them, the committed bad inputs
RUNS = {
    "seeds": (ROOT, ["--ignore", "unbumped-last-changed", "seeds"]),
    "bad-inputs": (ROOT / "tests", ["bad_inputs"]),
}
ENVIRONMENT = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None, "FORCE_COLOR": None, "NO_COLOR": "1"}
REGENERATE = "python tests/test_golden_reports.py"


def report(run: str, output_format: str) -> tuple[int, str]:
    """The exit code and the report of one golden run, with privlint's version as ``<version>``."""
    directory, paths = RUNS[run]
    arguments = ["--no-cache", "--today", "2026-11-23", "--format", output_format, *paths]
    here = Path.cwd()
    try:
        os.chdir(directory)
        result = CliRunner().invoke(main, arguments, env=ENVIRONMENT, catch_exceptions=False)
    finally:
        os.chdir(here)
    return result.exit_code, result.output.replace(__version__, "<version>")


def golden_file(run: str, output_format: str) -> Path:
    return GOLDEN / f"{run}.{FORMATS[output_format]}"


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("run", RUNS)
def test_the_report_is_byte_identical_to_its_golden_file(run, output_format):
    exit_code, output = report(run, output_format)
    assert exit_code == 1
    expected = golden_file(run, output_format).read_bytes().decode("utf-8")
    assert output == expected, (
        f"the {output_format} report on {run} changed: if the change is meant, regenerate with `{REGENERATE}` "
        "and say so in the commit message"
    )


if __name__ == "__main__":
    for name in RUNS:
        for fmt in FORMATS:
            golden_file(name, fmt).write_bytes(report(name, fmt)[1].encode("utf-8"))
    sys.exit(0)
