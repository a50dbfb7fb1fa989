"""Retention as a statement words it: where it is stated, and whether it is vague or endless.

The retention checks (``vague-retention``, ``unbounded-retention``,
``excessive-retention``, ``inconsistent-retention``) and ``missing-retention``
share these phrase lists, so that they agree on what "as long as necessary"
and "until you object" are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from privlint.model.texts import statement_words
from privlint.model.types import Duration
from privlint.rules.phrases import Phrases, combine
from privlint.rules.retention_model import is_concrete
from privlint.rules.retention_model import (
    stated_retentions as stated_retentions,  # checks import it from here
)
from privlint.rules.wording import (
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    Token,
    WordPhrases,
    tokens,
)

if TYPE_CHECKING:  # the models are not loaded to read rules, nor on a run the cache answers
    from privlint.model.manifest import Manifest, Purpose, RetentionTerms

_NECESSARY_EN = ("necessary", "needed", "required")

#: A period with no length: vague also after an end event ("na beëindiging nog een redelijke termijn").
VAGUE_PERIODS = [
    "zo kort mogelijk", "as short as possible", "een redelijke termijn", "een redelijke periode", "a reasonable period",
    "a reasonable time", "een bepaalde termijn", "een bepaalde periode", "a certain period", "een passende termijn",
    "een passende periode", "een gepaste termijn", "an appropriate period", "passende bewaartermijnen",
    "passende bewaartermijn", "redelijke bewaartermijnen", "redelijke bewaartermijn", "appropriate retention periods",
    "an appropriate retention period", "reasonable retention periods", "a reasonable retention period",
]
_NECESSARY_NL = ("nodig", "noodzakelijk")

#: "As long as necessary" and its kin: a promise with no period in it.
VAGUE_RETENTION = Phrases(
    combine(
        ("as long as", "so long as", "no longer than", "not longer than", "only as long as"),
        ("", "is", "it is", "they are", "we consider", "reasonably", "strictly", "absolutely",
         "is reasonably", "is strictly", "is absolutely"),
        _NECESSARY_EN,
    )
    + combine(("the period", "the time", "the duration"), ("", "that is", "which is"), _NECESSARY_EN)
    + combine(("as long as", "for as long as"), ("we need", "we require"))
    + combine(
        ("zolang", "zo lang", "voor zolang", "voor zo lang"),
        ("", "als", "als dat", "als dit", "dat", "dit", "het"),
        ("", "strikt", "echt"),
        _NECESSARY_NL,
    )
    # "niet langer (bewaren) dan (strikt) nodig": with the usual verbs the whole phrase is quoted;
    # any other verb may stand between, so "dan (strikt) nodig" counts on its own too.
    + combine(
        ("niet langer", ""),
        ("", "bewaren", "bewaard", "bewaart", "verwerken", "verwerkt", "opslaan", "opgeslagen", "gebruiken", "gebruikt"),
        ("dan",),
        ("", "strikt", "echt", "absoluut", "redelijkerwijs"),
        _NECESSARY_NL,
    )
    + combine(("de periode", "de termijn", "de tijd", "de duur"), ("die", "dat"), ("", "strikt"), _NECESSARY_NL)
    + combine(("zolang", "zo lang", "zo lang als", "zolang als"), ("wij", "we"), ("ze", "die", "deze", "het", "dat"),
              ("nodig hebben",))
    # "zo lang bewaard als nodig is": the verb between "zo lang" and "als"
    + combine(("zolang", "zo lang"), ("bewaren", "bewaard", "bewaart", "opgeslagen", "opslaan", "verwerkt", "gebruikt",
                                      "gebruiken", "verwerken"), ("als", "als dat", "als dit", "als het"), ("", "strikt"),
              _NECESSARY_NL)
    # a law that is not named: "conform de wettelijke bewaartermijnen", "zolang de wet dat vereist"
    + combine(("wettelijke", "de geldende wettelijke", "geldende wettelijke"),
              ("bewaartermijn", "bewaartermijnen", "termijn", "termijnen", "bewaarplicht", "bewaarplichten"))
    + combine(("zolang", "zo lang", "voor zolang"), ("de wet", "wet- en regelgeving", "de wet- en regelgeving"),
              ("dat", "dit", "het", ""), ("vereist", "voorschrijft", "verplicht", "toestaat"))
    + combine(("the", "", "applicable"), ("statutory", "legal"), ("retention period", "retention periods"))
    + combine(("as long as", "for as long as"), ("the law", "applicable law"), ("requires", "permits", "allows"))
    + VAGUE_PERIODS
    + [
        "zo kort mogelijk", "as short as possible", "een redelijke termijn", "een redelijke periode", "a reasonable period",
        "a reasonable time", "een bepaalde termijn", "een bepaalde periode", "a certain period", "nog nodig",
        "no longer needed", "no longer necessary", "no longer required", "niet meer nodig", "niet langer nodig",
        "longer than we need", "langer dan nodig", "langer dan noodzakelijk", "langer dan we", "moeten of mogen bewaren",
        "wettelijk is toegestaan", "wettelijk toegestaan", "as permitted by law", "as allowed by law",
        "afhankelijk van de aard", "afhankelijk van het doel", "afhankelijk van de doeleinden", "depends on the purpose",
        "depending on the purpose", "depends on the nature", "intern beleid", "interne beleid", "beleid inzake gegevensbewaring",
        "retention policy", "internal policy", "bewaarbeleid",
    ]
)

#: Retention that has no end at all: for ever, never deleted.
FOREVER = WordPhrases(
    [
        "indefinitely", "indefinite period", "forever", "for ever", "unlimited", "without limit", "without a time limit",
        "no time limit", "until further notice", "onbeperkt", "onbepaalde tijd", "onbepaalde duur", "voor altijd",
        "zonder termijn", "zonder bewaartermijn", "geen bewaartermijn", "never deleted", "never erased", "never removed",
        "nooit verwijderd", "nooit gewist", "nooit vernietigd", "not deleted", "niet verwijderd", "zonder einddatum",
        "geen einddatum", "zonder einde", "no end date", "without an end date", "in perpetuity", "eeuwig",
        "for all time",
        # kept for a future use that has no end: "zodat we je in de toekomst kunnen weren", "for future vacancies"
        "in de toekomst", "in the future", "for future", "voor toekomstige",
    ]
    # "permanently" alone also says how data are deleted ("we permanently delete ..."); keeping is what counts.
    + combine(("kept", "stored", "retained", "keep", "store", "retain", "archived", "archive"), ("permanently",))
    + combine(("permanently",), ("kept", "stored", "retained", "archived"))
    + combine(("permanent", "blijvend"), ("bewaard", "bewaren", "opgeslagen", "opslaan", "gearchiveerd", "archiveren"))
    + combine(("bewaren", "bewaart", "archiveren"), ("wij", "we", "ze", "deze", "die", "het"), ("permanent", "blijvend"))
)
#: Retention that the person's request or objection alone ends: endless for processing that does not rest on consent.
UNTIL_OBJECTION = WordPhrases(
    combine(("until", "till", "unless and until"), ("you",), ("object", "ask", "request", "tell us", "ask us"))
    + ["tot wederopzegging", "until revoked"]
    + combine(("zolang",), ("u", "je", "jij"), ("geen bezwaar", "niet bezwaar"), ("", "maakt", "heeft", "hebt", "heeft gemaakt", "hebt gemaakt"))
    + combine(("tot", "totdat"), ("u", "je", "jij"), ("bezwaar", "ons vraagt", "vraagt", "verzoekt", "ons verzoekt"))
)
#: Retention that withdrawing consent or unsubscribing ends: a criterion the person applies, where the basis is consent.
UNTIL_WITHDRAWAL = WordPhrases(
    combine(("until", "till", "unless and until"), ("you",), ("unsubscribe", "opt out", "withdraw", "cancel", "sign off"))
    + combine(("zolang",), ("u", "je", "jij"), ("zich niet afmeldt", "je niet afmeldt", "uw toestemming niet", "je toestemming niet"))
    + combine(("tot", "totdat"), ("u", "je", "jij"), ("zich afmeldt", "je afmeldt", "uw toestemming", "je toestemming", "zich uitschrijft", "je uitschrijft"))
)
#: A floor with no ceiling: "minimaal 7 jaar", "at least 12 months".
MINIMUM = WordPhrases(["minimaal", "ten minste", "tenminste", "minstens", "at least", "a minimum of", "minimum of",
                       "no less than", "not less than", "niet korter dan", "no shorter than"])
#: A ceiling: "maximaal 2 jaar", "uiterlijk na 1 jaar", "no longer than 12 months".
MAXIMUM = WordPhrases(["maximaal", "ten hoogste", "hoogstens", "uiterlijk", "at most", "a maximum of", "maximum of",
                       "no later than", "not later than", "at the latest", "met een maximum van", "tot maximaal",
                       "niet langer dan", "no longer than", "not longer than", "nooit langer dan", "never longer than",
                       "in any case within", "in elk geval binnen", "binnen", "within", "at the most"])
#: An end only the controller controls: its own existence, its own contracts.
CONTROLLER_END = WordPhrases(
    combine(("zolang", "zo lang", "totdat", "tot"), ("de", "het", "onze", "ons"),
            ("onderneming", "bedrijf", "vereniging", "stichting", "organisatie", "vennootschap"),
            ("bestaat", "wordt ontbonden", "ophoudt te bestaan", "is opgeheven", "wordt opgeheven"))
    + combine(("for as long as", "as long as", "until"), ("the", "our"),
              ("company", "association", "organisation", "organization", "business", "foundation"),
              ("exists", "is dissolved", "ceases to exist", "is wound up"))
    + combine(("zolang", "totdat", "tot"), ("wij", "we"), ("een account", "een contract", "een overeenkomst"), ("hebben", "heeft"))
    + combine(("until",), ("our",), ("account", "contract", "agreement", "subscription"), ("with",))
    + combine(("as long as", "for as long as"), ("we",), ("have an account", "have a contract", "use"))
    # the controller's own decision: "totdat wij besluiten ...", "pas wanneer wij dat nodig achten", "until we decide"
    + combine(("tot", "totdat", "wanneer", "als", "zodra"), ("wij", "we"),
              ("besluiten", "beslissen", "daartoe besluiten", "dat nodig achten", "dit nodig achten", "het nodig achten",
               "dat nodig vinden", "het nodig vinden", "dat wenselijk achten", "dat gepast achten"))
    + combine(("until", "when", "unless"), ("we",), ("decide", "choose", "deem it necessary", "deem it appropriate",
                                                     "see fit", "consider it appropriate"))
    # its own service: "zolang het platform bestaat", "as long as we continue to offer the service"
    + combine(("zolang", "zo lang", "tot", "totdat"), ("de", "het", "onze", "ons"),
              ("dienst", "dienstverlening", "platform", "website", "app", "applicatie", "service"),
              ("bestaat", "bestaan", "wordt beëindigd", "ophoudt te bestaan", "wordt stopgezet", "stopt"))
    + combine(("as long as", "for as long as", "until"), ("the", "our"), ("service", "services", "platform", "website", "app"),
              ("exists", "exist", "is discontinued", "are discontinued", "is shut down", "remains available"))
    + combine(("as long as", "for as long as", "while"), ("we",),
              ("continue to offer", "continue to operate", "continue to provide the service", "offer the service",
               "operate the service", "operate the platform"))
    + combine(("zolang", "zo lang"), ("wij", "we"), ("de dienst", "onze dienst", "onze diensten", "het platform",
                                                     "de app", "de website"), ("aanbieden", "exploiteren", "in stand houden"))
)
#: Where a person's act is the only end (see ``_person_end``): a request or objection, or a payment they owe.
END_OPENERS = frozenset({"tot", "totdat", "nadat", "tenzij", "zodra", "wanneer", "als", "na", "until", "till", "unless",
                         "after", "once", "when"})
PERSON_ACTS = frozenset({"vraagt", "verzoekt", "vraag", "verzoek", "bezwaar", "vragen", "verzoeken", "ask", "asks",
                         "request", "requests", "object", "objects", "tell", "tells", "instruct", "instructs"})
UNTIL_OPENERS = frozenset({"tot", "totdat", "tenzij", "until", "till", "unless"})
DEFERRALS = frozenset({"pas", "eerst", "only"})  # "pas verwijderd nadat ...", "only deleted after ..."
PAYMENTS = frozenset({"betaling", "betalingen", "betaald", "voldaan", "afbetaald", "aflossing", "paid", "payment",
                      "payments", "settled", "repaid"})
PERSON_SUBJECTS = PERSON_PRONOUNS | PERSON_NOUNS | frozenset({"donateur", "donateurs", "donor", "donors", "cliënt",
                                                              "client", "patiënt", "patient", "ouder", "ouders"})
NEGATIONS = frozenset({"niet", "not", "geen", "no", "never"})
TIME_UNITS = frozenset({
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "jaar", "jaren", "maand",
    "maanden", "weken", "dag", "dagen", "uur", "uren",
})


#: Words that tie a retention to something a person can check: a unit of time, or an end event.
CONCRETE_RETENTION = Phrases(
    [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
        "jaar", "jaren", "maand", "maanden", "weken", "dag", "dagen", "uur",
        "until", "end of", "termination", "expiry", "as long as you are", "while you are",
        "einde", "afloop", "beëindiging",
        "zolang u klant", "zolang je klant", "zolang u een account", "zolang je een account",
        "de actie", "het contract", "de overeenkomst", "the contract", "the agreement", "uw contract", "je contract",
        "your contract",
    ]
)


def is_unbounded_retention(retention: RetentionTerms | None, bases: Iterable[Any] = ()) -> bool:
    """Whether the retention has no end (see ``unbounded_phrase``)."""
    return unbounded_phrase(retention, bases) is not None


def unbounded_phrase(retention: RetentionTerms | None, bases: Iterable[Any] = ()) -> str | None:
    """The words that make the retention endless, as written, or None.

    Endless is: for ever ("voor onbepaalde tijd", "never deleted"); a minimum with no maximum
    ("ten minste 7 jaar"); an end only the controller controls ("tot de vereniging wordt
    ontbonden"); or only the person's request or objection ("tot wederopzegging", "until you
    object") — and only their unsubscribing or withdrawing consent where the purpose does not
    rest on consent (``bases``: the purpose's legal bases; "until you unsubscribe" from a
    consent-based newsletter is a criterion the person applies). A period, a maximum or a law
    in ``statutory_source`` ends it (an archives act may require keeping records permanently).
    """
    if retention is None or _has_period(retention) or retention.statutory_source is not None:
        return None
    return unbounded_words(statement_words(retention, "criteria")[1], bases)


def unbounded_words(text: str | None, bases: Iterable[Any] = ()) -> str | None:
    """The words of ``text`` that make a retention endless (see ``unbounded_phrase``), or None."""
    if not text:
        return None
    words = tokens(text)
    if _bounded(words):
        return None
    consent = _rests_on_consent(bases, words)
    for phrases in (FOREVER, CONTROLLER_END) + (() if consent else (UNTIL_OBJECTION, UNTIL_WITHDRAWAL)):
        for first, last in phrases.matches(words):
            if not _negated(words, first):
                return text[words[first].start : words[last - 1].end]
    person_end = None if consent or _duration(words) else _person_end(words)
    if person_end is not None:
        first, last = person_end
        return text[words[first].start : words[last - 1].end]
    for first, last in MINIMUM.matches(words):
        following = [token.lower for token in words[last : last + 4]]
        if any(word in TIME_UNITS for word in following):
            end = last + next(i for i, word in enumerate(following) if word in TIME_UNITS) + 1
            return text[words[first].start : words[end - 1].end]
    return None


def deferred_phrase(retention: RetentionTerms | None) -> str | None:
    """The words that put deletion off beyond a stated period until the person acts, or None: "3 jaar na de beëindiging
    [...]. In dat geval worden de Persoonsgegevens pas verwijderd na de nodige betalingen aan Optimile" keeps the data
    of someone who never pays for ever, whatever the period says for the others."""
    if retention is None or not _has_period(retention) or retention.statutory_source is not None:
        return None
    text = statement_words(retention, "criteria")[1]
    if not text:
        return None
    words = tokens(text)
    found = _person_end(words, deferred_only=True)
    if found is None:
        return None
    start = next(i for i in range(found[0] - 1, max(-1, found[0] - 5), -1) if words[i].lower in DEFERRALS)
    return text[words[start].start : words[found[1] - 1].end]


def _person_end(words: Sequence[Token], deferred_only: bool = False) -> tuple[int, int] | None:
    """Where only the person's act ends the retention: their request or objection after "until" or "unless"
    ("totdat de donateur verzoekt om verwijdering", "tenzij u ons vraagt ze te wissen"), or deletion put off until
    they ask or pay ("pas verwijderd nadat u ons daarom vraagt", "pas verwijderd na de nodige betalingen")."""
    for index, token in enumerate(words):
        if token.lower not in END_OPENERS:
            continue
        deferred = any(word.lower in DEFERRALS for word in words[max(0, index - 4) : index])
        if deferred_only and not deferred:
            continue
        if token.lower not in UNTIL_OPENERS and not deferred:
            continue  # "wanneer u een verzoek indient, verwijderen wij ...": erasure on request, not the retention
        following: list[str] = []
        for later in words[index + 1 : index + 10]:
            if later.lower in (".", ";", "!", "?"):
                break
            following.append(later.lower)
        if any(word in PERSON_SUBJECTS for word in following[:3]):
            act = next((position for position, word in enumerate(following) if word in PERSON_ACTS), None)
            if act is not None:
                return index, index + act + 2
        payment = next((position for position, word in enumerate(following[:5]) if word in PAYMENTS), None)
        if payment is not None and deferred:  # not "tot de factuur is voldaan": invoice data until it is paid
            return index, index + payment + 2
    return None


def _bounded(words: Sequence[Token]) -> bool:
    """Whether the text gives a maximum: a ceiling word followed by a period ("maximaal 2 jaar", "within 30 days")."""
    for _, last in MAXIMUM.matches(words):
        following = [token.lower for token in words[last : last + 5]]
        if any(word in TIME_UNITS for word in following):
            return True
    return False


def _negated(words: Sequence[Token], index: int) -> bool:
    """ "niet voor onbepaalde tijd", "do not keep your data indefinitely"."""
    before = [token.lower for token in words[max(0, index - 6) : index]]
    return any(word in NEGATIONS for word in before[-2:]) or ("not" in before and "do" in before) or \
        any(word in ("niet", "not") for word in before[-5:]) and words[index].lower in ("voor", "for", "indefinitely", "onbepaalde")


def _rests_on_consent(bases: Iterable[Any], words: Sequence[Token]) -> bool:
    """Whether the purpose rests on consent alone, by its legal bases or, where they are not known, its own words."""
    names = {getattr(basis, "value", basis) for basis in bases}
    if names:
        return names == {"consent"}
    return any(token.lower in ("toestemming", "consent") for token in words)


def is_vague_retention(retention: RetentionTerms | None) -> bool:
    """Whether the retention is only "as long as necessary": no period, maximum, law, unit of time or end event."""
    return vague_phrase(retention) is not None


def vague_phrase(retention: RetentionTerms | None) -> str | None:
    """The "as long as necessary" words of a retention that says nothing more, as written, or None.

    A law named in ``statutory_source`` is something a person can look up, so it is not vague.
    """
    if retention is None or _has_period(retention) or retention.statutory_source is not None:
        return None
    criteria = statement_words(retention, "criteria")[1]
    if unbounded_words(criteria) is not None:
        return None  # unbounded-retention reports it: the more specific rule
    found = VAGUE_RETENTION.find(criteria)
    if found is None:
        return None
    words = tokens(criteria or "")
    if _named_law(words):
        return None  # "zolang de Archiefwet dat voorschrijft": a law a person can look up
    if _duration(words) or CONCRETE_RETENTION.find(criteria) and not STILL_VAGUE.find(criteria):
        return None  # "zolang u klant bent", "7 jaar", "na afloop van het contract": something a person can apply
    return found


def _named_law(words: Sequence[Token]) -> bool:
    """Whether the words name a law a person can look up: "Archiefwet 1995", "Wetboek van economisch recht", "art. 52
    AWR", "the Companies Act" (not the GDPR's own storage limitation)."""
    for token in words:
        word = token.lower
        if word in ("awr", "wgbo", "awb", "wwft", "wer", "bw", "wetboek") or \
                len(word) > 5 and word.endswith("wet") and word not in ("regelwet",) or \
                word == "act" and token.text == "Act":
            return True
    return False


def _duration(words: Sequence[Token]) -> bool:
    """Whether the words give a length of time: a number and a unit ("7 jaar", "30 days", "zeven jaar")."""
    for index, token in enumerate(words):
        if token.lower in TIME_UNITS and index > 0 and (words[index - 1].lower in NUMBER_WORDS or
                                                       words[index - 1].lower.replace(".", "").isdigit()):
            return True
    return False


NUMBER_WORDS = frozenset({
    "een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "twintig",
    "dertig", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "a", "an", "halfjaar", "half",
})


#: An end event that only starts a vague period: "na afloop ... nog zolang dat nodig is", "... een redelijke termijn".
STILL_VAGUE = Phrases(combine(("nog", "still", "daarna", "thereafter"), ("zolang", "zo lang", "as long as", "for as long as"))
                      + VAGUE_PERIODS)


def _has_period(retention: RetentionTerms) -> bool:
    # Any bound, minimum or end event: what the fields leave open is unbounded-retention's structural finding.
    return is_concrete(retention)


def covers(retention: RetentionTerms | None) -> bool:
    """Whether a retention tells a person how long: a period, maximum or criteria that are not only vague."""
    return retention is not None and retention.is_stated and not is_vague_retention(retention)


def uncovered_data(manifest: Manifest, purpose: Purpose) -> list[str] | None:
    """The purpose's data ids that no retention covers, or None when the purpose's own retention covers it.

    A purpose without data and without its own retention has ``[]`` and is covered by nothing but
    a statement-wide rule; see ``relies_on_statement_retention``.
    """
    if covers(purpose.retention):
        return None
    covered = _covered_data(manifest)
    return [data_id for data_id in purpose.data if data_id not in covered]


_last_covered: tuple[Manifest, frozenset[str]] | None = None


def _covered_data(manifest: Manifest) -> frozenset[str]:
    """The ids of the data categories a retention covers, computed once per manifest, not once per purpose."""
    global _last_covered
    last = _last_covered
    if last is None or last[0] is not manifest:
        last = _last_covered = (manifest, frozenset(c.id for c in manifest.data_categories if covers(c.retention)))
    return last[1]


def gives_own_retentions(manifest: Manifest) -> bool:
    """Whether any purpose or data category says for itself how long: the statement's general "as long as necessary"
    is then a principle the periods after it make concrete, not the statement's answer (the purposes left without one
    are missing-retention's)."""
    return any(covers(purpose.retention) for purpose in manifest.purposes) or any(
        covers(category.retention) for category in manifest.data_categories
    )


def relies_on_statement_retention(manifest: Manifest, purpose: Purpose) -> bool:
    """Whether only a statement-wide rule can tell how long the purpose keeps data."""
    uncovered = uncovered_data(manifest, purpose)
    return uncovered is not None and (bool(uncovered) or not purpose.data)


@lru_cache(maxsize=4096)  # a manifest repeats a few periods many times
def is_longer(duration: Duration, other: Duration, start: dt.date) -> bool:
    """Whether ``duration`` ends after ``other`` when both run from ``start`` (P120M is not longer than P10Y)."""
    # Duration.after works in whole days; the hours left over decide between equal dates.
    return (duration.after(start), duration.seconds % 86400) > (other.after(start), other.seconds % 86400)
