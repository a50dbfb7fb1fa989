"""Hedges on what the controller does with data (WP260), told from the same words used otherwise.

WP260 calls "may", "might", "some", "often" and "possible" poor practice, and "such as" in place
of a list leaves the reader guessing. They are hedges when they leave open what the controller
does with personal data: its purposes, the data, the recipients, transfers and retention. The
same words are not hedges when they

- say what the person can do ("u kunt bezwaar maken", "you may lodge a complaint");
- sit in a condition ("als uw gesprek kan worden opgenomen, ...": the main clause is judged), or
  follow one that settles what happens ("als u uw e-mailadres achterlaat, kunnen wij uw vraag per
  e-mail beantwoorden") — unless the main clause shares, records, analyses or markets, which the
  condition does not settle;
- say what a system, an authority or someone else can do ("de app kan alleen ...", "de politie
  kan ... nodig hebben", "elk lid kan de ledenlijst inzien");
- state a purpose or a result ("om ... te kunnen", "zodat wij ... kunnen", "zo kunnen we zien");
- mean "any" ("eventuele klachten") or "as" ("zoals beschreven", "zoals u die invult");
- state a maximum ("kunnen wij tot 12 maanden bewaren") or a necessity ("moeten wij inzage kunnen
  hebben"), or give examples of an occasion ("bijvoorbeeld als ...", "als dat nodig is, bijvoorbeeld
  voor ...") or end a list in a category of its own ("en andere contactgegevens");
- give examples inside a category that is itself complete ("toezichthouders zoals de AP",
  "financiële diensten, zoals betaaldiensten") or of things a statement need not list (security
  measures, the company's services), or come before a list the sentence closes ("..., we send no
  other e-mails").

``find(text, names)`` gives the hedges of a text, each distinct phrase once per sentence, with the
sentence it stands in. ``names`` are the controller's names: "kan Optimile" is the controller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter

from privlint.rules.wording import (
    CLAUSE_STARTERS,
    CONDITION_WORDS,
    DETERMINERS,
    GENERIC_NOUNS,
    IMPERSONAL_PRONOUNS,
    OPEN_MODIFIERS,
    SUBJECT_PRONOUNS,
    WINDOW,
    Clause,
    Kind,
    Role,
    Token,
    clause_at,
    find_name,
    is_data_word,
    is_recipient_word,
    is_subject_pronoun,
    remembered,
    role_of_phrase,
    role_of_word,
    sentences,
    tokens,
)


class Sort(str, Enum):
    modal = "modal"  # kan, kunnen, may, might, could, can
    possibly = "possibly"  # mogelijk, eventueel, possibly, perhaps
    frequency = "frequency"  # soms, vaak, in sommige gevallen, sometimes, often
    quantity = "quantity"  # sommige, bepaalde, some, certain (before data or recipients)
    example = "example"  # zoals, bijvoorbeeld, onder andere, such as, for example, etc.
    open = "open"  # including but not limited to, anderszins, de belangrijkste verwerkingen
    needed = "needed"  # waar nodig, where necessary, if required
    others = "others"  # "en andere partners", "and other business partners"


def _phrases(sort: Sort, *phrases: str) -> dict[tuple[str, ...], Sort]:
    return {tuple(phrase.split()): sort for phrase in phrases}


#: Each hedge as words, and how it is judged. Longer phrases win where several start at a word.
HEDGES: dict[tuple[str, ...], Sort] = {
    **_phrases(Sort.modal, "kan", "kunnen", "kunt", "may", "might", "could", "can"),
    **_phrases(Sort.possibly, "mogelijk", "mogelijkerwijs", "eventueel", "evt.", "possibly", "perhaps", "maybe",
               "wellicht", "misschien", "potentially", "potentieel", "waar mogelijk", "where possible",
               "possible", "het is mogelijk dat", "it is possible that"),
    **_phrases(Sort.frequency, "soms", "sometimes", "vaak", "often", "meestal", "usually", "occasionally",
               "in sommige gevallen", "in some cases", "in bepaalde gevallen", "in certain cases", "in veel gevallen",
               "in many cases", "af en toe", "from time to time", "in de regel", "as a rule", "doorgaans", "veelal"),
    **_phrases(Sort.quantity, "sommige", "some", "enkele"),
    **_phrases(Sort.needed, "waar nodig", "indien nodig", "zo nodig", "where necessary", "if necessary", "when necessary",
               "where required", "if required", "where applicable", "if applicable", "waar van toepassing",
               "indien van toepassing", "where appropriate", "waar passend", "indien gewenst", "if desired"),
    **_phrases(Sort.example, "zoals", "such as", "bijvoorbeeld", "bijv.", "bv.", "for example", "for instance",
               "e.g.", "onder andere", "o.a.", "onder meer", "among others", "amongst others", "among other things",
               "inter alia", "waaronder", "including", "etc.", "enz.", "enzovoort", "and so on", "e.d.",
               "denk aan", "denk hierbij aan", "waaronder bijvoorbeeld"),
    **_phrases(Sort.open, "including but not limited to", "including without limitation",
               "met inbegrip van maar niet beperkt tot", "onder meer maar niet beperkt tot", "niet limitatief",
               "niet-limitatief", "non-exhaustive", "niet uitputtend", "anderszins", "as otherwise",
               "de belangrijkste verwerkingen", "de belangrijkste doeleinden", "de belangrijkste doelen",
               "the main purposes", "the most important purposes", "welke wettelijke verplichting dan ook"),
    **_phrases(Sort.others, "and other", "en andere", "or other", "of andere", "en overige", "and any other",
               "en alle andere", "or any other", "of enige andere"),
}


def _lengths_by_first_word() -> dict[str, list[int]]:
    lengths: dict[str, set[int]] = {}
    for words in HEDGES:
        lengths.setdefault(words[0], set()).add(len(words))
    return {first: sorted(found, reverse=True) for first, found in lengths.items()}


#: The lengths of the hedges that start with each word, longest first.
_LENGTHS = _lengths_by_first_word()

# -- the words that decide ------------------------------------------------------------------------

MAY_WORDS = frozenset({"may", "might", "could"})
NEGATIONS = frozenset({"niet", "geen", "nooit", "not", "never", "no", "cannot", "nimmer"})
LIMITS = frozenset({"alleen", "slechts", "uitsluitend", "enkel", "only", "solely", "exclusively"})
OBLIGATIONS = frozenset({
    "verplicht", "verplichten", "verplichting", "moeten", "moet", "must", "obliged", "obligated", "required",
    "bound", "dienen", "wettelijk",
})
LEGAL_OBLIGATIONS = frozenset({"verplicht", "verplichting", "wettelijk", "obliged", "obligated", "required", "bound"})
REQUESTS = frozenset({"vragen", "verzoeken", "uitnodigen", "ask", "invite", "request", "uitnodiging", "invitation"})
#: Making these is recording: "er kunnen camerabeelden worden gemaakt", "we may take photos".
MAKING_VERBS = frozenset({"maken", "maakt", "gemaakt", "make", "made", "nemen", "genomen", "take", "taken", "vastgelegd",
                          "vastleggen", "capture", "captured"})
RECORDINGS = frozenset({"beelden", "foto", "foto's", "fotos", "opnamen", "opnames", "opname", "video", "video's",
                        "images", "photos", "photographs", "pictures", "recordings", "footage", "screenshots"})
#: Verbs of a service to the person: "we can call you back", "kunnen wij uw vraag beantwoorden".
SERVICE_VERBS = frozenset({
    "helpen", "help", "beantwoorden", "answer", "respond", "terugbellen", "bezorgen", "leveren", "deliver", "assist",
    "serve", "herkennen", "recognise", "recognize", "bereiken", "reach",
})

#: Acts the person does not start, which a condition does not settle: sharing, recording, analysing, marketing.
STRONG_VERBS = frozenset({
    "delen", "deelt", "gedeeld", "share", "shared", "doorgeven", "doorgegeven", "door", "doorsturen", "doorgestuurd",
    "verstrekken", "verstrekt", "bekendmaken", "bekendgemaakt", "overdragen", "overgedragen", "verkopen", "verkocht",
    "sell", "sold", "disclose", "disclosed", "transfer", "transferred", "forward", "forwarded", "pass", "opnemen",
    "opgenomen", "record", "recorded", "analyseren", "geanalyseerd", "analyse", "analyze", "analysed", "analyzed",
    "benaderen", "benaderd", "approach", "combineren", "gecombineerd", "combine", "combined", "profileren", "profile",
    "noteren", "genoteerd", "registreren", "geregistreerd", "register", "melding", "melden", "report", "monitoren",
    "monitor", "volgen", "track", "inschakelen", "engage", "uitvoeren", "vaststellen", "toetsen", "checken",
    "raadplegen", "opvragen", "consult", "verify",
})
PROCESSING_VERBS = STRONG_VERBS | frozenset({
    "gebruiken", "gebruikt", "use", "used", "uses", "verwerken", "verwerkt", "process", "processed", "bewaren",
    "bewaard", "bewaart", "keep", "kept", "retain", "retained", "store", "stored", "opslaan", "opgeslagen", "verzamelen",
    "verzameld", "collect", "collected", "ontvangen", "receive", "received", "inzien", "raadplegen", "bekijken",
    "nodig", "need", "needed", "kopie", "copy", "vaststellen", "controleren", "check", "toetsen", "benaderen", "contact", "sturen", "send",
    "acties", "uitvoeren", "aanbod", "aanbieding", "aanbiedingen", "offers", "cookies", "gebruik",
})
#: Words of the person's own initiative in a condition: "als u toestemming geeft", "if you give us your number".
INITIATIVE_WORDS = frozenset({
    "toestemming", "consent", "geeft", "geven", "gegeven", "achterlaat", "achterlaten", "invult", "opgeeft", "verstrekt",
    "give", "gives", "provide", "provides", "leave", "enter", "aangegeven", "aangeeft", "kiest", "choose", "agree",
    "instemt", "wilt", "want", "wish", "vraagt", "request", "requests", "verzoek", "contact", "aanmeldt", "inschrijft",
    "registreert", "sign", "subscribe", "register", "bestelt", "order", "orders",
})
ENABLING_PHRASES = (("op", "basis", "van", "deze"), ("op", "basis", "hiervan"), ("met", "deze"), ("with", "this"),
                    ("this", "way"), ("in", "this", "way"), ("op", "deze", "manier"), ("based", "on", "this"))
ENABLING_OPENERS = frozenset({"zo", "hiermee", "daarmee", "hierdoor", "daardoor", "thus", "thereby"})
OCCUR_VERBS = frozenset({"voordoen", "voorkomen", "gebeuren", "happen", "occur"})
CONDITION_PHRASES = (("in", "dat", "geval"), ("in", "deze", "gevallen"), ("in", "die", "gevallen"), ("in", "that", "case"),
                     ("in", "such", "cases"), ("in", "these", "cases"), ("in", "dit", "geval"),
                     ("basis", "van", "jouw", "toestemming"), ("basis", "van", "uw", "toestemming"),
                     ("basis", "van", "je", "toestemming"), ("met", "uw", "toestemming"), ("met", "jouw", "toestemming"),
                     ("met", "je", "toestemming"), ("with", "your", "consent"), ("based", "on", "your", "consent"))
DEPENDING = (("afhankelijk", "van"), ("depending", "on"))
#: "zoals" meaning "as": "zoals beschreven", "zoals u die invult", "zoals de wet voorschrijft".
AS_WORDS = frozenset({
    "hierboven", "hieronder", "beschreven", "vermeld", "bedoeld", "aangegeven", "toegestaan", "vereist", "vastgesteld",
    "bepaald", "omschreven", "gedefinieerd", "genoemd", "afgesproken", "overeengekomen", "vastgelegd", "voorgeschreven",
    "besproken", "toegelicht", "uitgelegd", "gezegd", "eerder", "voorschrijft", "bepaalt", "toestaat",
    "verlangt", "eist", "aangeduid", "opgenomen", "staat", "staan", "gebruikelijk", "al",
})
EXCEPTIONS = frozenset({"uitzondering", "behalve", "tenzij", "except", "unless", "other", "than", "dan"})
CLOSURES = (("geen", "andere"), ("no", "other"), ("niets", "anders"), ("nothing", "else"), ("no", "others"),
            ("only", "these"), ("alleen", "deze"), ("uitsluitend", "deze"), ("geen", "overige"))
#: What examples of these exemplify need not be listed: measures, incidents, the company's own services.
NOT_LISTED = frozenset({
    "maatregelen", "measures", "beveiliging", "security", "incident", "incidenten", "incidents", "storingen",
    "diensten", "services", "dienstverlening", "kanalen", "channels", "apparaat", "apparatuur", "device", "devices",
    "situaties", "situations", "gevallen", "cases", "taken", "tasks", "redenen", "reasons", "voorbeelden",
})


Words = Sequence[Token]
Span = tuple[int, int]
Names = Sequence[tuple[str, ...]]
QUOTED_WORDS = 80  # a sentence is quoted (and compared) by its first words: a long one costs no more


@dataclass(frozen=True)
class Hedge:
    phrase: str  # as written
    sentence: str  # the sentence it stands in, as written (its first QUOTED_WORDS words)
    start: int  # offsets of the phrase in the text
    end: int


def find(text: str, names: Sequence[tuple[str, ...]] = ()) -> tuple[Hedge, ...]:
    """The hedges in ``text``: each distinct phrase once per sentence, in order."""
    return _find(text, tuple(names))


@remembered(512)  # a manifest quotes the same sentences in several fields, and files repeat them
def _find(text: str, names: tuple[tuple[str, ...], ...]) -> tuple[Hedge, ...]:
    if not _candidates().search(text.lower()):
        return ()  # most texts hold no hedge's words at all: no need to read them word by word
    words = tokens(text)
    found: list[Hedge] = []
    # The words that start a hedge, in order (found without a call per word); matching goes on after a match.
    starts = list(compress(count(), map(_LENGTHS.__contains__, map(attrgetter("lower"), words))))
    position = 0
    for sentence in sentences(words):
        seen: set[str] = set()
        first, last = sentence
        index = first
        while position < len(starts) and starts[position] < last:
            start = starts[position]
            position += 1
            if start < index:
                continue  # inside the previous match
            match = _match(words, start, last)
            if match is None:
                continue
            length, sort = match
            if _is_hedge(words, sentence, start, length, sort, names):
                phrase = text[words[start].start : words[start + length - 1].end]
                key = " ".join(phrase.lower().split())
                if key not in seen:
                    seen.add(key)
                    quoted = text[words[first].start : words[min(last, first + QUOTED_WORDS) - 1].end]
                    found.append(Hedge(phrase, quoted, words[start].start, words[start + length - 1].end))
            index = start + length
    return tuple(found)


@lru_cache(maxsize=1)
def _candidates() -> re.Pattern[str]:
    """Finds every hedge's words in a lower-case text (and more: a word inside another, no space between words).

    Tokens follow each other with nothing but white space between them, so where ``_match`` finds a hedge's words
    this finds them too. It is one tree of alternatives, so each place is tried against a phrase's next letter only.
    """
    tree: _Tree = {}
    for words in HEDGES:
        node = tree
        for character in " ".join(words):
            node = node.setdefault(character, {})
        node[""] = {}
    return re.compile(_alternatives(tree))


_Tree = dict[str, "_Tree"]  # a letter and the tree of what may follow it ("" where a phrase ends)


def _alternatives(node: _Tree) -> str:
    if "" in node:
        return ""  # a phrase ends here: the longer ones that start with it are found with it
    # (after white space comes a letter, never more white space: giving it back cannot make a match)
    branches = [(r"\s*" if character == " " else re.escape(character)) + _alternatives(child)
                for character, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _match(words: Words, index: int, last: int) -> tuple[int, Sort] | None:
    """The longest hedge that starts at ``index`` (whose word starts one), with its sort."""
    for length in _LENGTHS[words[index].lower]:
        if length <= last - index:
            sort = HEDGES.get(tuple([token.lower for token in words[index : index + length]]))
            if sort is not None:
                return length, sort
    return None


def _is_hedge(words: Words, sentence: Span, index: int, length: int, sort: Sort, names: Names) -> bool:
    word = words[index].lower
    first, last = sentence
    if sort not in (Sort.example, Sort.open) and not any(
            w in PROCESSING_VERBS or is_data_word(w) or is_recipient_word(w) or w in GENERIC_NOUNS
            for w in words_in(words, max(first, index - 2 * WINDOW), index)
            + words_in(words, index + length, min(last, index + length + 2 * WINDOW))):
        return False  # "wij kunnen dit privacybeleid herzien": not about what is done with data
    clause = clause_at(words, sentence, index)
    if clause.opener in ("of", "whether") and sort is not Sort.modal:
        return False  # "we kijken of het bereik misschien ...": an indirect question, not a hedge
    if sort is Sort.needed and any(w in ("om", "to") for w in words_in(words, max(first, index - 2), index)):
        return False  # "om, indien nodig, aan te kunnen tonen": it qualifies the purpose, not what is done
    if clause.kind in (Kind.condition, Kind.purpose) and (clause.start == index or _main_verb_follows(words, index)):
        clause = Clause(index, clause.end, Kind.main)  # "waar nodig ...", "indien u belt ... kunnen wij"
    if sort is Sort.example and _defines(words, sentence, index):
        return False  # "Dit zijn bijvoorbeeld gegevens zoals uw naam": what personal data are, not what is done
    if sort is Sort.open:
        return _subject(words, sentence, clause, index, names) is not Role.person
    if sort is Sort.example:
        return _open_list(words, sentence, clause, index, length, names)
    if sort is Sort.others:
        following = [w for w in _next_words(words, index + length, sentence[1], 3) if w not in DETERMINERS]
        if not following or not (is_data_word(following[0]) or is_recipient_word(following[0]) or following[0] in GENERIC_NOUNS
                                 or _generic_compound(following[0]) or following[1:2] and following[1] in CATEGORY_HEADS):
            return False  # "cookies of andere traceringstechnologieën": not data or recipients
        if _names_category(following):
            return False  # "e-mailadres, telefoonnummer en andere contactgegevens": the list ends in a category of its own
        return _subject(words, sentence, clause, index, names) in HEDGED_ROLES
    if clause.kind is Kind.condition:
        return False  # judge the main clause: "als uw gesprek kan worden opgenomen, informeren wij u"
    if sort is Sort.modal:
        return _modal_hedge(words, sentence, clause, index, names)
    if _has(words, clause, OBLIGATIONS) or _has(words, clause, NEGATIONS):
        return False  # "soms moeten wij gegevens doorgeven": a legal obligation; "niet voor onbepaalde tijd"
    if clause.kind is Kind.purpose and clause.opener in ("zodat", "opdat", "so") and \
            _subject(words, sentence, clause, index, names, inherit=False) in (Role.recipient, Role.other):
        return False  # "verstrekt Odido ... aan Netflix, zodat ze je eventueel kunnen herinneren": the recipient's own use
    if sort is Sort.possibly:
        if word == "possible":  # "possible recipients", "it is possible that"; not "as soon as possible"
            return _possible(words, index, sentence)
        if word in ("mogelijk",) and _not_possibly(words, index, sentence):
            return False
        if words[index + length - 1].lower in ("dat", "that"):  # "het is mogelijk dat u ...": who does it decides
            subject = _subject_at(words, index + length, min(last, index + length + 8), names)
            return subject is None or subject in HEDGED_ROLES
        subject = _subject(words, sentence, clause, index, names, inherit=word not in ("eventueel", "evt."))
        return subject in HEDGED_ROLES
    if sort is Sort.quantity:
        following = _next_words(words, index + 1, sentence[1], 3)
        if not any(is_data_word(w) or is_recipient_word(w) or w in ("of", "van") for w in following):
            return False  # "sommige onderdelen van de website", "enkele van de maatregelen"
        if following[:1] in (["of"], ["van"]) and not any(is_data_word(w) or is_recipient_word(w) for w in following[1:]):
            return False
        if _closed_by_next_sentence(words, sentence):
            return False
        if all(w in CONJUNCTIONS for w in words_in(words, clause.start, index)) and \
                _pronoun_subject(words, index + 1, clause.end) in (None, Role.impersonal):
            # "some of your data will be shared"; not "sommige gegevens kunt u zelf aanpassen"
            return role_of_phrase(words, index, clause.end, names) in HEDGED_ROLES
    subject = _subject(words, sentence, clause, index, names, inherit=clause.kind is not Kind.relative)
    return subject in HEDGED_ROLES


HEDGED_ROLES = (Role.controller, Role.data, Role.recipient, Role.impersonal)


# -- modal verbs --------------------------------------------------------------------------------


def _modal_hedge(words: Words, sentence: Span, clause: Clause, index: int, names: Names) -> bool:
    word = words[index].lower
    first, last = sentence
    if index > first and words[index - 1].lower == "te":
        return False  # "om ... te kunnen": in order to
    if clause.kind in (Kind.purpose, Kind.reason) or clause.opener in ("waarmee", "waardoor", "waarvan", "waarop", "whereby"):
        return False  # "zodat wij u kunnen betalen", "so that we can"
    after = _next_words(words, index + 1, last, 4)
    if not after or after[0] in (".", "!", "?", ";"):
        return False  # "wat beter kan": nothing is done
    before = words_in(words, max(first, index - 2), index)
    if any(w in NEGATIONS or w in LIMITS for w in after[:3] + before) or (after and after[0] in ("zich",) and "niet" in after):
        return False  # "kan geen verantwoording dragen", "can only read"
    if any(w in OCCUR_VERBS for w in after) and _next_conjunction(words, index, last) in CONDITION_WORDS:
        return False  # "dit kan zich voordoen als ...": when it happens, not whether
    rest = _rest_of_sentence(words, index + 1, last)
    if _contains(rest, DEPENDING):
        return False  # "we can do X or Y, depending on the service": a closed set with its criterion
    subject = _subject(words, sentence, clause, index, names)
    if subject not in HEDGED_ROLES:
        return False  # the person, a system, an authority, others
    clause_words = words_in(words, clause.start, clause.end)
    if clause_words[:1] and clause_words[0] in ENABLING_OPENERS or _contains(clause_words[:3], ENABLING_PHRASES) or (
            clause_words[:3] == ["op", "basis", "van"] and any(is_data_word(w) for w in clause_words[3:7])):
        return False  # "zo kunnen we zien ...", "op basis van deze gegevens kunnen wij ...": what the data make possible
    if any(w in OBLIGATIONS for w in rest[:8]):
        return False  # "kunnen wij verplicht zijn", "wij kunnen worden verplicht"
    if any(w in NECESSITY for w in words_in(words, clause.start, index)):
        return False  # "moeten wij inzage kunnen hebben": what the controller needs, not whether it does it
    if _keeps_at_most(rest):
        return False  # "kunnen wij tot 12 maanden bewaren": a maximum, not a hedge
    if ("termijn" in rest[:20] or "deadline" in rest[:20]) and any(w.startswith(("verleng", "extend")) for w in rest[:20]):
        return False  # extending the answer period is not processing
    if _channel_menu(rest):
        return False  # "kunnen we je per sms of e-mail benaderen": only which of the channels is open, and they are listed
    main = _main_words(rest)
    strong = _strong(main)
    if not strong and _asks_person(main):
        return False  # "wij kunnen u vragen ...": a request, the person decides
    if not strong and any(w in SERVICE_VERBS for w in main):
        return False  # "we can call you back", "kunnen wij uw vraag beantwoorden"
    if not strong and _protects_own_account(rest):
        return False  # "kunnen we jouw telefoonnummer gebruiken om je Persoonlijk Account extra te beveiligen"
    if word not in MAY_WORDS and not strong and _after_condition(words, sentence, clause, index):
        return False  # "als u toestemming geeft, kunnen we ...": the condition settles it
    return True


NECESSITY = frozenset({"moeten", "moet", "dienen", "dient", "must"})
KEEPING_VERBS = frozenset({"bewaren", "bewaard", "bewaart", "opslaan", "opgeslagen", "keep", "kept", "retain", "retained",
                           "store", "stored"})
UP_TO = (("tot",), ("up", "to"), ("maximaal",), ("ten", "hoogste"), ("hooguit",), ("at", "most"), ("no", "longer", "than"),
         ("niet", "langer", "dan"), ("uiterlijk",), ("for", "up", "to"), ("a", "maximum", "of"), ("maximum",),
         ("no", "more", "than"), ("niet", "meer", "dan"), ("max.",), ("een", "maximum", "van"))
TIME_UNITS = ("dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren", "day", "days", "week", "weeks",
              "month", "months", "year", "years", "uur", "hours")


def _keeps_at_most(clause_words: list[str]) -> bool:
    """Whether the modal's clause only keeps data, for at most a stated time: "(kunnen wij) tot 12 maanden ... bewaren",
    "(we may) keep your data for up to two years"; not when it also shares or records them."""
    if not any(w in KEEPING_VERBS for w in clause_words) or _strong(clause_words):
        return False
    for position in range(len(clause_words)):
        for phrase in UP_TO:
            if tuple(clause_words[position : position + len(phrase)]) == phrase:
                after = clause_words[position + len(phrase) : position + len(phrase) + 3]
                if len(after) >= 2 and any(w in TIME_UNITS for w in after[1:]):
                    return True
    return False


CONTACT_VERBS = frozenset({"benaderen", "informeren", "bellen", "mailen", "e-mailen", "bereiken", "contacteren",
                           "approach", "contact", "reach", "call", "email", "e-mail", "inform"})
CHANNELS = frozenset({"telefoon", "telefonisch", "sms", "e-mail", "email", "mail", "post", "brief", "app", "whatsapp",
                      "chat", "pushbericht", "phone", "telephone", "text", "letter", "push", "notification"})
OPEN_MARKERS = frozenset({"zoals", "bijvoorbeeld", "bijv.", "bv.", "o.a.", "etc.", "enz.", "e.g.", "such", "including",
                          "waaronder", "andere", "other"})


def _channel_menu(rest: list[str]) -> bool:
    """Whether the modal's clause reaches the person through one of a closed list of channels: "(kunnen we) je per
    sms of e-mail benaderen", "(kan ... gebruiken om) je te benaderen per telefoon, sms, e-mail ... of post"."""
    if not any(w in CONTACT_VERBS for w in rest) or not any(w in ("je", "u", "jou", "you") for w in rest):
        return False
    for position, w in enumerate(rest):
        if w in ("per", "via", "by"):
            listed = rest[position + 1 : position + 16]
            channels = sum(any(word == channel or word.endswith(channel) for channel in CHANNELS) for word in listed)
            if channels >= 2 and any(word in ("of", "or") for word in listed) and \
                    not any(word in OPEN_MARKERS for word in listed):
                return True
    return False


def _protects_own_account(rest: list[str]) -> bool:
    """Whether the modal's purpose is securing the person's own account: a service to them, not a use of their data."""
    if "om" not in rest and "to" not in rest:
        return False
    purpose = rest[max(rest.index("om") if "om" in rest else -1, rest.index("to") if "to" in rest else -1) :]
    return any(w in ("beveiligen", "secure", "protect", "beschermen") for w in purpose) and \
        any(w in ("je", "jouw", "uw", "your") for w in purpose) and \
        any(w.endswith(("account", "profiel", "profile", "login")) for w in purpose)


def _rest_of_sentence(words: Words, start: int, last: int) -> list[str]:
    rest = []
    for token in words[start : min(last, start + WINDOW)]:
        if token.lower == ";":
            break
        rest.append(token.lower)
    return rest


def _main_words(rest: list[str]) -> list[str]:
    """The words of the modal's own clause: past an embedded condition, up to a purpose or relative clause."""
    found, skipping = [], False
    for w in rest:
        if w in CONDITION_WORDS:
            skipping = True
        elif skipping and w == ",":
            skipping = False
        elif w in ("om", "zodat", "opdat", "so", "to", "die", "welke", "which", "who", "waarmee", "waardoor"):
            break
        elif not skipping:
            found.append(w)
    return found


def _strong(clause_words: list[str]) -> bool:
    if any(w in MAKING_VERBS for w in clause_words) and any(w in RECORDINGS or w.endswith(("beelden", "opnamen"))
                                                            for w in clause_words):
        return True  # "kunnen camerabeelden worden gemaakt": recording
    for position, w in enumerate(clause_words):
        if w in STRONG_VERBS or "marketing" in w:
            if w in ("opnemen", "opgenomen") and "contact" in clause_words[max(0, position - 4) : position]:
                continue  # "contact met u opnemen"
            if w == "door" and not any(v.startswith(("geef", "geven", "stuur", "sturen")) for v in clause_words):
                continue
            if w == "uitvoeren" and not any(v.endswith(("acties", "actie", "campagnes", "onderzoek", "onderzoeken"))
                                            for v in clause_words):
                continue
            return True
    return False


def _asks_person(clause_words: list[str]) -> bool:
    for position, w in enumerate(clause_words):
        if w in ("u", "je", "jou", "you") and any(v in REQUESTS for v in clause_words[position + 1 : position + 12]):
            return True
    return False


def _after_condition(words: Words, sentence: Span, clause: Clause, index: int) -> bool:
    """Whether the modal's clause follows or holds a condition ("als u toestemming geeft", "in deze gevallen")."""
    first, last = sentence
    if _contains(words_in(words, max(first, clause.start - 2), clause.end), CONDITION_PHRASES):
        return True
    before = words_in(words, max(first, index - WINDOW), index)
    if ";" in before:  # "wanneer u ..., gebruiken wij ...; daarnaast kunnen wij ...": a new main clause
        before = before[len(before) - before[::-1].index(";") :]
    return any(w in CONDITION_WORDS and w not in ("waar", "where") for w in before) or \
        any(w in CONDITION_WORDS for w in words_in(words, index + 1, min(last, index + 6)))


CLAUSE_END = frozenset({",", ";", ":", ")", "("})


def _main_verb_follows(words: Words, index: int) -> bool:
    """Whether the hedge at ``index`` is the main clause's verb after a condition: "indien u belt ... kunnen wij"."""
    following = words[index + 1].lower if index + 1 < len(words) else ""
    return words[index].lower in ("kan", "kunnen", "kunt") and (following in SUBJECT_PRONOUNS and following not in ("u", "je", "jij"))


# -- subjects ------------------------------------------------------------------------------------

ADVERBIAL_OPENERS = frozenset({
    "in", "na", "voor", "op", "bij", "door", "met", "tot", "via", "vanaf", "naast", "hiernaast", "daarnaast", "tevens",
    "ook", "zo", "dan", "daarom", "dus", "soms", "vaak", "bovendien", "verder", "vervolgens", "hierbij", "daarbij",
    "hiervoor", "daarvoor", "allereerst", "mogelijk", "eventueel", "meestal", "uiteraard", "echter", "wel",
    "also", "then", "therefore", "sometimes", "often", "where", "for", "on", "at", "after", "before", "from",
    "with", "under", "within", "during", "tijdens", "binnen", "onder", "waar", "because", "omdat", "ten", "om",
    "nadat", "voordat", "als", "indien", "wanneer", "zodra", "tenzij", "if", "when", "unless", "additionally",
    "furthermore", "moreover", "hiermee", "daarmee", "hierdoor", "daardoor", "tenslotte", "slot", "niettegenstaande",
    "possibly", "perhaps", "wellicht", "misschien", "mogelijkerwijs", "evt.", "hier", "daar", "nu",
})
PREPOSITIONS = frozenset({"met", "aan", "van", "voor", "bij", "door", "over", "naar", "to", "with", "from", "for", "of",
                          "by", "about", "tegen", "om"})
FOCUS_ADVERBS = frozenset({"ook", "tevens", "daarnaast", "bovendien", "also", "zelfs", "even", "alleen", "only"})
CONJUNCTIONS = frozenset({"maar", "en", "of", "and", "but", "or", "dan", "then", "want", "echter"})
MODALS = frozenset({"kan", "kunnen", "kunt", "may", "might", "could", "can"})


def _subject(words: Words, sentence: Span, clause: Clause, index: int, names: Names, inherit: bool = True) -> Role | None:
    """Who acts in the clause of ``index``: a subject after an inverted verb, one before it, or the sentence's."""
    first, _ = sentence
    start = clause.start + (1 if clause.kind is not Kind.main and clause.opener else 0)
    if clause.kind is Kind.relative and clause.opener not in ("dat", "that", "of", "whether"):
        own = _pronoun_subject(words, start, clause.end)
        if own is not None:
            return own
        return _antecedent(words, clause.start, first) or Role.other
    while start < index and words[start].lower in CONJUNCTIONS:
        start += 1
    if start < index and is_subject_pronoun(words, start):
        return role_of_word(words[start].lower) or Role.other  # "wij kunnen u ...": the subject comes first
    if words[index].lower in MODALS and index + 1 < len(words) and is_subject_pronoun(words, index + 1):
        return role_of_word(words[index + 1].lower) or Role.other  # "kunnen wij", "kunt u": inverted
    own = _pronoun_subject(words, start, clause.end)
    if own is not None and own is not Role.impersonal:
        return own
    while start < index - 1 and words[start].lower in FOCUS_ADVERBS and words[start + 1].lower not in MODALS:
        start += 1  # "ook de Belastingdienst kan ...": the subject follows the adverb
    leading = start < index and words[start].lower not in ADVERBIAL_OPENERS
    if leading:
        found = role_of_phrase(words, start, index, names)
        if found is not None:
            return found
        if words[index].lower in MODALS:
            return Role.other  # "kwaadwillenden (kunnen) misbruik maken": someone else
    if own is not None:
        return own
    if words[index].lower in MODALS:
        found = role_of_phrase(words, index + 1, min(clause.end, index + 6), names)
        if found is not None:
            return found
        following = words[index + 1].lower if index + 1 < clause.end else ""
        if following.isalpha() and following not in ADVERBIAL_OPENERS and following not in FINITE_VERBS and \
                following not in DETERMINERS and not following.startswith("ge") and not following.endswith("en"):
            return Role.other  # "op onze website kunnen links staan": something else is the subject
    if inherit and clause.kind in (Kind.main, Kind.purpose):
        return _sentence_subject(words, sentence, names)
    return None


def _subject_at(words: Words, start: int, end: int, names: Names) -> Role | None:
    """The role of the subject that opens ``words[start:end]``: a pronoun or a noun phrase."""
    if start < end and is_subject_pronoun(words, start):
        return role_of_word(words[start].lower) or Role.other
    return role_of_phrase(words, start, end, names)


def _pronoun_subject(words: Words, start: int, end: int) -> Role | None:
    """The role of the clause's first subject pronoun (not one after a preposition: "met u", "to you")."""
    for index in range(start, min(end, len(words))):
        word = words[index].lower
        if is_subject_pronoun(words, index) or word in ("het", "it", "er", "there"):
            if index > start and not _may_precede_subject(words[index - 1].lower):
                continue  # "met u", "to you", "de Klantenservice zal u vragen": not the subject
            if word == "het" and _is_article(words, index):
                continue  # "het gesprek": an article, not "het kan voorkomen"
            return role_of_word(word) or Role.impersonal
    return None


FINITE_VERBS = frozenset({
    "kan", "kunnen", "kunt", "zal", "zullen", "zult", "heeft", "hebben", "hebt", "heb", "is", "zijn", "bent", "wordt",
    "worden", "moet", "moeten", "mag", "mogen", "wil", "willen", "gaat", "gaan", "doet", "doen", "may", "might",
    "could", "can", "will", "would", "shall", "should", "must", "do", "does", "did", "have", "has", "are", "were",
})


def _may_precede_subject(word: str) -> bool:
    """Whether a subject pronoun may follow ``word``: a verb ("bewaren we"), an adverb or punctuation, not a noun or preposition."""
    if word in PREPOSITIONS or word in DETERMINERS and word not in ("dat", "that"):
        return False
    if word in FINITE_VERBS or word in ADVERBIAL_OPENERS or word in CONJUNCTIONS or not word.isalpha():
        return True
    if word in CLAUSE_STARTERS:
        return True
    return word.endswith(("en", "t", "d")) and word[:1].islower() and not is_data_word(word) and not is_recipient_word(word) \
        and role_of_word(word) is None


def _is_article(words: Words, index: int) -> bool:
    following = words[index + 1].lower if index + 1 < len(words) else ""
    return following.isalpha() and following not in ("is", "kan", "zal", "was", "wordt", "nodig", "mogelijk", "echter")


def _antecedent(words: Words, clause_start: int, first: int) -> Role | None:
    for token in reversed(words[max(first, clause_start - 4) : clause_start]):
        role = role_of_word(token.lower)
        if role is not None:
            return role
    return None


def _sentence_subject(words: Words, sentence: Span, names: Names) -> Role | None:
    """The first subject of the sentence outside its conditions, purposes and relative clauses."""
    first, last = sentence
    while first < last and words[first].lower in CONJUNCTIONS:
        first += 1
    if first < last and (words[first].lower in DETERMINERS or words[first].lower in IMPERSONAL_PRONOUNS) and \
            words[first].lower not in ("of", "van", "met", "with", "such"):
        end = first + 1
        while end < min(last, first + 8) and words[end].lower not in FINITE_VERBS and words[end].lower not in CLAUSE_END:
            end += 1
        return role_of_phrase(words, first, end, names) or Role.other  # "De Helpdesk zal u vragen"
    skipping = False
    for index in range(first, min(last, first + 2 * WINDOW)):
        word = words[index].lower
        if word in CLAUSE_STARTERS and word not in ("to", "so", "of"):
            skipping = True
        elif word in CLAUSE_END:
            skipping = False
        elif not skipping and is_subject_pronoun(words, index):
            if index > first and not _may_precede_subject(words[index - 1].lower):
                continue
            return role_of_word(word) or Role.other
        elif not skipping and find_name(words, index, index + 1, names) is not None:
            return Role.controller
    skipping = False
    for index in range(first, min(last, first + 2 * WINDOW)):
        word = words[index].lower
        if word in CLAUSE_STARTERS and word not in ("to", "so", "of"):
            skipping = True
        elif word in CLAUSE_END:
            skipping = False
        elif not skipping and word not in PREPOSITIONS and not any(
                w.lower in PREPOSITIONS for w in words[max(first, index - 2) : index]):
            role = role_of_word(word)
            if role is not None and role is not Role.person:
                return role
    return None


# -- examples and lists -------------------------------------------------------------------------


def _open_list(words: Words, sentence: Span, clause: Clause, index: int, length: int, names: Names) -> bool:
    """Whether "zoals", "bijvoorbeeld", "etc." at ``index`` gives an open list of data, recipients or purposes."""
    first, last = sentence
    marker = " ".join(token.lower for token in words[index : index + length])
    own = _subject(words, sentence, clause, index, names, inherit=False)
    if own in (Role.person, Role.other) or own is None and _subject(words, sentence, clause, index, names) is Role.person:
        return False  # "u kunt ons via verschillende kanalen (zoals ...) benaderen"; "een bestelling kan ons bijvoorbeeld ..."
    following = _next_words(words, index + length, last, 8)
    if following[:1] and following[0] in OCCASION_WORDS or _exemplifies_condition(words, first, index):
        return False  # "bijvoorbeeld als een partner een aanbieding heeft", "als dat nodig is, bijvoorbeeld voor ...":
        # examples of when an act that is itself stated happens, not of what is done or with whom
    if marker == "zoals":
        if index > first and words[index - 1].lower in ("en", "of"):
            return False  # "waar en zoals toegestaan"
        if following[:1] and (following[0] in SUBJECT_PRONOUNS or following[0] in AS_WORDS or following[0] in
                              ("die", "dat", "in", "bij", "op", "hier", "daar", "ook", "anderszins", "wettelijk", "nu")
                              or following[0].startswith("ge") and following[0].endswith(("d", "t", "en"))):
            return False  # "zoals u die invult", "zoals beschreven", "zoals in artikel 3 vermeld"
        if any(w in AS_WORDS for w in following[:5]) and not any(is_data_word(w) for w in following[:3]):
            return False  # "zoals de wet voorschrijft"
    if (following[:1] and following[0] in ("voor", "for") or index > first and words[index - 1].lower in ("voor", "for")) \
            and marker not in ("zoals", "such as"):
        return _subject(words, sentence, clause, index, names) not in (Role.person, Role.other)  # "o.a. voor facturen"
    if following[:1] and following[0] in ("door", "by", "te", "to"):
        return False  # "bijvoorbeeld door ...": examples of how, not of what
    before = words_in(words, max(first, index - WINDOW), index)
    if marker in ("zoals", "such as", "bijvoorbeeld", "for example") and any(w in LEGAL_OBLIGATIONS for w in before):
        return False  # "alle gegevens die wij wettelijk moeten afgeven, zoals ...": a category the law sets
    about_data = any(is_data_word(w) or is_recipient_word(w)
                     for w in words_in(words, max(first, index - 2 * WINDOW), min(last, index + 2 * WINDOW)))
    if clause.kind is Kind.reason:
        # "omdat wij bijvoorbeeld ...": the reasons are open
        return about_data and _subject(words, sentence, clause, index, names) in HEDGED_ROLES
    negated = max((position for position, w in enumerate(before) if w in NEGATIONS), default=-1)
    if negated >= 0 and not any(w in EXCEPTIONS for w in before[negated:]):
        return False  # "wij verkopen uw gegevens niet voor doeleinden zoals ...": examples of what is not done
    rest = words_in(words, index + length, min(last, index + WINDOW))
    if any(_contains(rest, (closure,)) for closure in CLOSURES):
        return False  # "such as ... ; we send no other e-mails"
    if _named_category(words, index, first):
        return False  # "uw betaalgegevens (bijv. IBAN)": examples inside a category with a name of its own
    head, modifier = _head_noun(words, index, first)
    if marker in ("etc.", "enz.", "enzovoort", "and so on", "e.d."):
        items = words_in(words, max(first, index - 12), index)
        return head in GENERIC_NOUNS or any(is_data_word(w) and w not in ("informatie", "information") or is_recipient_word(w)
                                            for w in items[-8:])
    if head is not None:
        partial = marker in ("onder andere", "o.a.", "onder meer", "among others", "amongst others", "among other things",
                             "inter alia", "waaronder", "including")
        if partial and (is_data_word(head) or is_recipient_word(head)):
            return True  # "leveranciers, onder andere hosting": the list says itself that it is partial
        if head in NOT_LISTED or (head not in GENERIC_NOUNS and modifier is None and not _generic_compound(head)):
            return False  # examples inside a complete category: "toezichthouders zoals de AP"
        return True
    # "verwerken wij onder andere uw naam", "zijn bijvoorbeeld businesspartners", "o.a. verstrekt aan:"
    if index + length < last and words[index + length].text[:1].isupper() and words[index + length].lower not in DETERMINERS:
        return False  # "zoals Autoriteit Persoonsgegevens, ...": named examples of a category the field does not show
    if following[:1] == [":"] or (following and following[0] in ("de", "het", "the") and _contains(following, (("volgende",),
                                                                                                             ("following",)))):
        return True
    items = [w for w in following if w not in DETERMINERS and w.isalpha()][:3]
    if items and items[0] in NOT_LISTED:
        return False
    if any((is_data_word(w) or w in GENERIC_NOUNS) and w not in ("informatie", "information") or is_recipient_word(w)
           for w in items):
        return True
    clause_words = words_in(words, clause.start, clause.end)
    return any(w in ("verstrekt", "verstrekken", "gedeeld", "delen", "shared", "share", "disclosed") for w in clause_words) and \
        ("aan" in following or "with" in following or ":" in following)


#: Words that start an occasion: "bijvoorbeeld als ...", "for example when ...", "bijvoorbeeld tijdens ...".
OCCASION_WORDS = (CONDITION_WORDS - {"waar", "where", "wherever", "tenzij", "unless", "mits", "provided"}) | {
    "tijdens", "during"}


def _exemplifies_condition(words: Words, first: int, index: int) -> bool:
    """Whether the example marker at ``index`` follows a short condition just before a comma: "(contact opnemen) als dat
    noodzakelijk is, bijvoorbeeld voor ...", where the examples are of the occasion, not of the data or recipients."""
    if index - 1 <= first or words[index - 1].lower != ",":
        return False
    before = words_in(words, max(first, index - 8), index - 1)
    return any(w in ("als", "indien", "wanneer", "if", "when", "whenever") for w in before[-6:]) and \
        any(w in ("nodig", "noodzakelijk", "vereist", "necessary", "needed", "required") for w in before[-3:])


def _defines(words: Words, sentence: Span, index: int) -> bool:
    """Whether the sentence around ``index`` says what data are ("dit zijn bijvoorbeeld gegevens zoals ...", "... zijn
    persoonsgegevens") and nothing done with them; not "dit zijn onder andere: ...", which lists what is processed."""
    first, last = sentence
    around = words_in(words, max(first, index - WINDOW), min(last, index + WINDOW))
    if any(w in ACTS for w in around):
        return False
    return any(w in COPULAS and any(v in DATA_KINDS for v in around[position + 1 : position + 4])
               for position, w in enumerate(around))


COPULAS = frozenset({"zijn", "is", "are", "betekent", "means", "heten", "noemen", "called"})
DATA_KINDS = frozenset({"gegevens", "persoonsgegevens", "data", "informatie", "information"})
#: The verbs of PROCESSING_VERBS, not its nouns: what a sentence that defines something does not do.
ACTS = PROCESSING_VERBS - frozenset({
    "nodig", "need", "needed", "kopie", "copy", "contact", "acties", "aanbod", "aanbieding", "aanbiedingen", "offers",
    "cookies", "gebruik", "melding", "door",
})


def _generic_compound(word: str) -> bool:
    if word.endswith("gegevens"):  # "persoonsgegevens" is any data; "betaalgegevens" a category of its own
        return word[: -len("gegevens")].rstrip("-") in GENERIC_DATA_PREFIXES
    return len(word) > 8 and word.endswith(("partners", "partijen", "dienstverleners", "bedrijven",
                                            "organisaties", "derden"))


#: "persoonsgegevens", "klantgegevens": any data of a person, not a category whose examples illustrate it.
GENERIC_DATA_PREFIXES = frozenset({"persoons", "klant", "klanten", "gebruikers", "cliënt", "client", "privé", "prive"})
#: Words before "data", "details", "gegevens" that do not name a category: "personal data", "relevante gegevens".
GENERIC_QUALIFIERS = frozenset({
    "personal", "persoonlijke", "relevant", "relevante", "necessary", "noodzakelijke", "benodigde", "required",
    "such", "any", "more", "further", "extra", "meer", "andere", "overige", "your", "uw", "jouw", "je",
    "identifying", "identificerende", "all", "alle",
})


CATEGORY_HEADS = ("data", "details", "information", "gegevens", "informatie")


def _names_category(following: list[str]) -> bool:
    """Whether the words after "en andere" name a category with a name of its own ("contactgegevens", "contact details",
    "betaalgegevens"), which the items before it illustrate and it closes; not "gegevens", "personal data",
    "partners" or "persoonsgegevens", which leave the list open."""
    if not following:
        return False
    word = following[0]
    if word.endswith("gegevens") and word != "gegevens":
        return not _generic_compound(word)
    return len(following) > 1 and following[1] in CATEGORY_HEADS and word.isalpha() and word not in GENERIC_QUALIFIERS \
        and word not in OPEN_MODIFIERS and word not in GENERIC_NOUNS


def _named_category(words: Words, index: int, first: int) -> bool:
    """Whether the examples at ``index`` illustrate a category with a name of its own: "payment details (e.g. IBAN)",
    "betaalgegevens, zoals ...", not "gegevens", "personal data" or "persoonsgegevens"."""
    position = index - 1
    while position >= first and words[position].text in ",(–-":
        position -= 1
    if position <= first - 1:
        return False
    head = words[position].lower
    if head.endswith("gegevens") and head != "gegevens":
        return not _generic_compound(head)
    if head not in ("data", "details", "information", "gegevens", "informatie") or position == first:
        return False
    modifier = words[position - 1].lower
    return modifier.isalpha() and modifier not in DETERMINERS and modifier not in OPEN_MODIFIERS and \
        modifier not in GENERIC_QUALIFIERS and modifier not in SUBJECT_PRONOUNS and not _looks_like_verb(modifier) \
        and modifier not in PREPOSITIONS


def _head_noun(words: Words, index: int, first: int) -> tuple[str | None, str | None]:
    """The noun the examples at ``index`` illustrate (the word before it, past '(' and ','), and an open modifier of it."""
    position = index - 1
    while position >= first and words[position].text in ",(–-":
        position -= 1
    if position < first:
        return None, None
    word = words[position].lower
    if not word.isalpha() and "-" not in word or word in DETERMINERS or word in SUBJECT_PRONOUNS:
        return None, None
    if _looks_like_verb(word) or position > first and words[position - 1].lower in ("te", "to"):
        # "gegevens te verstrekken, waaronder": look two words further back for the noun
        for back in range(position - 1, max(first, position - 4) - 1, -1):
            if words[back].lower in GENERIC_NOUNS or _generic_compound(words[back].lower):
                return words[back].lower, None
        return None, None
    modifier = None
    for back in range(position - 1, max(first, position - 3) - 1, -1):
        if words[back].lower in OPEN_MODIFIERS:
            modifier = words[back].lower
            break
    return word, modifier


def _looks_like_verb(word: str) -> bool:
    return word in MODALS or word in FINITE_VERBS or word in ("zijn", "is", "are", "include", "includes", "betreft", "betreffen", "omvatten", "omvat", "hebben",
                    "heeft", "gebruiken", "verwerken", "process", "use", "collect") or (word.endswith("en") and word.startswith(("ver", "be", "ge", "ont"))
                                                                                    and not word.endswith(("gegevens",)))


def _possible(words: Words, index: int, sentence: Span) -> bool:
    first, last = sentence
    before = words_in(words, max(first, index - 3), index)
    if before[-2:] == ["as", "soon"] or "as" in before[-1:]:
        return False
    following = _next_words(words, index + 1, last, 2)
    if following[:1] == ["that"]:
        return True
    return bool(following) and (is_recipient_word(following[0]) or is_data_word(following[0]) or following[0] in GENERIC_NOUNS)


def _not_possibly(words: Words, index: int, sentence: Span) -> bool:
    """ "mogelijk" that is not "possibly": "zo snel mogelijk", "mogelijk maken", "het is mogelijk om"."""
    first, last = sentence
    before = words_in(words, max(first, index - 4), index)
    after = _next_words(words, index + 1, last, 2)
    if "zo" in before or "zoveel" in before or "zoals" in before[-1:]:
        return True
    if after[:1] and after[0] in ("maken", "maakt", "gemaakt", "om", "te"):
        return True
    return False


def _closed_by_next_sentence(words: Words, sentence: Span) -> bool:
    """ "we bewaren sommige gegevens 7 jaar. Facturen, ... en ... worden ... bewaard": the next sentence lists them."""
    _, last = sentence
    following = words_in(words, last, min(len(words), last + 25))
    commas = 0
    for w in following[:20]:
        if w in (".", "!", "?", ":"):
            break
        commas += w == ","
    return commas >= 1 and ("en" in following[:20] or "and" in following[:20])


# -- small helpers ------------------------------------------------------------------------------


def words_in(words: Words, start: int, end: int) -> list[str]:
    return [token.lower for token in words[max(start, 0) : max(end, 0)]]


def _next_words(words: Words, start: int, last: int, count: int) -> list[str]:
    return [token.lower for token in words[start : min(last, start + count)]]


def _next_conjunction(words: Words, index: int, last: int) -> str:
    for token in words[index + 1 : min(last, index + 8)]:
        if token.lower in CONDITION_WORDS or token.lower in ("dat", "that"):
            return token.lower
    return ""


def _has(words: Words, clause: Clause, vocabulary: frozenset[str]) -> bool:
    return any(token.lower in vocabulary for token in words[clause.start : clause.end])


def _contains(sequence: list[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    for phrase in phrases:
        if not phrase:
            return True
        start, size = 0, len(phrase)
        try:
            while True:  # compared only where its first word stands
                start = sequence.index(phrase[0], start)
                if tuple(sequence[start : start + size]) == phrase:
                    return True
                start += 1
        except ValueError:
            continue
    return False


