"""
## What it does
Reports a statement whose only word on changes (`statement.changes_announced`) is to ask
readers to check the statement themselves ("check this page regularly", "wij raden u aan
dit privacybeleid regelmatig te raadplegen", "regelmatig te bekijken") and that says of
no active announcement: no e-mail, no notification, no "wij informeren u".

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

CODE = "PL304"
NAME = "check-regularly-clause"
SEVERITY = "warning"
ARTICLE = "Art. 12(1), 13(3) (WP260)"
SUMMARY = "Readers are asked to check the statement for changes instead of being told of them"

from privlint.phrases import Phrases, combine  # noqa: E402
from privlint.rules import Problem  # noqa: E402

_REGULARLY_EN = ("regularly", "periodically", "frequently", "from time to time", "often")
_PAGE_EN = ("this page", "this policy", "this privacy policy", "this statement", "this privacy statement",
            "this notice", "this privacy notice", "our privacy policy", "our website", "our site", "back")

#: Telling readers to look for changes themselves. The Dutch "regelmatig ... te raadplegen" may have
#: the object between, so "regelmatig" plus a reader's "te raadplegen" is matched in two parts.
CHECK_REGULARLY = Phrases(
    combine(("check", "review", "consult", "visit", "revisit", "read"), _PAGE_EN, _REGULARLY_EN)
    + combine(_REGULARLY_EN, ("check", "review", "consult", "visit", "revisit"), ("", "this page", "this policy", "this statement", "back"))
    + combine(("check back",), _REGULARLY_EN)
    + combine(("regelmatig", "periodiek", "geregeld", "af en toe", "van tijd tot tijd"), ("", "te"), ("raadplegen", "bekijken", "controleren", "checken", "nalezen", "doorlezen", "bezoeken"))
    + combine(("regelmatig", "periodiek", "geregeld", "af en toe"), ("na te lezen", "door te lezen", "na te kijken"))
)
REGULARLY_NL = Phrases(["regelmatig", "periodiek", "geregeld", "af en toe"])
READER_CONSULTS_NL = Phrases(["te raadplegen", "te bekijken", "te controleren", "te checken", "na te lezen", "door te lezen", "na te kijken", "te bezoeken"])

#: Telling people of a change without their having to look.
ACTIVE_ANNOUNCEMENT = Phrases(
    [
        "e-mail", "email", "per mail", "via mail", "by mail", "by post", "by letter", "per post", "per brief",
        "notif*", "melding", "meldingen", "pop-up", "push message", "pushbericht",
        "inform you", "let you know", "tell you", "contact you", "write to you", "send you",
        "op de hoogte stellen", "op de hoogte brengen", "op de hoogte gesteld", "op de hoogte gebracht",
        "contact met u op", "contact met je op", "contact met jou op",
    ]
    + combine(("informeren", "stellen", "brengen", "berichten", "sturen", "laten", "mailen", "benaderen"), ("wij", "we"), ("u", "je", "jou"))
    + combine(("wij", "we"), ("informeren", "berichten", "mailen", "benaderen"), ("u", "je", "jou"))
    + combine(("u", "je", "jou"), ("informeren", "berichten", "mailen", "inlichten"))
)


def check(manifest, context):
    text = manifest.statement.changes_announced
    clause = _check_regularly(text)
    if clause is None or ACTIVE_ANNOUNCEMENT.find(text):
        return
    yield Problem(
        "/statement/changes_announced",
        f"the statement only asks readers to check it for changes ({clause}) and announces no change actively",
        hint="announce material changes actively, for example by e-mail or a notice in the app or on login, "
        "and say so in the statement (WP260)",
    )


def _check_regularly(text):
    """The words asking readers to check the statement themselves, quoted, or None."""
    found = CHECK_REGULARLY.find(text)
    if found:
        return repr(found)
    regularly, consults = REGULARLY_NL.find(text), READER_CONSULTS_NL.find(text)
    if regularly and consults:
        return f"{regularly!r} ... {consults!r}"
    return None
