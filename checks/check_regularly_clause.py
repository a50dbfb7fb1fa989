"""
## What it does
Reports a statement whose only word on changes (`statement.changes_announced`) is to ask
readers to check the statement themselves ("check this page regularly", "wij raden u aan
dit privacybeleid regelmatig te raadplegen", "regelmatig te bekijken"), or only to find
the latest version on the website ("de meest actuele privacyverklaring vindt u altijd op
onze website"), and that says of no active announcement: no e-mail, no notification, no
"wij informeren u".

## Why it matters
The transparency guidelines (WP260) say that material changes must be communicated
actively, in a way that makes sure people notice them; a clause telling readers to
check the page regularly is not enough. Nobody rereads a privacy statement on the off
chance that it changed. Where processing changes for a new purpose, Art. 13(3) requires
informing the person before it starts.

## Example
```yaml
statement:
  changes_announced: "We recommend that you check this page regularly for changes."
```

## Use instead
```yaml
statement:
  changes_announced: "We announce material changes by e-mail and in the app a month before they take effect."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.texts import statement_words
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.phrases import Phrases, combine

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL304",
    name="check-regularly-clause",
    severity="warning",
    article="Art. 12(1), 13(3) (WP260)",
    summary="Readers are asked to check the statement for changes instead of being told of them",
)


_REGULARLY_EN = ("regularly", "periodically", "frequently", "from time to time", "often")
_PAGE_EN = ("this page", "this policy", "this privacy policy", "this statement", "this privacy statement",
            "this notice", "this privacy notice", "our privacy policy", "our website", "our site", "back")
_ADDRESSED_EN = ("to", "please", "you", "you should")
_REGULARLY_NL = ("regelmatig", "periodiek", "geregeld", "af en toe")
_PAGE_NL = ("", "deze pagina", "deze webpagina", "dit privacybeleid", "deze privacyverklaring", "dit privacystatement",
            "deze verklaring", "onze website", "deze website")

_CONSULTS_NL = ("te raadplegen", "te bekijken", "te controleren", "te checken", "na te lezen", "door te lezen",
                "na te kijken", "te bezoeken")

#: Telling readers to look for changes themselves. "We regularly review this policy" is the controller's
#: own review, so "review" counts only when addressed to the reader ("please review", "to review").
CHECK_REGULARLY = Phrases(
    combine(("check", "consult", "visit", "revisit", "read", "reread"), _PAGE_EN, _REGULARLY_EN)
    + combine(_ADDRESSED_EN, ("review",), _PAGE_EN, _REGULARLY_EN)
    + combine(_ADDRESSED_EN, _REGULARLY_EN, ("check", "review", "consult", "visit", "revisit"))
    + combine(("check back",), _REGULARLY_EN)
    + combine(("raadpleeg", "bekijk", "controleer", "check", "lees"), _PAGE_NL, _REGULARLY_NL)
    + combine(_REGULARLY_NL, _CONSULTS_NL)
)
#: The Dutch "regelmatig (de pagina met het privacybeleid) te raadplegen" may have its object in
#: between, so it is also matched in two parts: a word for "regularly", and a reader's "te raadplegen".
REGULARLY_NL = Phrases(_REGULARLY_NL)

#: Leaving the newest version on the website for readers to find: the same clause in other words.
POSTED_ONLY = Phrases(
    combine(
        ("the latest", "the current", "the most recent", "the newest"),
        ("", "version", "version of this policy", "version of this statement", "privacy policy", "privacy statement"),
        ("is always available", "can always be found", "is always posted", "will always be posted", "is always published"),
    )
    + combine(
        ("de meest actuele", "de meest recente", "de actuele", "de laatste", "de nieuwste"),
        ("", "versie", "privacyverklaring", "versie van deze privacyverklaring", "versie van dit privacybeleid",
         "versie van het privacybeleid", "privacystatement"),
        ("vindt u altijd", "vind je altijd", "is altijd te vinden", "staat altijd", "wordt altijd gepubliceerd"),
    )
)
READER_CONSULTS_NL = Phrases(_CONSULTS_NL)

_OF_IT_NL = combine(("", "hiervan", "daarvan"), ("", "tijdig", "vooraf"))

#: Telling people of a change without their having to look.
ACTIVE_ANNOUNCEMENT = Phrases(
    [
        "e-mail", "email", "per mail", "via mail", "by mail", "by post", "by letter", "per post", "per brief",
        "notif*", "melding", "pop-up", "push message", "pushbericht",
        "inform you", "let you know", "tell you", "contact you", "write to you", "send you",
        "op de hoogte stellen", "op de hoogte brengen", "op de hoogte gesteld", "op de hoogte gebracht",
        "contact met u op", "contact met je op", "contact met jou op",
        "laten wij u weten", "laten we je weten", "laten wij het u weten", "laten we het je weten",
    ]
    + combine(("informeren", "berichten", "sturen", "mailen", "benaderen"), ("wij", "we"), ("u", "je", "jou"))
    + combine(("wij", "we"), ("informeren", "berichten", "mailen", "benaderen"), ("u", "je", "jou"))
    + combine(("u", "je", "jou"), ("informeren", "berichten", "mailen", "inlichten"))
    + combine(("stellen", "brengen"), ("", "wij", "we"), ("u", "je", "jou"), _OF_IT_NL, ("op de hoogte",))
    + combine(("wij", "we"), ("stellen", "brengen"), ("u", "je", "jou"), _OF_IT_NL, ("op de hoogte",))
)
#: "Without notice" is no announcement: the words for one inside it do not count.
WITHOUT_NOTICE = Phrases(
    combine(("without", "with no"), ("", "prior", "further", "any", "any prior"), ("notice", "notification", "e-mail"))
    + combine(("zonder",), ("", "voorafgaande", "voorafgaand", "nadere", "verdere"), ("melding", "kennisgeving", "bericht", "aankondiging", "notificatie"))
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    field, text = statement_words(manifest.statement, "changes_announced", "changes_quote")
    clause = _check_regularly(text)
    if clause is None or _announces_actively(text):
        return
    yield Problem(
        ("statement", field),
        f"the statement only asks readers to check it for changes ({clause}) and announces no change actively",
        hint="announce material changes actively, for example by e-mail or a notice in the app or on login, "
        "and say so in the statement (WP260)",
    )


def _check_regularly(text):
    """The words asking readers to check the statement themselves, quoted, or None."""
    found = CHECK_REGULARLY.find(text) or POSTED_ONLY.find(text)
    if found:
        return repr(found)
    regularly, consults = REGULARLY_NL.find(text), READER_CONSULTS_NL.find(text)
    if regularly and consults:
        return f"{regularly!r} ... {consults!r}"
    return None


def _announces_actively(text):
    """Whether the text names an active announcement that is not part of "without notice"."""
    negated = " | ".join(" ".join(phrase.lower().split()) for phrase in WITHOUT_NOTICE.find_all(text))
    return any(" ".join(found.lower().split()) not in negated for found in ACTIVE_ANNOUNCEMENT.find_all(text))
