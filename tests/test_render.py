"""privlint render: the statement written from its manifest, in Dutch and English, Markdown and HTML."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from privlint.model.elements import ELEMENTS
from privlint.model.manifest import Manifest
from privlint.model.validation import validate
from privlint.model.vocabulary import (
    LegalBasis,
    RecipientRole,
    Right,
    Safeguard,
    SpecialCategory,
    SpecialCondition,
)
from privlint.parse.loader import load_document
from privlint.read.discovery import discover
from privlint.render import labels
from privlint.render.catalog import languages, problems, translations
from privlint.render.localize import localize
from privlint.render.statement import (
    FORMATS,
    format_date,
    format_duration,
    render_statement,
)
from privlint.run.linter import Linter, Settings

COMPLETE = ROOT / "examples" / "complete.privacy.yaml"
RENDERED = ROOT / "examples" / "rendered"
CASES = [(language, output_format) for language in ("en", "nl") for output_format in ("md", "html")]


def manifest_from(text: str) -> Manifest:
    model, found = validate(load_document(textwrap.dedent(text)).data)
    assert model is not None, found
    return model


@pytest.fixture(scope="module")
def complete() -> Manifest:
    return manifest_from(COMPLETE.read_text(encoding="utf-8"))


def plain(text: str, output_format: str) -> str:
    """The words of a rendered statement: markup and Markdown escapes gone, white space collapsed."""
    if output_format == "html":
        import html

        text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", " ", text, flags=re.S)))
    else:
        text = re.sub(r"\\(.)", r"\1", text).replace("**", "")
    return " ".join(text.split())


def evidence(element_key: str, manifest: Manifest, language: str) -> list[str]:
    """What the rendered statement must say for an element of ``manifest`` (already in ``language``)."""
    gettext = translations(language).gettext
    ngettext = translations(language).ngettext
    duration = lambda value: format_duration(value, ngettext, gettext)  # noqa: E731
    m = manifest
    return {
        "controller": [m.controller.name, m.controller.contact.email, m.controller.address, m.controller.registration],
        "dpo": [m.dpo.contact.email],
        "purposes": [*(p.name for p in m.purposes), *(p.description for p in m.purposes),
                     *(gettext(labels.LEGAL_BASES[b]) for p in m.purposes for b in p.legal_bases)],
        "legitimate_interests": [p.legitimate_interest for p in m.purposes if p.legitimate_interest],
        "categories": [*(c.name for c in m.data_categories), *(item for c in m.data_categories for item in c.items)],
        "recipients": [r.name for r in m.recipients],
        "transfers": [*(t.destination for t in m.transfers), *(gettext(labels.SAFEGUARDS[t.safeguard]) for t in m.transfers),
                      *(t.copy_available for t in m.transfers)],
        "retention": [*(duration(p.retention.period) for p in m.purposes if p.retention and p.retention.period),
                      *(p.retention.criteria for p in m.purposes if p.retention and p.retention.criteria),
                      duration(m.retention.maximum)],
        "rights": [*(gettext(labels.RIGHTS[r]) for r in m.rights.offered), m.rights.how, duration(m.rights.response_time)],
        "withdraw_consent": [gettext(labels.RIGHTS[Right.withdraw_consent])],
        "complaint": [m.supervisory_authority.name, gettext(labels.RIGHTS[Right.complaint])],
        "requirement": [m.statement.requirement_notice],
        "automated_decisions": [x for d in m.automated_decisions for x in (d.description, d.logic, d.significance)],
        "source": [c.source for c in m.data_categories if c.from_others],
    }[element_key]


@pytest.mark.parametrize(("language", "output_format"), CASES)
def test_every_art_13_14_element_of_the_complete_example_is_in_the_statement(complete, language, output_format):
    text = plain(render_statement(complete, language, output_format).text, output_format)
    localized, _ = localize(complete, language)
    for element in ELEMENTS:
        assert element.applies(complete) and element.present(complete), element.key  # the example gives them all
        for words in evidence(element.key, localized, language):
            assert " ".join(str(words).split()) in text, (element.key, words)
    assert format_date(complete.statement.last_changed, language) in text
    assert {"en": "September 15, 2026", "nl": "15 september 2026"}[language] in text
    assert localized.statement.changes_announced in text


@pytest.mark.parametrize(("language", "output_format"), CASES)
def test_the_committed_rendered_examples_are_up_to_date(complete, language, output_format):
    committed = RENDERED / f"complete.{language}.{output_format}"
    rendered = render_statement(complete, language, output_format).text
    assert committed.read_text(encoding="utf-8") == rendered, (
        "examples/rendered/ is stale: run "
        f"privlint render examples/complete.privacy.yaml --lang {language} --format {output_format} -o {committed.relative_to(ROOT)}"
    )


@pytest.mark.parametrize(("language", "output_format"), CASES)
def test_the_statement_opens_with_the_short_layer_and_then_the_details_per_purpose(complete, language, output_format):
    text = plain(render_statement(complete, language, output_format).text, output_format)
    short, purposes, rights = {"en": ("In short", "What we use your data for", "Your rights"),
                               "nl": ("In het kort", "Waarvoor wij uw gegevens gebruiken", "Uw rechten")}[language]
    first_purpose = localize(complete, language)[0].purposes[0]
    assert text.index(short) < text.index(purposes) < text.index(first_purpose.description)
    layer = text[text.index(short) : text.index(first_purpose.description)]
    assert complete.controller.name in layer and rights in layer


def test_rendering_is_deterministic(complete):
    for language, output_format in CASES:
        assert render_statement(complete, language, output_format).text == render_statement(complete, language, output_format).text


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.tags: list[str] = []
        self.lang: str | None = None
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        for name in ("src", "srcset", "data"):
            if values.get(name):
                self.resources.append(f"{tag} {name}={values[name]}")
        if tag == "link":
            self.resources.append(f"link {values}")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_html_statement_is_accessible_and_self_contained(complete, language):
    page = render_statement(complete, language, "html").text
    outline = _Outline()
    outline.feed(page)
    assert outline.lang == language
    assert outline.headings[0] == 1 and outline.headings.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in zip(outline.headings, outline.headings[1:])), outline.headings
    assert "script" not in outline.tags and "iframe" not in outline.tags
    assert outline.resources == []
    assert not re.search(r"url\(|@import", page)


def test_free_text_cannot_inject_markup(tmp_path):
    manifest = manifest_from("""\
        privlint: 1
        statement: {language: en}
        controller: {name: "<script>alert(1)</script> & *Co* [x](javascript:y)"}
        purposes:
          - id: p
            name: "# not a heading"
            description: "- not a list item; <img src=x onerror=alert(1)>"
        """)
    page = render_statement(manifest, "en", "html").text
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Co*" in page
    markdown = render_statement(manifest, "en", "md").text
    assert "\\<script\\>" in markdown and "\\*Co\\*" in markdown and "\\[x\\](javascript:y)" in markdown
    assert "### \\# not a heading" in markdown
    assert "\n\\- not a list item; \\<img src=x onerror=alert(1)\\>\n" in markdown


def test_a_field_missing_in_the_language_asked_for_is_named_never_filled_from_another():
    manifest = manifest_from("""\
        privlint: 1
        statement: {language: nl, title: {nl: Privacyverklaring, en: Privacy statement}}
        purposes:
          - id: newsletter
            name: {nl: Nieuwsbrief, en: Newsletter}
            description: {nl: Wij sturen u elke maand de nieuwsbrief.}
          - id: shop
            name: {nl: Webwinkel}
        """)
    assert render_statement(manifest, "nl", "md").problems == []
    rendered = render_statement(manifest, "en", "md")
    assert rendered.text is None
    assert [(p.path, p.message) for p in rendered.problems] == [
        (("purposes", 0, "description"), "purposes[0].description has no 'en' text (it is given in nl)"),
        (("purposes", 1, "name"), "purposes[1].name has no 'en' text (it is given in nl)"),
    ]


def test_a_manifest_in_one_language_renders_in_that_language_only():
    manifest = manifest_from("privlint: 1\nstatement: {language: nl-NL}\npurposes: [{id: p, name: Nieuwsbrief}]\n")
    assert "Nieuwsbrief" in render_statement(manifest, "nl", "md").text
    [problem] = render_statement(manifest, "en", "md").problems
    assert problem.path == ("statement", "language")
    assert "the manifest's text is in nl-NL, not in en" in problem.message
    undeclared = manifest_from("privlint: 1\npurposes: [{id: p, name: Nieuwsbrief}]\n")
    assert "does not say which language" in render_statement(undeclared, "nl", "md").problems[0].message


def test_dates_and_periods_are_written_as_each_language_writes_them():
    from privlint.model.types import Duration, PartialDate

    assert format_date(PartialDate.parse("2023-06-01"), "nl") == "1 juni 2023"
    assert format_date(PartialDate.parse("2023-06-01"), "en") == "June 1, 2023"
    assert format_date(PartialDate.parse("2025-10"), "nl") == "oktober 2025"
    nl, en = translations("nl"), translations("en")
    assert format_duration(Duration.parse("P7Y"), nl.ngettext, nl.gettext) == "7 jaar"
    assert format_duration(Duration.parse("P1Y6M"), nl.ngettext, nl.gettext) == "1 jaar en 6 maanden"
    assert format_duration(Duration.parse("P1M"), en.ngettext, en.gettext) == "1 month"
    assert format_duration(Duration.parse("P2M"), en.ngettext, en.gettext) == "2 months"
    assert format_duration(Duration.parse("PT24H"), nl.ngettext, nl.gettext) == "24 uur"


def test_the_catalogues_translate_every_message_in_use():
    assert languages() == ("en", "nl")
    assert problems("nl") == [], "run python -m privlint.render.catalog and translate what it lists"


@pytest.mark.parametrize(
    "vocabulary", [LegalBasis, Right, Safeguard, RecipientRole, SpecialCategory, SpecialCondition], ids=lambda v: v.__name__
)
def test_every_value_of_the_format_has_a_label(vocabulary):
    assert set(labels.TABLES[vocabulary]) == set(vocabulary)


def test_a_rendered_statement_used_as_the_published_text_has_no_drift(tmp_path, rules):
    """The statement privlint writes says every date, name and period its manifest says."""
    for language in ("en", "nl"):
        (tmp_path / f"privacy.{language}.md").write_text(render_statement(manifest_from(COMPLETE.read_text(encoding="utf-8")), language, "md").text, encoding="utf-8")
    text = COMPLETE.read_text(encoding="utf-8").replace(
        "  url: https://example-energy.nl/privacy\n", "  url: https://example-energy.nl/privacy\n  text: {en: privacy.en.md, nl: privacy.nl.md}\n"
    )
    (tmp_path / "statement.privacy.yaml").write_text(text, encoding="utf-8")
    linter = Linter(rules, Settings(today=TODAY, select=("PL8",), root=tmp_path, strict_pointers=True))
    [target] = discover([tmp_path / "statement.privacy.yaml"])
    assert [f"{f.rule} {f.message}" for f in linter.lint(target)] == []


def test_formats_and_templates_exist():
    for name in FORMATS.values():
        assert (ROOT / "linter" / "render" / "templates" / name).is_file()


# -- the command line -------------------------------------------------------------------


def test_render_writes_the_statement(cli, tmp_path):
    result = cli("render", str(COMPLETE), "--lang", "nl")
    assert result.exit_code == 0
    assert result.output == (RENDERED / "complete.nl.md").read_text(encoding="utf-8")
    output = tmp_path / "privacy.html"
    result = cli("render", str(COMPLETE), "--format", "html", "--output", str(output))
    assert result.exit_code == 0 and result.output == ""
    assert output.read_text(encoding="utf-8") == (RENDERED / "complete.en.html").read_text(encoding="utf-8")  # en: statement.language


def test_render_names_each_missing_translation_at_its_line(cli, tmp_path):
    manifest = tmp_path / "m.privacy.yaml"
    manifest.write_text("privlint: 1\nstatement: {language: nl}\npurposes:\n  - id: p\n    name: {nl: Nieuwsbrief, en: Newsletter}\n"
                        "    description: {nl: Elke maand.}\n", encoding="utf-8")
    result = cli("render", str(manifest), "--lang", "en")
    assert result.exit_code == 1
    assert result.output == f"{manifest.as_posix()}:6:5: purposes[0].description has no 'en' text (it is given in nl)\n"


def test_render_refuses_what_it_cannot_do(cli, tmp_path):
    assert cli("render", str(COMPLETE), "--lang", "de").exit_code == 2
    assert cli("render", str(tmp_path / "missing.privacy.yaml")).exit_code == 2
    invalid = tmp_path / "invalid.privacy.yaml"
    invalid.write_text("privlint: 1\nstatement: {title: 5}\n", encoding="utf-8")
    result = cli("render", str(invalid))
    assert result.exit_code == 1 and "statement.title: expected text, got the number 5" in result.output


def test_a_team_can_use_its_own_templates(cli, tmp_path):
    (tmp_path / "statement.md.j2").write_text(
        "{% include 'statement.css' ignore missing %}Privacy at {{ controller_name }}: {{ _('In short') }}\n", encoding="utf-8")
    result = cli("render", str(COMPLETE), "--lang", "nl", "--template", str(tmp_path))
    assert result.exit_code == 0
    assert result.output.endswith("Privacy at Example Energy B.V.: In het kort\n")
    html = cli("render", str(COMPLETE), "--format", "html", "--template", str(tmp_path))
    assert html.output == (RENDERED / "complete.en.html").read_text(encoding="utf-8")  # not overridden: the built-in one


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ m.__class__.__mro__ }}", "access to attribute '__class__'"),
        ("{% if %}", "statement.md.j2:1: Expected an expression"),
        ("{{ no_such_name }}", "'no_such_name' is undefined"),
    ],
)
def test_a_broken_or_unsafe_template_is_an_error_not_a_traceback(cli, tmp_path, template, message):
    (tmp_path / "statement.md.j2").write_text(template, encoding="utf-8")
    result = cli("render", str(COMPLETE), "--template", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.startswith("privlint: error: template: ") and message in result.output


def test_the_readme_documents_render():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for words in ("privlint render", "--template", "statement.text", "quote:", "--format html"):
        assert words in readme, words
    assert Path(ROOT / "docs" / "img" / "statement.png").is_file() and Path(ROOT / "docs" / "img" / "report.png").is_file()



@pytest.mark.parametrize("output_format", ["md", "html"])
def test_the_statement_promises_a_way_to_contest_a_decision_only_where_the_manifest_records_one(complete, output_format):
    decisions = [decision.model_copy(update={"contest": False}) for decision in complete.automated_decisions]
    reviewed = complete.model_copy(update={"automated_decisions": decisions})
    reviewed_text = plain(render_statement(reviewed, "en", output_format).text, output_format)
    contested_text = plain(render_statement(complete, "en", output_format).text, output_format)
    assert "review the decision." in reviewed_text and "contest it" not in reviewed_text
    assert "give your point of view and contest it" in contested_text


@pytest.mark.parametrize("output_format", ["md", "html"])
def test_a_joint_controllers_arrangement_is_in_the_statement(complete, output_format):
    recipients = [*complete.recipients][:1]
    joint = recipients[0].model_copy(update={"role": "joint_controller", "arrangement": "Partner X answers all requests."})
    manifest = complete.model_copy(update={"recipients": [joint, *complete.recipients[1:]]})
    text = plain(render_statement(manifest, "en", output_format).text, output_format)
    assert "Partner X answers all requests." in text
