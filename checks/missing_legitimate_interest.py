"""
## What it does
Reports a purpose that rests on legitimate interests (Art. 6(1)(f)) but does not say what
the interest is: `legitimate_interest` is missing; it is only a bare label such as "our
legitimate interest", "ons gerechtvaardigd belang" or "het gerechtvaardigde belang van
Example B.V." (with nothing besides the phrase, the company's name, an article number and
punctuation); or it only restates the purpose — the activity again ("voor de klantenservice",
"to process your order", "website analytics"), or words the purpose's own name and description
already hold — without saying what is at stake: preventing fraud or unpaid bills, protecting
staff and property, network security, evidence in disputes, improving a service, or a third
party's interest. A stated aim is an interest, however modest ("om onze klantenservice te
verbeteren", "to improve customer service"), and so is direct marketing (recital 47: "we
houden je graag op de hoogte van onze aanbiedingen"), unless the interest is the purpose's
name or description again and nothing more ("Improving our services" for a purpose of that
name).

## Why it matters
Art. 13(1)(d) and 14(2)(b) require the legitimate interests pursued to be stated. The
reader can only weigh whether to object (Art. 21) when they know what the interest is,
such as preventing fraud or measuring the network's quality; naming the legal basis a
second time tells them nothing.

## Example
```yaml
controller:
  name: Example B.V.
purposes:
  - id: fraud-prevention
    legal_bases: [legitimate_interests]
    legitimate_interest: "Het gerechtvaardigde belang van Example B.V."
```

## Use instead
```yaml
controller:
  name: Example B.V.
purposes:
  - id: fraud-prevention
    legal_bases: [legitimate_interests]
    legitimate_interest: "Voorkomen dat rekeningen op naam van iemand anders worden gezet."
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from privlint.model.vocabulary import LegalBasis
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.phrases import LowerCasePattern, Phrases
from privlint.rules.wording import PERSON_NOUNS

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL102",
    name="missing-legitimate-interest",
    severity="error",
    article="Art. 13(1)(d), 14(2)(b), 6(1)(f)",
    summary="A purpose rests on legitimate interests without saying what the interest is",
    reads=("purposes[].legal_bases", "purposes[].legitimate_interest", "purposes[].name", "purposes[].description",
           "controller.name", "controller.other_entities", "controller.trade_names"),
)


#: Words that name the basis, its owner or the article, but not what the interest is.
BARE_WORDS = (
    # the basis itself
    "legitimate interest*", "legitimate business interest*", "legitimate*", "interest*",
    "gerechtvaardigd* belang*", "legitiem* belang*", "gerechtvaardigd*", "legitiem*", "belang*",
    # whose interest, and the glue around it
    "our", "we", "have", "has", "a", "an", "the", "of", "for", "in", "it", "this", "there", "is", "because",
    "and", "or", "pursued by", "based on", "on the basis of", "third party", "third parties",
    "ons", "onze", "wij", "hebben", "heeft", "een", "het", "de", "van", "voor", "daar", "daarvoor",
    "hiervoor", "er", "is", "omdat", "en", "of", "op basis van", "op grond van", "grondslag", "derde*",
    # the article
    "art.", "article", "artikel", "6(1)(f)", "6 lid 1 sub f", "6 lid 1 onder f", "6.1.f", "gdpr", "avg",
)
# (?<![\s,]): from the start of a run of spaces and commas only, or a long run is read again from each of its characters
LEGAL_FORM = re.compile(r"(?<![\s,])[\s,]+(b\.?v\.?|n\.?v\.?|gmbh|ltd\.?|limited|inc\.?|s\.?a\.?|bvba|bv|srl|llc|plc|ag|se)$", re.IGNORECASE)


BARE = Phrases(BARE_WORDS)
_WORD = re.compile(r"\w+")
_BARE_VOCABULARY = frozenset(_WORD.findall(" ".join(BARE_WORDS).lower()))
_BARE_STEMS = tuple(word[:-1] for phrase in BARE_WORDS for word in phrase.lower().split() if word.endswith("*"))


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    names: CompanyNames | None = None  # made for the first interest read: hundreds of thousands of trade names took 400 MB
    for index, purpose in enumerate(manifest.purposes):
        if LegalBasis.legitimate_interests not in purpose.legal_bases:
            continue
        interest = purpose.legitimate_interest
        if interest is None:
            yield Problem(
                ("purposes", index),
                f"purpose {purpose.label} rests on legitimate interests but does not say what the interest is",
                hint="state the interest pursued (such as preventing fraud) and record it as legitimate_interest",
            )
            continue
        names = names or company_names(manifest)
        if says_nothing_but(interest, names):
            yield Problem(
                ("purposes", index, "legitimate_interest"),
                f"purpose {purpose.label} names its legitimate interest only as {interest!r}, without saying what the interest is",
                hint="say what the interest is (such as preventing fraud), not only that there is one",
            )
        elif restates_purpose(interest, f"{purpose.name or ''} {purpose.description or ''} {purpose.id}", names):
            yield Problem(
                ("purposes", index, "legitimate_interest"),
                f"purpose {purpose.label} gives as its legitimate interest only the activity itself ({_short(interest)!r}), "
                "not what is at stake for the controller or others",
                hint="say why the processing matters and to whom (such as preventing fraud, securing the network, "
                "recovering unpaid bills), so that a reader can weigh it before objecting",
            )


MAX_NAME_LENGTH = 1_000  # characters: the longest name of a company looked for in the text


@dataclass(frozen=True)
class CompanyNames:
    pattern: LowerCasePattern  # with and without legal form, compiled on first use
    words: frozenset[str]


def company_names(manifest: Manifest) -> CompanyNames:
    controller = manifest.controller
    names = [controller.name or "", *controller.other_entities, *controller.trade_names] if controller else []
    variants = {variant for name in names if name for variant in (name, LEGAL_FORM.sub("", name))}
    variants |= {f"{variant}{ending}" for variant in variants for ending in ("'s", "’s")}
    # Each name in a group of its own: Python's parser factors out a prefix that alternatives share,
    # in time that grows with the square of its length (seconds for a name of 100 KB); groups share none.
    # A "name" longer than MAX_NAME_LENGTH is no name: compiled, it would take hundreds of bytes a character.
    alternatives = "|".join(f"({re.escape(name.lower())})" for name in sorted(variants, key=lambda name: (-len(name), name))
                            if len(name) <= MAX_NAME_LENGTH)
    return CompanyNames(
        LowerCasePattern(rf"(?<!\w)(?:{alternatives})(?!\w)" if alternatives else r"(?!)"),
        frozenset(_WORD.findall(" ".join(variants).lower())),
    )


def says_nothing_but(text: str, names: CompanyNames) -> bool:
    """Whether every word of ``text`` is a bare word or the controller's name."""
    if any(
        word not in _BARE_VOCABULARY and word not in names.words and not word.startswith(_BARE_STEMS)
        for word in _WORD.findall(text.lower())
    ):
        return False  # most interests: a word that no bare phrase or name has
    text = names.pattern.substitute(" ", text)
    found = "".join(BARE.find_all(text))
    return re.sub(r"\W", "", found) == re.sub(r"\W", "", text)


#: Words that say what is at stake: an interest a reader can weigh, not an activity.
STAKES = (
    "voorkom", "voorkomen", "prevent", "bescherm", "protect", "beveilig", "secur", "veilig", "safe", "fraud", "fraude",
    "misbruik", "abuse", "misuse", "diefstal", "theft", "vandal", "vernieling", "verbeter", "improv", "innen", "incass",
    "recover", "debt", "schuld", "onbetaald", "unpaid", "betal", "aanton", "evidence", "bewijs", "claim", "geschil",
    "dispute", "betwist", "verdedig", "defend", "risico", "risk", "beperk", "limit", "reduc", "weten", "know", "ontdek",
    "detect", "tevreden", "satisf", "opleid", "opgeleid", "train", "coach", "kwaliteit", "quality", "zodat", "belangrijk",
    "important", "matters", "willen", "want", "bevorder", "stimuler", "florer", "promot", "groei", "grow",
    "vergemakkelijk", "makkelijker", "facilitat", "easier", "overweging", "recital", "privacy", "concurr", "compet",
    "kosten", "cost", "efficiën", "efficien", "continuïteit", "continuity", "wachten", "wait", "rekeningen", "bills",
    "veiligheid", "safety", "schade", "damage", "inbraak", "attack", "outage", "storing", "avoid", "vermijd", "pay",
    "cannot pay", "decid", "beslis", "inzicht", "insight", "understand", "begrijp",
)
#: Stakes that are interests in their own right (recital 47-49: fraud, security, claims, debts, training), even
#: where the purpose names them too: "fraude met uw account voorkomen" for fraud detection.
OWN_STAKES = ("fraud", "fraude", "misbruik", "abuse", "misuse", "secur", "beveilig", "veilig", "safe", "diefstal", "theft",
              "vandal", "vernieling", "claim", "bewijs", "evidence", "geschil", "dispute", "schuld", "debt", "onbetaald",
              "unpaid", "innen", "recover", "opleid", "opgeleid", "train", "coach", "bescherm", "protect", "inbraak", "attack")
#: Stakes that state an aim: making a service better. A stated aim is an interest a reader can weigh ("om onze
#: klantenservice te verbeteren"), however modest; a noun such as "satisfaction survey" names an activity, not an aim.
AIMS = ("verbeter", "beter", "improv", "better", "optimali", "optimis", "optimiz", "innov", "enhanc", "ontwikkel",
        "develop")
#: Direct marketing named as the interest: recital 47 counts it as one ("op de hoogte houden van onze aanbiedingen").
_DIRECT_MARKETING = re.compile(
    r"\b(?:direct\s*marketing|directmarketing|aanbiedingen|aanbod|offers|(?:similar|vergelijkbare)\s+(?:products|producten)"
    r"|(?:about|over)\s+(?:our\s+|onze\s+)?(?:products|producten|diensten|services))\b")
#: A survey named by what it measures is the activity: "customer satisfaction surveys" states no aim.
_SURVEY = re.compile(r"\b(?:satisfaction|quality|tevredenheids?)\s+(?:surveys?|questionnaires?|onderzoek\w*|enquêtes?)\b")
#: The statement itself, named in a pointer ("zoals beschreven in deze privacyverklaring"), is no stake in privacy.
_STATEMENT = re.compile(r"\bprivacy[\s-]*(?:notice|statement|policy|verklaring|beleid|statement|reglement)\b")
_CONTENT = re.compile(r"\w{3,}")
STOPWORDS = frozenset(
    "het een van voor met aan bij door die dat deze dit onze ons wij uw jouw hun zijn wordt worden om te en of als "
    "the and for with our your their this that these those are is be to of in on by from its it we us you "
    "naar over ook alleen zo rechtsgrond grondslag legal ground toestemming consent b2b b2c verder kunnen".split()
)


def restates_purpose(interest: str, purpose: str, names: CompanyNames | None = None) -> bool:
    """Whether ``interest`` says nothing at stake: no word of what is at stake, and nothing the purpose does not say.

    An interest with a stake ("om fraude te voorkomen", "our interest in keeping the network secure")
    is an interest, even where the purpose names the same; one without is the activity again
    ("voor de klantenservice", "to process your order"), unless it adds words of its own that the
    purpose does not hold.
    """
    lowered = interest.lower()
    if _third_party(lowered):
        return False  # "het belang van onze leden om met elkaar in contact te komen": someone else's interest
    content = _CONTENT.findall(_STATEMENT.sub(" statement ", _SURVEY.sub(" survey ", lowered)))
    words = [w for w in content if w not in STOPWORDS and w not in _BARE_VOCABULARY]
    if names is not None:
        words = [w for w in words if w not in names.words]
    stakes = [w for w in words if w.startswith(STAKES + AIMS)]
    purpose_stems = {w[:5] for w in _CONTENT.findall(purpose.lower())}
    if any(w.startswith(OWN_STAKES) for w in stakes):
        return False
    if any(w.startswith(AIMS) for w in stakes) or _DIRECT_MARKETING.search(lowered):
        # an aim ("de klantenservice verbeteren", "to improve customer service") or direct marketing (recital 47)
        # is an interest, unless it is the purpose's name or description again and nothing else
        return _purpose_again(words, purpose)
    if not stakes:
        return True
    # a stake the purpose already names, with little else: "onze diensten verbeteren" for "diensten verbeteren"
    own = sum(w[:5] in purpose_stems for w in words)
    return own >= 0.6 * len(words)


def _purpose_again(words: list[str], purpose: str) -> bool:
    """Whether every word of the interest is the purpose's, and the purpose says little more: "Improving our services"
    for a purpose of that name, not one sentence of a long description that states the interest among other things."""
    purpose_words = {w for w in _CONTENT.findall(purpose.lower()) if w not in STOPWORDS}
    return all(w in purpose_words for w in words) and len(purpose_words) <= 2 * len(set(words)) + 3


#: Whose interest, where it is not the controller's: "het belang van onze klanten", "the interests of our members".
_WHOSE = re.compile(r"\b(?:belang|belangen|interest|interests)\s+(?:van|of)\s+(?:onze|ons|de|het|alle|our|the|all)?\s*(\w+)")
THIRD_PARTIES = PERSON_NOUNS | frozenset({
    "maatschappij", "samenleving", "society", "public", "publiek", "patiënten", "patients", "kinderen", "children",
    "werknemers", "omwonenden", "buurtbewoners", "residents", "derden", "partners", "ouders", "parents", "donateurs",
})


def _third_party(lowered: str) -> bool:
    """Whether the interest is said to be that of people other than the controller, and in what, which a reader can
    weigh; not "het belang van onze klanten" alone."""
    return any(match.group(1) in THIRD_PARTIES and any(word not in STOPWORDS
                                                       for word in _CONTENT.findall(lowered[match.end() : match.end() + 80]))
               for match in _WHOSE.finditer(lowered))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 100 else text[:97].rstrip() + "..."

