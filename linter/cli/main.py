"""The command line: a thin layer over the runner, the registry and the reporters.

``privlint [PATHS...]`` lints; ``privlint rules``, ``explain``, ``schema`` and
``config`` describe; ``privlint init`` scaffolds. Heavy modules are imported
inside the commands that need them, so ``privlint --version`` stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click
from privlint import __version__
from privlint.report import FORMATS

EXIT_USAGE = 2


class _DefaultToCheck(click.Group):
    """``privlint ARGS`` means ``privlint check ARGS`` unless ARGS starts with a command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        top_level = {"--help", "-h", "--version"}
        if not args or (args[0] not in self.commands and args[0] not in top_level):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="privlint", message="%(prog)s %(version)s")
def main() -> None:
    """Lint GDPR privacy statements written as YAML manifests.

    With no command, lints PATHS (files, or directories searched for
    *.privacy.yaml and *.privacy.yml; default: the current directory).
    """


def run() -> NoReturn:
    """The ``privlint`` program: ``main``, then an immediate exit.

    Python would otherwise free every object of the run one by one before exiting
    (tens of milliseconds after a large run); the output is flushed first and
    nothing else is pending by then. mypy ends the same way.
    """
    try:
        main()
        status: Any = 0
    except SystemExit as stop:
        status = stop.code
    if status is not None and not isinstance(status, int):
        print(status, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said there
            pass
    os._exit(status or 0)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


_config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), metavar="PATH",
    help="Use this configuration file (pyproject.toml, privlint.toml) instead of searching upwards for one.",
)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@_config_option
@click.option("--today", metavar="YYYY-MM-DD", help="Judge dates as of this day (default: the system date).")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, names or code prefixes, comma-separated.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="These rules as well as the selected ones.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules: codes, names or code prefixes, comma-separated.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), help="Output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("--output-file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write the report in --format to FILE; the terminal gets text (github annotations in GitHub Actions).")
@click.option("--max-age", metavar="DURATION", help="How old last-changed may be, as an ISO 8601 duration (default P12M).")
@click.option("--max-file-size", type=click.IntRange(min=1), metavar="BYTES", help="Refuse larger files (default 5 MiB).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (not for unreadable files or failing checks).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Report only findings that are not in this baseline.")
@click.option("--create-baseline", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Record the current findings in FILE as the baseline.")
@click.option("--diff-base", metavar="REF", help="Git revision unbumped-last-changed compares with (default: HEAD).")
@click.option("--force-exclude", is_flag=True, help="Apply the configuration's exclude to files named on the command line too (for pre-commit).")
@click.option("--show-settings", is_flag=True, help="Print the effective configuration and where each value comes from, then exit.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar="PRIVLINT_CACHE_DIR", metavar="DIR",
              help="Keep the cache of findings in DIR (also $PRIVLINT_CACHE_DIR; default: .privlint_cache in the project root).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache of findings.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, metavar="N",
              help="Lint in N processes (default 0: one per core when there are many files).")
def check(
    paths: tuple[str, ...],
    config_path: Path | None,
    today: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str | None,
    output_file: Path | None,
    max_age: str | None,
    max_file_size: int | None,
    exit_zero: bool,
    baseline_path: Path | None,
    create_baseline: Path | None,
    diff_base: str | None,
    force_exclude: bool,
    show_settings: bool,
    cache_dir: Path | None,
    no_cache: bool,
    jobs: int,
) -> None:
    """Lint manifests (the default command)."""
    if baseline_path and create_baseline:
        _fail("--baseline and --create-baseline cannot be used together")
    with _lasting_objects():
        from privlint.read.discovery import discover
        from privlint.read.history import RevisionError, verify_revision
        from privlint.run.config import render
        from privlint.run.linter import Linter, SettingsError, Summary, exit_code

        rules = _rules()
    flags: dict[str, tuple[Any, str]] = {}
    for key, value, flag in (
        ("select", _split(select), "--select"),
        ("extend-select", _split(extend_select), "--extend-select"),
        ("ignore", _split(ignore), "--ignore"),
        ("today", today, "--today"),
        ("max-age", max_age, "--max-age"),
        ("max-file-size", max_file_size, "--max-file-size"),
    ):
        if value:
            flags[key] = (value, flag)
    configuration = _configuration(rules, config_path, flags)
    if show_settings:
        click.echo(render(configuration, rules), nl=False)
        return
    if diff_base is not None:
        try:
            verify_revision(diff_base, Path.cwd())
        except RevisionError as error:
            _fail(str(error))
    try:
        linter = Linter(rules, configuration.settings(diff_base or "HEAD"))
    except SettingsError as error:
        _fail(str(error))
    settings = linter.settings
    targets = discover(
        paths or ["."], root=settings.root, include=settings.include, exclude=settings.exclude, force_exclude=force_exclude
    )
    if not targets and not force_exclude:
        click.echo("privlint: no manifests (*.privacy.yaml, *.privacy.yml) found", err=True)
    results = _lint_all(linter, targets, cache_dir, no_cache, jobs)
    findings = [finding for result in results for finding in result.findings]
    findings, baselined, gone = _apply_baseline(findings, targets, baseline_path, create_baseline)
    summary = Summary.of(
        findings, len(targets), paths=tuple(target.display for target in targets),
        suppressed=sum(result.suppressed for result in results), baselined=baselined, baseline_gone=gone,
    )
    _report(findings, summary, linter.enabled, output_format, output_file)
    sys.exit(exit_code(findings, exit_zero))


def _lint_all(linter, targets, cache_dir: Path | None, no_cache: bool, jobs: int) -> list:
    """Every target's result: from the cache where it holds one, in several processes when there are many."""
    from privlint.run.parallel import lint_files

    if targets and not no_cache:
        from privlint.run.cache import DEFAULT_DIRECTORY, open_cache

        linter.cache = open_cache(cache_dir or (linter.settings.root or Path.cwd()) / DEFAULT_DIRECTORY, linter)
    return list(lint_files(linter, targets, jobs))


def _apply_baseline(findings, targets, baseline_path: Path | None, create_path: Path | None):
    """Record and/or filter by a baseline: (findings to report, baselined, gone)."""
    if not (baseline_path or create_path):
        return findings, 0, 0
    from privlint.suppress import baseline

    keys = {target.display: target.key or target.display for target in targets}
    try:
        if create_path:
            recorded = baseline.create(findings, keys)
            baseline.write(recorded, create_path)
            click.echo(f"privlint: recorded {len(recorded.entries)} findings in baseline {create_path}", err=True)
        else:
            recorded = baseline.read(baseline_path)
    except baseline.BaselineError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot write baseline {str(create_path)!r}: {error.strerror or error}")
    filtered = baseline.apply(recorded, findings, keys)
    return filtered.new, filtered.baselined, filtered.gone


def _report(findings, summary, rules, output_format: str | None, output_file: Path | None) -> None:
    from privlint.report import chunked_reporter, reporter

    terminal_default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if output_file is not None:
        from privlint.fileio import write_atomic

        report = reporter(output_format or "text")(findings, summary, rules, color=False)
        try:
            write_atomic(output_file, report)
        except OSError as error:
            _fail(f"cannot write {str(output_file)!r}: {error.strerror or error}")
        terminal_format = terminal_default
    else:
        terminal_format = output_format or terminal_default
    color = terminal_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    for chunk in chunked_reporter(terminal_format)(findings, summary, rules, color=color):  # a long report is never held whole
        click.echo(chunk, nl=False, color=color)


@main.command("config")
@_config_option
def show_config(config_path: Path | None) -> None:
    """Print the effective configuration and where each value comes from."""
    from privlint.run.config import render

    rules = _rules()
    click.echo(render(_configuration(rules, config_path, {}), rules), nl=False)


@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="statement", show_default=True, help="The manifest's name: NAME.privacy.yaml.")
@click.option("--today", metavar="YYYY-MM-DD", help="The date to write as last_changed (default: the system date).")
def init(directory: Path, name: str, today: str | None) -> None:
    """Create a first manifest and a privlint.toml in DIRECTORY; existing files are left alone."""
    from privlint.cli.init import init as scaffold

    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        _fail(f"--today: {today!r} is not a date written YYYY-MM-DD")
    try:
        results = scaffold(directory, name, _rules(), day)
    except ValueError as error:
        _fail(f"--name: {error}")
    except OSError as error:
        _fail(f"cannot create files in {str(directory)!r}: {error.strerror or error}")
    for result in results:
        shown = result.path.as_posix()
        if result.created:
            click.echo(f"created {shown}")
        else:
            click.echo(f"left {shown} alone: {result.note or 'it exists'}")


@main.command()
def rules() -> None:
    """List every rule: code, name, severity, GDPR article and summary."""
    from privlint.rules.docs import rules_table

    click.echo(rules_table(_rules()), nl=False)


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print a rule's documentation (by code or name)."""
    import difflib

    from privlint.rules.docs import rule_page
    from privlint.rules.registry import find_rule

    known = _rules()
    found = find_rule(known, rule)
    if found is None:
        close = difflib.get_close_matches(rule, [r.name for r in known], n=1)
        _fail(f"unknown rule {rule!r}" + (f"; did you mean {close[0]!r}?" if close else " (see 'privlint rules')"))
    click.echo(rule_page(found), nl=False)


@main.command()
def schema() -> None:
    """Print the manifest JSON Schema, generated from the models."""
    from privlint.model.schema import render_schema

    click.echo(render_schema(), nl=False)


def _add_commands() -> None:
    from privlint.cli.render import render

    main.add_command(render)


_add_commands()


@contextlib.contextmanager
def _lasting_objects():
    """Import modules and load rules without collecting garbage, then freeze what they made.

    Nearly all of it lives as long as the run: the collector would scan it over and over (and
    again at exit) and find next to no garbage. Garbage made before is collected first, so that
    it is not frozen with the rest when privlint runs inside another program.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _rules():
    from privlint.rules.registry import RegistryError, load_rules

    try:
        return load_rules()
    except RegistryError as error:
        _fail(str(error))


def _configuration(rules, config_path: Path | None, flags: dict[str, tuple[Any, str]]):
    from privlint.run.config import (
        ConfigError,
        find_config_file,
        read_config_file,
        resolve,
    )

    try:
        path = config_path or find_config_file()
        file = read_config_file(path) if path else None
        return resolve(rules, file, flags)
    except ConfigError as error:
        _fail(str(error))


def _fail(message: str) -> NoReturn:
    click.echo(f"privlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)
