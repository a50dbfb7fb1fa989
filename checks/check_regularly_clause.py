"""
## What it does
Reports a statement whose word on changes (`statement.changes_announced`) names no active
way of telling people: no e-mail, no message in the app or the account, no contacting the
person, no notice before the change takes effect. That covers asking readers to check the
statement themselves ("check this page regularly", "kijk regelmatig op deze pagina", "wij raden
u aan dit privacybeleid regelmatig te raadplegen"), leaving the newest version on the website
("de meest actuele privacyverklaring vindt u altijd op onze website", "we publish the new
version on our website", "changes will be posted on this page"), updating the date at the top,
and a bare "we may change this statement". A text that is not about changes to the statement
(a last-changed date, a pointer to a PDF) is left alone.

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

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from privlint.model.texts import statement_words
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.phrases import Phrases, combine
from privlint.rules.wording import Token, WordPhrases, sentences, tokens

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL304",
    name="check-regularly-clause",
    severity="warning",
    article="Art. 12(1), 13(3) (WP260)",
    summary="Changes to the statement are not announced actively (e-mail, a message in the app or account)",
    reads=("statement.changes_announced", "statement.changes_quote"),
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
#: The same asked in the imperative, with its object between: "raadpleeg die dus af en toe" (in one sentence).
CONSULT_IMPERATIVES = WordPhrases(["raadpleeg", "bekijk", "controleer", "lees", "bezoek", "kijk", "check"])
REGULARLY_WORDS = WordPhrases(list(_REGULARLY_NL))

_PEOPLE = ("klanten", "leden", "gebruikers", "abonnees", "deelnemers", "donateurs", "ouders", "cliënten", "patiënten",
           "customers", "members", "users", "subscribers", "participants", "account holders")
_OF_IT_NL = combine(("", "hiervan", "daarvan"), ("", "tijdig", "vooraf"))

#: Telling people of a change without their having to look.
ACTIVE_ANNOUNCEMENT = Phrases(
    [
        "e-mail", "email", "per mail", "via mail", "by mail", "by post", "by letter", "per post", "per brief",
        "notif*", "melding", "pop-up", "push message", "pushbericht",
        "inform you", "let you know", "tell you", "contact you", "write to you", "send you",
        "op de hoogte stellen", "op de hoogte brengen", "op de hoogte gesteld", "op de hoogte gebracht",
        "contact met u op", "contact met je op", "contact met jou op", "nemen we contact", "nemen wij contact",
        "contact you", "e-mail you", "email you", "informeren wij u", "informeren we je",
        "laten wij u weten", "laten we je weten", "laten wij het u weten", "laten we het je weten",
        "een mail", "via een mail", "mailing", "nieuwsbrief", "newsletter", "sms", "text message", "een brief",
        "bij brief", "schriftelijk", "in writing",
    ]
    # the people told, by name: "informeren onze leden", "notify all users", "we email our customers"
    + combine(("informeren", "berichten", "mailen", "aanschrijven", "inform", "notify", "email", "e-mail", "write to",
               "contact", "tell"), ("", "onze", "alle", "de", "our", "all"), _PEOPLE)
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


#: Words of a change: "wijzigingen", "aanpassen", "bij te werken", "update", "revise", "new version".
CHANGE = WordPhrases([
    "wijzig*", "gewijzigd*", "aanpass*", "aangepast*", "aan te passen", "bijwerk*", "bijgewerkt*", "bij te werken",
    "herzie*", "herzien*", "herziening*", "verander*", "aanbrengen", "update*", "updating", "change*", "changing",
    "revis*", "amend*", "modif*", "nieuwe versie", "new version", "meest actuele", "meest recente", "laatste versie",
    "latest version", "most recent version", "current version", "publiceren", "gepubliceerd", "publish*", "posted",
    "post", "herzieningsdatum", "revision date",
])
#: What a change clause is about: the statement, its page, its version.
STATEMENT = WordPhrases([
    "privacy*", "verklaring", "beleid", "statement", "policy", "notice", "pagina", "page", "versie", "version",
    "website*", "site", "wijzigingen", "changes", "datum", "date",
])
#: "Dit privacybeleid is voor het laatst gewijzigd op 26 november 2018": a date, not a clause on changes.
LAST_CHANGED = WordPhrases(["voor het laatst gewijzigd", "laatst gewijzigd", "laatst bijgewerkt", "last updated",
                            "last changed", "last revised", "last modified", "laatste wijziging", "laatst herzien",
                            "voor het laatst herzien", "laatst aangepast", "voor het laatst aangepast",
                            "voor het laatst bijgewerkt", "last reviewed", "laatste herziening", "laatste update"])
#: Active channels beyond the phrases above: a message or notice in the app or account, or before the change.
IN_APP = WordPhrases(["in de app", "in the app", "in-app", "in uw account", "in je account", "in your account",
                      "mijn account", "persoonlijk account", "when you log in", "bij het inloggen", "customer portal",
                      "inbox"])
NOTICE = WordPhrases(["bericht", "melding", "notice", "message", "kennisgeving", "notification", "push", "banner",
                      "announce*", "aankondig*", "aangekondigd", "bekendmaken", "bekend maken", "maken wij bekend",
                      "maken we bekend"])
IN_ADVANCE = WordPhrases(["voordat", "vooraf", "van tevoren", "before", "in advance", "prior to", "voor de ingangsdatum"])


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    field, text = statement_words(manifest.statement, "changes_announced", "changes_quote")
    if not text:
        return
    clause = _change_clause(text)
    if clause is None or _announces_actively(text):
        return
    yield Problem(
        ("statement", field),
        f"the statement announces changes to itself in no active way ({clause}): readers would have to look for them",
        hint="announce material changes actively, for example by e-mail or a message in the app or account "
        "before they take effect, and say so in the statement (WP260)",
    )


def _change_clause(text: str | None) -> str | None:
    """The words of ``text`` that speak of changes to the statement, quoted, or None."""
    if not text:
        return None
    found = _check_regularly(text)
    if found:
        return found
    words = tokens(text)
    for first, last in sentences(words):
        if LAST_CHANGED.matches(words, first, last) and not _other_change_words(words, first, last):
            continue  # a last-changed date says nothing about how changes are announced
        changes = CHANGE.matches(words, first, last)
        if changes and STATEMENT.matches(words, first, last):
            sentence = " ".join(text[words[first].start : words[last - 1].end].split())
            return repr(sentence if len(sentence) <= 120 else sentence[:117].rstrip() + "...")
    return None


def _other_change_words(words: Sequence[Token], first: int, last: int) -> bool:
    dates = {index for start, end in LAST_CHANGED.matches(words, first, last) for index in range(start, end)}
    return any(start not in dates for start, _ in CHANGE.matches(words, first, last))




def _check_regularly(text: str) -> str | None:
    """The words asking readers to check the statement themselves, quoted, or None."""
    found = CHECK_REGULARLY.find(text) or POSTED_ONLY.find(text)
    if found:
        return repr(found)
    regularly, consults = REGULARLY_NL.find(text), READER_CONSULTS_NL.find(text)
    if regularly and consults:
        return f"{regularly!r} ... {consults!r}"
    words = tokens(text)
    for first, last in sentences(words):
        imperative, often = CONSULT_IMPERATIVES.matches(words, first, last), REGULARLY_WORDS.matches(words, first, last)
        if imperative and often:
            start, end = min(imperative[0][0], often[0][0]), max(imperative[0][1], often[0][1])
            return repr(text[words[start].start : words[end - 1].end])
    return None


def _announces_actively(text: str) -> bool:
    """Whether the text names an active announcement that is not part of "without notice"."""
    negated = " | ".join(" ".join(phrase.lower().split()) for phrase in WITHOUT_NOTICE.find_all(text))
    if any(" ".join(found.lower().split()) not in negated for found in ACTIVE_ANNOUNCEMENT.find_all(text)):
        return True
    words = tokens(text)
    for first, last in sentences(words):  # "een melding in Mijn Account", "a notice ... before it takes effect"
        if NOTICE.matches(words, first, last) and (IN_APP.matches(words, first, last) or IN_ADVANCE.matches(words, first, last)):
            if not negated:
                return True
    return False
