"""What makes privlint fast must not change what it says: the cache, the worker processes,
validating once, the loader's fast path, the phrase matcher and the streamed report.

These tests are about behaviour, not timings (benchmarks/run.py measures those).
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from privlint.model.manifest import Manifest
from privlint.model.schema import schema_problems
from privlint.model.validation import validate
from privlint.parse import loader
from privlint.parse.loader import load_document
from privlint.parse.pointers import escape_pointer_token
from privlint.read.discovery import discover
from privlint.read.files import read_text
from privlint.read.paths import RealPaths
from privlint.report import text as text_report
from privlint.rules import phrases as phrases_module
from privlint.rules.phrases import (
    LowerCasePattern,
    Phrases,
    built_in_expressions,
    combine,
)
from privlint.run import parallel
from privlint.run.cache import Cache, open_cache, run_fingerprint, user_key
from privlint.run.linter import Linter, Settings, Summary
from privlint.run.parallel import process_count

SEEDS = sorted((ROOT / "seeds").glob("*.privacy.yaml"))
DAY = str(TODAY)


@pytest.fixture
def project(tmp_path):
    """A directory of manifests of every kind: clean, with findings, invalid, not YAML."""
    directory = tmp_path / "statements"
    directory.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, directory / seed.name)
    (directory / "invalid.privacy.yaml").write_text("privlint: 1\nstatement:\n  last_change: 2023-02-30\n", encoding="utf-8")
    (directory / "broken.privacy.yaml").write_text("privlint: 1\nstatement: [\n", encoding="utf-8")
    (directory / "suppressed.privacy.yaml").write_text(
        "privlint: 1\nstatement:\n  last_changed: 2019-01-01  # privlint: ignore[stale-last-changed] reviewed\n",
        encoding="utf-8",
    )
    return directory


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("v*/*/*.json"))


def read_record(entry: Path) -> dict:
    """An entry's content, after its signature line."""
    return json.loads(entry.read_bytes().partition(b"\n")[2])


def write_record(entry: Path, record: dict | bytes) -> None:
    """Replace an entry, signed as this user's privlint signs it: only such an entry is read at all."""
    body = record if isinstance(record, bytes) else json.dumps(record).encode("utf-8")
    entry.write_bytes(Cache(entry.parent, "", secret=user_key()).seal(body))


# -- the cache -------------------------------------------------------------------------


def test_a_warm_run_says_the_same_without_linting_again(project, tmp_path, cli, monkeypatch):
    cache_dir = tmp_path / "cache"
    cold = cli("--today", DAY, "--cache-dir", str(cache_dir), str(project))
    assert entries(cache_dir)

    def must_not_run(*args, **kwargs):
        raise AssertionError("linted although the cache holds the result")

    monkeypatch.setattr(Linter, "_lint_text", must_not_run)
    warm = cli("--today", DAY, "--cache-dir", str(cache_dir), str(project))
    assert (warm.exit_code, warm.output) == (cold.exit_code, cold.output)
    assert "internal-error" not in warm.output


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_output_is_identical_with_and_without_cache_and_with_any_number_of_processes(project, tmp_path, cli, output_format):
    common = ("--today", DAY, "--format", output_format, str(project), str(tmp_path / "missing.privacy.yaml"))
    cache = ("--cache-dir", str(tmp_path / "cache"))
    runs = {
        "one process, no cache": cli("--no-cache", "-j", "1", *common),
        "two processes, no cache": cli("--no-cache", "-j", "2", *common),
        "three processes, no cache": cli("--no-cache", "-j", "3", *common),
        "two processes, cold cache": cli(*cache, "-j", "2", *common),
        "one process, warm cache": cli(*cache, "-j", "1", *common),
        "two processes, warm cache": cli(*cache, "-j", "2", *common),
    }
    reference = runs["one process, no cache"]
    assert reference.exit_code == 2  # the missing path
    for name, result in runs.items():
        assert (result.exit_code, result.output) == (reference.exit_code, reference.output), name


def test_a_corrupt_cache_is_ignored_and_rewritten(project, tmp_path, cli):
    cache_dir = tmp_path / "cache"
    first = cli("--today", DAY, "--cache-dir", str(cache_dir), str(project))
    damage = [
        b"",
        b"{\"key\": ",
        b"\x00\xff garbage",
        b"[]",
        b"{\"key\": \"another\", \"history\": {}, \"result\": {\"findings\": [], \"suppressed\": 0}}",
        b"{\"history\": {}, \"result\": {\"findings\": [], \"suppressed\": 0}}",
    ]
    for number, entry in enumerate(entries(cache_dir)):
        if number % len(damage) == 4:  # valid JSON under the wrong key
            write_record(entry, damage[4])
        elif number % len(damage) == 5:  # the right key, but no findings in the right shape
            write_record(entry, {"key": entry.stem, "history": {}, "result": {"findings": [{"line": "x"}]}})
        elif number % 2:  # damaged, and signed as if privlint had written it
            write_record(entry, damage[number % len(damage)])
        else:
            entry.write_bytes(damage[number % len(damage)])
    again = cli("--today", DAY, "--cache-dir", str(cache_dir), str(project))
    assert (again.exit_code, again.output) == (first.exit_code, first.output)
    for entry in entries(cache_dir):
        assert read_record(entry)["key"] == entry.stem


@pytest.mark.parametrize("damage", [
    "a field too few", "line as text", "column as text", "message as a number", "unknown severity",
    "file as a number", "code as a list", "hint as a mapping", "fingerprint as null",
])
def test_a_cache_entry_whose_findings_are_damaged_is_not_trusted(project, tmp_path, cli, damage):
    cache_dir = tmp_path / "cache"
    arguments = ("--today", DAY, "--format", "json", "--cache-dir", str(cache_dir), str(project))  # every field shown
    first = cli(*arguments)
    damaged = 0
    for entry in entries(cache_dir):
        record = read_record(entry)
        fields, rows = record["result"]["finding_fields"], record["result"]["findings"]
        if not rows:
            continue
        row = rows[-1]
        if damage == "a field too few":
            row.pop()
        else:
            field, value = {
                "line as text": ("line", "four"), "column as text": ("column", "one"),
                "message as a number": ("message", 7), "unknown severity": ("severity", "fatal"),
                "file as a number": ("file", 3), "code as a list": ("code", ["PL1"]), "hint as a mapping": ("hint", {"a": 1}),
                "fingerprint as null": ("fingerprint", None),
            }[damage]
            row[fields.index(field)] = value
        write_record(entry, record)
        damaged += 1
    assert damaged
    again = cli(*arguments)
    assert (again.exit_code, again.output) == (first.exit_code, first.output)


def test_no_cache_neither_reads_nor_writes_the_cache(project, tmp_path, cli):
    cache_dir = tmp_path / "cache"
    cli("--no-cache", "--today", DAY, "--cache-dir", str(cache_dir), str(project))
    assert not cache_dir.exists()

    clean = cli("--today", DAY, "--cache-dir", str(cache_dir), str(project))
    for entry in entries(cache_dir):  # an entry that reads well and is signed is trusted: alter what it says
        record = read_record(entry)
        message = record["result"]["finding_fields"].index("message")
        for finding in record["result"]["findings"]:
            finding[message] = "from the cache"
        write_record(entry, record)
    assert "from the cache" in cli("--today", DAY, "--cache-dir", str(cache_dir), str(project)).output
    assert cli("--no-cache", "--today", DAY, "--cache-dir", str(cache_dir), str(project)).output == clean.output


def test_another_day_or_configuration_is_not_served_from_the_cache(project, tmp_path, cli):
    cache = ("--cache-dir", str(tmp_path / "cache"))
    for arguments in (("--today", DAY), ("--today", "2031-06-30"), ("--today", DAY, "--max-age", "P5Y"),
                      ("--today", DAY, "--select", "PL1"), ("--today", DAY, "--ignore", "vague-language")):
        cached = cli(*cache, *arguments, str(project))
        fresh = cli("--no-cache", *arguments, str(project))
        assert (cached.exit_code, cached.output) == (fresh.exit_code, fresh.output), arguments


def test_the_cache_key_covers_content_path_day_configuration_and_code(rules):
    def key(settings=None, text=b"privlint: 1\n", display="a.privacy.yaml", rule_list=rules):
        linter = Linter(rule_list, settings or Settings(today=TODAY))
        return Cache(Path("unused"), run_fingerprint(linter)).key(text, display, display)

    reference = key()
    assert key() == reference
    assert key(text=b"privlint: 1\n# changed\n") != reference
    assert key(display="b.privacy.yaml") != reference
    assert key(Settings(today=TODAY.replace(day=24))) != reference
    assert key(Settings(today=TODAY, select=("PL1",))) != reference
    assert key(Settings(today=TODAY, options={"max-age": "P6M"})) != reference
    changed = [dataclasses.replace(rule, check=lambda manifest, context: iter(())) if rule.check else rule for rule in rules]
    assert key(rule_list=changed) != reference  # another version of a check


def test_results_that_compare_with_git_are_reused_only_while_that_version_stands(tmp_path, cli, monkeypatch):
    for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.chdir(tmp_path)

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
                       cwd=tmp_path, check=True, capture_output=True)

    manifest = tmp_path / "a.privacy.yaml"
    git("init", "-q")
    manifest.write_text("privlint: 1\nstatement:\n  last_changed: 2025-10\n  title: Before\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "first")
    manifest.write_text("privlint: 1\nstatement:\n  last_changed: 2025-10\n  title: After\n", encoding="utf-8")
    arguments = ("--today", DAY, "--select", "unbumped-last-changed", "--cache-dir", str(tmp_path / "cache"), "a.privacy.yaml")
    assert "unbumped-last-changed" in cli(*arguments).output
    git("commit", "-q", "-am", "second")  # the same content is now the committed version
    assert "unbumped-last-changed" not in cli(*arguments).output


def test_results_with_an_internal_error_are_not_cached(project, tmp_path, rules):
    def failing(manifest, context):
        raise RuntimeError("boom")
        yield

    broken = [dataclasses.replace(rule, check=failing) if rule.name == "missing-retention" else rule for rule in rules]
    linter = Linter(broken, Settings(today=TODAY))
    linter.cache = open_cache(tmp_path / "cache", linter)
    [target] = discover([project / "odido.privacy.yaml"])
    assert "internal-error" in {finding.rule for finding in linter.lint_file(target).findings}
    assert not entries(tmp_path / "cache")


def test_the_default_cache_is_in_the_project_root_and_kept_out_of_git(project, tmp_path, cli, monkeypatch):
    monkeypatch.delenv("PRIVLINT_CACHE_DIR", raising=False)
    cli("--today", DAY, ".", cwd=project)
    assert (project / ".privlint_cache" / "CACHEDIR.TAG").is_file()
    assert (project / ".privlint_cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert entries(project / ".privlint_cache")

    monkeypatch.setenv("PRIVLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    cli("--today", DAY, ".", cwd=project)
    assert entries(tmp_path / "elsewhere")


def test_a_cache_directory_that_cannot_be_used_does_not_stop_linting(project, tmp_path, cli):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    with_blocked = cli("--today", DAY, "--cache-dir", str(blocked / "cache"), str(project))
    without = cli("--no-cache", "--today", DAY, str(project))
    assert (with_blocked.exit_code, with_blocked.output) == (without.exit_code, without.output)


# -- processes ---------------------------------------------------------------------------


def test_one_process_for_few_files_and_no_more_than_asked_or_useful():
    assert process_count(1) == 1
    assert process_count(5) == 1
    assert process_count(10_000, jobs=3) == 3
    assert process_count(2, jobs=8) == 2
    assert 1 <= process_count(10_000) <= 64


def test_only_the_files_the_cache_does_not_know_go_to_worker_processes(project, tmp_path, rules, monkeypatch):
    linter = Linter(rules, Settings(today=TODAY))
    linter.cache = open_cache(tmp_path / "cache", linter)
    targets = discover([project])
    cold = list(parallel.lint_files(linter, targets, jobs=2))
    sent = []
    monkeypatch.setattr(parallel, "_in_processes", lambda linter, targets, processes: sent.append(targets) or iter(()))
    assert list(parallel.lint_files(linter, targets, jobs=2)) == cold and sent == []  # all from the cache: no process started

    changed = targets[1:3]
    for target in changed:
        target.path.write_text(target.path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "_in_processes", lambda linter, targets, processes: sent.append(targets) or map(linter.lint_file, targets))
    again = list(parallel.lint_files(linter, targets, jobs=2))
    assert sent == [changed] and again[:1] + again[3:] == cold[:1] + cold[3:]


# -- validating once -----------------------------------------------------------------------

INVALID = {
    "explicit null": {"privlint": 1, "dpo": {"designated": None}},
    "null in a list": {"privlint": 1, "purposes": [{"id": "a", "legal_bases": [None]}]},
    "unknown key": {"privlint": 1, "statement": {"last_change": "2023-06-01"}},
    "impossible date": {"privlint": 1, "statement": {"last_changed": "2023-02-30"}},
    "impossible month": {"privlint": 1, "statement": {"last_changed": "2023-13"}},
    "week date": {"privlint": 1, "statement": {"last_changed": "2023-W01-1"}},
    "date and time": {"privlint": 1, "statement": {"last_changed": "2023-06-01T00:00"}},
    "line break after a pattern": {"privlint": 1, "controller": {"country": "NL\n"}},
    "malformed duration": {"privlint": 1, "retention": {"period": "P"}},
    "yes for a boolean": {"privlint": 1, "dpo": {"designated": "yes"}},
    "1 for a boolean": {"privlint": 1, "data_categories": [{"id": "a", "criminal": 1}]},
    "true for the version": {"privlint": True},
    "text for the version": {"privlint": "1"},
    "unknown legal basis": {"privlint": 1, "purposes": [{"id": "a", "legal_bases": ["concent"]}]},
    "number for text": {"privlint": 1, "purposes": [{"id": 5}]},
    "empty text": {"privlint": 1, "statement": {"title": ""}},
    "lower-case country": {"privlint": 1, "controller": {"country": "nl"}},
    "mapping for a list": {"privlint": 1, "purposes": {"id": "a"}},
    "no version": {"statement": {}},
    "not a mapping": ["privlint", 1],
    "empty": None,
}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_the_model_and_the_schema_reject_the_same_documents(name):
    data = INVALID[name]
    assert schema_problems(data), f"the schema accepts {name}"
    manifest, problems = validate(data)
    assert manifest is None and problems, f"the model accepts {name}"
    assert problems == schema_problems(data)  # reported as the schema words and locates them


def valid_documents():
    paths = [*SEEDS, *sorted((ROOT / "examples").rglob("*.privacy.yaml"))]
    documents = []
    for path in paths:
        try:
            data = load_document(read_text(path)).data
        except loader.LoadError:  # rule examples that are not YAML on purpose
            continue
        if not schema_problems(data):
            documents.append(data)
    return documents


def test_the_model_and_the_schema_accept_the_same_documents():
    documents = valid_documents()
    assert len(documents) >= len(SEEDS)
    for data in documents:
        manifest, problems = validate(data)
        assert isinstance(manifest, Manifest) and problems == []


def test_a_valid_manifest_is_checked_without_loading_the_schema_validator():
    program = (
        "import sys\n"
        "from privlint.parse.loader import load_document\n"
        "from privlint.read.files import read_text\n"
        "from privlint.model.validation import validate\n"
        f"manifest, problems = validate(load_document(read_text(__import__('pathlib').Path({str(SEEDS[0])!r}))).data)\n"
        "assert manifest is not None and not problems\n"
        "print('jsonschema' in sys.modules)\n"
        "manifest, problems = validate({'privlint': 1, 'statement': {'last_change': '2023-06-01'}})\n"
        "print('jsonschema' in sys.modules, problems[0].pointer)\n"
    )
    output = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["False", "True", "/statement/last_change"]


def loaded_after(arguments, *modules):
    """Whether each module is loaded once privlint has run with ``arguments``, in a fresh interpreter."""
    program = (
        "import sys\n"
        f"sys.argv = ['privlint', *{list(arguments)!r}]\n"
        "from privlint.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(*[module in sys.modules for module in {list(modules)!r}], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    return [word == "True" for word in done.stderr.strip().splitlines()[-1].split()]


@pytest.mark.parametrize("command", [["--version"], ["rules"], ["explain", "vague-language"]])
def test_describing_commands_load_neither_the_schema_validator_nor_the_models_nor_the_yaml_parser(command):
    assert loaded_after(command, "jsonschema", "pydantic", "yaml", "ruamel.yaml") == [False] * 4


def test_a_run_the_cache_answers_loads_neither_the_yaml_parser_nor_the_models(project, tmp_path, cli):
    arguments = ("--today", DAY, "--cache-dir", str(tmp_path / "cache"), str(project))
    cli(*arguments)  # fills the cache
    modules = ("yaml", "pydantic", "privlint.model.manifest")
    assert loaded_after(arguments, *modules) == [False, False, False]
    (project / "new.privacy.yaml").write_text("privlint: 1\n", encoding="utf-8")  # one file to lint: now they load
    assert loaded_after(arguments, *modules) == [True, True, True]


def test_resolving_each_directory_once_resolves_as_path_resolve(tmp_path, monkeypatch):
    sub = tmp_path / "real" / "sub"
    sub.mkdir(parents=True)
    (sub / "a.privacy.yaml").write_text("privlint: 1\n", encoding="utf-8")
    (sub / "file-link.privacy.yaml").symlink_to(sub / "a.privacy.yaml")
    (sub / "loop-a.privacy.yaml").symlink_to(sub / "loop-b.privacy.yaml")
    (sub / "loop-b.privacy.yaml").symlink_to(sub / "loop-a.privacy.yaml")
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "other" / "deep").mkdir(parents=True)
    (tmp_path / "real" / "away").symlink_to(tmp_path / "other" / "deep", target_is_directory=True)  # away/.. is other
    monkeypatch.chdir(tmp_path)
    paths = [
        "real/sub/a.privacy.yaml", "linked/sub/a.privacy.yaml", "linked/sub/file-link.privacy.yaml",
        "real/away/../deep/a.privacy.yaml", "real/away/../a.privacy.yaml", "real/sub/loop-a.privacy.yaml",
        "real/sub/missing.privacy.yaml", "missing/x.privacy.yaml", "real/sub/", ".", "..", "a.privacy.yaml",
        str(sub / "a.privacy.yaml"), str(tmp_path / "linked" / "sub" / "file-link.privacy.yaml"),
    ]

    def outcome(resolve, path):
        try:
            return resolve(path)
        except RuntimeError:  # a link loop, before Python 3.13
            return RuntimeError

    real_path = RealPaths()
    for path in paths * 2:  # the second time from the directories it remembers
        assert outcome(real_path, path) == outcome(lambda p: str(Path(p).resolve()), path), path
    monkeypatch.chdir(sub)  # a relative path is relative to the working directory of the moment
    for path in paths:
        assert outcome(real_path, path) == outcome(lambda p: str(Path(p).resolve()), path), path


# -- the loader's fast path ----------------------------------------------------------------


def loader_inputs():
    texts = []
    for path in sorted((ROOT / "tests").rglob("*")) + SEEDS + sorted((ROOT / "examples").rglob("*.yaml")):
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            try:
                texts.append(read_text(path))
            except loader.LoadError:
                continue
    texts += [
        "", "just text", "- - - x", "1: a\nnull: b\n~: c\ntrue: d\n", "'a/b~c': {x: 1}\n", "a: 'x'\nb: \"y\"\nc: |\n  z\n",
        "x: 0o17\ny: +12\nz: .nan\nw: -.inf\nv: 0x1F\nu: 1e3\nt: ~\ns: Null\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
        "<<: {a: 1}\n", "a: 1\na: 2\n", "? [a]\n: b\n", "a: b\n---\nc: d\n", "a: [1, 2\n", "a:\n\t- b\n",
        "1" * (loader.MAX_NUMBER_LENGTH + 1) + ": a\n", "a: " + "1" * (loader.MAX_NUMBER_LENGTH + 1) + "\n",
        "[" * loader.MAX_DEPTH + "]" * loader.MAX_DEPTH, "[" * (loader.MAX_DEPTH + 1) + "]" * (loader.MAX_DEPTH + 1),
    ]
    return texts


def every_pointer(data, pointer=""):
    yield pointer
    members = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in members:
        yield from every_pointer(value, f"{pointer}/{escape_pointer_token(str(key))}")


def test_the_loaders_fast_path_builds_what_the_general_builder_builds():
    fast = 0
    for text in loader_inputs():
        document = loader._build_common(text)
        builder = loader._build(text)
        if document is None:
            continue
        fast += 1
        assert not builder.problems, text[:80]
        general = builder.document
        assert repr(document.data) == repr(general.data), text[:80]
        pointers = list(every_pointer(general.data))
        document.prepare(pointers)  # (the fast path keeps no positions: it reads those asked for again)
        assert [document.locate(p) for p in pointers] == [general.locate(p) for p in pointers], text[:80]
    assert fast >= len(SEEDS), "the fast path is not used"


GENERAL_ONLY = """base: &b {x: 1, y: 2, nest: {deep: 1}}
other: &o {x: 9, z: 3}
m: {<<: *b, y: 3}
l: {<<: [*o, *b]}
f: {y: 0, <<: *b}
s: !!str 12
items: &it [{id: a, v: [1, 2]}, {id: b}]
again: *it
deep: {<<: {q: [1, {r: 2}]}, t: *it}
"""


def test_a_document_of_the_general_builder_reads_again_the_positions_it_kept():
    """The general builder keeps no positions for the loader: reading them again along the paths
    asked, through anchors, aliases and merge keys, gives every node where the full builder puts it."""
    read_again = 0
    for text in loader_inputs() + [GENERAL_ONLY] + [t.replace("privlint: 1", "privlint: &v 1", 1) for t in loader_inputs() if "privlint: 1" in t]:
        if loader._build_common(text) is not None:
            continue
        full = loader._build(text)
        if full.problems:
            continue
        read_again += 1
        pointers = list(every_pointer(full.document.data)) + ["/nowhere", "/items/9", "/items/01"]
        document = loader.load_document(text)
        assert document.general and repr(document.data) == repr(full.document.data), text[:80]
        document.forget_data()
        document.prepare(pointers)
        assert [document.locate(p) for p in pointers] == [full.document.locate(p) for p in pointers], text[:80]
        one_at_a_time = loader.load_document(text)
        one_at_a_time.forget_data()
        assert [one_at_a_time.locate(p) for p in pointers[:50]] == [full.document.locate(p) for p in pointers[:50]], text[:80]
    assert read_again > len(SEEDS)


def test_loading_in_several_threads_at_once_gives_each_file_its_own_document():
    # A manifest (fast path), YAML with an anchor (the general builder) and broken YAML, over and over.
    texts = [read_text(SEEDS[0]), "a: &x [1, 2]\nb: *x\n", "a: [1, 2\n"] * 20

    def outcome(text):
        try:
            return repr(load_document(text).data)
        except loader.LoadError as error:
            return repr(error.problems)

    expected = [outcome(text) for text in texts]
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can
    try:
        with ThreadPoolExecutor(4) as pool:
            assert list(pool.map(outcome, texts)) == expected
    finally:
        sys.setswitchinterval(switch_interval)


# -- phrases -------------------------------------------------------------------------------


def plain_alternation(phrases):
    """The phrase matcher as a plain alternation, longest phrase first: the meaning Phrases keeps."""

    def words(phrase: str) -> str:
        return r"\s+".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in phrase.split())

    alternatives = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return re.compile(rf"(?<![\w])(?:{'|'.join(map(words, alternatives))})(?![\w])", re.IGNORECASE)


def test_phrases_match_as_a_plain_alternation_of_the_longest_phrase_first():
    phrases = combine(("as long as", "so long as", "zolang", "zo lang"), ("", "it is", "als", "dat"), ("necessary", "nodig", "needed")) + [
        "mogelijk*", "e.g.", "such as", "such", "o.a.", "onder andere", "onder", "6(1)(f)", "kan", "kunnen",
    ]
    matcher, reference = Phrases(phrases), plain_alternation(phrases)
    vocabulary = [w for p in phrases for w in p.split()] + ["x", "Zolang", "NODIG", ",", ".", "mogelijkheden", "kans", "\n", "e.g", "İ", "SUCH", "Mogelijk"]
    generator = random.Random(5)
    for _ in range(3000):
        text = " ".join(generator.choice(vocabulary) for _ in range(generator.randint(1, 12)))
        assert matcher.find_all(text) == [m.group(0) for m in reference.finditer(text)], text
    assert matcher.find("we keep it zolang als   NODIG is") == "zolang als   NODIG"


def every_phrase_list():
    import importlib
    import pkgutil

    import privlint.checks
    from privlint.rules import retention

    modules = [importlib.import_module(f"privlint.checks.{m.name}") for m in pkgutil.iter_modules(privlint.checks.__path__)]
    return [(f"{module.__name__}.{name}", value) for module in [*modules, retention]
            for name, value in vars(module).items() if isinstance(value, Phrases)]


def test_every_checks_phrases_match_as_a_plain_alternation_of_the_longest_phrase_first():
    generator = random.Random(11)
    lists = every_phrase_list()
    assert len(lists) >= 10
    for name, matcher in lists:
        phrases = sorted(matcher._phrases)
        reference = plain_alternation(phrases)
        vocabulary = sorted({word for phrase in phrases for word in phrase.split()}) + ["x", ".", "Regelmatig", "\n"]
        for _ in range(300):
            text = " ".join(generator.choice(vocabulary) for _ in range(generator.randint(1, 14)))
            assert matcher.find_all(text) == [m.group(0) for m in reference.finditer(text)], (name, text)


def test_the_stored_phrase_expressions_are_the_ones_the_phrases_make():
    stored = json.loads((ROOT / "linter" / "data" / phrases_module.STORE).read_text(encoding="utf-8"))
    assert stored == built_in_expressions(), "run: python -m privlint.rules.phrases"


def test_a_stored_expression_is_used_and_any_other_is_built(monkeypatch):
    from privlint.rules.retention import VAGUE_RETENTION as HEDGES

    def must_not_build(phrases):
        raise AssertionError("built although stored")

    monkeypatch.setattr(phrases_module, "_source", must_not_build)
    assert Phrases(HEDGES._phrases).expression == HEDGES.expression
    monkeypatch.undo()
    assert Phrases(["not stored anywhere"]).find("It is Not  Stored anywhere.") == "Not  Stored anywhere"


def test_a_lower_case_pattern_matches_in_any_case_and_gives_the_words_as_written():
    pattern = LowerCasePattern(r"(?<!\w)(?:odido netherlands b\.v\.|odido)(?!\w)")
    for text in ("Odido Netherlands B.V. en ODIDO", "İstanbul: Odido Netherlands B.V. en ODIDO"):  # 'İ' lower-cases to two characters
        assert [written for _, written in pattern.finditer(text)] == ["Odido Netherlands B.V.", "ODIDO"]
        assert pattern.substitute("_", text).endswith("_ en _")
    assert pattern.search("Odidoo") is None


# -- the report, in pieces ----------------------------------------------------------------


def test_the_text_report_in_pieces_is_the_report(project, rules):
    linter = Linter(rules, Settings(today=TODAY))
    targets = discover([project])
    findings = [finding for target in targets for finding in linter.lint(target)]
    summary = Summary.of(findings, len(targets))
    whole = text_report.render(findings, summary, linter.enabled)
    pieces = list(text_report.render_chunks(findings, summary, linter.enabled, size=200))
    assert len(pieces) > 5 and "".join(pieces) == whole


def test_the_coloured_text_report_is_the_plain_one_with_colours(project, rules):
    import click

    linter = Linter(rules, Settings(today=TODAY))
    targets = discover([project])
    findings = [finding for target in targets for finding in linter.lint(target)]
    summary = Summary.of(findings, len(targets))
    coloured = text_report.render(findings, summary, linter.enabled, color=True)
    assert "\x1b[" in coloured and click.unstyle(coloured) == text_report.render(findings, summary, linter.enabled)


# -- the benchmark corpus --------------------------------------------------------------------


def test_the_benchmark_corpus_is_reproducible_and_follows_the_model(tmp_path):
    script = ROOT / "benchmarks" / "generate_corpus.py"
    for out in ("first", "second"):
        subprocess.run([sys.executable, str(script), "--out", str(tmp_path / out), "--sizes", "3"], check=True, capture_output=True)
    first = sorted((tmp_path / "first" / "3").iterdir())
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in sorted((tmp_path / "second" / "3").iterdir())]
    for path in first:
        manifest, problems = validate(load_document(read_text(path)).data)
        assert manifest is not None and len(manifest.purposes) >= 50, problems
