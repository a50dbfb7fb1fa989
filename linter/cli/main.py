"""The command line: a thin layer over the runner, the registry and the reporters.

``privlint [PATHS...]`` lints; ``privlint rules``, ``explain``, ``schema`` and
``config`` describe; ``privlint init`` scaffolds. Heavy modules are imported
inside the commands that need them, so ``privlint --version`` stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import click
from privlint import __version__
from privlint.report import FORMATS

EXIT_USAGE = 2


class _DefaultToCheck(click.Group):
    """``privlint ARGS`` means ``privlint check ARGS`` unless ARGS starts with a command.

    ``privlint --help`` shows the lint options (what ``privlint`` alone does), then the commands.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        top_level = {"--help", "-h", "--version"}
        if not args or (args[0] not in self.commands and args[0] not in top_level):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lint = self.commands["check"]
        lint_context = click.Context(lint, info_name=ctx.info_name, parent=None)
        formatter.write_usage(ctx.command_path, "[OPTIONS] [PATHS]...\n" + " " * 7 + f"{ctx.command_path} COMMAND [ARGS]...")
        self.format_help_text(ctx, formatter)
        lint.format_options(lint_context, formatter)
        self.format_commands(ctx, formatter)
        with formatter.section("More"):
            formatter.write_text(
                "privlint COMMAND --help describes a command; privlint --version prints the version. "
                "Shell completion: eval \"$(_PRIVLINT_COMPLETE=bash_source privlint)\" (zsh_source, fish_source)."
            )


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="privlint", message="%(prog)s %(version)s")
def main() -> None:
    """Lint GDPR privacy statements written as YAML manifests.

    With no command, lints PATHS (files, or directories searched for
    *.privacy.yaml and *.privacy.yml; default: the current directory;
    - for standard input).
    """


def run() -> NoReturn:
    """The ``privlint`` program: ``main``, then an immediate exit.

    Python would otherwise free every object of the run one by one before exiting
    (tens of milliseconds after a large run); the output is flushed first and
    nothing else is pending by then. mypy ends the same way.

    Whatever goes wrong ends in one line on standard error and exit code 2, never a
    traceback: standard output closed (``>&-``), full (``> /dev/full``) or a pipe whose
    reader is gone, or a bug (``PRIVLINT_DEBUG=1`` shows its traceback).
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(errors="backslashreplace")  # a name that cannot be encoded is shown escaped
    # Standard error carries notes: closed or full, it must not stop a run whose report gets out.
    sys.stderr = _NotesStream(sys.stderr if sys.stderr is not None else open(os.devnull, "w", encoding="utf-8"))
    if sys.stdout is None:
        _say("privlint: error: standard output is closed; nothing could be reported")
        os._exit(EXIT_USAGE)
    try:
        main()
        status: Any = 0
    except SystemExit as stop:
        status = stop.code
    except OSError as error:  # writing the report (click handles a closed pipe its own way, below)
        _say(f"privlint: error: {_os_error(error)}")
        status = EXIT_USAGE
    except Exception as error:
        if os.environ.get("PRIVLINT_DEBUG"):
            raise
        _say(f"privlint: error: internal error: {type(error).__name__}: {error} (PRIVLINT_DEBUG=1 shows where)")
        status = EXIT_USAGE
    if status is not None and not isinstance(status, int):
        _say(str(status))
        status = 1
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as error:  # the report did not get out: not a verdict to trust
        _say(f"privlint: error: {_os_error(error)}")
        status = EXIT_USAGE
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    os._exit(status or 0)


def _os_error(error: BaseException) -> str:
    if isinstance(error, OSError) and error.filename is None:
        return f"cannot write to standard output: {error.strerror or error}"
    return str(error)


class _NotesStream:
    """Standard error, where a write that fails (the stream full or gone) is dropped, not raised."""

    def __init__(self, stream: Any):
        self._stream = stream

    def write(self, text: str) -> int:
        with contextlib.suppress(OSError, ValueError):
            return int(self._stream.write(text))
        return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _say(message: str) -> None:
    """A line on standard error, if there is one to write to."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(message, file=sys.stderr, flush=True)


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
@click.option("--fix", is_flag=True, help="Fix what can be fixed without judgement (such as moving last_changed to today), then report the rest.")
@click.option("--diff", is_flag=True, help="Print the changes --fix would make as a unified diff, write nothing; exit 1 if there are any.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings and nothing else (no summary, no notes).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report: auto is on a terminal, unless NO_COLOR is set; FORCE_COLOR turns it on.")
@click.option("--stdin-filename", metavar="PATH",
              help="Read the manifest from standard input and show, match globs and compare with git as PATH.")
@click.option("--max-age", metavar="DURATION", help="How old last-changed may be, as an ISO 8601 duration (default P12M).")
@click.option("--max-file-size", type=click.IntRange(min=1), metavar="BYTES", help="Refuse larger files (default 5 MiB).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (not for unreadable files or failing checks).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Report only findings that are not in this baseline.")
@click.option("--create-baseline", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Record the current findings in FILE as the baseline.")
@click.option("--diff-base", metavar="REF", help="Git revision unbumped-last-changed compares with (default: HEAD).")
@click.option("--force-exclude", is_flag=True, help="Apply the configuration's exclude to files named on the command line too (for pre-commit).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip files git ignores (.gitignore, .git/info/exclude) when searching directories [default: respect].")
@click.option("--show-settings", is_flag=True, help="Print the effective configuration and where each value comes from, then exit.")
@click.option("--show-files", is_flag=True, help="Print the files that would be linted, then exit.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar="PRIVLINT_CACHE_DIR", metavar="DIR",
              help="Keep the cache of findings in DIR (also $PRIVLINT_CACHE_DIR; default: .privlint_cache in the project root).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache of findings.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, metavar="N",
              help="Lint in N processes (default 0: one per core when there are many files).")
def check(paths: tuple[str, ...], baseline_path: Path | None, **flags: Any) -> None:
    """Lint manifests (the default command)."""
    from privlint.rules.containment import watch_interrupts
    from privlint.run.session import LintOptions, UsageError, run_lint

    watch_interrupts()  # a KeyboardInterrupt a plugin raises is then an internal error, Ctrl-C still stops
    options = LintOptions(paths=paths, baseline=baseline_path, **flags)
    with _lasting_objects():
        import privlint.run.linter  # noqa: F401  (the modules a run needs, imported before the freeze)

        rules = _rules(contain_failures=True)
    try:
        status = run_lint(options, rules=rules)
    except UsageError as error:
        _fail(str(error))
    except OSError as error:  # standard output full, or a pipe whose reader is gone (click would exit 1)
        _fail(_os_error(error))
    sys.exit(status)


@main.command("config")
@_config_option
def show_config(config_path: Path | None) -> None:
    """Print the effective configuration and where each value comes from."""
    from privlint.run.config import render
    from privlint.run.session import UsageError, load_configuration

    rules = _rules()
    try:
        configuration = load_configuration(rules, config_path, {})
    except UsageError as error:
        _fail(str(error))
    click.echo(render(configuration, rules), nl=False)


@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="statement", show_default=True, help="The manifest's name: NAME.privacy.yaml.")
@click.option("--today", metavar="YYYY-MM-DD", help="The date to write as last_changed (default: the system date).")
def init(directory: Path, name: str, today: str | None) -> None:
    """Create a first manifest, the schema editors check it with and a privlint.toml in DIRECTORY;
    existing files are left alone."""
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
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A table, or a JSON list with each rule's code, name, severity, article, summary, options and origin.")
def rules(output_format: str) -> None:
    """List every rule: code, name, severity, GDPR article and summary."""
    from privlint.rules.docs import rules_json, rules_table

    known = _rules()
    click.echo(rules_json(known) if output_format == "json" else rules_table(known), nl=False)


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
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
    help="Write the schema to FILE instead of printing it (atomically; missing folders are made), "
    "such as .privlint/privacy-statement.schema.json for editors.",
)
def schema(output: Path | None) -> None:
    """Print the manifest JSON Schema, generated from the models (or write it to a file)."""
    from privlint.model.schema import render_schema

    if output is None:
        click.echo(render_schema(), nl=False)
        return
    from privlint.fileio import refuse_links_below_the_working_directory, write_atomic

    try:
        refuse_links_below_the_working_directory(Path(os.path.abspath(output.parent)))  # before making folders
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, render_schema())
    except OSError as error:
        _fail(f"cannot write {str(output)!r}: {error.strerror or error}")


def _add_commands() -> None:
    from privlint.cli.render import render

    main.add_command(render)


_add_commands()


@contextlib.contextmanager
def _lasting_objects() -> Iterator[None]:
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


def _rules(contain_failures: bool = False) -> list[Any]:
    from privlint.run.session import UsageError, load_rules

    try:
        return load_rules(contain_failures)
    except UsageError as error:
        _fail(str(error))


def _fail(message: str) -> NoReturn:
    with contextlib.suppress(OSError):  # standard error may be gone too
        click.echo(f"privlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)
