"""Drift: the published statement (statement.text) against the manifest."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from conftest import TODAY
from privlint.model.types import Duration, PartialDate
from privlint.read.discovery import discover
from privlint.rules.drift import date_phrases, phrase, says_period, words_of
from privlint.run.linter import Linter, Settings

DRIFT = "PL80"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder as the working directory: ``write(name, text)`` adds a file, ``lint()`` lints the manifest."""
    monkeypatch.chdir(tmp_path)

    class Project:
        root = tmp_path

        def write(self, name: str, text: str) -> Path:
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
            return path

        def lint(self, rules_loaded, name: str = "statement.privacy.yaml", select: str = DRIFT, **settings):
            linter = Linter(rules_loaded, Settings(today=TODAY, select=(select,), strict_pointers=True, **settings))
            [target] = discover([tmp_path / name])
            return [(f.rule, f.line, f.message) for f in linter.lint(target)]

    return Project()


STATEMENT_MD = """\
# Privacyverklaring van **Example Energy B.V.**

Laatst gewijzigd op 15 september 2026. KvK-nummer 1234 5678.

## Nieuwsbrief

We sturen u de nieuwsbrief “één keer per maand” op het [e-mailadres](https://example.nl/account) dat u ons gaf.
Facturen bewaren we zeven (7) jaar, gesprekken 24 uur.

Klachten kunt u indienen bij de Autoriteit Persoonsgegevens.
"""

MANIFEST = """\
privlint: 1
statement:
  language: nl
  text: texts/privacy.md
  last_changed: 2026-09-15
controller: {name: Example Energy BV, registration: KvK 12345678}
supervisory_authority: {name: Autoriteit Persoonsgegevens}
purposes:
  - id: newsletter
    quote: 'We sturen u de nieuwsbrief "één keer per maand" op het e-mailadres dat u ons gaf.'
  - id: invoices
    retention: {period: P7Y, quote: Facturen bewaren we zeven (7) jaar}
  - id: calls
    retention: {period: P1D}
"""


def test_a_manifest_that_agrees_with_its_text_has_no_drift(project, rules):
    project.write("texts/privacy.md", STATEMENT_MD)
    project.write("statement.privacy.yaml", MANIFEST)
    assert project.lint(rules) == []


def test_an_edited_text_is_drift_at_each_manifest_node_it_contradicts(project, rules):
    edited = (
        STATEMENT_MD.replace("15 september", "1 oktober")
        .replace("1234 5678", "8765 4321")
        .replace("één keer per maand", "elke week")
        .replace("zeven (7) jaar", "tien jaar")
        .replace("Autoriteit Persoonsgegevens", "toezichthouder")
    )
    project.write("texts/privacy.md", edited)
    project.write("statement.privacy.yaml", MANIFEST)
    assert project.lint(rules) == [
        ("last-changed-not-in-text", 5, "last changed 2026-09-15 does not appear in texts/privacy.md"),
        ("controller-not-in-text", 6, "the registration number 'KvK 12345678' does not appear in texts/privacy.md"),
        ("authority-not-in-text", 7, "the supervisory authority 'Autoriteit Persoonsgegevens' is not named in texts/privacy.md"),
        ("quote-not-in-text", 10, "purposes[0].quote does not occur in texts/privacy.md; closest passage (line 7): "
         "'We sturen u de nieuwsbrief “elke week” op het [e-mailadres dat u ons gaf'"),
        ("retention-not-in-text", 12, "the retention period P7Y for purpose 'invoices' is not stated in texts/privacy.md"),
        ("quote-not-in-text", 12, "purposes[1].retention.quote does not occur in texts/privacy.md; closest passage "
         "(line 8): 'Facturen bewaren we tien jaar'"),
    ]


def test_html_is_read_as_its_text(project, rules):
    project.write("privacy.html", """\
        <!DOCTYPE html>
        <html lang="en"><head><title>Example Energy B.V. was here</title>
        <script>var s = "We keep data for ever";</script></head>
        <body><h1>Privacy</h1>
        <p>We&nbsp;keep your <em>invoices</em> for
           seven&#32;years.</p>
        </body></html>
        """)
    project.write("statement.privacy.yaml", """\
        privlint: 1
        statement: {text: privacy.html}
        controller: {name: Example Energy B.V.}
        purposes:
          - id: invoices
            quote: We keep your invoices for seven years.
          - id: other
            quote: We keep data for ever
        """)
    found = project.lint(rules)
    assert [(rule, line) for rule, line, _ in found] == [("controller-not-in-text", 3), ("quote-not-in-text", 8)]


def test_each_language_is_held_to_its_own_text(project, rules):
    project.write("nl.md", "Wij bewaren facturen zeven jaar. Verwerkingsverantwoordelijke: Example Energy B.V.\n")
    project.write("en.md", "We keep invoices for five years. The controller is Example Energy B.V.\n")
    project.write("statement.privacy.yaml", """\
        privlint: 1
        statement: {language: nl, text: {nl: nl.md, en: en.md}}
        controller: {name: Example Energy B.V.}
        purposes:
          - id: invoices
            quote: {nl: Wij bewaren facturen zeven jaar., en: We keep invoices for seven years.}
            retention: {period: P7Y}
        """)
    assert project.lint(rules) == [
        ("quote-not-in-text", 6, "purposes[0].quote does not occur in en.md; closest passage (line 1): "
         "'We keep invoices for five years'"),
        ("retention-not-in-text", 7, "the retention period P7Y for purpose 'invoices' is not stated in en.md"),
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing.md", "'missing.md' does not exist (looked for missing.md)"),
        ("../outside.md", "'../outside.md' leads out of the project root"),
        ("/etc/passwd", "'/etc/passwd' is an absolute path: give a path relative to the manifest"),
        ("https://example.nl/privacy", "is an address: give the path of a copy of the statement in the repository"),
        ("link.md", "'link.md' leads out of the project root"),
        ("fifo.md", "'fifo.md': not a regular file (a pipe, socket or device), so it was not read"),
        ("binary.md", "'binary.md' is not a text file (UTF-8, UTF-16 or UTF-32)"),
        ("folder", "'folder' is a directory, not a file"),
    ],
)
def test_a_text_that_cannot_be_read_safely_is_reported_not_read(project, rules, tmp_path_factory, name, reason):
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text("Example Energy B.V. secret\n", encoding="utf-8")
    (project.root / "link.md").symlink_to(outside)
    os.mkfifo(project.root / "fifo.md")  # reading it would block for ever
    (project.root / "binary.md").write_bytes(b"\x00\x01\x02 binary")
    (project.root / "folder").mkdir()
    project.write("statement.privacy.yaml", f"privlint: 1\nstatement: {{text: '{name}'}}\ncontroller: {{name: Nobody B.V.}}\n")
    found = project.lint(rules, select="PL8")
    assert [(rule, line) for rule, line, _ in found] == [("unreadable-statement-text", 2)]
    assert reason in found[0][2]
    assert "secret" not in found[0][2]


def test_an_edited_text_is_seen_through_the_cache(project, rules, tmp_path):
    from privlint.run.cache import open_cache

    project.write("texts/privacy.md", STATEMENT_MD)
    manifest = project.write("statement.privacy.yaml", MANIFEST)

    def lint_cached():
        linter = Linter(rules, Settings(today=TODAY, select=(DRIFT,)))
        linter.cache = open_cache(tmp_path / "cache", linter)
        [target] = discover([manifest])
        [cached] = linter.cached_results([target])
        result = cached or linter.lint_file(target)
        return cached is not None, [f.rule for f in result.findings]

    assert lint_cached() == (False, [])
    assert lint_cached() == (True, [])  # unchanged: answered from the cache
    project.write("texts/privacy.md", STATEMENT_MD.replace("15 september", "1 oktober"))
    assert lint_cached() == (False, ["last-changed-not-in-text"])


@pytest.mark.parametrize(
    ("period", "said", "found"),
    [
        ("P7Y", "bewaren we 7 jaar", True),
        ("P7Y", "bewaren we zeven jaren", True),
        ("P7Y", "bewaren we 7 (zeven) jaar", True),
        ("P7Y", "we keep them for seven years", True),
        ("P7Y", "bewaren we 84 maanden", True),
        ("P7Y", "bewaren we 17 jaar", False),
        ("P7Y", "bewaren we 7 maanden", False),
        ("P7Y", "7 jaar geleden opgericht, bewaren we 2 jaar", True),  # words, not meaning
        ("P6M", "een half jaar", True),
        ("P6M", "six months", True),
        ("P6M", "zes weken", False),
        ("P1M", "één maand", True),
        ("P1M", "a month", True),
        ("P4W", "vier weken", True),
        ("P4W", "28 dagen", True),
        ("P1D", "24 uur", True),
        ("PT24H", "één dag", True),
        ("P1Y6M", "1 jaar en 6 maanden", True),
        ("P1Y6M", "18 maanden", True),
        ("P1Y6M", "anderhalf jaar", True),
        ("P1Y6M", "1 jaar", False),
    ],
)
def test_a_retention_period_is_found_as_statements_write_it(period, said, found):
    assert says_period(words_of(said, "plain"), Duration.parse(period)) is found


@pytest.mark.parametrize(
    ("date", "said", "found"),
    [
        ("2023-06-01", "laatst gewijzigd op 1 juni 2023", True),
        ("2023-06-01", "last updated June 1, 2023", True),
        ("2023-06-01", "last updated 1st June 2023", True),
        ("2023-06-01", "versie 01-06-2023", True),
        ("2023-06-01", "version 2023-06-01", True),
        ("2023-06-01", "gewijzigd op 11 juni 2023", False),
        ("2023-06-01", "gewijzigd in juni 2023", False),
        ("2025-10", "Oktober 2025", True),
        ("2025-10", "October 2025", True),
        ("2025-10", "november 2025", False),
    ],
)
def test_a_date_is_found_as_statements_print_it(date, said, found):
    assert words_of(said, "plain").any_of(date_phrases(PartialDate.parse(date))) is found


def test_words_ignore_case_punctuation_markup_and_legal_form_dots():
    text = words_of("**Example  Energy B.V.** zegt: ‘wij—bewaren’\n[niets](https://x.nl) langer", "markdown")
    assert text.contains(phrase("example energy bv zegt 'wij - bewaren' niets langer"))
    assert not text.contains(phrase("energy bewaren"))


@pytest.mark.parametrize(
    ("rule", "manifest", "where"),
    [
        ("vague-language", "purposes:\n  - id: p\n    description: We use your orders.\n    quote: We may use some of your data.\n",
         "/purposes/0/quote"),
        ("implied-consent", "purposes:\n  - id: p\n    quote: By using our website you agree to the newsletter.\n",
         "/purposes/0/quote"),
        ("check-regularly-clause", "statement:\n  changes_announced: We e-mail you about changes.\n"
         "  changes_quote: Please check this page regularly for changes.\n", "/statement/changes_quote"),
        ("vague-retention", "retention:\n  criteria: Two years after the contract ends.\n"
         "  quote: We keep your data as long as necessary.\n", "/retention/quote"),
        ("unbounded-retention", "purposes:\n  - id: p\n    retention:\n      criteria: Until the end of the contract.\n"
         "      quote: We keep your data indefinitely.\n", "/purposes/0/retention/quote"),
    ],
)
def test_rules_that_judge_wording_read_the_statements_own_words_where_quoted(rules, rule, manifest, where):
    linter = Linter(rules, Settings(today=TODAY, select=(rule,), strict_pointers=True))
    assert [f.pointer for f in linter.lint_text("privlint: 1\n" + manifest, "q.privacy.yaml")] == [where]
    without_quote = "\n".join(line for line in manifest.splitlines() if "quote" not in line) + "\n"
    assert linter.lint_text("privlint: 1\n" + without_quote, "q.privacy.yaml") == []


@pytest.mark.parametrize(
    ("name", "said", "found"),
    [
        ("Optimile NV", "Wij zijn Optimile, een naamloze vennootschap opgericht naar Belgisch recht", True),
        ("Optimile NV", "Wij zijn Optimile. Wij zijn geen besloten vennootschap.", False),
        ("Example B.V.", "Example BV", True),
        ("Example B.V.", "Example", False),
    ],
)
def test_a_controller_is_named_with_its_legal_form_abbreviated_or_written_out(name, said, found):
    from privlint.rules.drift import says_name

    assert says_name(words_of(said, "plain"), name) is found


def test_a_period_written_as_a_sum_counts():
    assert says_period(words_of("Wettelijke minimumtermijn van 7 jaar + 1 jaar", "plain"), Duration.parse("P8Y"))
    assert not says_period(words_of("7 jaar + 2 jaar", "plain"), Duration.parse("P8Y"))


def test_each_of_several_quoted_passages_must_occur(project, rules):
    project.write("privacy.md", "We send the newsletter monthly.\n\nYou can unsubscribe in every newsletter.\n")
    project.write("statement.privacy.yaml", """\
        privlint: 1
        statement: {text: privacy.md}
        purposes:
          - id: newsletter
            quote:
              - We send the newsletter monthly.
              - You can unsubscribe at any time.
        """)
    assert [(rule, message.split(";")[0]) for rule, _, message in project.lint(rules)] == [
        ("quote-not-in-text", "purposes[0].quote[1] does not occur in privacy.md")
    ]
