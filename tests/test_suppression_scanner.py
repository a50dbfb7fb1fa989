"""The comment scanner behind suppression comments: a '#' is a comment only outside scalars.

Besides the cases below, a property needs no oracle: emptying a comment the scanner
reports (all but its '#') leaves the document's data as it was, and cutting the line
after any other '#' changes the data (the '#' was text) or breaks the document.
"""

import random
from pathlib import Path

import pytest
from privlint.parse.loader import load_document
from privlint.read.files import LoadError, split_lines
from privlint.suppress.comments import apply, comments, parse_directives

ROOT = Path(__file__).resolve().parent.parent


def found(text: str) -> list[tuple[int, int]]:
    return [(comment.line, comment.column) for comment in comments(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 'it''s # text' # c\n", [(1, 19)]),
        ('a: "x \\" # text" # c\n', [(1, 18)]),
        ("a: it's # c\n", [(1, 9)]),
        ("a: b#c\nd: e #f\n", [(2, 6)]),
        ("a: |\n  # text\n  more # text\n# c\nb: 1\n", [(4, 1)]),
        ("- |\n  # text\n- x # c\n", [(3, 5)]),
        ("- a: |\n    # text\n  b: 2 # c\n", [(3, 8)]),
        ("a: |2\n    # text\n  # text\nb: 1 # c\n", [(4, 6)]),
        ("a: >-  # c\n   x\n\n   # text\n  # c\nb: 1\n", [(1, 8), (5, 3)]),
        ("a: [x, 'y # text', \"z # text\"] # c\nb: {k: 'v # text', l: m} # c\n", [(1, 32), (2, 26)]),
        ("a: [x,\n  'y\n  # text', # c\n  z]\n", [(3, 12)]),
        ("a: 'multi\n  # text\n  line' # c\n", [(3, 9)]),
        ("a: plain\n  'more # c\n", [(2, 9)]),
        ("a: &x 'q # text' # c\n", [(1, 18)]),
        ("? 'k # text'\n: v # c\n", [(2, 5)]),
        ("--- # c\na: 1\n... # c\n", [(1, 5), (3, 5)]),
        ('a: {"k":"v # text"} # c\n', [(1, 21)]),
        ("a: !!str 'x # text' # c\n", [(1, 21)]),
        ("a: {url: https://example.com/?a=1#frag} # c\n", [(1, 41)]),
        ("a: [\n  # c\n  b, # c\n]\n", [(2, 3), (3, 6)]),
        ('"a # text": 1 # c\n', [(1, 15)]),
    ],
)
def test_comments_are_found_outside_scalars_only(text, expected):
    assert found(text) == expected


def test_a_directive_inside_a_block_scalar_is_text_and_the_next_content_line_is_found():
    text = "privlint: 1\nnotes: |\n  # privlint: disable=PL001\n# privlint: disable=PL002 -- why\n\nstatement: x\n"
    directives = parse_directives(text)
    assert [(d.line, d.selectors, d.target_line) for d in directives] == [(4, ("PL002",), 6)]


def _fragments(count: int) -> list[str]:
    """Small documents mixing quoted, block, flow and plain scalars with '#' in and out of them."""
    keys = ["a", "b", "'q # k'", '"d # k"', "e f"]
    values = [
        "x", "'y # v'", '"z # v \\" w"', "it's", "b#c", "[p, 'q # r']", "{s: 't # u'}", "|\n  # t\n  u",
        ">\n  v # w\n", "'m\n  # l\n  n'", "&x o", "!!str p", "http://h/#x", "", "plain\n  more text",
        "[a,\n  'b # c',\n  d]",
    ]
    chooser = random.Random(20261202)
    texts = []
    for _ in range(count):
        lines = []
        for _ in range(chooser.randint(1, 6)):
            indent, dash = "  " * chooser.randint(0, 1), chooser.choice(["", "- "])
            value = chooser.choice(values).replace("\n", "\n" + indent + ("  " if dash else ""))
            comment = chooser.choice(["", " # c", "  # privlint: disable=x"])
            above = chooser.choice(["", "# own\n", "  # own\n"])
            lines.append(f"{above}{indent}{dash}{chooser.choice(keys)}: {value}{comment}")
        texts.append("\n".join(lines) + "\n")
    return texts


def _data(text: str):
    try:
        return load_document(text).data
    except LoadError:
        return LoadError


def _repository_texts() -> list[str]:
    paths = [*ROOT.glob("seeds/*.yaml"), *ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/bad_inputs/*.yaml")]
    texts = []
    for path in sorted(paths):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
    return texts


@pytest.mark.parametrize("source", ["fragments", "repository"])
def test_what_the_scanner_calls_a_comment_is_one_and_every_other_hash_is_text(source):
    texts = _fragments(1000) if source == "fragments" else _repository_texts()
    checked = 0
    for text in texts:
        data = _data(text)
        if data is LoadError:
            continue
        checked += 1
        lines = split_lines(text)
        starts = {(c.line, c.column) for c in comments(text)}
        for number, line in enumerate(lines, 1):
            for index, char in enumerate(line):
                if char != "#" or index + 1 == len(line):
                    continue
                cut = "\n".join([*lines[: number - 1], line[: index + 1], *lines[number:]])
                if (number, index + 1) in starts:
                    assert _data(cut) == data, (text, number, index)
                    break  # the rest of the line is the comment
                assert _data(cut) != data, (text, number, index)
    assert checked > (200 if source == "fragments" else 10)


def test_applying_directives_is_one_lookup_a_finding(rules):
    """Many findings and many directives: each finding meets only its line's directives."""
    from privlint.rules import Finding

    rule = next(rule for rule in rules if rule.name == "vague-language")
    lines = "".join(f"k{n}: v  # privlint: disable={rule.name} -- reviewed\n" for n in range(3000))
    directives = parse_directives(lines)
    findings = [Finding("f", n, 1, rule.code, rule.name, rule.severity, "m") for n in range(1, 6001)]
    outcome = apply(findings, directives, rules)
    assert outcome.suppressed == 3000
    assert [f.line for f in outcome.kept] == list(range(3001, 6001))
    assert all(d.used == {rule.name} for d in directives)
