"""Gitignore patterns (include, exclude, per-file-ignores, .gitignore): git's meaning, in linear time."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from privlint.read.globs import PatternList, matches, matches_any


@pytest.mark.parametrize(
    ("patterns", "path", "expected"),
    [
        # a name without a slash matches at any depth; with a slash, from the base
        (["*.privacy.yaml"], "a/b/x.privacy.yaml", True),
        (["*.privacy.yaml"], "x.privacy.yml", False),
        (["drafts"], "legal/drafts/x.privacy.yaml", True),
        (["/drafts"], "legal/drafts/x.privacy.yaml", False),
        (["/drafts"], "drafts/x.privacy.yaml", True),
        (["legal/old"], "legal/old/x.privacy.yaml", True),
        (["legal/old"], "nl/legal/old/x.privacy.yaml", False),
        # ** spans directories
        (["**/drafts/*.yaml"], "drafts/a.yaml", True),
        (["**/drafts/*.yaml"], "x/y/drafts/a.yaml", True),
        (["a/**/b.yaml"], "a/b.yaml", True),
        (["a/**/b.yaml"], "a/x/y/b.yaml", True),
        (["a/**/b.yaml"], "b/a/b.yaml", False),
        (["legal/**"], "legal/x/y.yaml", True),
        (["legal/**"], "legal", False),
        (["**/**/**/a"], "x/y/a", True),
        # * and ? stay within one name
        (["legal/*.yaml"], "legal/x/y.yaml", False),
        (["?.yaml"], "a.yaml", True),
        (["?.yaml"], "ab.yaml", False),
        (["a?b"], "a/b", False),
        # sets
        (["[ab].yaml"], "b.yaml", True),
        (["[ab].yaml"], "c.yaml", False),
        (["[!ab].yaml"], "c.yaml", True),
        (["[^ab].yaml"], "a.yaml", False),
        (["[a-c]x"], "bx", True),
        (["[]]x"], "]x", True),
        (["[[:digit:]]x"], "5x", True),
        (["[[:digit:]]x"], "ax", False),
        (["[abc"], "[abc", False),  # no closing bracket: git matches nothing
        # escapes
        (["\\!important"], "!important", True),
        (["\\#x"], "#x", True),
        (["#x"], "#x", False),  # a comment
        (["\\*"], "*", True),
        (["\\*"], "a", False),
        (["x\\ "], "x ", True),  # an escaped trailing space counts
        (["x  "], "x", True),  # unescaped trailing spaces do not
        # directories only
        (["drafts/"], "drafts", False),
        (["drafts/"], "drafts/x.yaml", True),
        (["*.yaml/"], "a.yaml", False),
    ],
)
def test_gitignore_semantics(patterns, path, expected):
    assert PatternList(patterns).matches(path) is expected


def test_negation_the_last_matching_pattern_decides():
    patterns = PatternList(["*.privacy.yaml", "!keep.privacy.yaml", "legal/*", "!legal/nl.privacy.yaml"])
    assert patterns.matches("old.privacy.yaml")
    assert not patterns.matches("keep.privacy.yaml")
    assert not patterns.matches("legal/nl.privacy.yaml")
    assert patterns.matches("legal/be.privacy.yaml")
    assert PatternList(["!x", "x"]).matches("x")


def test_nothing_below_a_matching_directory_comes_back():
    """As in git: 'drafts/' then '!drafts/keep' leaves drafts/keep ignored; 'drafts/*' allows it."""
    assert PatternList(["drafts/", "!drafts/keep.yaml"]).matches("drafts/keep.yaml")
    assert not PatternList(["drafts/*", "!drafts/keep.yaml"]).matches("drafts/keep.yaml")


def test_directories_are_asked_as_directories():
    patterns = PatternList(["build/"])
    assert patterns.decides("build", is_dir=True) is True
    assert patterns.decides("build") is None


def test_module_helpers():
    assert matches("legacy/a.privacy.yaml", "legacy")
    assert matches_any("x/drafts/a.yaml", ["nothing", "drafts/"])
    assert not matches_any("x/a.yaml", [])


GIT_PATTERNS = [
    "*.log", "!keep.log", "build/", "/top.txt", "docs/**/*.md", "**/cache", "a?c.txt", "[xy]*.dat",
    "deep/*", "!deep/keep.txt", "drafts/", "!drafts/keep.txt", "\\#hash.txt", "sp\\ ", "*.tmp/", "nested/**",
]
GIT_FILES = [
    "a.log", "keep.log", "sub/a.log", "sub/keep.log", "build/x.txt", "sub/build/x.txt", "top.txt", "sub/top.txt",
    "docs/a.md", "docs/x/y/b.md", "other/docs/a.md", "cache/x", "a/b/cache/y", "abc.txt", "a/c.txt", "x1.dat",
    "z1.dat", "deep/a.txt", "deep/keep.txt", "deep/more/k.txt", "drafts/keep.txt", "drafts/other.txt",
    "#hash.txt", "sp ", "sp", "d.tmp/x", "d.tmp", "nested/a/b", "plain.txt",
]


def _ignored_by_git(directory, patterns, files):
    """The files git ignores with these patterns in .gitignore (``git ls-files --ignored``)."""
    subprocess.run(["git", "init", "-q", str(directory)], check=True)
    (directory / ".gitignore").write_text("\n".join(patterns) + "\n", encoding="utf-8")
    for name in files:
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        if not (directory / name).is_dir():
            (directory / name).write_text("x", encoding="utf-8")
    listed = subprocess.run(
        ["git", "-C", str(directory), "ls-files", "-z", "--others", "--ignored", "--exclude-standard"],
        check=True, capture_output=True, text=True,
    ).stdout
    return {name for name in listed.split("\0") if name} - {".gitignore"}


def _files(directory):
    return {p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file() and ".git" not in p.parts}


def test_agrees_with_git_on_which_files_are_ignored(tmp_path):
    """git itself is the reference: ``git ls-files --ignored`` on the same patterns and files."""
    ignored_by_git = _ignored_by_git(tmp_path, GIT_PATTERNS, GIT_FILES)
    patterns = PatternList(GIT_PATTERNS)
    assert {name for name in _files(tmp_path) if patterns.matches(name)} == ignored_by_git
    assert ignored_by_git  # the comparison compared something


# '**/', '?' and '[...]': each pattern alone, so that one pattern's meaning cannot hide behind another's
WILDCARD_PATTERNS = [
    "**/x?z.txt", "[[:upper:]]*.cfg", "[!a-m]*.ini", "a/**/[0-9]/*.log", "**/deep/**/*.md", "q[[:digit:][:lower:]]r",
    "w[a-]v", "e[]-]f", "?", "**/", "*/**/k", "[^x]y", "t[[:space:]]u", "[[:alpha:]][[:digit:]]",
    "aa/**/bb/**/cc", "**/bb/**/cc", "aa/**/b?/**/*c",  # pieces between two '**'
]
WILDCARD_FILES = [
    "x1z.txt", "sub/xyz.txt", "sub/xx/z.txt", "xz.txt", "Abc.cfg", "abc.cfg", "n.ini", "c.ini", "a/1/x.log",
    "a/bb/cc/2/y.log", "a/bb/x.log", "bb/1/x.log", "deep/a.md", "pp/deep/qq/r.md", "deep.md", "q5r", "qar", "qAr",
    "q-r", "wav", "w-v", "wbv", "e]f", "e-f", "exf", "Z", "zz", "dd/Y", "k", "dd/k", "dd/ee/k", "ay", "xy", "t u",
    "tu", "rzs", "r-s", "a!", "a1", "Q_", "aa/bb/cc", "aa/q/bb/r/cc", "yy/bb/cc", "aa/cc", "bb/cc", "aa/bx/cc",
    "x\\", "x",
]


@pytest.mark.parametrize("pattern", WILDCARD_PATTERNS)
def test_agrees_with_git_on_wildcards(tmp_path, pattern):
    ignored_by_git = _ignored_by_git(tmp_path, [pattern], WILDCARD_FILES)
    patterns = PatternList([pattern])
    assert sorted(name for name in _files(tmp_path) if patterns.matches(name)) == sorted(ignored_by_git)


@pytest.mark.parametrize("pattern", ["x[[:punct:]]y", "x[+-0]y"])
def test_a_set_never_matches_the_slash_between_names(tmp_path, pattern):
    files = ["x/y/f", "x+y", "x.y", "xay"]
    ignored_by_git = _ignored_by_git(tmp_path, [pattern], files)
    assert ignored_by_git == {"x+y", "x.y"}
    assert sorted(name for name in files if PatternList([pattern]).matches(name)) == sorted(ignored_by_git)


def test_a_trailing_backslash_is_read_without_error():
    patterns = PatternList(["x\\", "a\\\\", "[a\\"])  # a lone trailing backslash, an escaped one, one in a set
    assert not patterns.matches("x") and not patterns.matches("y")
    assert patterns.matches("a\\")  # 'a' and an escaped backslash: the file a\ (as git)


def test_a_trailing_backslash_matches_nothing_as_in_git(tmp_path):
    files = ["x\\", "x"]
    assert _ignored_by_git(tmp_path, ["x\\"], files) == set()
    assert [name for name in files if PatternList(["x\\"]).matches(name)] == []


def test_a_reversed_range_matches_its_first_character_as_git_does(tmp_path):
    files = ["rzs", "ras", "rms"]
    ignored_by_git = _ignored_by_git(tmp_path, ["r[z-a]s"], files)
    assert ignored_by_git == {"rzs"}
    assert sorted(name for name in files if PatternList(["r[z-a]s"]).matches(name)) == ["rzs"]


@pytest.mark.parametrize(
    ("name", "member", "other"),
    [("alnum", "7", "-"), ("alpha", "Q", "7"), ("blank", "\t", "_"), ("cntrl", "\x01", "a"), ("digit", "0", "a"),
     ("graph", "~", " "), ("lower", "q", "Q"), ("print", " ", "\x01"), ("punct", "!", "a"), ("space", "\x0b", "a"),
     ("upper", "Q", "q"), ("xdigit", "F", "g")],
)
def test_every_posix_class_in_a_set(name, member, other):
    patterns = PatternList([f"x[[:{name}:]]y"])
    assert patterns.matches(f"x{member}y")
    assert not patterns.matches(f"x{other}y")
    assert not PatternList([f"x[![:{name}:]]y"]).matches(f"x{member}y")


segment = st.lists(st.sampled_from(["a", "b", "*", "?", "[ab]", "**"]), min_size=1, max_size=4).map("".join)
pattern_text = st.lists(segment, min_size=1, max_size=4).map("/".join)
path_text = st.lists(st.text("ab", min_size=1, max_size=4), min_size=1, max_size=5).map("/".join)


@settings(max_examples=300, deadline=None)
@given(pattern_text, path_text)
def test_agrees_with_pathspec_on_single_patterns(pattern, path):
    """pathspec (the usual Python implementation) is the oracle where it is fast: short paths."""
    pathspec = pytest.importorskip("pathspec")
    expected = pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(path)
    assert PatternList([pattern]).matches(path) is expected, (pattern, path)


HOSTILE = """
import time
from privlint.read.globs import PatternList
for pattern, path in [
    ("*a*a*a*a*a*a*a*a*b", "a" * 4000),
    ("**/a/**/a/**/a/**/a/**/b", "a/" * 2000 + "c"),
    ("**/**/**/**/**/**/a", "x/" * 2000 + "b"),
    ("a*/**/a*/**/a*/**/c", "aa/" * 1300 + "b"),
    ("*a*a*a*a*a*a*a*a*b/**/*a*a*a*a*b/x", ("a" * 200 + "/") * 20),
]:
    assert not PatternList([pattern]).matches(path)
print("done")
"""


def test_hostile_patterns_do_not_backtrack():
    """Patterns that take a backtracking matcher hours on these paths (pathspec: minutes at 50 characters)."""
    done = subprocess.run([sys.executable, "-c", HOSTILE], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "done", done.stderr


def test_thousands_of_patterns_compile_once(tmp_path):
    patterns = [f"team{index}/**" for index in range(3000)] + ["!team7/keep.privacy.yaml"]
    compiled = PatternList(patterns)
    assert compiled.matches("team2999/x.privacy.yaml")
    assert not compiled.matches("team7/keep.privacy.yaml")
    assert not compiled.matches("other/x.privacy.yaml")
