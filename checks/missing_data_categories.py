"""
## What it does
Reports a data category obtained from someone other than the person (`from_others: true`)
whose name and items name no category of data: only "gegevens", "data" or "informatie",
qualified by where they come from or by nothing ("bepaalde gegevens", "gegevens via andere
partijen", "gegevens uit bestanden die wij kopen", "data we receive from partners", "de
gegevens die worden verwerkt, hangen af van wat er wordt gemeld"). A name or item that says
what the data are ("kredietinformatie", "contact details", "gegevens over uw
kredietwaardigheid", "naam en adres") is a category. Personal data at large
("persoonsgegevens", "klantgegevens", "personal data") is not.

## Why it matters
Art. 14(1)(d) requires, for data not obtained from the person, the categories of personal
data concerned. Someone whose data a company buys or receives from a partner cannot tell
what it holds on them, nor what to ask for under Art. 15, from "certain data".

## Example
```yaml
data_categories:
  - id: from-partners
    name: Gegevens via andere partijen
    from_others: true
    source: andere partijen aan wie u toestemming hebt gegeven
```

## Use instead
```yaml
data_categories:
  - id: from-partners
    name: Gegevens via andere partijen
    items: [naam, adres, bestelgeschiedenis]
    from_others: true
    source: andere partijen aan wie u toestemming hebt gegeven
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL515",
    name="missing-data-categories",
    severity="warning",
    article="Art. 14(1)(d)",
    summary="Data obtained from others are not described by category",
    reads=("data_categories[].from_others", "data_categories[].name", "data_categories[].items"),
)

#: Nouns that say only that there are data, not which.
GENERIC_DATA = frozenset({
    "gegevens", "persoonsgegevens", "data", "informatie", "information", "details", "info", "personal", "klantgegevens",
    "gebruikersgegevens", "cliëntgegevens", "dingen", "things", "zaken", "bestanden", "files", "records",
})
#: Words before the noun that leave it as open: determiners, quantifiers, "personal", "relevant", "additional".
OPEN_WORDS = frozenset({
    "de", "het", "een", "the", "a", "an", "uw", "je", "jouw", "your", "hun", "their", "bepaalde", "sommige", "andere",
    "overige", "alle", "enkele", "diverse", "verschillende", "certain", "some", "other", "any", "all", "various",
    "persoonlijke", "relevante", "relevant", "noodzakelijke", "necessary", "benodigde", "required", "volledige", "full",
    "extra", "meer", "more", "further", "verdere", "aanvullende", "additional", "such", "die", "dergelijke", "bepaald", "specifieke", "specific", "related", "gerelateerde", "identifying", "identificerende",
})
#: After a generic noun, these introduce what the data are about: "gegevens over uw kredietwaardigheid".
ABOUT = frozenset({"over", "about", "on", "betreffende", "omtrent", "inzake", "regarding", "concerning", "aangaande"})
#: What the data are about that names nothing: "gegevens over u", "information about you".
ABOUT_NOTHING = OPEN_WORDS | frozenset({"u", "jou", "you", "jezelf", "yourself", "hen", "them", "uzelf", "personen",
                                        "persons", "people", "mensen", "klanten", "customers"})
#: Subjects of a sentence that says where data come from: "wij ontvangen ...", "we receive ...".
SUBJECTS = frozenset({"wij", "we", "ze", "zij", "they"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, category in enumerate(manifest.data_categories):
        if not category.from_others:
            continue
        texts = [text for text in (category.name, *category.items) if text]
        if not any(names_a_category(text) for text in texts):
            shown = f" ({category.name!r})" if category.name else ""
            yield Problem(
                ("data_categories", index),
                f"data category {category.id!r}{shown} is obtained from others, but the statement does not say which "
                "categories of data it holds",
                hint="name the categories of data received (such as name and address, credit registrations, order "
                "history) and record them as items",
            )


def names_a_category(text: str) -> bool:
    """Whether ``text`` says what the data are: its head noun is not "gegevens", "data" or the like, or it is one
    with a complement that names the subject ("gegevens over uw kredietwaardigheid")."""
    words = [word.lower() for word in _WORD.findall(text)]
    if words[:1] and words[0] in SUBJECTS:  # "wij ontvangen soms gegevens van ...": judge the object
        start = next((i for i, word in enumerate(words[1:6], 1) if word in OPEN_WORDS or _generic(word)), None)
        if start is None:
            return True  # "wij ontvangen naam en adres van ..."
        words = words[start:]
    position = next((i for i, word in enumerate(words) if word not in OPEN_WORDS), None)
    if position is None:
        return False
    head = words[position]
    if not _generic(head):
        return True
    following = words[position + 1 : position + 6]
    if following and following[0] in ABOUT:
        subject = next((word for word in following[1:] if word not in OPEN_WORDS), None)
        return subject is not None and subject not in ABOUT_NOTHING and not _generic(subject)
    return False


def _generic(word: str) -> bool:
    return word in GENERIC_DATA or word.endswith(("persoonsgegevens", "klantgegevens"))
