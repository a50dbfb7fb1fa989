"""A whole run of privlint, as a library call: discover, lint, fix, baseline, report.

The command line builds one :class:`LintOptions` from its flags and hands it to
:func:`run_lint`; any program can do the same without click::

    from privlint.run.session import LintOptions, run_lint

    status = run_lint(LintOptions(paths=("legal",), today="2026-11-23", output_format="json"))

``run_lint`` writes the report to ``Streams.stdout`` (notes to ``Streams.stderr``) and
returns the exit code: 0 clean, 1 findings (or changes ``--diff`` would make), 2 an
error. A usage or configuration error raises :class:`UsageError`; nothing here exits.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from privlint.read.discovery import Target

STDIN = "-"
COLOR_CHOICES = ("auto", "always", "never")
ROOT_RELATIVE_FORMATS = frozenset({"sarif", "gitlab", "junit"})  # read by tools that know the repository, not the shell
STATISTICS_FORMATS = ("text", "json")


class UsageError(ValueError):
    """Options that contradict each other, a configuration error, or anything else the user must change."""


@dataclass(frozen=True)
class LintOptions:
    """Everything the ``check`` command is told; the defaults are the command line's.

    Values left as None come from the configuration file, then from privlint's defaults.
    """

    paths: tuple[str, ...] = ()  # files, directories, or "-" for standard input; none: the current directory
    config_path: Path | None = None
    today: str | None = None  # YYYY-MM-DD
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    output_format: str | None = None  # None: text, or github in GitHub Actions
    output_file: Path | None = None
    max_age: str | None = None
    max_file_size: int | None = None
    exit_zero: bool = False
    baseline: Path | None = None
    create_baseline: Path | None = None
    diff_base: str | None = None
    force_exclude: bool = False
    respect_gitignore: bool | None = None
    cache_dir: Path | None = None
    no_cache: bool = False
    jobs: int = 0
    fix: bool = False
    diff: bool = False
    statistics: bool = False
    quiet: bool = False
    color: Literal["auto", "always", "never"] = "auto"
    stdin_filename: str | None = None
    show_settings: bool = False
    show_files: bool = False

    def command_line_values(self) -> dict[str, tuple[Any, str]]:
        """The configuration keys these options set, each with the flag that set it."""
        values: dict[str, tuple[Any, str]] = {}
        for key, value, flag in (
            ("select", _split(self.select), "--select"),
            ("extend-select", _split(self.extend_select), "--extend-select"),
            ("ignore", _split(self.ignore), "--ignore"),
            ("today", self.today, "--today"),
            ("max-age", self.max_age, "--max-age"),
            ("max-file-size", self.max_file_size, "--max-file-size"),
        ):
            if value:
                values[key] = (value, flag)
        if self.respect_gitignore is not None:
            flag = "--respect-gitignore" if self.respect_gitignore else "--no-respect-gitignore"
            values["respect-gitignore"] = (self.respect_gitignore, flag)
        return values

    @property
    def reads_stdin(self) -> bool:
        return STDIN in self.paths or (self.stdin_filename is not None and not self.paths)


@dataclass
class Streams:
    """Where a run writes, what it reads for ``-``, and the environment it looks at."""

    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    stdin: IO[bytes] | None = None  # default: sys.stdin's bytes, read only for "-"
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)

    def note(self, message: str) -> None:
        self.stderr.write(f"privlint: {message}\n")

    def read_stdin(self, limit: int) -> bytes:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        return stream.read(limit + 1)


def _split(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def use_color(choice: str, stream: IO[str], environ: Mapping[str, str]) -> bool:
    """``--color``: always, never, or auto — a terminal, unless NO_COLOR is set non-empty; FORCE_COLOR
    (non-empty) turns it on elsewhere. NO_COLOR wins over FORCE_COLOR, as in Python itself."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def check_options(options: LintOptions) -> None:
    """Refuse combinations that cannot mean anything (UsageError)."""
    if options.baseline and options.create_baseline:
        raise UsageError("--baseline and --create-baseline cannot be used together")
    if options.color not in COLOR_CHOICES:
        raise UsageError(f"--color must be one of {', '.join(COLOR_CHOICES)}")
    if options.statistics and (options.output_format or "text") not in STATISTICS_FORMATS:
        raise UsageError("--statistics prints text or json; choose --format text or --format json")
    if options.reads_stdin:
        if [path for path in options.paths if path != STDIN]:
            raise UsageError("'-' (standard input) cannot be mixed with other paths")
        if options.paths.count(STDIN) > 1:
            raise UsageError("'-' (standard input) can be given once")
        if options.fix:
            raise UsageError("--fix does not write to standard input; use --diff to see the change")
        if options.create_baseline:
            raise UsageError("--create-baseline needs files, not standard input")


def run_lint(options: LintOptions, streams: Streams | None = None, rules: Sequence[Any] | None = None) -> int:
    """Lint as ``options`` say, write the report, and return the exit code (``rules``: the registry's by default)."""
    from privlint.run.config import render
    from privlint.run.linter import Linter, SettingsError

    streams = streams or Streams()
    check_options(options)
    rules = list(rules) if rules is not None else load_rules(contain_failures=True)
    configuration = load_configuration(rules, options.config_path, options.command_line_values())
    if options.show_settings:
        streams.stdout.write(render(configuration, rules))
        return 0
    if options.diff_base is not None:
        from privlint.read.history import RevisionError, verify_revision

        try:
            verify_revision(options.diff_base, Path.cwd())
        except RevisionError as error:
            raise UsageError(str(error)) from None
    try:
        linter = Linter(rules, configuration.settings(options.diff_base or "HEAD"))
    except SettingsError as error:
        raise UsageError(str(error)) from None
    targets = find_targets(options, linter.settings, streams)
    refuse_writing_over_manifests(options, targets)
    if options.show_files:
        from privlint.report.escape import line_start

        for target in targets:
            streams.stdout.write(f"{line_start(target.display)}\n")
        return 0
    if not targets and not options.force_exclude and not options.quiet:
        streams.note("no manifests (*.privacy.yaml, *.privacy.yml) found")
    if options.fix or options.diff:
        from privlint.run.fixes import fix_files

        outcome = fix_files(linter, targets, write=not options.diff, baseline=options.baseline)
        if options.diff:
            streams.stdout.write(outcome.diff)
            if not options.quiet:
                streams.note(outcome.describe(would=True))
            return 1 if outcome.changed else 0
        if not options.quiet:
            streams.note(outcome.describe(would=False))
    results = lint_targets(linter, targets, options)
    matcher, results = apply_baseline(results, targets, options, streams)
    return report(options, streams, linter, targets, results, matcher)


def load_rules(contain_failures: bool = False) -> list[Any]:
    """The registered rules; a plugin that cannot be loaded is a UsageError, or with ``contain_failures``
    a stand-in whose check fails on every file (linting reports it as an internal error)."""
    from privlint.rules.registry import RegistryError
    from privlint.rules.registry import load_rules as load

    try:
        return load(contain_failures=contain_failures)
    except RegistryError as error:
        raise UsageError(str(error)) from None


def load_configuration(rules: Sequence[Any], config_path: Path | None, flags: Mapping[str, tuple[Any, str]]) -> Any:
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
        raise UsageError(str(error)) from None


def find_targets(options: LintOptions, settings: Any, streams: Streams) -> list[Target]:
    """The files to lint: found on disk, or standard input as one target."""
    from privlint.read.discovery import discover, is_excluded, stdin_target

    if options.reads_stdin:
        name = options.stdin_filename
        if name is not None and options.force_exclude and is_excluded(name, settings):
            return []
        content = streams.read_stdin(settings.max_file_size)
        target = stdin_target(content, name, settings.root)
        if len(content) > settings.max_file_size:
            limit = f"larger than the limit of {settings.max_file_size} bytes (--max-file-size)"
            target = dataclasses.replace(target, content=None, problem=f"standard input is {limit}")
        return [target]
    return discover(options.paths or ["."], settings=settings, force_exclude=options.force_exclude)


def refuse_writing_over_manifests(options: LintOptions, targets: Sequence[Target]) -> None:
    """--output-file and --create-baseline must not name a manifest being linted (UsageError)."""
    from privlint.fileio import same_file

    for flag, path in (("--output-file", options.output_file), ("--create-baseline", options.create_baseline)):
        if path is not None and same_file(path, [target.path for target in targets]):  # --stdin-filename too
            raise UsageError(f"{flag} {str(path)!r} is a manifest being linted; privlint never writes to a manifest")


def lint_targets(linter: Any, targets: Sequence[Target], options: LintOptions) -> Iterable[Any]:
    """Every target's result, in order: from the cache where it holds one, in several processes when there are many."""
    from privlint.run.parallel import lint_files

    if options.reads_stdin:
        return [linter.lint_file(target) for target in targets]
    if targets and not options.no_cache:
        from privlint.run.cache import DEFAULT_DIRECTORY, open_cache

        directory = options.cache_dir or (linter.settings.root or Path.cwd()) / DEFAULT_DIRECTORY
        linter.cache = open_cache(directory, linter)
    return lint_files(linter, targets, options.jobs)


def apply_baseline(
    results: Iterable[Any], targets: Sequence[Target], options: LintOptions, streams: Streams
) -> tuple[Any, Iterable[Any]]:
    """The baseline's matcher (None without one) and the results: a baseline is recorded before the report,
    from every finding, so creating one holds them all; reading one holds only the baseline."""
    if not (options.baseline or options.create_baseline):
        return None, results
    from privlint.suppress import baseline

    try:
        if options.create_baseline:
            results = list(results)
            keys = {target.display: target.key or target.display for target in targets}
            recorded = baseline.create((finding for result in results for finding in result.findings), keys)
            baseline.write(recorded, options.create_baseline)
            streams.note(f"recorded {len(recorded.entries)} findings in baseline {options.create_baseline}")
        else:
            assert options.baseline is not None
            recorded = baseline.read(options.baseline)
    except baseline.BaselineError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write baseline {str(options.create_baseline)!r}: {error.strerror or error}") from None
    return baseline.Matcher(recorded), results


def report(
    options: LintOptions, streams: Streams, linter: Any, targets: Sequence[Target], results: Iterable[Any], matcher: Any,
) -> int:
    """Write the report(s) as the results arrive, and return the exit code.

    Nothing grows with the number of files but the list of their names (SARIF,
    GitLab and JUnit, which name files from the project root, are held whole only
    where that order differs from the files' order).
    """
    from privlint.report import open_stream
    from privlint.run.linter import Summary, exit_code

    rules = linter.enabled
    in_actions = streams.environ.get("GITHUB_ACTIONS") == "true"
    terminal_default = "github" if in_actions else "text"
    paths = tuple(target.display for target in targets)
    keys = {target.display: target.key or target.display for target in targets}
    sinks: list[tuple[Any, bool]] = []  # (a report stream, whether it gets the quiet summary)
    output = None
    if options.output_file is not None:
        from privlint.fileio import AtomicWriter

        name = options.output_format or "text"
        try:
            output = AtomicWriter(options.output_file)
        except OSError as error:
            raise UsageError(f"cannot write {str(options.output_file)!r}: {error.strerror or error}") from None
        sinks.append((_for_format(name, open_stream(name, output.write, rules), keys, paths), False))
        terminal_format = terminal_default
    else:
        terminal_format = options.output_format or terminal_default
    if options.statistics:
        statistics_format = terminal_format if terminal_format in STATISTICS_FORMATS else "text"
        sinks.append((_Statistics(streams.stdout.write, rules, statistics_format), True))
    else:
        color = terminal_format == "text" and use_color(options.color, streams.stdout, streams.environ)
        stream = open_stream(terminal_format, streams.stdout.write, rules, color=color)
        sinks.append((_for_format(terminal_format, stream, keys, paths), True))
    summary_file = streams.environ.get("GITHUB_STEP_SUMMARY")
    step_summary = None
    if summary_file:
        from privlint.report.markdown import StepSummary

        step_summary = StepSummary(summary_file, rules)
        sinks.append((step_summary, False))

    counts = _Counts()
    try:
        for result in results:
            findings = result.findings if matcher is None else matcher.new(result.findings)
            counts.add(findings, result.suppressed)
            for sink, _ in sinks:
                sink.add(findings)
        summary = Summary(
            len(targets), counts.by_severity(), paths=paths, suppressed=counts.suppressed,
            baselined=matcher.baselined if matcher else 0, baseline_gone=matcher.gone(keys) if matcher else 0,
        )
        for sink, terminal in sinks:
            if sink is step_summary:
                problem = step_summary.finish(summary)
                if problem:
                    streams.note(problem)
            else:
                sink.finish(dataclasses.replace(summary, quiet=options.quiet) if terminal else summary)
        if output is not None:
            try:
                output.commit()
            except OSError as error:
                raise UsageError(f"cannot write {str(options.output_file)!r}: {error.strerror or error}") from None
            output = None
    finally:
        if output is not None:  # interrupted: the file is left as it was
            output.abort()
    return exit_code(counts.witnesses, options.exit_zero)


class _Counts:
    """What the summary and the exit code need of the findings, counted as they pass."""

    def __init__(self) -> None:
        from privlint.rules import Severity
        from privlint.rules.engine import RUN_FAILURES

        self.severities = list(Severity)
        self.counts = dict.fromkeys(self.severities, 0)
        self.run_failures = RUN_FAILURES
        self.suppressed = 0
        self.witnesses: list[Any] = []  # a finding that fails the run and one that is not info, if any

    def add(self, findings: Sequence[Any], suppressed: int) -> None:
        self.suppressed += suppressed
        if not findings:
            return
        severities = [finding.severity for finding in findings]  # counted by list.count, in C
        for severity in self.severities:
            self.counts[severity] += severities.count(severity)
        if len(self.witnesses) < 2:
            self.witnesses = _witnesses([*self.witnesses, *findings], self.run_failures)

    def by_severity(self) -> dict[Any, int]:
        return dict(self.counts)


def _witnesses(findings: Sequence[Any], run_failures: frozenset[str]) -> list[Any]:
    """The first finding of a run failure and the first that is not info: the exit code depends on them only."""
    from privlint.rules import Severity

    failure = next((f for f in findings if f.rule in run_failures), None)
    serious = next((f for f in findings if f.severity is not Severity.info), None)
    return [f for f in (failure, serious) if f is not None]


class _Statistics:
    """``--statistics``: findings counted per rule, printed at the end."""

    def __init__(self, write: Any, rules: Sequence[Any], output_format: str) -> None:
        from collections import Counter

        self.write, self.rules, self.format = write, rules, output_format
        self.counted: Counter[str] = Counter()

    def add(self, findings: Sequence[Any]) -> None:
        self.counted.update(finding.rule for finding in findings)

    def finish(self, summary: Any) -> None:
        from privlint.report.statistics import render_counted

        self.write(render_counted(self.counted, self.rules, self.format))


def _for_format(name: str, stream: Any, keys: Mapping[str, str], paths: tuple[str, ...]) -> Any:
    """The stream as the format sees findings: SARIF, GitLab and JUnit name files relative to the
    project root, whatever the working directory; the others as the terminal does."""
    if name not in ROOT_RELATIVE_FORMATS:
        return stream
    return _RootRelative(stream, keys, in_order=[keys.get(path, path) for path in paths] == sorted(keys.get(path, path) for path in paths))


class _RootRelative:
    """Findings named by their root-relative path and sorted by it: passed on as they come where
    the files' order is that order already, else held and sorted at the end."""

    def __init__(self, stream: Any, keys: Mapping[str, str], in_order: bool) -> None:
        self.stream, self.keys, self.in_order = stream, keys, in_order
        self.held: list[Any] = []

    def add(self, findings: Sequence[Any]) -> None:
        moved = [dataclasses.replace(f, file=self.keys.get(f.file, f.file)) for f in findings]
        if self.in_order:
            self.stream.add(moved)
        else:
            self.held.extend(moved)

    def finish(self, summary: Any) -> None:
        from itertools import groupby

        for _, group in groupby(sorted(self.held, key=lambda f: f.sort_key), key=lambda f: f.file):
            self.stream.add(list(group))
        self.stream.finish(dataclasses.replace(summary, paths=tuple(self.keys.get(path, path) for path in summary.paths)))
