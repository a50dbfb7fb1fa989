"""The command line: a thin layer over the runner, the registry and the reporters.

``privlint [PATHS...]`` lints; ``privlint rules``, ``explain`` and ``schema``
describe. Heavy modules are imported inside the commands that need them, so
``privlint --version`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from privlint import __version__

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


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--today", callback=_parse_today, metavar="YYYY-MM-DD", help="Judge dates as of this day (default: the system date).")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, names or code prefixes, comma-separated.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules: codes, names or code prefixes, comma-separated.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--max-age", metavar="DURATION", help="How old last-changed may be, as an ISO 8601 duration (default P12M).")
@click.option("--max-file-size", type=click.IntRange(min=1), metavar="BYTES", help="Refuse larger files (default 5 MiB).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (not for unreadable files or failing checks).")
def check(
    paths: tuple[str, ...],
    today: dt.date,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    max_age: str | None,
    max_file_size: int | None,
    exit_zero: bool,
) -> None:
    """Lint manifests (the default command)."""
    from privlint.loader import DEFAULT_MAX_FILE_SIZE
    from privlint.registry import RegistryError, load_rules
    from privlint.reporters import reporter
    from privlint.runner import Linter, Settings, SettingsError, Summary, discover, exit_code

    try:
        rules = load_rules()
    except RegistryError as error:
        _fail(str(error))
    for selector in _split(select) + _split(ignore):
        if not any(rule.matches(selector) for rule in rules):
            _fail(f"--select/--ignore: {selector!r} names no rule (see 'privlint rules')")
    options = {"max-age": max_age} if max_age else {}
    settings = Settings(
        today=today,
        select=_split(select),
        ignore=_split(ignore),
        options=options,
        max_file_size=max_file_size or DEFAULT_MAX_FILE_SIZE,
    )
    try:
        linter = Linter(rules, settings)
    except SettingsError as error:
        _fail(str(error))
    targets = discover(paths or ["."])
    if not targets:
        click.echo("privlint: no manifests (*.privacy.yaml, *.privacy.yml) found", err=True)
    findings = [finding for target in targets for finding in linter.lint(target)]
    summary = Summary.of(findings, len(targets))
    color = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    click.echo(reporter(output_format)(findings, summary, rules, color=color), nl=False, color=color)
    sys.exit(exit_code(findings, exit_zero))


@main.command()
def rules() -> None:
    """List every rule: code, name, severity, GDPR article and summary."""
    from privlint.docs import rules_table

    click.echo(rules_table(_rules()), nl=False)


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print a rule's documentation (by code or name)."""
    import difflib

    from privlint.docs import rule_page
    from privlint.registry import find_rule

    known = _rules()
    found = find_rule(known, rule)
    if found is None:
        close = difflib.get_close_matches(rule, [r.name for r in known], n=1)
        _fail(f"unknown rule {rule!r}" + (f"; did you mean {close[0]!r}?" if close else " (see 'privlint rules')"))
    click.echo(rule_page(found), nl=False)


@main.command()
def schema() -> None:
    """Print the manifest JSON Schema, generated from the models."""
    from privlint.schema import render_schema

    click.echo(render_schema(), nl=False)


def _rules():
    from privlint.registry import RegistryError, load_rules

    try:
        return load_rules()
    except RegistryError as error:
        _fail(str(error))


def _fail(message: str) -> None:
    click.echo(f"privlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)
