"""Adversarial manifests: does linting time grow in step with the input, whatever the input is?

    python benchmarks/adversarial.py [--size BYTES] [--memory]

Each case is a manifest built to make a check (or the reader before it) do more than its share
of work: long runs of the words the phrase lists look for, long runs of spaces or dots between
words, one very long word, a clause naming hundreds of services, a controller's name as long as
its legitimate interest, tens of thousands of list items. Each is linted whole (read, parse,
validate, every check, suppression comments, findings located), in this process, at ``--size``
bytes and at four times that, and the script prints both times and their ratio: about 4 is
linear, 16 is quadratic. ``--memory`` also lints each case at the file-size limit (5 MiB) in a
process of its own and prints its peak memory. ``--terse`` prints only the peak memory of the
terse manifests (TERSE: hundreds of thousands of tiny entries, lists and texts) at the size limit.

``tests/test_adversarial_inputs.py`` lints the same cases at a size where quadratic growth
would take minutes, under a time limit that only such growth reaches, and checks the memory of
the largest. The figures of a run are in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
LIMIT = 5 * 1024 * 1024  # the default file-size limit

#: Words the text rules look for, and words around them: the labelled sentences (tests/data).
_SENTENCES = [
    item["text"]
    for folder in ("labelled", "heldout")
    for file in sorted((ROOT / "tests" / "data" / folder).glob("*.yaml"))
    for item in YAML(typ="safe").load(file.read_text(encoding="utf-8"))
]
random.Random(12).shuffle(_SENTENCES)
PARAGRAPH = " ".join(_SENTENCES)
#: Every word privlint's rules are written with (their phrase lists and hedges among them), in random order.
_VOCABULARY = sorted({word for folder in ("linter/rules", "checks") for file in sorted((ROOT / folder).glob("*.py"))
                      for word in re.findall(r"[a-zà-ÿ]{3,}", file.read_text(encoding="utf-8").lower())})
SOUP = " ".join(random.Random(13).choices(_VOCABULARY, k=20_000))
SERVICES = "Google Analytics, Hotjar, Facebook Pixel, Mailchimp, Microsoft Teams, Stripe, Zendesk en "


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def one_purpose(value: str) -> dict[str, Any]:
    """A manifest whose every field a text rule reads holds ``value``."""
    return {
        "privlint": 1,
        "statement": {"language": "nl", "changes_announced": value, "consent_mechanism": value, "requirement_notice": value},
        "controller": {"name": value, "trade_names": [value], "address": value},
        "data_categories": [{"id": "data", "name": value, "items": [value]}],
        "recipients": [{"id": "recipient", "name": value, "description": value}],
        "purposes": [{
            "id": "purpose", "name": value, "section": value, "description": value,
            "legal_bases": ["consent", "legitimate_interests"], "legitimate_interest": value, "consent_mechanism": value,
            "data": ["data"], "recipients": ["recipient"], "retention": {"criteria": value, "after": value},
        }],
        "transfers": [{"destination": value, "description": value, "recipients": ["recipient"]}],
    }


FIELDS = 20  # the fields of one_purpose that hold the value, about


def in_every_field(text: Callable[[int], str]) -> Callable[[int], str]:
    """A case: the text ``text(length)`` in every field of one_purpose, the manifest about ``size`` bytes."""
    return lambda size: json.dumps(one_purpose(text(size // FIELDS)), ensure_ascii=False)  # JSON is YAML


def one_purpose_text(value: str) -> str:
    """``one_purpose(value)`` as a document that a comment can follow."""
    return json.dumps(one_purpose(value), ensure_ascii=False) + "\n"


def many_items(size: int) -> str:
    """Tens of thousands of list items: purposes, each with a category, a recipient and a sentence."""
    count = size // 260
    data: dict[str, Any] = {
        "privlint": 1,
        "data_categories": [{"id": f"d{n}", "name": f"Gegevens {n}"} for n in range(count)],
        "recipients": [{"id": f"r{n}", "name": f"Ontvanger {n}"} for n in range(count)],
        "purposes": [{"id": f"p{n}", "legal_bases": ["contract"], "data": [f"d{n}"], "recipients": [f"r{n}"],
                      "description": "Wij bewaren dit zolang als nodig."} for n in range(count)],
    }
    return json.dumps(data, ensure_ascii=False)


def terse_purposes(size: int) -> str:
    """Tens of thousands of purposes with an id and nothing else: every one of them missing the same things."""
    def manifest(count: int) -> str:
        return json.dumps({"privlint": 1, "purposes": [{"id": f"p{n}"} for n in range(count)]})

    text = manifest(size // 14)  # about 18 bytes a purpose: a count that gives at least ``size``
    return manifest(int(size // 14 * size / len(text)))


def name_as_interest(size: int) -> str:
    """The controller's name (with its legal form) as long as the interest, which repeats it."""
    name = repeated("Voorbeeld Holding ", size // 2 - 400) + " B.V."
    data = one_purpose("x")
    data["controller"] = {"name": name}  # its only name: every variant of it shares the long start
    data["purposes"][0]["legitimate_interest"] = "het gerechtvaardigd belang van " + name
    return json.dumps(data, ensure_ascii=False)


def seeds_at(size: int) -> str:
    """The largest seed with its lists (purposes, categories, recipients, ...) repeated to about ``size`` bytes."""
    from privlint.parse.loader import load_document

    seed = load_document((ROOT / "seeds" / "odido.privacy.yaml").read_text(encoding="utf-8")).data
    seed["statement"].pop("text", None)  # a file beside the seed

    def repeated_lists(copies: int) -> str:
        data = dict(seed)
        for key, value in seed.items():
            if isinstance(value, list) and value and isinstance(value[0], dict) and "id" in value[0]:
                data[key] = [item if n == 0 else {**item, "id": f"{item['id']}-{n}"} for n in range(copies) for item in value]
        return json.dumps(data, ensure_ascii=False)

    copies = max(1, size // len(repeated_lists(1).encode("utf-8")))
    while copies > 1 and len(repeated_lists(copies).encode("utf-8")) > size:
        copies -= 1
    return repeated_lists(copies)


CASES: dict[str, Callable[[int], str]] = {
    "phrase words (the labelled sentences)": in_every_field(lambda n: repeated(PARAGRAPH, n)),
    "the rules' own words in random order": in_every_field(lambda n: repeated(SOUP, n)),
    "phrase words in one clause (no punctuation)": in_every_field(lambda n: repeated(re.sub(r"[.;:!?\n]", "", PARAGRAPH), n)),
    "spaces between the words": in_every_field(lambda n: repeated(PARAGRAPH.replace(" ", " " * 40), n)),
    "dots between the words": in_every_field(lambda n: repeated(PARAGRAPH.replace(" ", " ... "), n)),
    "a run of spaces between two words": in_every_field(lambda n: "tot " + " " * n + " u"),
    "a run of dots": in_every_field(lambda n: "a" + "." * n + "b"),
    "one very long word": in_every_field(lambda n: "a" * n),
    "services named in one clause": in_every_field(lambda n: "wij gebruiken geen " + repeated(SERVICES, n)),
    "the controller's name as the interest": name_as_interest,
    "tens of thousands of list items": many_items,
    "tens of thousands of terse purposes": terse_purposes,
    "a suppression comment with a run of spaces": lambda n: one_purpose_text("x") + "# privlint: disable=PL001" + " " * n + "x\n",
    "a suppression comment with a run of tabs and a dash": lambda n: one_purpose_text("x") + "# privlint: disable=PL001" + "\t" * n + "-x\n",
}


def filled(head: str, entry: Callable[[int], str], tail: str = "", separator: str = "") -> Callable[[int], str]:
    """A case: ``head``, then ``entry(0)``, ``entry(1)``, ... as many as fit in ``size`` bytes, then ``tail``."""
    def make(size: int) -> str:
        entries: list[str] = []
        total = len(head) + len(tail)
        while total + len(next_entry := (separator if entries else "") + entry(len(entries))) <= size:
            entries.append(next_entry)
            total += len(next_entry)
        return head + "".join(entries) + tail
    return make


#: Terse manifests that fill the size limit with as many entries as it holds: the most objects a
#: file under the limit can make privlint build. ``--terse`` prints the peak memory of each.
TERSE: dict[str, Callable[[int], str]] = {
    "bare purposes, JSON": filled('{"privlint":1,"purposes":[', lambda n: f'{{"id":"p{n}"}}', "]}", ","),
    "bare purposes, block YAML": filled("privlint: 1\npurposes:\n", lambda n: f"- id: p{n}\n"),
    "bare data categories, block YAML": filled("privlint: 1\ndata_categories:\n", lambda n: f"- id: d{n}\n"),
    "bare recipients, JSON": filled('{"privlint":1,"recipients":[', lambda n: f'{{"id":"r{n}"}}', "]}", ","),
    "cookies with a name, flow mappings": filled("privlint: 1\ncookies:\n", lambda n: f"- {{name: c{n}}}\n"),
    "purposes with a retention period": filled("privlint: 1\npurposes:\n", lambda n: f"- {{id: p{n}, retention: {{period: P1Y}}}}\n"),
    "ids in one purpose's data, flow list": filled("privlint: 1\npurposes: [{id: p, data: [", lambda n: f"d{n:x}", "]}]\n", ","),
    "data ids of one purpose, JSON": filled('{"privlint":1,"purposes":[{"id":"p","data":[', lambda n: f'"d{n}"', "]}]}", ","),
    "trade names, block YAML": filled("privlint: 1\ncontroller:\n  trade_names:\n", lambda n: f"  - t{n}\n"),
    "items of one data category, block YAML": filled("privlint: 1\ndata_categories:\n- id: d\n  items:\n", lambda n: f"  - i{n}\n"),
    "bare purposes with an anchor (general builder)": filled("privlint: &version 1\npurposes:\n", lambda n: f"- id: p{n}\n"),
    "bare purposes, the last one invalid": lambda size: filled("privlint: 1\npurposes:\n", lambda n: f"- id: p{n}\n")(size - 20) + "- id: Not An Id\n",
    "bare purposes, broken YAML at the end": lambda size: filled("privlint: 1\npurposes:\n", lambda n: f"- id: p{n}\n")(size - 20) + "- id: [unclosed\n",
    "bare purposes, a duplicate key at the end": lambda size: filled("privlint: 1\npurposes:\n", lambda n: f"- id: p{n}\n")(size - 20) + "- id: x\n  id: y\n",
}


def lint_seconds(text: str) -> float:
    """CPU seconds to lint ``text`` as one manifest with every rule (no cache)."""
    from privlint.rules.registry import load_rules
    from privlint.run.linter import Linter, Settings

    linter = Linter(load_rules(), Settings(today=TODAY))
    start = time.process_time()
    findings = linter.lint_text(text, "adversarial.privacy.yaml")
    spent = time.process_time() - start
    failed = [f.message for f in findings if f.rule in ("internal-error", "yaml-syntax", "invalid-manifest", "io-error")]
    if failed:
        raise RuntimeError(f"the case is not a valid manifest: {failed[:3]}")
    return spent


#: Runs a command and prints its peak memory: a process's own peak (ru_maxrss) would count the memory
#: of the process it was forked from, so a small parent in between runs it.
_MEASURING_PARENT = """
import resource, subprocess, sys
subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_memory(text: str) -> int:
    """Peak memory (bytes) of ``privlint`` linting ``text`` from a file, in a process of its own."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "adversarial.privacy.yaml"
        path.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "privlint", "--no-cache", "--today", str(TODAY), "--format", "json", str(path)]
        measured = subprocess.run([sys.executable, "-c", _MEASURING_PARENT, *command], capture_output=True, text=True, check=True)
    return int(measured.stdout) * (1 if sys.platform == "darwin" else 1024)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="bytes of the smaller manifest (default 100,000)")
    parser.add_argument("--memory", action="store_true", help="also the peak memory of each case at the size limit")
    parser.add_argument("--terse", action="store_true", help="only the peak memory of the terse manifests at the size limit")
    args = parser.parse_args(argv)
    if args.terse:
        print(f"{'terse manifest at the size limit (5 MiB)':<48}   peak")
        for name, make in TERSE.items():
            print(f"{name:<48} {peak_memory(make(LIMIT - 4096)) / 1e6:>6.0f} MB", flush=True)
        return 0
    lint_seconds(CASES["phrase words (the labelled sentences)"](1000))  # load the rules and expressions first
    print(f"{'case':<46} {args.size // 1000:>5} KB {4 * args.size // 1000:>6} KB   ratio" + ("   peak at 5 MiB" if args.memory else ""))
    for name, make in CASES.items():
        small, large = lint_seconds(make(args.size)), lint_seconds(make(4 * args.size))
        line = f"{name:<46} {small:>6.2f} s {large:>7.2f} s {large / max(small, 1e-3):>6.1f}"
        if args.memory:
            line += f"   {peak_memory(make(LIMIT - 4096)) / 1e6:>8.0f} MB"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
