"""Configuration: ``[tool.privlint]`` in pyproject.toml, or privlint.toml / .privlint.toml.

The file is found by walking up from the working directory (in each directory:
``.privlint.toml``, then ``privlint.toml``, then a ``pyproject.toml`` that has a
``[tool.privlint]`` table), stopping at the top of the git work tree, so that a
file above the repository never configures it; ``--config PATH`` names one instead. Its directory
is the project root: ``include``, ``exclude`` and ``per-file-ignores`` globs,
and the file names in fingerprints, are relative to it.

Every value is validated here, with the key named in the message, so a typo or a
value of the wrong type is a configuration error (exit code 2), never a silently
ignored setting or a traceback. A configuration file is at most ``MAX_SIZE``
bytes and ``MAX_NESTING`` levels deep, and must be a regular file. The
command line overrides the file; :class:`Configuration` remembers where each
value came from, for ``privlint config``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from privlint.fileio import read_regular_file
from privlint.read.discovery import DEFAULT_INCLUDE
from privlint.read.files import DEFAULT_MAX_FILE_SIZE
from privlint.read.paths import project_root, root_relative, work_tree_top
from privlint.rules import Option, Rule, Severity
from privlint.rules.selection import RuleSelection, enabled_rules, is_always_on
from privlint.run.linter import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAMES = (".privlint.toml", "privlint.toml", "pyproject.toml")
KEYS = (
    "select", "extend-select", "ignore", "per-file-ignores", "severity",
    "include", "exclude", "respect-gitignore", "today", "max-file-size",
)
DEFAULT = "default"
MAX_SIZE = 1024 * 1024  # bytes; a configuration is a few hundred
MAX_NESTING = 16  # tables and arrays within each other; privlint's own keys need 4


class ConfigError(ValueError):
    """A configuration file that cannot be read, or a key or value that is wrong."""


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    table: Mapping[str, Any]

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def label(self) -> str:
        shown = root_relative(self.path)
        return f"{shown} [tool.privlint]" if self.path.name == "pyproject.toml" else shown


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above ``start`` (default: the working directory),
    up to the top of its git work tree (outside a work tree: up to the file system's root)."""
    start = (start or Path.cwd()).absolute()
    top = work_tree_top(start)
    for directory in (start, *start.parents):
        found = config_in(directory)
        if found is not None or str(directory) == top:
            return found
    return None


def config_in(directory: Path) -> Path | None:
    """The configuration file in ``directory`` itself, if there is one."""
    for name in CONFIG_NAMES:
        candidate = directory / name
        if _is_file(candidate) and (name != "pyproject.toml" or has_privlint_table(candidate)):
            return candidate
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, a directory that cannot be searched: no configuration there
        return False


def has_privlint_table(pyproject: Path) -> bool:
    try:
        text = read_regular_file(pyproject, MAX_SIZE).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = tomllib.loads(text).get("tool")
        # a `tool` that is no table may hide a [tool.privlint]: reading it reports the error (exit 2)
        return tool is not None and (not isinstance(tool, dict) or "privlint" in tool)
    except (tomllib.TOMLDecodeError, RecursionError):  # broken: report it if it looks like ours
        return "[tool.privlint" in text


def read_config_file(path: str | Path) -> ConfigFile:
    path = Path(path)
    try:
        document = tomllib.loads(read_regular_file(path, MAX_SIZE).decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"configuration file {str(path)!r} does not exist") from None
    except OSError as error:
        raise ConfigError(f"cannot read configuration file {str(path)!r}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"cannot read configuration file {str(path)!r}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{root_relative(path)} is not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{root_relative(path)}: nested more than {MAX_NESTING} levels deep") from None
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{root_relative(path)}: tool must be a table, not {_kind(tool)}")
        table = tool.get("privlint")
        if table is None:
            raise ConfigError(f"{root_relative(path)} has no [tool.privlint] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{root_relative(path)}: tool.privlint must be a table")
    else:
        table = document
    if _nesting(table) > MAX_NESTING:
        raise ConfigError(f"{root_relative(path)}: nested more than {MAX_NESTING} levels deep")
    return ConfigFile(path, table)


def _nesting(value: Any) -> int:
    """How many tables and arrays deep ``value`` goes (without recursion: any depth is measured)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        value, depth = pending.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is not None:
            deepest = max(deepest, depth)
            pending.extend((child, depth + 1) for child in children)
    return deepest


def _kind(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a text", list: "an array"}.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class Setting:
    value: Any  # as written, for showing
    source: str


@dataclass
class Configuration:
    """The effective configuration, each value with where it came from."""

    file: ConfigFile | None
    root: Path
    values: dict[str, Setting] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)  # option name -> value as written
    option_owners: dict[str, list[str]] = field(default_factory=dict)
    config_selection: RuleSelection = field(default_factory=RuleSelection)
    command_line_selection: RuleSelection = field(default_factory=RuleSelection)

    def value(self, key: str) -> Any:
        return self.values[key].value

    def settings(self, diff_base: str = "HEAD") -> Settings:
        selection = self.command_line_selection
        return Settings(
            today=_date(self.value("today"), "today"),
            select=selection.select or (),
            extend_select=selection.extend_select,
            ignore=selection.ignore,
            config_selection=self.config_selection,
            options=dict(self.options),
            max_file_size=self.value("max-file-size"),
            per_file_ignores={pattern: tuple(s) for pattern, s in self.value("per-file-ignores").items()},
            severity={selector: Severity(level) for selector, level in self.value("severity").items()},
            include=tuple(self.value("include")),
            exclude=tuple(self.value("exclude")),
            respect_gitignore=self.value("respect-gitignore"),
            root=self.root,
            diff_base=diff_base,
        )


def resolve(
    rules: Sequence[Rule],
    file: ConfigFile | None,
    command_line: Mapping[str, tuple[Any, str]] | None = None,
    today: dt.date | None = None,
) -> Configuration:
    """Validate the file's table and merge the command line over it.

    ``command_line`` maps a key to (value, the flag that gave it).
    """
    command_line = dict(command_line or {})
    where = file.label if file else "command line"
    table = dict(file.table) if file else {}
    owners = _option_owners(rules)
    declared = _declared_options(rules, owners)
    _refuse_unknown_keys(table, declared, {rule.name for rule in rules if rule.options}, where)

    configuration = Configuration(
        file, project_root(file.path if file else None), option_owners={key: [rule] for key, (rule, _, _) in declared.items()}
    )
    checked = _Checker(rules)

    def put(key: str, default: Any, check: Callable[[Any, str], Any]) -> Any:
        in_file = check(table[key], f"{where}: {key}") if key in table else None  # checked even when overridden
        if key in command_line:
            raw, flag = command_line[key]
            value = check(raw, f"command line ({flag})")
            configuration.values[key] = Setting(value, f"command line ({flag})")
        elif key in table:
            configuration.values[key] = Setting(in_file, where)
        else:
            configuration.values[key] = Setting(default, DEFAULT)
        return configuration.values[key].value

    select_in_file = checked.selectors(table["select"], f"{where}: select") if "select" in table else None
    extend_in_file = checked.selectors(table.get("extend-select", []), f"{where}: extend-select")
    ignore_in_file = checked.selectors(table.get("ignore", []), f"{where}: ignore")
    configuration.config_selection = RuleSelection(select_in_file, extend_in_file, ignore_in_file)
    select_flag = command_line.pop("select", None)
    extend_flag = command_line.pop("extend-select", None)
    ignore_flag = command_line.pop("ignore", None)
    configuration.command_line_selection = RuleSelection(
        checked.selectors(select_flag[0], "--select") if select_flag else None,
        checked.selectors(extend_flag[0], "--extend-select") if extend_flag else (),
        checked.selectors(ignore_flag[0], "--ignore") if ignore_flag else (),
    )
    if select_flag:
        configuration.values["select"] = Setting(list(select_flag[0]), "command line (--select)")
    elif select_in_file is not None:
        configuration.values["select"] = Setting(list(select_in_file), where)
    else:
        configuration.values["select"] = Setting(["ALL"], DEFAULT)
    for key, in_file, flag in (("extend-select", extend_in_file, extend_flag), ("ignore", ignore_in_file, ignore_flag)):
        sources = ([where] if key in table else []) + ([f"command line ({flag[1]})"] if flag else [])
        configuration.values[key] = Setting([*in_file, *(flag[0] if flag else ())], " + ".join(sources) or DEFAULT)

    put("per-file-ignores", {}, checked.per_file_ignores)
    put("severity", {}, checked.severity)
    put("include", list(DEFAULT_INCLUDE), checked.globs)
    put("exclude", [], checked.globs)
    put("respect-gitignore", True, checked.boolean)
    put("today", today or dt.date.today(), lambda value, at: _date(value, at))
    if "today" not in command_line and "today" not in table:
        configuration.values["today"] = Setting(configuration.values["today"].value, "default (the system date)")
    put("max-file-size", DEFAULT_MAX_FILE_SIZE, checked.size)
    for key in sorted(declared):
        rule_name, name, option = declared[key]
        in_rule_table = table.get(rule_name)
        if isinstance(in_rule_table, dict) and name in in_rule_table:
            if key in table and key != rule_name:
                raise ConfigError(f"{where}: {name!r} is set both on its own and under {rule_name!r}; keep one")
            table[key] = in_rule_table[name]
        value = put(key, option.default, functools.partial(_check_option, option))
        configuration.options[key] = value
    return configuration


def _option_owners(rules: Sequence[Rule]) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = {}
    for rule in rules:
        for name in rule.options:
            owners.setdefault(name, []).append(rule.name)
    return owners


def _declared_options(rules: Sequence[Rule], owners: Mapping[str, list[str]]) -> dict[str, tuple[str, str, Option]]:
    """Every option by the key it is set with: its own name where one rule alone declares it,
    else ``rule-name.option``; with its rule, its name and its declaration."""
    return {
        (name if len(owners[name]) == 1 else f"{rule.name}.{name}"): (rule.name, name, option)
        for rule in rules
        for name, option in rule.options.items()
    }


def _refuse_unknown_keys(
    table: Mapping[str, Any], options: Mapping[str, Any], rule_tables: set[str], where: str
) -> None:
    known = [*KEYS, *sorted(options)]
    for key, value in table.items():
        if key in rule_tables and isinstance(value, dict):
            rule_options = {name for option_key, (rule, name, _) in options.items() if rule == key}
            for name in value:
                if name not in rule_options:
                    raise ConfigError(
                        f"{where}: {key} has no option {name!r}; its options: {', '.join(sorted(rule_options))}"
                    )
            continue
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1) or difflib.get_close_matches(key.replace("_", "-"), known, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(known)}"
            raise ConfigError(f"{where}: unknown key {key!r}; {hint}")


def _check_option(option: Option, value: Any, at: str) -> Any:
    if isinstance(value, (dt.date, list, dict)):
        raise ConfigError(f"{at}: expected a {option.kind}, got {value!r}")
    try:
        option.parse(value)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{at}: {error}") from None
    return value


def _date(value: Any, at: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{at}: {value!r} is not a date written YYYY-MM-DD")


class _Checker:
    """Validators for the structured keys; each takes (value, where) and returns the value."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = rules

    def selectors(self, value: Any, at: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{at}: expected a list of rule codes, names or prefixes, got {value!r}")
        selectors = tuple(item.strip() for part in value for item in part.split(",") if item.strip())
        for selector in selectors:
            self.rule_selector(selector, at)
        return selectors

    def rule_selector(self, selector: str, at: str) -> None:
        if not any(rule.matches(selector) for rule in self.rules):
            close = difflib.get_close_matches(selector, [rule.name for rule in self.rules], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else " (see 'privlint rules')"
            raise ConfigError(f"{at}: {selector!r} names no rule{hint}")

    def per_file_ignores(self, value: Any, at: str) -> dict[str, list[str]]:
        if not isinstance(value, dict):
            raise ConfigError(f"{at}: expected a table of glob = [rules], got {value!r}")
        return {pattern: list(self.selectors(selectors, f"{at}.{json.dumps(pattern)}")) for pattern, selectors in value.items()}

    def severity(self, value: Any, at: str) -> dict[str, str]:
        if not isinstance(value, dict):
            raise ConfigError(f"{at}: expected a table of rule = \"error\" | \"warning\" | \"info\", got {value!r}")
        levels = [severity.value for severity in Severity]
        for selector, level in value.items():
            self.rule_selector(selector, at)
            exact = [rule for rule in self.rules if rule.name == selector or rule.code == selector.upper()]
            if exact and is_always_on(exact[0]):
                raise ConfigError(f"{at}: the severity of {selector!r} cannot be changed")
            if level not in levels:
                close = difflib.get_close_matches(str(level), levels, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise ConfigError(f"{at}.{selector}: {level!r} is not one of {', '.join(levels)}{hint}")
        return dict(value)

    def globs(self, value: Any, at: str) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise ConfigError(f"{at}: expected a list of glob patterns, got {value!r}")
        return value

    def boolean(self, value: Any, at: str) -> bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{at}: expected true or false, got {value!r}")
        return value

    def size(self, value: Any, at: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{at}: expected a number of bytes of at least 1, got {value!r}")
        return value


# -- showing it ------------------------------------------------------------------


def render(configuration: Configuration, rules: Sequence[Rule]) -> str:
    """The effective configuration as TOML, each value commented with where it came from."""
    file = configuration.file
    lines = [
        "# privlint: the effective configuration",
        f"# file: {file.label if file else 'none found (defaults apply)'}",
        f"# root: {root_relative(configuration.root) or '.'} (globs and fingerprints are relative to it)",
    ]
    rows = [(key, configuration.values[key]) for key in KEYS]
    rows += [(name, configuration.values[name]) for name in sorted(configuration.options)]
    body = [f"{key} = {_toml(setting.value)}" for key, setting in rows]
    width = max(map(len, body), default=0)
    for (key, setting), text in zip(rows, body):
        owners = configuration.option_owners.get(key)
        note = f"{setting.source}; option of {', '.join(owners)}" if owners else setting.source
        lines.append(f"{text.ljust(width)}  # {note}")
    settings = configuration.settings()
    enabled = enabled_rules(rules, settings.layers())
    lines.append(f"# rules enabled ({len(enabled)}): {', '.join(rule.name for rule in enabled)}")
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)
