"""Reading a statement's sentences: words, sentences, clauses and who does what in them (Dutch and English).

The checks that judge wording (``vague-language`` above all) must tell "wij kunnen uw gegevens
delen" (a hedge on what the controller does) from "u kunt bezwaar maken" (what the person can
do), "om ... te kunnen" (in order to), "als u belt, kunnen wij ..." (a condition: judge the main
clause) and "de app kan alleen ..." (what a system can do). This module gives them the pieces:

- ``tokens(text)``: words (with ``e-mailadres``, ``o.a.`` and ``bv.`` kept whole) and punctuation;
- ``sentences(words)``: the sentences, split at ``.``, ``!`` and ``?`` (abbreviations stay inside);
- ``Clause``: the stretch of a sentence between punctuation and conjunctions, with its kind
  (main, condition, purpose, relative) and its subject's role (controller, person, data, ...).

It is a careful heuristic, not a parser: a statement's sentences are written to be read, and the
few constructions that decide a hedge are regular enough to recognise by their words. Everything
is linear in the length of the text: a token is looked at a bounded number of times.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from functools import cached_property, lru_cache, wraps
from itertools import compress, count, repeat
from operator import itemgetter
from typing import Concatenate, NamedTuple, ParamSpec, TypeVar

#: Abbreviations that end in a full stop but do not end a sentence, kept as one token.
ABBREVIATIONS = (
    "o.a.", "bv.", "bijv.", "b.v.", "e.g.", "i.e.", "etc.", "enz.", "evt.", "m.b.t.", "t.a.v.", "i.v.m.", "d.w.z.",
    "z.g.", "resp.", "art.", "nr.", "incl.", "excl.", "ca.", "o.b.v.", "a.d.h.v.", "m.n.", "vs.", "e.d.", "n.v.", "b.v",
)
_ABBREVIATION = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# Every abbreviation starts with a few letters and a full stop: only there are its alternatives tried (trying all of
# them at every word was most of the time a text took to read).
_ABBREVIATION_START = rf"(?=\w{{1,{max(len(a.split('.')[0]) for a in ABBREVIATIONS)}}}\.)"
# One pass, no nested repetition: an abbreviation, an e-mail address, a word with inner hyphens, apostrophes or
# full stops before a lower-case letter or digit ("Bol.com", "www.gent.be", "5.000"; not "gegevens.Wij"), or one
# other character. Each repetition starts with its own separator, so matching stays linear. The address's parts
# before "@" are matched once, never given back (atomic: a lookahead and a back-reference, as Python before 3.11
# has no possessive quantifiers): a word without "@" fails at once instead of giving back its letters one by one.
_WORD = r"\w+(?:[-'’]\w+)*(?:\.(?=(?-i:[a-z0-9à-ÿ]))\w+(?:[-'’]\w+)*)*"
_EMAIL = r"(?=(?P<address>\w+(?:[.+-]\w+)*))(?P=address)@\w+(?:[.-]\w+)*"
_TOKEN = re.compile(rf"(?<!\w){_ABBREVIATION_START}(?:{_ABBREVIATION})|{_EMAIL}|{_WORD}-?|[^\w\s]", re.IGNORECASE)

SENTENCE_END = frozenset(".!?")
CLAUSE_PUNCTUATION = frozenset(",;:()[]–—|/\"“”")


class Token(NamedTuple):  # a tuple: made by the ten thousand, and cheaper to make than a frozen dataclass
    text: str
    lower: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.lower in ABBREVIATION_SET


ABBREVIATION_SET = frozenset(ABBREVIATIONS)
_TEXT, _LOWER = itemgetter(0), itemgetter(1)  # a Token's text and lower
#: Results for texts up to this long are remembered: several checks read the same field, and manifests repeat texts.
CACHED_TEXT = 4096
#: The tokens of texts and sentences up to these lengths are remembered (tokens take ~40 times a text's memory).
_CACHED_TOKENS_TEXT, _CACHED_SENTENCE = 1024, 400


_Arguments = ParamSpec("_Arguments")
_Result = TypeVar("_Result")
_OfText = Callable[Concatenate[str, _Arguments], _Result]


def remembered(entries: int, longest: int = CACHED_TEXT) -> Callable[[_OfText[_Arguments, _Result]], _OfText[_Arguments, _Result]]:
    """A function of a text (and hashable arguments) that remembers its last ``entries`` results for texts of up
    to ``longest`` characters; a longer text is read each time, so that what is remembered stays small."""

    def remember(function: _OfText[_Arguments, _Result]) -> _OfText[_Arguments, _Result]:
        cached = lru_cache(maxsize=entries)(function)

        @wraps(function)
        def call(text: str, /, *args: _Arguments.args, **kwargs: _Arguments.kwargs) -> _Result:
            return (cached if len(text) <= longest else function)(text, *args, **kwargs)

        return call

    return remember


def _tokens(text: str) -> tuple[Token, ...]:
    new = tuple.__new__  # what Token(...) does, without a Python call per token
    return tuple([new(Token, (found := m.group(), found.lower(), *m.span())) for m in _TOKEN.finditer(text)])


@remembered(256, longest=_CACHED_TOKENS_TEXT)
def tokens(text: str) -> tuple[Token, ...]:
    """``_tokens(text)``, read a sentence at a time: sentences repeat far more than whole texts do.

    No token holds white space, and the look-arounds that decide one see the same at white space
    as at the start or end of a text, so a text's tokens are its sentences' tokens, moved to where
    each sentence starts (tests/test_tokens.py holds the two to the same result).
    """
    found: list[Token] = []
    start = 0
    for gap in _AFTER_SENTENCE.finditer(text):
        found.extend(_moved(_sentence_tokens(text[start : gap.start()]), start))
        start = gap.end()
    found.extend(_moved(_sentence_tokens(text[start:]), start))
    return tuple(found)


def _moved(words: tuple[Token, ...], offset: int) -> Iterable[Token]:
    if not offset:
        return words
    new = tuple.__new__
    return [new(Token, (word.text, word.lower, word.start + offset, word.end + offset)) for word in words]


_AFTER_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_sentence_tokens = remembered(512, longest=_CACHED_SENTENCE)(_tokens)


def sentences(words: Sequence[Token]) -> list[tuple[int, int]]:
    """The sentences as (first, last + 1) token indexes: they end at '.', '!' or '?'."""
    found, start = [], 0
    for index in compress(count(), map(SENTENCE_END.__contains__, map(_TEXT, words))):  # the ends, found without a call per token
        if index + 1 > start:
            found.append((start, index + 1))
        start = index + 1
    if start < len(words):
        found.append((start, len(words)))
    return found


# -- word classes -------------------------------------------------------------------------------


class Role(str, Enum):
    """Who or what a clause is about, as far as hedges are concerned."""

    controller = "controller"  # wij, we, Odido, the company
    data = "data"  # uw gegevens, your data, opnamen
    recipient = "recipient"  # derden, partners, zij
    impersonal = "impersonal"  # het kan voorkomen dat, it may be that
    person = "person"  # u, je, you, de klant
    other = "other"  # a system, the police, members, links on a website


PERSON_PRONOUNS = frozenset({"u", "je", "jij", "jou", "you", "jezelf", "uzelf", "yourself", "ge"})
CONTROLLER_PRONOUNS = frozenset({"wij", "we", "ons", "us", "onszelf", "ourselves"})
THIRD_PRONOUNS = frozenset({"zij", "ze", "they", "them", "hun"})
IMPERSONAL_PRONOUNS = frozenset({"het", "er", "it", "there", "dit", "this"})
SUBJECT_PRONOUNS = frozenset({"wij", "we", "u", "je", "jij", "zij", "ze", "ik", "hij", "men", "jullie", "you", "they", "i", "he", "she"})

PERSON_NOUNS = frozenset({
    "klant", "klanten", "gebruiker", "gebruikers", "bezoeker", "bezoekers", "betrokkene", "betrokkenen", "sollicitant",
    "sollicitanten", "kandidaat", "kandidaten", "deelnemer", "deelnemers", "abonnee", "abonnees", "lid", "leden",
    "customer", "customers", "user", "users", "visitor", "visitors", "applicant", "applicants", "member", "members",
    "subscriber", "subscribers", "participant", "participants", "candidate", "candidates", "nabestaande", "nabestaanden",
    "grondeigenaar", "grondeigenaren", "consument", "consumenten", "consumer", "consumers", "iedereen", "everyone",
    "personen", "persons", "people", "medewerkers", "employees", "staff", "kwaadwillenden",
})
#: Authorities act on their own powers: "de politie kan ... nodig hebben" is not the controller hedging.
AUTHORITY_NOUNS = frozenset({
    "overheid", "politie", "justitie", "toezichthouder", "toezichthouders", "rechter", "rechtbank", "belastingdienst",
    "overheidsinstellingen", "overheidsinstanties", "autoriteit", "autoriteiten", "authority", "authorities", "police",
    "regulator", "regulators", "court", "courts", "government", "opsporingsinstanties",
})
DATA_NOUNS = frozenset({
    "gegevens", "data", "informatie", "information", "info", "details", "naam", "namen", "name", "names", "adres",
    "address", "addresses", "cv", "cv's", "opname", "opnamen", "opnames", "recording", "recordings", "gesprek",
    "gesprekken", "call", "calls", "foto", "foto's", "photo", "photos", "beelden", "images", "locatie", "location",
    "profiel", "profielen", "profile", "profiles", "identifiers", "history", "geschiedenis", "cookies", "bestanden",
    "files", "documenten", "documents", "e-mailadres", "e-mailadressen", "telefoonnummer", "telefoonnummers",
    "number", "numbers", "e-mail", "email", "ip", "gegeven", "contact", "contactinformatie",
})
_DATA_SUFFIXES = ("gegevens", "adres", "adressen", "nummer", "nummers", "gedrag", "geschiedenis", "beelden", "opname",
                  "opnamen", "opnames", "gesprek", "gesprekken", "data")
RECIPIENT_NOUNS = frozenset({
    "derden", "derde", "partijen", "partij", "partners", "partner", "dienstverleners", "dienstverlener", "leveranciers",
    "leverancier", "bedrijven", "bedrijf", "ondernemingen", "organisaties", "organisatie", "ontvangers", "ontvanger",
    "verwerkers", "subverwerkers", "aanbieders", "bureaus", "instanties", "vestigingen", "groepsmaatschappijen",
    "third", "parties", "party", "providers", "provider", "vendors", "suppliers", "companies", "company",
    "organisations", "organizations", "recipients", "recipient", "processors", "sub-processors", "agencies",
    "affiliates", "networks", "advertisers", "adverteerders", "vervoerders", "koeriers", "couriers", "franchisee",
    "franchisees", "businesspartners",
})
_RECIPIENT_SUFFIXES = ("partijen", "partij", "partners", "partner", "dienstverleners", "leveranciers", "bedrijven",
                       "aanbieders", "bureaus", "bureau", "providers", "verwerkers", "instellingen")
#: A list of these, given "such as" / "zoals", is an open list: "gegevens zoals", "derden, bijvoorbeeld".
GENERIC_NOUNS = frozenset({
    "gegevens", "persoonsgegevens", "data", "informatie", "information", "details", "derden", "partijen", "parties",
    "partners", "organisaties", "organisations", "organizations", "bedrijven", "companies", "ondernemingen",
    "anderen", "others", "dienstverleners", "providers", "ontvangers", "recipients", "bronnen", "sources", "doeleinden", "doelen",
    "purposes", "documenten", "documents", "bestanden", "files", "belangen", "interests", "belang", "interest",
    "categorieën", "categories", "verwerkingen", "activiteiten", "activities", "kanalen", "channels",
})
#: Words before a noun that leave the set open: "verschillende partners", "andere gegevens".
OPEN_MODIFIERS = frozenset({
    "verschillende", "diverse", "andere", "overige", "bepaalde", "aanvullende", "sommige", "enkele", "various",
    "other", "certain", "additional", "some", "several", "externe", "external",
})
DETERMINERS = frozenset({
    "de", "het", "een", "uw", "je", "jouw", "onze", "ons", "deze", "die", "dit", "dat", "the", "a", "an", "your",
    "our", "these", "those", "this", "that", "zijn", "hun", "their", "its", "elk", "elke", "ieder", "iedere", "every",
    "each", "all", "alle", "veel", "many", "of", "van", "met", "with", "such",
})


def role_of_word(word: str) -> Role | None:
    """The role a single (lower-case) word gives a clause, if it is a word of a known class."""
    if word in CONTROLLER_PRONOUNS:
        return Role.controller
    if word in PERSON_PRONOUNS or word in PERSON_NOUNS:
        return Role.person
    if word in THIRD_PRONOUNS:
        return Role.recipient
    if word in AUTHORITY_NOUNS:
        return Role.other
    if is_data_word(word):
        return Role.data
    if is_recipient_word(word):
        return Role.recipient
    return None


def is_subject_pronoun(words: Sequence[Token], index: int) -> bool:
    """Whether ``words[index]`` is a subject pronoun, not Dutch "je" or "u" as a possessive ("kan je gegevens delen",
    "je persoonlijke gegevens", "u gegevens" written for "uw gegevens")."""
    word = words[index].lower
    if word not in SUBJECT_PRONOUNS:
        return False
    if word not in ("je", "u"):
        return True
    following = [token.lower for token in words[index + 1 : index + 3]]
    if following and following[0].endswith("e") and len(following) > 1 and following[0] not in DETERMINERS:
        following = following[1:]  # "je persoonlijke gegevens"
    return not following or not (is_data_word(following[0]) or is_recipient_word(following[0])
                                 or following[0] in GENERIC_NOUNS)


def is_data_word(word: str) -> bool:
    return word in DATA_NOUNS or (len(word) > 6 and word.endswith(_DATA_SUFFIXES) and word not in AUTHORITY_NOUNS)


def is_recipient_word(word: str) -> bool:
    return word in RECIPIENT_NOUNS or (len(word) > 7 and word.endswith(_RECIPIENT_SUFFIXES) and word not in AUTHORITY_NOUNS)


# -- clauses ------------------------------------------------------------------------------------


class Kind(str, Enum):
    main = "main"
    condition = "condition"  # als, indien, wanneer, if, when, where, unless
    purpose = "purpose"  # om ... te, zodat, so that, in order to
    relative = "relative"  # die, dat, welke, which, who, that
    reason = "reason"  # omdat, because


CONDITION_WORDS = frozenset({
    "als", "indien", "wanneer", "zodra", "nadat", "voordat", "tenzij", "mits", "waar", "ingeval", "if", "when",
    "whenever", "where", "unless", "once", "after", "before", "voorzover", "zover", "provided", "wherever",
})
PURPOSE_WORDS = frozenset({"om", "zodat", "opdat", "waarmee", "waardoor", "teneinde", "so", "to"})
RELATIVE_WORDS = frozenset({
    "die", "welke", "wie", "wat", "waarin", "waarvan", "waarop", "waarvoor", "waarbij", "which", "who", "whom",
    "whose", "whether", "of",
})
REASON_WORDS = frozenset({"omdat", "doordat", "aangezien", "because", "since"})
# Conjunctions that start a clause only at the start of a clause or after a comma ("om" and "to" are also prepositions,
# "dat" and "that" also determiners, "of" also "or"): they are kinds only where a clause starts.
CLAUSE_STARTERS = CONDITION_WORDS | PURPOSE_WORDS | RELATIVE_WORDS | REASON_WORDS | {"dat", "that"}
# Inside a clause, only these unambiguous words start a new one.
CLAUSE_BREAKERS = frozenset({
    "als", "indien", "wanneer", "zodra", "nadat", "voordat", "tenzij", "mits", "if", "when", "whenever", "unless",
    "zodat", "opdat", "omdat", "doordat", "aangezien", "because", "die", "welke", "waarmee", "waardoor", "waarin",
    "waarvan", "waarbij", "which", "who", "whom", "whose", "whether", "om", "maar", "but", "so",
})


def kind_of(word: str) -> Kind:
    if word in CONDITION_WORDS:
        return Kind.condition
    if word in PURPOSE_WORDS:
        return Kind.purpose
    if word in REASON_WORDS:
        return Kind.reason
    if word in RELATIVE_WORDS or word in ("dat", "that"):
        return Kind.relative
    return Kind.main


WINDOW = 60  # no clause or look-around reaches further than this many tokens: keeps every check linear


class Clause(NamedTuple):  # a tuple: made at every hedge, cheaper to make than a frozen dataclass
    """A stretch of one sentence: ``words[start:end]``, with its kind; ``opener`` is its conjunction, if any."""

    start: int
    end: int
    kind: Kind
    opener: str = ""


def clause_at(words: Sequence[Token], sentence: tuple[int, int], index: int) -> Clause:
    """The clause of the sentence that holds token ``index``."""
    first, last = sentence
    start = index
    while start > first and index - start < WINDOW:
        previous = words[start - 1].lower
        if previous == "(" and start + 1 < last and words[start + 1].lower == ")":
            start -= 1  # "misbruik (kunnen) maken": one word in brackets belongs to its clause
            continue
        if previous == ")" and start - 3 >= first and words[start - 3].lower == "(":
            start -= 3
            continue
        if previous in CLAUSE_PUNCTUATION:
            break
        if previous in CLAUSE_BREAKERS and start - 1 != index:
            start -= 1
            break
        start -= 1
    end = index + 1
    while end < last and end - index < WINDOW:
        word = words[end].lower
        if word == ")" and end == index + 1 and index > first and words[index - 1].lower == "(":
            end += 1
            continue
        if word == "(" and end + 2 < last and words[end + 2].lower == ")":
            end += 3
            continue
        if word in CLAUSE_PUNCTUATION or word in CLAUSE_BREAKERS:
            break
        end += 1
    opener = words[start].lower if start < last else ""
    kind = kind_of(opener) if opener in CLAUSE_STARTERS else Kind.main
    if opener in ("en", "and", "maar", "but", "dan"):
        kind = Kind.main
    return Clause(start, end, kind, opener)


def words_between(words: Sequence[Token], start: int, end: int) -> list[str]:
    return [token.lower for token in words[max(start, 0) : end]]


def find_name(words: Sequence[Token], start: int, end: int, names: Iterable[tuple[str, ...]]) -> int | None:
    """The index where one of the controller's ``names`` (as lower-case word tuples) starts in ``words[start:end]``."""
    by_first = _by_first_word(names)
    if () in by_first.get("", ()):
        return start if start < end else None  # an empty name is everywhere
    for index in range(start, min(end, len(words))):
        for name in by_first.get(words[index].lower, ()):  # shortest first: most names are found by their first word
            if len(name) <= len(words) - index and all(words[index + k].lower == word for k, word in enumerate(name)):
                return index
    return None


_NAMES_BY_FIRST_WORD: dict[int, tuple[object, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first_word(names: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """The names by their first word, shortest first; made once per list of names (checks ask for it at every word)."""
    cached = _NAMES_BY_FIRST_WORD.get(id(names))
    if cached is not None and cached[0] is names:
        return cached[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names, key=len):
        index.setdefault(name[0] if name else "", []).append(name)
    if len(_NAMES_BY_FIRST_WORD) >= 64:
        _NAMES_BY_FIRST_WORD.clear()
    _NAMES_BY_FIRST_WORD[id(names)] = (names, index)  # the names kept with it: their id cannot be reused meanwhile
    return index


#: A name is known by its first words: no real name has more, and comparing a longer one at every word of a
#: text that repeats its start would take time in the square of the text.
MAX_NAME_WORDS = 12


def name_tuples(names: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The controller's names as word tuples, also without a legal form ("Optimum POS B.V." -> "optimum pos"),
    and the way a statement refers back to it by its form: "vzw Natuurpunt" -> "de vzw", "Gemeente Gent" -> "de gemeente"."""
    found: set[tuple[str, ...]] = set()
    for name in names:
        words = tuple(token.lower for token in tokens(name) if token.is_word)
        forms = {w for w in words if w in LEGAL_FORMS or w in ORGANISATION_NOUNS}
        forms |= {noun for w in words for noun in ORGANISATION_NOUNS if len(w) > len(noun) + 2 and w.endswith(noun)}
        for form in forms:  # "Basisschool De Regenboog" -> "de school"
            found.update({("de", form), ("het", form), ("the", form)})
        while words and words[-1] in LEGAL_FORMS:
            words = words[:-1]
        while len(words) > 1 and words[0] in LEGAL_FORMS:
            words = words[1:]
        words = words[:MAX_NAME_WORDS]
        if words and not (len(words) == 1 and words[0] in DETERMINERS):
            found.add(words)
            found.add(words[:1]) if len(words[0]) > 3 and words[0] not in GENERIC_NOUNS else None
    return tuple(sorted(found, key=len, reverse=True))


LEGAL_FORMS = frozenset({"b.v.", "b.v", "bv", "n.v.", "nv", "gmbh", "ltd", "limited", "inc", "sa", "bvba", "srl", "llc",
                         "plc", "ag", "se", "vof", "cv", "stichting", "vereniging", "vzw", "asbl", "cvba",
                         "commv", "comm.v.", "coöperatie", "cooperatie", "u.a.", "ua"})
#: Kinds of organisation a name may say the controller is, by which the statement refers back to it: "de gemeente".
ORGANISATION_NOUNS = frozenset({
    "gemeente", "stad", "provincie", "waterschap", "school", "hogeschool", "universiteit", "ziekenhuis", "praktijk",
    "club", "fonds", "federatie", "bond", "ocmw", "intercommunale", "municipality", "city", "council", "foundation",
    "association", "university", "hospital", "practice",
})


def role_of_phrase(words: Sequence[Token], start: int, end: int, names: Sequence[tuple[str, ...]]) -> Role | None:
    """The role of the noun phrase ``words[start:end]``: its first word of a known class, or the controller's name."""
    if find_name(words, start, min(end, start + 6), names) is not None:
        return Role.controller
    only_quantities = True
    for position in range(start, min(end, start + 8)):
        token, word = words[position], words[position].lower
        if word in ("je", "u") and not is_subject_pronoun(words, position):
            continue  # "je gegevens": a possessive, the noun decides
        if word in IMPERSONAL_PRONOUNS and token is words[start]:
            return Role.impersonal
        if word in NP_PREPOSITIONS and not only_quantities:
            return None  # "een bestelling van een klant": the phrase's head came before
        role = role_of_word(word)
        if role is not None:
            return role
        only_quantities = only_quantities and word in QUANTITIES
    return None


NP_PREPOSITIONS = frozenset({"van", "met", "aan", "voor", "bij", "of", "with", "to", "for", "from", "by", "naar", "over",
                             "about", "op", "in", "on", "at", "via"})
QUANTITIES = frozenset({"some", "sommige", "meeste", "most", "part", "deel", "een", "all", "alle", "elk", "each", "any",
                        "none", "geen", "many", "veel", "enkele", "several", "one", "één", "the", "de", "het", "a", "an"})


class WordPhrases:
    """Phrases matched on tokens, case-insensitively, the longest where several start at a word.

    ``combine``-style lists of phrases become word tuples; matching looks each token up once per
    phrase length, so it is linear in the text. A phrase word ending in '*' matches any word it starts.
    The tables are built when first matched: the rules declare thousands of phrases, and a manifest
    seldom reaches them all.
    """

    def __init__(self, phrases: Iterable[str]):
        self._phrases = tuple(phrases)

    @cached_property
    def _tables(self) -> _WordTables:
        return _WordTables(self._phrases)

    def matches(self, words: Sequence[Token], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Every match in ``words[start:end]`` as (first, last + 1), not overlapping, in order."""
        end = len(words) if end is None else end
        tables = self._tables
        match_at, first, stem_first = tables.match_at, tables.first, tables.stem_first
        # Most stretches hold no word that starts a phrase: seen in one pass, without a call per word.
        lower = [*map(_LOWER, words[start:end])]
        if first.isdisjoint(lower) and not (stem_first and any(map(str.startswith, lower, repeat(stem_first)))):
            return []
        found, index = [], start
        while index < end:
            word = words[index].lower
            stemmed = bool(stem_first) and word.startswith(stem_first)
            length = match_at(words, index, end, stemmed) if stemmed or word in first else 0
            if length:
                found.append((index, index + length))
                index += length
            else:
                index += 1
        return found

    def find(self, text: str | None) -> str | None:
        """The first match in ``text``, as written, or None."""
        if not text:
            return None
        words = tokens(text)
        for first, last in self.matches(words):
            return text[words[first].start : words[last - 1].end]
        return None


class _WordTables:
    """A WordPhrases' phrases as tables: exact word tuples, stems, the lengths to try, the first words."""

    def __init__(self, phrases: Iterable[str]):
        self.exact: dict[tuple[str, ...], str] = {}
        self.stems: list[tuple[str, ...]] = []
        for phrase in phrases:
            words = _phrase_words(phrase)
            if any(w.endswith("*") for w in words):
                self.stems.append(words)
            elif words:
                self.exact[words] = phrase
        self.lengths = sorted({len(words) for words in [*self.exact, *self.stems]}, reverse=True)
        self.first = {words[0] for words in self.exact}
        self.stem_first = tuple({words[0].rstrip("*") for words in self.stems})

    def match_at(self, words: Sequence[Token], index: int, end: int, stemmed: bool) -> int:
        """The length of the longest phrase at ``index``, whose word starts a phrase (``stemmed``: a stem's), or 0."""
        for length in self.lengths:
            if index + length > end:
                continue
            candidate = tuple([token.lower for token in words[index : index + length]])
            if candidate in self.exact:
                return length
            for stem in self.stems if stemmed else ():
                if len(stem) == length and all(w.startswith(s[:-1]) if s.endswith("*") else w == s
                                               for w, s in zip(candidate, stem)):
                    return length
        return 0


def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words as ``tokens`` lower-cases them, with '*' kept on the word it ends."""
    split = phrase.split()
    if all(word.isalnum() for word in split):  # letters and digits only: the tokens are these words
        return tuple(word.lower() for word in split)
    words = tuple(found.group(0).lower() for found in _TOKEN.finditer(phrase.replace("*", "\u2217")))
    return _join_stars(tuple(w.replace("\u2217", "*") for w in words))


def _join_stars(words: tuple[str, ...]) -> tuple[str, ...]:
    joined: list[str] = []
    for word in words:
        if word == "*" and joined:
            joined[-1] += "*"
        else:
            joined.append(word)
    return tuple(joined)
