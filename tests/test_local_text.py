"""Free text per language ({nl: ..., en: ...}): read as text by checks, one language at a time by render."""

from __future__ import annotations

import pickle

import pytest
from privlint.model.manifest import Manifest
from privlint.model.types import LocalText, MissingLanguage


def manifest(language: str | None, description: object) -> Manifest:
    statement = {"language": language} if language else {}
    return Manifest.model_validate({"privlint": 1, "statement": statement, "purposes": [{"id": "p", "description": description}]})


def test_a_plain_string_is_the_same_in_every_language():
    text = manifest("nl", "Example B.V.").purposes[0].description
    assert isinstance(text, LocalText) and text == "Example B.V."
    assert text.languages == () and text.in_language("en") == text.in_language("nl") == "Example B.V."


def test_text_per_language_reads_as_the_statements_language():
    both = {"nl": "Wij sturen de nieuwsbrief.", "en": "We send the newsletter."}
    assert manifest("en", both).purposes[0].description == "We send the newsletter."
    assert manifest("nl", both).purposes[0].description == "Wij sturen de nieuwsbrief."
    assert manifest("nl-BE", both).purposes[0].description == "Wij sturen de nieuwsbrief."  # its primary language
    assert manifest(None, both).purposes[0].description == "Wij sturen de nieuwsbrief."  # the first written
    assert manifest("de", both).purposes[0].description == "Wij sturen de nieuwsbrief."


def test_a_language_the_text_is_not_given_in_is_an_error_naming_what_is_given():
    text = manifest("nl", {"nl": "Alleen Nederlands."}).purposes[0].description
    assert text.in_language("NL") == "Alleen Nederlands."
    with pytest.raises(MissingLanguage) as raised:
        text.in_language("en")
    assert (raised.value.language, raised.value.given) == ("en", ("nl",))
    assert "no 'en' text (given in nl)" in str(raised.value)


def test_the_manifest_writes_back_what_was_written():
    data = {"privlint": 1, "statement": {"title": {"nl": "Privacyverklaring", "en": "Privacy statement"}, "version": "3"}}
    assert Manifest.model_validate(data).model_dump(mode="json", exclude_unset=True) == data


def test_local_text_survives_pickling():
    text = LocalText("x", [("nl", "x"), ("en", "y")])
    copy = pickle.loads(pickle.dumps(text))
    assert copy == "x" and copy.translations == {"nl": "x", "en": "y"}


def test_checks_read_text_per_language_as_text(lint_rule):
    found = lint_rule("vague-language", """\
privlint: 1
statement: {language: nl}
purposes:
  - id: research
    description: {nl: "We kunnen uw gegevens gebruiken.", en: "We use your order history."}
""")
    assert [f.message for f in found] == [
        "the description of purpose 'research' leaves open what is done with the data ('kunnen'): \"We kunnen uw gegevens gebruiken.\""
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{}", "statement.title: no language given"),
        ("{nl: ''}", "statement.title.nl: the text is empty"),
        ("{english: Privacy}", "statement.title: 'english' is not a BCP 47 language tag such as nl, en or nl-BE"),
        ("{nl: 3}", "statement.title.nl: expected text, got the number 3"),
        ("[a, b]", "statement.title: expected text, got a list"),
        ("''", "statement.title: the text is empty"),
    ],
)
def test_malformed_text_per_language_is_explained_at_its_node(lint, value, message):
    findings = lint(f"privlint: 1\nstatement:\n  title: {value}\n")
    assert [(f.rule, f.message) for f in findings] == [("invalid-manifest", message)]
