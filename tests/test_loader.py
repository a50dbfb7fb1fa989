"""The loader keeps positions, resolves scalars like YAML 1.2, and refuses what a manifest never needs."""

import pytest
from privlint.parse.loader import load_document
from privlint.parse.pointers import pointer_to, pointer_tokens
from privlint.read.files import LoadError, decode


def test_positions_of_keys_and_list_items_are_one_based():
    document = load_document("privlint: 1\npurposes:\n  - id: a\n    legal_bases: [consent, contract]\n")
    assert document.locate("") == (1, 1)
    assert document.locate("/privlint") == (1, 1)
    assert document.locate("/purposes") == (2, 1)  # a mapping's member: where its key is
    assert document.locate("/purposes/0/id") == (3, 5)
    assert document.locate("/purposes/0") == (3, 5)
    assert document.locate("/purposes/0/legal_bases/1") == (4, 28)


@pytest.mark.parametrize(
    ("path", "pointer"),
    [
        ((), ""),
        (("purposes", 3, "retention"), "/purposes/3/retention"),
        (("a/b",), "/a~1b"),  # RFC 6901's examples
        (("m~n",), "/m~0n"),
        (("",), "/"),
        (("~1",), "/~01"),  # a literal '~1' is not a slash
        (("~0", "/~", "~/"), "/~00/~1~0/~0~1"),
    ],
)
def test_pointers_escape_tilde_before_slash_and_read_back(path, pointer):
    assert pointer_to(path) == pointer
    assert pointer_tokens(pointer) == [str(part) for part in path]


def test_pointer_tokens_are_unescaped_and_list_indexes_checked():
    document = load_document("'a/b~c': [x, y]\nn: {k: v}\n")
    assert document.locate("/a~1b~0c/1") == (1, 14)
    assert document.locate("/a~1b~0c/2") == document.locate("/a~1b~0c/-1") == document.locate("/a~1b~0c/x") == (1, 1)
    assert document.locate("/n/k/deeper") == (2, 5)


def test_a_missing_node_is_located_at_its_nearest_parent():
    document = load_document("privlint: 1\npurposes:\n  - id: a\n")
    assert document.locate("/purposes/0/retention/period") == (3, 5)
    assert document.locate("/nowhere") == (1, 1)


def test_scalars_follow_the_yaml_1_2_core_schema():
    data = load_document(
        "a: yes\nb: true\nc: 2023-06-01\nd: 1e3\ne: 0x10\nf: '5'\ng: ~\nh: .inf\n"
    ).data
    assert data == {"a": "yes", "b": True, "c": "2023-06-01", "d": 1000.0, "e": 16, "f": "5", "g": None, "h": float("inf")}


def test_merge_keys_merge_with_explicit_keys_winning():
    data = load_document("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n").data
    assert data["m"] == {"x": 1, "y": 3}


MERGED = """\
base: &b {x: 1, y: 2, nest: {deep: 1}}
other: &o {x: 9, z: 3}
m:
  <<: *b
  y: 3
l:
  <<: [*o, *b]
  w: 0
f:
  y: 0
  <<: *b
"""


@pytest.mark.parametrize(
    ("pointer", "position"),
    [
        ("/m/y", (5, 3)),  # an explicit key: where it is written
        ("/m/x", (4, 7)),  # a merged key: where the alias after '<<:' is
        ("/m/nest", (4, 7)),
        ("/m/nest/deep", (4, 7)),  # inside a merged value: still the alias (its own place is in the anchor)
        ("/base/nest/deep", (1, 30)),
        ("/l/w", (8, 3)),
        ("/l/x", (7, 7)),  # merged from a list of aliases: where the list starts
        ("/l/y", (7, 7)),
        ("/l/nest/deep", (7, 7)),
        ("/f/y", (10, 3)),  # an explicit key before the merge
        ("/f/x", (11, 7)),
    ],
)
def test_merged_keys_are_located_at_the_merge(pointer, position):
    assert load_document(MERGED).locate(pointer, strict=True) == position


def test_merge_values_explicit_keys_first_then_earlier_sources():
    data = load_document(MERGED).data
    assert data["m"] == {"y": 3, "x": 1, "nest": {"deep": 1}}
    assert data["l"] == {"w": 0, "x": 9, "z": 3, "y": 2, "nest": {"deep": 1}}  # *o before *b: x from *o
    assert data["f"] == {"y": 0, "x": 1, "nest": {"deep": 1}}  # an explicit key wins even before the merge


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a' (first defined on line 1)", 3, 1),
        ("a:\n\tb: 1\n", "a tab character where YAML allows only spaces", 2, 1),
        ("a: !!python/object/apply:os.system [ls]\n", "unsupported YAML tag !!python/object/apply:os.system", 1, 4),
        ("a: 1\n---\nb: 2\n", "file holds more than one YAML document", 2, 1),
        ("a: [1, 2\nb: 2\n", "did not find expected ',' or ']'", 2, 2),
        ("? [a]\n: 1\n", "a mapping key must be plain text", 1, 3),
    ],
)
def test_syntax_problems_are_located(text, message, line, column):
    with pytest.raises(LoadError) as raised:
        load_document(text)
    problem = raised.value.problems[0]
    assert message in problem.message
    assert (problem.line, problem.column) == (line, column)


def test_alias_bomb_is_refused_without_expanding_it():
    levels = ["a: &a [1,1,1,1,1,1,1,1,1,1]"]
    for index, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[index]
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 10) + "]")
    with pytest.raises(LoadError) as raised:
        load_document("\n".join(levels) + "\n")
    assert "aliases expand to more than" in raised.value.problems[0].message


def test_deep_nesting_is_refused_without_recursion():
    with pytest.raises(LoadError) as raised:
        load_document("a: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert "nesting deeper than" in raised.value.problems[0].message


def test_byte_order_marks_and_invalid_utf8():
    assert decode("\ufeffa: 1\n".encode("utf-8")) == "a: 1\n"
    assert decode("a: 1\n".encode("utf-16")) == "a: 1\n"
    with pytest.raises(LoadError) as raised:
        decode(b"a: 1\nb: \xff\n")
    assert (raised.value.problems[0].line, raised.value.problems[0].column) == (2, 4)



def test_a_terse_manifest_just_under_the_size_limit_is_read():
    """Keys and values are limited to one per 4 bytes of the size limit: a manifest of short ids
    and names and no texts has one per 9 or 10 (real ones, with texts, one per 22 to 43)."""
    from privlint.read.files import DEFAULT_MAX_FILE_SIZE

    purpose = (
        "  - id: purpose-{n:05d}\n    name: Marketing by e-mail\n    legal_bases: [consent, contract]\n"
        "    data: [email, name, phone]\n    retention:\n      period: P2Y\n"
    )
    text = "privlint: 1\npurposes:\n" + "".join(purpose.format(n=n) for n in range(34_000))
    assert DEFAULT_MAX_FILE_SIZE - 100_000 < len(text.encode()) < DEFAULT_MAX_FILE_SIZE
    document = load_document(text)
    assert len(document.data["purposes"]) == 34_000  # 17 keys and values each: 578,000 in all, one per 9 bytes
    assert document.locate("/purposes/33999/retention/period") == (34_000 * 6 + 2, 7)


@pytest.mark.parametrize("text", [
    "privlint: &v 1\npurposes:\n- id: [x\n",  # broken after an anchor: the general builder's path
    "privlint: &v 1\nstatement:\n  url: a\n  url: b\n",  # a duplicate key names the first one's line
    "privlint: &v 1\na: *missing\n",
    "privlint: !!int x\nb: 1\nb: 2\n",
    "privlint: &v 1\nb: 1\nc: {d: 1, d: 2}\nb: 2\nb: 3\n",  # several, nested, one three times
    "privlint: 1\nlist:\n- {a: 1, a: 2}\n- a: 1\n  a: 2\n",
])
def test_a_broken_document_gets_the_problems_the_builder_keeping_every_position_gives(text):
    """A broken document is not read again with every position (which a 5 MiB one needs hundreds of
    MB for), only with the keys' places of a mapping holding a duplicate key: the same problems."""
    from privlint.parse.loader import _build

    with pytest.raises(LoadError) as raised:
        load_document(text)
    assert raised.value.problems == _build(text).problems
